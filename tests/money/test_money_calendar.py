"""Quarters, federal holidays and business days."""

import datetime as dt

import pytest

from workbench.money.business_days import BusinessCalendar
from workbench.money.quarters import Quarter, split_by_quarter

D = dt.date


def test_quarter_parse_forms():
    assert Quarter.parse("2026Q2") == Quarter.parse(" 2026-q2 ") == Quarter(2026, 2)


def test_quarter_parse_rejects_q5():
    with pytest.raises(ValueError, match="2026Q2"):
        Quarter.parse("2026Q5")


def test_quarter_days():
    assert (Quarter(2028, 1).first_day, Quarter(2028, 1).last_day) == (D(2028, 1, 1), D(2028, 3, 31))
    assert Quarter(2025, 4).next() == Quarter(2026, 1)


def test_split_includes_leap_day():
    segments = split_by_quarter(D(2027, 12, 20), D(2028, 4, 2))
    assert [(str(s.quarter), s.days) for s in segments] == [
        ("2027Q4", 12), ("2028Q1", 91), ("2028Q2", 1)]


def test_split_empty_when_end_not_after_start():
    assert split_by_quarter(D(2026, 1, 5), D(2026, 1, 5)) == []


@pytest.mark.parametrize("year, expected", [
    (2026, {D(2026, 1, 1), D(2026, 1, 19), D(2026, 2, 16), D(2026, 5, 25), D(2026, 6, 19),
            D(2026, 7, 3), D(2026, 9, 7), D(2026, 10, 12), D(2026, 11, 11), D(2026, 11, 26),
            D(2026, 12, 25)}),
    (2027, {D(2027, 1, 1), D(2027, 1, 18), D(2027, 2, 15), D(2027, 5, 31), D(2027, 6, 18),
            D(2027, 7, 5), D(2027, 9, 6), D(2027, 10, 11), D(2027, 11, 11), D(2027, 11, 25),
            D(2027, 12, 24), D(2027, 12, 31)}),
])
def test_observed_holidays(year, expected):
    assert set(BusinessCalendar.load().holidays(year)) == expected


def test_new_year_on_saturday_observed_in_december():
    # 2028-01-01 is a Saturday, so the holiday is observed on Friday 2027-12-31.
    days = BusinessCalendar.load()
    assert days.holidays(2027)[D(2027, 12, 31)] == "new_years_day"
    assert D(2028, 1, 1) not in days.holidays(2028)


def test_next_business_day_skips_weekend_and_holiday():
    days = BusinessCalendar.load()
    assert days.next_business_day(D(2026, 12, 24)) == D(2026, 12, 28)
    assert days.next_business_day(D(2026, 12, 4)) == D(2026, 12, 7)


def test_weekday_after_same_weekday():
    assert BusinessCalendar.load().first_weekday_after(D(2026, 12, 7), "Monday") == D(2026, 12, 14)


def test_first_monday_after_moves_past_holiday():
    # 2026-05-25 is Memorial Day, so the ACH run moves to Tuesday.
    assert BusinessCalendar.load().first_weekday_after(D(2026, 5, 21), "Monday") == D(2026, 5, 26)


def test_on_or_after_processing_days():
    days = BusinessCalendar.load()
    processing = ("Monday", "Tuesday", "Wednesday", "Thursday")
    assert days.on_or_after(D(2026, 12, 3), processing) == D(2026, 12, 3)
    assert days.on_or_after(D(2026, 11, 26), processing) == D(2026, 11, 30)
