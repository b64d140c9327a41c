"""Interest under 19 U.S.C. 1505(c), checked to the cent against figures worked by hand.

Each expected figure is written out as its formula: simple interest is P * sum(r * d) / B,
daily compounding is P * (prod((1 + r / B) ** d) - 1), rounded half up to the cent.
"""

import datetime as dt
from decimal import Decimal

import pytest

from workbench.money.interest import LargeCorporateTier, Method, accrue
from workbench.money.quarters import Quarter
from workbench.money.rates import QuarterRate, RateTable, shipped_rates

SIMPLE = Method(compounding="simple")
DAILY = Method(compounding="daily")
D = dt.date


def dollars(text):
    return Decimal(text)


@pytest.mark.parametrize("column, method, expected", [
    ("corporate", SIMPLE, "122.30"),
    ("corporate", DAILY, "124.82"),
    ("non_corporate", SIMPLE, "142.68"),
    ("non_corporate", DAILY, "146.12"),
])
def test_worked_example(column, method, expected):
    # $3,000.00 deposited 2025-07-15, reliquidated 2026-03-20: 248 days at 6% or 7%.
    interest = accrue(dollars("3000.00"), D(2025, 7, 15), D(2026, 3, 20), shipped_rates(),
                      column, method)
    assert interest.days == 248
    assert interest.amount == dollars(expected)
    assert interest.complete


def test_worked_example_quarter_days():
    interest = accrue(dollars("3000.00"), D(2025, 7, 15), D(2026, 3, 20), shipped_rates(),
                      "corporate", DAILY)
    assert [(str(p.quarter), p.days) for p in interest.parts] == [
        ("2025Q3", 78), ("2025Q4", 92), ("2026Q1", 78)]
    assert sum(p.amount for p in interest.parts) == interest.amount


def test_same_rate_across_quarter_boundary():
    # 2025-03-20 to 2025-04-10: 12 days in Q1 and 9 in Q2, both 6% corporate.
    # simple: 10,000 * 0.06 * 21 / 365 = 34.5205 -> 34.52
    # daily:  10,000 * ((1 + 0.06/365) ** 21 - 1) = 34.5774 -> 34.58
    args = (dollars("10000.00"), D(2025, 3, 20), D(2025, 4, 10), shipped_rates(), "corporate")
    assert accrue(*args, SIMPLE).amount == dollars("34.52")
    assert accrue(*args, DAILY).amount == dollars("34.58")


@pytest.mark.parametrize("column, method, expected", [
    # 17 days of 2024Q4 (7% corporate, 8% non-corporate), 14 days of 2025Q1 (6%, 7%).
    ("corporate", SIMPLE, "27.81"),       # 5,000 * (0.07*17 + 0.06*14) / 365 = 27.808
    ("corporate", DAILY, "27.88"),        # 5,000 * ((1+.07/365)**17 * (1+.06/365)**14 - 1)
    ("non_corporate", SIMPLE, "32.05"),   # 5,000 * (0.08*17 + 0.07*14) / 365 = 32.055
    ("non_corporate", DAILY, "32.15"),
])
def test_rate_change_at_quarter_boundary(column, method, expected):
    interest = accrue(dollars("5000.00"), D(2024, 12, 15), D(2025, 1, 15), shipped_rates(),
                      column, method)
    assert [p.percent for p in interest.parts] == (
        [Decimal(7), Decimal(6)] if column == "corporate" else [Decimal(8), Decimal(7)])
    assert interest.amount == dollars(expected)


def test_long_period_over_five_quarters():
    # 2025-02-04 to 2026-04-01: 56 + 91 + 92 + 92 + 90 = 421 days at 6% corporate.
    args = (dollars("123456.78"), D(2025, 2, 4), D(2026, 4, 1), shipped_rates(), "corporate")
    assert accrue(*args, SIMPLE).amount == dollars("8543.89")
    assert accrue(*args, DAILY).amount == dollars("8845.71")
    assert accrue(*args, DAILY).days == 421


def leap_rates():
    """A table with a made-up 2028 Q1 rate: 5% non-corporate, 4% corporate."""
    rate = QuarterRate(Quarter(2028, 1), {"non_corporate": Decimal(5), "corporate": Decimal(4)},
                       "user_supplied", "test")
    return RateTable({Quarter(2028, 1): rate})


def test_leap_day_counts_as_a_day():
    # 2028-02-20 to 2028-03-05 is 14 days because 2028-02-29 exists.
    # 7,300 * 0.04 * 14 / 365 = 11.20 exactly.
    interest = accrue(dollars("7300.00"), D(2028, 2, 20), D(2028, 3, 5), leap_rates(),
                      "corporate", SIMPLE)
    assert interest.days == 14
    assert interest.amount == dollars("11.20")


