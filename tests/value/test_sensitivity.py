"""The tornado: inputs ranked by how far they move the in-house advantage."""

from decimal import Decimal

import pytest

from workbench.value.analysis import analyse
from workbench.value.inputs import read_claim_data
from workbench.value.parameters import load_parameters

from .test_model import HAND, TWO_ENTRIES


@pytest.fixture
def two_entries(write_triage, tmp_path):
    return read_claim_data(write_triage(tmp_path / "triage", TWO_ENTRIES))


def test_single_figures_give_no_bars(two_entries):
    assert analyse(two_entries, load_parameters(HAND)).cape.sensitivity == ()


def test_bars_ranked_by_swing(two_entries):
    # Fee 1,000 to 2,000 per entry: advantage -1,239.48 to 760.52 (swing 2,000).
    # Staff cost 50 to 150 at a fee of 1,500: in-house 14 hours and specialist 2 hours, so the
    # advantage falls by 12 x 100 = 1,200 across the range (360.52 to -839.48).
    params = load_parameters({**HAND, "specialist_fee_per_entry": [1000, 2000],
                              "hourly_cost": [50, 150]})
    bars = analyse(two_entries, params).cape.sensitivity
    assert [bar.name for bar in bars] == ["specialist_fee_per_entry", "hourly_cost"]
    assert bars[0].at_low.quantize(Decimal("0.01")) == Decimal("-1239.48")
    assert bars[0].at_high.quantize(Decimal("0.01")) == Decimal("760.52")
    assert bars[1].at_low.quantize(Decimal("0.01")) == Decimal("360.52")
    assert bars[1].at_high.quantize(Decimal("0.01")) == Decimal("-839.48")


def test_inputs_of_other_comparison_left_out(two_entries):
    params = load_parameters({**HAND, "software_upfront": [30000, 40000]})
    assert analyse(two_entries, params).cape.sensitivity == ()
