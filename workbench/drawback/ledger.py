"""The designation ledger: quantity left and the election fixed on each import line.

Every import line may be designated only up to its quantity, over all claims together
(19 U.S.C. 1313(v): no double use). A line serves either direct identification or
substitution, never both, and the first accepted claim fixes the election for what is left
(19 CFR 190.51(a)(3)). The ledger starts from the earlier designations and rejects any designation
that would break either rule, with a message naming the line and the quantity left.

>>> from decimal import Decimal as D
>>> ledger = Ledger({("ABC12345676", 1): D(10000)})
>>> ledger.designate(("ABC12345676", 1), D(7000), "substitution")
>>> ledger.designate(("ABC12345676", 1), D(4000), "substitution")
Traceback (most recent call last):
    ...
workbench.drawback.ledger.DesignationRejected: entry ABC12345676 line 1: 4000 requested, but only 3000 of 10000 left (7000 designated before); designate at most 3000 or another line (19 U.S.C. 1313(v))
"""

import dataclasses
from decimal import Decimal

from workbench.drawback.amounts import quantity_text


class DesignationRejected(ValueError):
    """A designation would over-designate a line or mix the two elections."""


@dataclasses.dataclass
class LineState:
    """Quantity, quantity left and election of one import line."""

    quantity: Decimal
    remaining: Decimal
    election: object = None
    designated_before: Decimal = Decimal("0")


def _label(key):
    return f"entry {key[0]} line {key[1]}"


class Ledger:
    """Quantity left and election per import line, keyed by (entry number, line number)."""

    def __init__(self, quantities):
        self.states = {key: LineState(quantity, quantity) for key, quantity in quantities.items()}

    def remaining(self, key):
        """Return the quantity of the line not yet designated."""
        return self.states[key].remaining

    def election(self, key):
        """Return the election fixed on the line ('direct', 'substitution') or None."""
        return self.states[key].election

    def check(self, key, quantity, election):
        """Raise ``DesignationRejected`` unless the designation fits the line."""
        state = self.states[key]
        if state.election not in (None, election):
            raise DesignationRejected(
                f"{_label(key)} is fixed for {_election_text(state.election)} by an earlier "
                f"claim, so it cannot be designated for {_election_text(election)} (19 CFR "
                f"190.51(a)(3)); {quantity_text(state.remaining)} of "
                f"{quantity_text(state.quantity)} left for {_election_text(state.election)}")
        if quantity > state.remaining:
            used = state.quantity - state.remaining
            raise DesignationRejected(
                f"{_label(key)}: {quantity_text(quantity)} requested, but only "
                f"{quantity_text(state.remaining)} of {quantity_text(state.quantity)} left "
                f"({quantity_text(used)} designated before); designate at most "
                f"{quantity_text(state.remaining)} or another line (19 U.S.C. 1313(v))")

    def designate(self, key, quantity, election):
        """Record a designation after checking it; raise ``DesignationRejected`` if it fails."""
        self.check(key, quantity, election)
        state = self.states[key]
        state.remaining -= quantity
        state.election = election

    def record_prior(self, key, quantity, election):
        """Record an earlier claim's designation (same checks as a new one)."""
        self.designate(key, quantity, election)
        self.states[key].designated_before += quantity

    def left(self):
        """Return {(entry, line): (quantity, remaining, election)} sorted by key."""
        return {key: (state.quantity, state.remaining, state.election)
                for key, state in sorted(self.states.items())}


def _election_text(election):
    return "direct identification" if election == "direct" else "substitution"
