"""Drawback time limits in calendar years and working days.

A period of N years that starts on 29 February ends on 28 February, the cautious reading
where the regulation is silent.

>>> add_years(dt.date(2025, 6, 2), 5)
datetime.date(2030, 6, 2)
>>> add_years(dt.date(2024, 2, 29), 5)
datetime.date(2029, 2, 28)
>>> working_days_between(dt.date(2026, 3, 6), dt.date(2026, 3, 13))
5
"""

import datetime as dt


def add_years(day, years):
    """Return the same calendar day ``years`` later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def working_days_between(first, last):
    """Count Monday-to-Friday days after ``first`` up to and including ``last``.

    NOTE: federal holidays are not subtracted, so a notice filed just before a holiday may
    count one day too many.
    """
    days = 0
    current = first
    while current < last:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days
