"""Calendar quarters, the periods for which CBP publishes interest rates.

Interest runs from the deposit date to the liquidation date. A period is cut at each quarter
boundary. Each piece counts the days from its first day up to, not including, its end, so
the deposit day earns interest and the liquidation day does not.

>>> Quarter.parse("2025-q3"), Quarter.of(dt.date(2026, 3, 20))
(Quarter(year=2025, number=3), Quarter(year=2026, number=1))
>>> [(str(s.quarter), s.days) for s in split_by_quarter(dt.date(2025, 7, 15), dt.date(2026, 3, 20))]
[('2025Q3', 78), ('2025Q4', 92), ('2026Q1', 78)]
"""

import dataclasses
import datetime as dt
import re

_LABEL = re.compile(r"^\s*(\d{4})\s*-?\s*Q([1-4])\s*$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter: ``number`` 1 is January to March."""

    year: int
    number: int

    @classmethod
    def of(cls, day):
        """Return the quarter that contains ``day``."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text):
        """Return the quarter written as ``2025Q3`` or ``2025-Q3``; raise ``ValueError`` otherwise."""
        match = _LABEL.match(str(text))
        if not match:
            raise ValueError(f"{text!r} is not a quarter written like 2026Q2")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def first_day(self):
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self):
        return self.next().first_day - dt.timedelta(days=1)

    def next(self):
        """Return the following quarter."""
        if self.number == 4:
            return Quarter(self.year + 1, 1)
        return Quarter(self.year, self.number + 1)

    def __str__(self):
        return f"{self.year}Q{self.number}"


@dataclasses.dataclass(frozen=True)
class Segment:
    """The days of an interest period that fall in one quarter: ``start`` up to ``end``."""

    quarter: Quarter
    start: dt.date
    end: dt.date

    @property
    def days(self):
        return (self.end - self.start).days


def split_by_quarter(start, end):
    """Cut the period from ``start`` up to ``end`` at quarter boundaries (empty when end <= start)."""
    segments = []
    day = start
    while day < end:
        quarter = Quarter.of(day)
        stop = min(end, quarter.next().first_day)
        segments.append(Segment(quarter, day, stop))
        day = stop
    return segments
