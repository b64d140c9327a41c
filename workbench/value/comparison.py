"""One comparison of filing in-house against paying a specialist, with everything it yields.

A comparison is ``cape`` (self-file CAPE against a broker or specialist) or ``drawback``
(self-file with ABI software against a drawback specialist). It contains the point estimate of
both options, the break-even fee, the seeded Monte Carlo and the sensitivity bars.
"""

import dataclasses

from workbench.value.arithmetic import EXACT
from workbench.value.breakeven import break_even_of
from workbench.value.model import evaluate
from workbench.value.montecarlo import simulate
from workbench.value.options import build_options
from workbench.value.parameters import point_values
from workbench.value.sensitivity import tornado


@dataclasses.dataclass(frozen=True)
class Comparison:
    """Point estimates, break-even fee, Monte Carlo and sensitivity of one comparison."""

    name: str
    in_house: object
    specialist: object
    break_even: object
    simulation: object
    sensitivity: tuple

    @property
    def advantage(self):
        """In-house net minus specialist net at the point estimate (Decimal)."""
        return self.in_house.net - self.specialist.net


def compare(name, facts, params):
    """Run the comparison ``name`` (``cape`` or ``drawback``) for the triage ``facts``."""
    options = build_options(name, facts, point_values(params), params, EXACT)
    in_house, specialist = (evaluate(option) for option in options)
    return Comparison(
        name=name,
        in_house=in_house,
        specialist=specialist,
        break_even=break_even_of(in_house, specialist, options[1]),
        simulation=simulate(name, facts, params),
        sensitivity=tornado(name, facts, params),
    )
