"""A model input given as a single figure or as a low-to-high range of exact decimals.

The point estimate of the claim value model uses a range's midpoint, the Monte Carlo draws
uniformly between its ends, and the sensitivity chart moves it to each end in turn. A single
figure is a range whose ends are equal, so it never varies.

>>> Range.parse([60, 90]).mid
Decimal('75')
>>> Range.parse("0.25")
Range(low=Decimal('0.25'), high=Decimal('0.25'))
>>> Range.parse({"low": "0.15", "high": "0.37"}).text("{:.0%}")
'15%-37%'
>>> Range.parse("89-350") == Range.parse([89, 350])
True
"""

import dataclasses
import re
from decimal import Decimal, InvalidOperation

# "low-high" as text, such as "89-350" or "0.03 - 0.06"; ranges here are never negative.
_TEXT_RANGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$")


@dataclasses.dataclass(frozen=True)
class Range:
    """A closed interval [low, high] of Decimals; ``low == high`` for a single figure."""

    low: Decimal
    high: Decimal

    def __post_init__(self):
        if self.low > self.high:
            raise ValueError(f"range low {self.low} is above its high {self.high}")

    @property
    def mid(self):
        return (self.low + self.high) / 2

    @property
    def fixed(self):
        return self.low == self.high

    def text(self, pattern="{}"):
        """Format the range with ``pattern`` applied to each end ('60-90', or '75' when fixed)."""
        low = pattern.format(self.low)
        return low if self.fixed else f"{low}-{pattern.format(self.high)}"

    @classmethod
    def parse(cls, value):
        """Read a number, a numeric string, "low-high" text, [low, high] or {low:, high:}.

        Raise ``ValueError`` naming the value when it is none of these.
        """
        if isinstance(value, Range):
            return value
        if isinstance(value, dict) and set(value) == {"low", "high"}:
            return cls(_decimal(value["low"]), _decimal(value["high"]))
        if isinstance(value, (list, tuple)) and len(value) == 2:
            return cls(_decimal(value[0]), _decimal(value[1]))
        match = _TEXT_RANGE.match(value) if isinstance(value, str) else None
        if match:
            return cls(_decimal(match.group(1)), _decimal(match.group(2)))
        figure = _decimal(value)
        return cls(figure, figure)


def _decimal(value):
    """Return ``value`` as a Decimal; floats go through str so 0.1 stays 0.1."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{value!r} is not a number")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return number
