"""Deposit, acceptance, liquidation and ACH dates of a CAPE refund."""

import datetime as dt

import pytest

from workbench.money.business_days import BusinessCalendar
from workbench.money.timing import (TimingRules, ach_dates, default_acceptance_date,
                                    deposit_date, projected_liquidation)

D = dt.date
RULES = TimingRules.load()
DAYS = BusinessCalendar.load()


def test_timing_table_values():
    assert RULES.liquidation_after_acceptance_days == 45
    assert RULES.ach_origination_weekday == "Monday"
    assert RULES.statement_delay_days == 0
    assert RULES.processing_weekdays == ("Monday", "Tuesday", "Wednesday", "Thursday")


def test_default_acceptance_skips_friday():
    assert default_acceptance_date(D(2026, 12, 4), RULES, DAYS) == D(2026, 12, 7)


def test_default_acceptance_skips_thanksgiving():
    assert default_acceptance_date(D(2026, 11, 26), RULES, DAYS) == D(2026, 11, 30)


def test_unliquidated_liquidates_45_days_after_acceptance():
    assert projected_liquidation("unliquidated", False, D(2026, 12, 7), RULES, DAYS)[0] == D(2027, 1, 21)


def test_liquidated_reliquidated_next_business_day():
    date, basis = projected_liquidation("liquidated", False, D(2026, 12, 24), RULES, DAYS)
    assert date == D(2026, 12, 28)
    assert basis.startswith("liquidated")


@pytest.mark.parametrize("category, warehouse, words", [
    ("unliquidated", True, "warehouse"),
    ("suspended", False, "suspended"),
    ("extended", False, "extended"),
    ("under_review", False, "under review"),
    ("adcvd_pending_liquidation", False, "AD/CVD"),
    ("", False, "unknown"),
])
def test_unknown_liquidation_dates(category, warehouse, words):
    date, basis = projected_liquidation(category, warehouse, D(2026, 12, 7), RULES, DAYS)
    assert date is None
    assert words in basis


def test_ach_monday_after_then_next_business_day():
    assert ach_dates(D(2027, 1, 21), RULES, DAYS) == (D(2027, 1, 25), D(2027, 1, 26))


def test_ach_after_monday_liquidation_waits_a_week():
    assert ach_dates(D(2026, 12, 7), RULES, DAYS) == (D(2026, 12, 14), D(2026, 12, 15))


def test_ach_on_holiday_monday_moves_to_tuesday():
    # Liquidation on Friday 2027-01-15; Monday 2027-01-18 is Martin Luther King Jr. Day.
    assert ach_dates(D(2027, 1, 15), RULES, DAYS) == (D(2027, 1, 19), D(2027, 1, 20))


def test_deposit_date_prefers_payment_date():
    assert deposit_date(D(2025, 8, 21), D(2025, 7, 15), D(2025, 7, 10), 0) == (
        D(2025, 8, 21), "statement payment date (payments file)")


def test_deposit_date_statement_delay():
    assert deposit_date(None, D(2025, 7, 15), None, 30)[0] == D(2025, 8, 14)


def test_deposit_date_falls_back_to_entry_date():
    date, basis = deposit_date(None, None, D(2025, 7, 10), 0)
    assert date == D(2025, 7, 10)
    assert "no entry summary date" in basis


def test_deposit_date_missing():
    assert deposit_date(None, None, None, 0)[0] is None
