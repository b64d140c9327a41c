"""A seeded Monte Carlo of the claim value model: the spread of net recovery and time to cash.

Each draw takes every numeric input uniformly from its range, then draws the submission
failures. How many of an option's D submissions fail is binomial with the option's
probability. Whether the upload carrying the entries near their deadline fails is one
Bernoulli draw per option. Both options of a comparison share the input draws, so their difference reflects only
what differs between them. The formula is the point estimate's (``model.evaluate``), run on
float arrays.

The same parameters, seed and draw count give identical results. Every input is drawn in the
fixed order of ``SPECS``, fixed ones included, before any failure is drawn, so narrowing or
widening one range leaves the draws of the other inputs unchanged. The figures are floats:
report them rounded, as estimates.

>>> rng = np.random.default_rng(1)
>>> from workbench.value.parameters import load_parameters
>>> sample = sample_values(load_parameters({"hourly_cost": [60, 90]}), rng, 3)
>>> bool(((sample.hourly_cost >= 60) & (sample.hourly_cost <= 90)).all())
True
"""

import dataclasses
import types

import numpy as np

from workbench.value.arithmetic import ARRAYS
from workbench.value.model import evaluate
from workbench.value.options import build_options
from workbench.value.parameters import SPECS

PERCENTILES = (10, 50, 90)


@dataclasses.dataclass(frozen=True)
class Simulation:
    """Arrays of one comparison's Monte Carlo, one element per draw."""

    seed: int
    draws: int
    in_house_net: np.ndarray
    specialist_net: np.ndarray
    in_house_days: np.ndarray
    specialist_days: np.ndarray

    @property
    def advantage(self):
        """In-house net minus specialist net, per draw."""
        return self.in_house_net - self.specialist_net

    @property
    def in_house_wins(self):
        """Share of draws in which filing in-house nets more than the specialist."""
        return float(np.mean(self.advantage > 0))


def sample_values(params, rng, draws):
    """Return a namespace with ``draws`` uniform draws of every numeric input."""
    values = {}
    for name in SPECS:
        span = getattr(params, name)
        values[name] = rng.uniform(float(span.low), float(span.high), draws)
    return types.SimpleNamespace(**values)


def simulate(comparison, facts, params):
    """Run the seeded Monte Carlo of ``comparison`` (``cape`` or ``drawback``)."""
    rng = np.random.default_rng(params.seed)
    values = sample_values(params, rng, params.draws)
    in_house, specialist = build_options(comparison, facts, values, params, ARRAYS)
    outcomes = [evaluate(option, ARRAYS, *_failures(option, rng, params.draws))
                for option in (in_house, specialist)]
    return Simulation(params.seed, params.draws,
                      _full(outcomes[0].net, params.draws), _full(outcomes[1].net, params.draws),
                      _full(outcomes[0].days_to_cash, params.draws),
                      _full(outcomes[1].days_to_cash, params.draws))


def percentiles(array):
    """Return {"mean": ..., "p10": ..., "p50": ..., "p90": ...} of ``array`` as floats."""
    result = {"mean": float(np.mean(array))}
    for level, value in zip(PERCENTILES, np.percentile(array, PERCENTILES)):
        result[f"p{level}"] = float(value)
    return result


def _failures(option, rng, draws):
    """Draw (share of submissions failed, urgent upload failed) for ``option``."""
    probability = np.broadcast_to(option.failure_probability, (draws,))
    failed = rng.binomial(option.submissions, probability)
    share = failed / option.submissions if option.submissions else np.zeros(draws)
    urgent = (rng.random(draws) < probability).astype(float)
    return share, urgent


def _full(value, draws):
    """Return ``value`` as an array of length ``draws`` (a constant outcome is a scalar)."""
    return np.broadcast_to(np.asarray(value, dtype=float), (draws,)).copy()
