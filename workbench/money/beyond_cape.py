"""Value at stake on the routes beyond CAPE: protest and later_phase.

A ``protest`` entry can still be recovered by a protest filed before its 180-day deadline
(19 U.S.C. 1514(c)(3)); a ``later_phase`` entry waits for a CAPE phase that may open later.
For both, the value at stake is the principal plus the interest accrued up to the as-of
date. Interest keeps accruing until liquidation, so this is a lower bound of what a missed
deadline loses.

>>> days_to_deadline(dt.date(2027, 1, 4), dt.date(2026, 12, 4))
31
"""

import dataclasses
import datetime as dt

from workbench.money.amounts import ZERO
from workbench.money.routes import BEYOND_CAPE

# Deadlines this close to the as-of date are summed separately in the summary.
DEADLINE_SOON_DAYS = 30


def days_to_deadline(deadline, as_of):
    """Return the days from the as-of date to the deadline, or None without a deadline."""
    return None if deadline is None else (deadline - as_of).days


@dataclasses.dataclass(frozen=True)
class RouteAtStake:
    """The value at stake on one route beyond CAPE."""

    route: str
    entries: int
    principal: object
    interest_accrued: object
    value_at_stake: object
    earliest_deadline: dt.date
    value_due_soon: object

    def as_record(self):
        """Return the figures as plain data for the summary (amounts as text)."""
        return {
            "entries": self.entries,
            "principal": str(self.principal),
            "interest_accrued_to_as_of": str(self.interest_accrued),
            "value_at_stake": str(self.value_at_stake),
            "earliest_deadline": self.earliest_deadline.isoformat() if self.earliest_deadline else None,
            f"value_with_deadline_within_{DEADLINE_SOON_DAYS}_days": str(self.value_due_soon),
        }


def at_stake_by_route(estimates, as_of):
    """Return a ``RouteAtStake`` for each route beyond CAPE (routes without entries included)."""
    return [_route_at_stake(route, [e for e in estimates if e.entry.route == route], as_of)
            for route in BEYOND_CAPE]


def _route_at_stake(route, estimates, as_of):
    deadlines = [e.entry.deadline for e in estimates if e.entry.deadline]
    soon = [e for e in estimates
            if e.entry.deadline and 0 <= days_to_deadline(e.entry.deadline, as_of) <= DEADLINE_SOON_DAYS]
    return RouteAtStake(
        route=route,
        entries=len(estimates),
        principal=sum((e.principal for e in estimates), ZERO),
        interest_accrued=sum((e.accrued.amount for e in estimates if e.accrued), ZERO),
        value_at_stake=sum((e.value_at_stake for e in estimates), ZERO),
        earliest_deadline=min(deadlines) if deadlines else None,
        value_due_soon=sum((e.value_at_stake for e in soon), ZERO),
    )
