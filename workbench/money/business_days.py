"""Business days: Monday to Friday except the federal holidays observed under 5 U.S.C. 6103.

Holidays are rules in the ``federal_holidays`` table (a fixed date, the nth weekday or the
last weekday of a month), so any year can be computed. A holiday on a Saturday is observed
on the Friday before, one on a Sunday on the Monday after.

>>> days = BusinessCalendar.load()
>>> days.holidays(2026)[dt.date(2026, 7, 3)]
'independence_day'
>>> days.next_business_day(dt.date(2026, 11, 25))  # Thanksgiving is 2026-11-26
datetime.date(2026, 11, 27)
>>> days.first_weekday_after(dt.date(2027, 1, 14), "Monday")  # MLK Day: 2027-01-18
datetime.date(2027, 1, 19)
"""

import calendar
import datetime as dt
import functools

from workbench.rules import load_table

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_number(name):
    """Return 0 for Monday to 6 for Sunday; raise ``ValueError`` for another name."""
    try:
        return WEEKDAYS.index(str(name).strip().capitalize())
    except ValueError:
        raise ValueError(f"{name!r} is not a weekday name (Monday to Sunday)") from None


class BusinessCalendar:
    """Federal business days computed from the holiday rules of the ``federal_holidays`` table."""

    def __init__(self, rules):
        self.rules = rules
        self._holidays = functools.lru_cache(maxsize=None)(self._compute_holidays)

    @classmethod
    def load(cls):
        """Read the holiday rules."""
        return cls(load_table("federal_holidays")["holidays"])

    def holidays(self, year):
        """Return {observed date: holiday name} for ``year``."""
        return self._holidays(year)

    def _compute_holidays(self, year):
        observed = {}
        for name, rule in self.rules.items():
            if rule["effective_from"].year > year:
                continue
            day = _observed(_holiday_date(year, rule))
            observed[day] = name
        # New Year's Day of the next year may be observed on 31 December of this one.
        next_new_year = _observed(dt.date(year + 1, 1, 1))
        if next_new_year.year == year:
            observed[next_new_year] = "new_years_day"
        return {day: name for day, name in observed.items() if day.year == year}

    def is_business_day(self, day):
        """Tell whether ``day`` is a weekday that is not an observed federal holiday."""
        return day.weekday() < 5 and day not in self.holidays(day.year)

    def next_business_day(self, day):
        """Return the first business day after ``day``."""
        return self.add_business_days(day, 1)

    def add_business_days(self, day, count):
        """Return the business day ``count`` business days after ``day`` (``day`` itself when 0)."""
        for _ in range(count):
            day += dt.timedelta(days=1)
            while not self.is_business_day(day):
                day += dt.timedelta(days=1)
        return day

    def on_or_after(self, day, weekdays=WEEKDAYS[:5]):
        """Return the first business day on or after ``day`` whose weekday is in ``weekdays``."""
        allowed = {weekday_number(name) for name in weekdays}
        while not (self.is_business_day(day) and day.weekday() in allowed):
            day += dt.timedelta(days=1)
        return day

    def first_weekday_after(self, day, weekday):
        """Return the first ``weekday`` after ``day``, moved to the next business day if closed."""
        target = weekday_number(weekday)
        day += dt.timedelta(days=(target - day.weekday() - 1) % 7 + 1)
        return self.on_or_after(day)


def _holiday_date(year, rule):
    month = rule["month"]
    if rule["rule"] == "fixed":
        return dt.date(year, month, rule["day"])
    target = weekday_number(rule["weekday"])
    if rule["rule"] == "nth_weekday":
        first = dt.date(year, month, 1)
        offset = (target - first.weekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (rule["nth"] - 1))
    if rule["rule"] == "last_weekday":
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - target) % 7)
    raise ValueError(f"unknown holiday rule {rule['rule']!r}")


def _observed(day):
    if day.weekday() == 5:
        return day - dt.timedelta(days=1)
    if day.weekday() == 6:
        return day + dt.timedelta(days=1)
    return day
