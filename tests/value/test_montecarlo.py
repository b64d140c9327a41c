"""The seeded Monte Carlo: reproducible, and centred on the point estimate when it should be."""

from decimal import Decimal

import numpy as np
import pytest

from workbench.value.analysis import analyse
from workbench.value.inputs import read_claim_data
from workbench.value.parameters import load_parameters

from .test_model import HAND, TWO_ENTRIES


@pytest.fixture
def two_entries(write_triage, tmp_path):
    return read_claim_data(write_triage(tmp_path / "triage", TWO_ENTRIES))


def simulation(data, **changes):
    return analyse(data, load_parameters({**HAND, **changes})).cape.simulation


def test_same_seed_same_draws(sample_triage):
    data = read_claim_data(sample_triage)
    first = analyse(data, load_parameters({"draws": 3000})).cape.simulation
    second = analyse(data, load_parameters({"draws": 3000})).cape.simulation
    assert np.array_equal(first.in_house_net, second.in_house_net)
    assert np.array_equal(first.specialist_net, second.specialist_net)
    assert np.array_equal(first.in_house_days, second.in_house_days)


def test_other_seed_other_draws(sample_triage):
    data = read_claim_data(sample_triage)
    first = analyse(data, load_parameters({"draws": 3000, "seed": 1})).cape.simulation
    second = analyse(data, load_parameters({"draws": 3000, "seed": 2})).cape.simulation
    assert not np.array_equal(first.in_house_net, second.in_house_net)


def test_fixed_range_keeps_other_draws(sample_triage):
    # Fixing one input must not shift the draws of the others: the specialist's net does not
    # depend on the in-house setup hours, so it is unchanged draw by draw.
    data = read_claim_data(sample_triage)
    ranged = analyse(data, load_parameters({"draws": 2000})).cape.simulation
    fixed = analyse(data, load_parameters({"draws": 2000, "self_setup_hours": 16})).cape.simulation
    assert np.array_equal(ranged.specialist_net, fixed.specialist_net)


def test_no_failures_equal_point(two_entries):
    analysis = analyse(two_entries, load_parameters({
        **HAND, "first_failure_probability": 0, "specialist_failure_probability": 0}))
    simulated = analysis.cape.simulation
    assert np.allclose(simulated.in_house_net, float(analysis.cape.in_house.net))
    assert np.allclose(simulated.specialist_net, float(analysis.cape.specialist.net))


def test_certain_failure_capped(two_entries):
    analysis = analyse(two_entries, load_parameters({
        **HAND, "first_failure_probability": 1, "specialist_failure_probability": 1}))
    # The probability is capped at 0.95, so failures still vary: compare the mean instead.
    simulated = analysis.cape.simulation
    assert analysis.cape.in_house.failure_probability == Decimal("0.95")
    assert simulated.in_house_net.mean() == pytest.approx(float(analysis.cape.in_house.net),
                                                          abs=100)


def test_mean_matches_point_when_linear(two_entries):
    # With single-figure inputs the formula is linear in the failures, so the mean of many
    # draws approaches the point estimate. The in-house net's spread is about $4,000 (E2's
    # $10,000 lost in one draw of five), so the mean of 100,000 draws is within about $13.
    analysis = analyse(two_entries, load_parameters({**HAND, "draws": 100000}))
    simulated = analysis.cape.simulation
    assert simulated.in_house_net.mean() == pytest.approx(float(analysis.cape.in_house.net),
                                                          abs=60)
    assert simulated.specialist_net.mean() == pytest.approx(
        float(analysis.cape.specialist.net), abs=60)


def test_draws_stay_in_range(sample_triage):
    data = read_claim_data(sample_triage)
    simulated = analyse(data, load_parameters({"draws": 2000})).cape.simulation
    assert simulated.in_house_net.shape == (2000,)
    assert (simulated.in_house_days >= 18 + 5).all()
    assert 0 <= simulated.in_house_wins <= 1
