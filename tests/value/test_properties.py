"""Properties of the value model that hold for any inputs (hypothesis)."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.value.analysis import analyse
from workbench.value.inputs import read_claim_data
from workbench.value.parameters import load_parameters

from .test_model import HAND, TWO_ENTRIES

fees = st.decimals(min_value=0, max_value=5000, places=2)
rates = st.decimals(min_value=0, max_value=Decimal("0.3"), places=3)


@pytest.fixture(scope="module")
def two_entries(write_triage, tmp_path_factory):
    return read_claim_data(write_triage(tmp_path_factory.mktemp("triage"), TWO_ENTRIES))


def run(data, **changes):
    return analyse(data, load_parameters({**HAND, "draws": 10, **changes}))


@settings(max_examples=40, deadline=None)
@given(per_entry=fees, flat=fees, contingency=rates)
def test_break_even_fee_nets_equal(two_entries, per_entry, flat, contingency):
    analysis = run(two_entries, specialist_fee_per_entry=per_entry, specialist_fee_flat=flat,
                   specialist_contingency=contingency)
    fee = analysis.cape.break_even.fee_per_entry
    if fee is None or fee < 0:
        return
    again = run(two_entries, specialist_fee_per_entry=fee, specialist_fee_flat=flat,
                specialist_contingency=contingency)
    assert abs(again.cape.advantage) < Decimal("0.0001")


@settings(max_examples=40, deadline=None)
@given(low=fees, extra=fees)
def test_higher_fee_nets_less(two_entries, low, extra):
    cheaper = run(two_entries, specialist_fee_per_entry=low).cape.specialist.net
    dearer = run(two_entries, specialist_fee_per_entry=low + extra).cape.specialist.net
    assert dearer <= cheaper
    assert cheaper - dearer == 2 * extra


@settings(max_examples=30, deadline=None)
@given(probability=st.decimals(min_value=0, max_value=Decimal("0.9"), places=2))
def test_failure_never_helps(two_entries, probability):
    base = run(two_entries, first_failure_probability=probability).cape.in_house.net
    worse = run(two_entries, first_failure_probability=probability + Decimal("0.05"))
    assert worse.cape.in_house.net <= base
