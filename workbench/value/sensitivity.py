"""A one-at-a-time sweep of the inputs for the tornado chart.

The result it tracks is the in-house advantage, in-house net minus specialist net at the
point estimate. Each input given as a range is set to its low end and then its high end, with every
other input at its midpoint, and the advantage recomputed. Inputs ranked by how far that
moves the advantage form the tornado chart. A single-figure input never moves, so it is left
out: give it a range to see its effect.
"""

import dataclasses

from workbench.value.arithmetic import EXACT
from workbench.value.model import evaluate
from workbench.value.options import build_options
from workbench.value.parameters import SPECS, point_values, with_values


@dataclasses.dataclass(frozen=True)
class Bar:
    """One input's effect: the advantage with the input at its low and at its high end."""

    name: str
    label: str
    unit: str
    low_input: object
    high_input: object
    at_low: object
    at_high: object

    @property
    def swing(self):
        return abs(self.at_high - self.at_low)


def advantage(comparison, facts, params):
    """Return in-house net minus specialist net at the point estimate (Decimal)."""
    options = build_options(comparison, facts, point_values(params), params, EXACT)
    in_house, specialist = (evaluate(option) for option in options)
    return in_house.net - specialist.net


def tornado(comparison, facts, params, top=8):
    """Return up to ``top`` bars with a non-zero swing, the largest first."""
    bars = []
    for name in SPECS:
        span = getattr(params, name)
        if span.fixed:
            continue
        at_low = advantage(comparison, facts, with_values(params, **{name: span.low}))
        at_high = advantage(comparison, facts, with_values(params, **{name: span.high}))
        if at_low != at_high:
            bars.append(Bar(name, SPECS[name].label, SPECS[name].unit, span.low, span.high, at_low, at_high))
    bars.sort(key=lambda bar: (-bar.swing, bar.name))
    return tuple(bars[:top])
