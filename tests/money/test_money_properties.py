"""Properties of the interest arithmetic over random periods and amounts."""

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings, strategies as st

from workbench.money.interest import Method, accrue
from workbench.money.rates import shipped_rates

RATES = shipped_rates()
principals = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("5000000"), places=2)
starts = st.dates(min_value=dt.date(2025, 2, 1), max_value=dt.date(2026, 2, 23))
lengths = st.integers(min_value=0, max_value=800)
columns = st.sampled_from(["corporate", "non_corporate"])


@settings(max_examples=200, deadline=None)
@given(principals, starts, lengths, columns)
def test_parts_add_up_and_days_match(principal, start, length, column):
    end = start + dt.timedelta(days=length)
    interest = accrue(principal, start, end, RATES, column)
    assert interest.days == length
    assert sum((p.amount for p in interest.parts), Decimal("0.00")) == interest.amount


@settings(max_examples=200, deadline=None)
@given(principals, starts, lengths, columns)
def test_compounding_never_below_simple(principal, start, length, column):
    end = start + dt.timedelta(days=length)
    simple = accrue(principal, start, end, RATES, column, Method(compounding="simple"))
    daily = accrue(principal, start, end, RATES, column)
    assert daily.exact >= simple.exact


@settings(max_examples=100, deadline=None)
@given(principals, starts, lengths)
def test_non_corporate_never_below_corporate(principal, start, length):
    end = start + dt.timedelta(days=length)
    corporate = accrue(principal, start, end, RATES, "corporate")
    non_corporate = accrue(principal, start, end, RATES, "non_corporate")
    assert non_corporate.amount >= corporate.amount