def test_leap_year_actual_basis():
    # With the actual year basis the leap year divides by 366: 7,300 * 0.04 * 14 / 366 = 11.169.
    actual = Method(compounding="simple", year_basis="actual")
    interest = accrue(dollars("7300.00"), D(2028, 2, 20), D(2028, 3, 5), leap_rates(),
                      "corporate", actual)
    assert interest.amount == dollars("11.17")


def test_leap_day_daily_compounding():
    # 7,300 * ((1 + 0.04/365) ** 14 - 1) = 11.208; with 366: 11.177.
    args = (dollars("7300.00"), D(2028, 2, 20), D(2028, 3, 5), leap_rates(), "corporate")
    assert accrue(*args, DAILY).amount == dollars("11.21")
    assert accrue(*args, Method(year_basis="actual")).amount == dollars("11.18")


def test_leap_day_non_corporate_column():
    # 7,300 * 0.05 * 14 / 365 = 14.00
    interest = accrue(dollars("7300.00"), D(2028, 2, 20), D(2028, 3, 5), leap_rates(),
                      "non_corporate", SIMPLE)
    assert interest.amount == dollars("14.00")


def test_missing_quarter_left_open():
    # 31 days of 2026Q1 at 6% are counted; the 30 days of 2026Q2 have no rate.
    # simple: 3,000 * 0.06 * 31 / 365 = 15.288 -> 15.29
    interest = accrue(dollars("3000.00"), D(2026, 3, 1), D(2026, 5, 1), shipped_rates(),
                      "corporate", SIMPLE)
    assert interest.amount == dollars("15.29")
    assert interest.open_quarters == (Quarter(2026, 2),)
    assert not interest.complete
    assert "2026Q2 no rate 30d" in interest.rate_quarters_text()


def test_missing_quarter_compounded_lower_bound():
    # 3,000 * ((1 + 0.06/365) ** 31 - 1) = 15.33; the open quarter adds nothing.
    interest = accrue(dollars("3000.00"), D(2026, 3, 1), D(2026, 5, 1), shipped_rates(),
                      "corporate", DAILY)
    assert interest.amount == dollars("15.33")
    assert interest.parts[1].amount == dollars("0.00")


def test_missing_quarter_with_assumed_rate():
    # --assume-rate 7: non-corporate 7%, corporate 6% for 2026Q2.
    # simple: 3,000 * 0.06 * 61 / 365 = 30.082 -> 30.08; daily: 30.23
    rates = shipped_rates().with_assumed(Decimal(7))
    args = (dollars("3000.00"), D(2026, 3, 1), D(2026, 5, 1), rates, "corporate")
    simple = accrue(*args, SIMPLE)
    assert simple.amount == dollars("30.08")
    assert simple.complete
    assert simple.statuses() == {"published", "assumed"}
    assert accrue(*args, DAILY).amount == dollars("30.23")


def test_inferred_quarter_status():
    interest = accrue(dollars("100.00"), D(2025, 8, 1), D(2025, 9, 1), shipped_rates(),
                      "corporate", DAILY)
    assert interest.statuses() == {"inferred"}
    assert interest.rate_quarters_text() == "2025Q3 6% 31d inferred"


def test_large_corporate_tier():
    # 2026Q1, 89 days: the first $10,000 at 6%, the other $10,000 at 4.5%.
    # simple: (10,000 * 0.06 + 10,000 * 0.045) * 89 / 365 = 256.027 -> 256.03
    tier = Method(compounding="simple", large_corporate_tier=LargeCorporateTier.load())
    args = (dollars("20000.00"), D(2026, 1, 1), D(2026, 3, 31), shipped_rates())
    assert accrue(*args, "corporate", tier).amount == dollars("256.03")
    assert "4.5% above $10,000" in accrue(*args, "corporate", tier).rate_quarters_text()
    daily_tier = Method(large_corporate_tier=LargeCorporateTier.load())
    assert accrue(*args, "corporate", daily_tier).amount == dollars("257.69")


def test_tier_leaves_non_corporate_alone():
    # 20,000 * 0.07 * 89 / 365 = 341.37
    tier = Method(compounding="simple", large_corporate_tier=LargeCorporateTier.load())
    interest = accrue(dollars("20000.00"), D(2026, 1, 1), D(2026, 3, 31), shipped_rates(),
                      "non_corporate", tier)
    assert interest.amount == dollars("341.37")


def test_empty_period_earns_nothing():
    interest = accrue(dollars("500.00"), D(2026, 3, 1), D(2026, 2, 1), shipped_rates(),
                      "corporate")
    assert interest.amount == dollars("0.00")
    assert interest.parts == ()
    assert interest.complete


def test_quarter_cents_add_up_to_total():
    interest = accrue(dollars("987654.32"), D(2025, 2, 4), D(2026, 3, 31), shipped_rates(),
                      "non_corporate")
    assert sum(p.amount for p in interest.parts) == interest.amount


def test_method_rejects_unknown_compounding():
    with pytest.raises(ValueError, match="daily or simple"):
        Method(compounding="monthly")
