"""Expected deposits: refunds grouped per importer and liquidation date, and the cash curve.

ACE adds up the refunds with interest of one importer that liquidate on the same date and
pays them as one ACH deposit (CSMS #68340863), so one bank deposit covers several entries.
Grouping the estimate the same way lets the analyst match it to the bank statement. Entries
whose liquidation date is unknown form one group per importer without a date, and stay off
the cash curve.

>>> group = DepositGroup("52-6401938M3", "Acme", dt.date(2027, 1, 21), "unliquidated",
...                      dt.date(2027, 1, 25), dt.date(2027, 1, 26), entries=2,
...                      principal=Decimal("100.00"), interest=Decimal("1.50"),
...                      interest_complete=True, provisional=False)
>>> [(str(p.date), p.deposits, p.cumulative_gross) for p in cash_curve([group, group])]
[('2027-01-26', 2, Decimal('203.00'))]
"""

import collections
import dataclasses
import datetime as dt
from decimal import Decimal

from workbench.money import routes
from workbench.money.amounts import ZERO

_FAR_FUTURE = dt.date.max


@dataclasses.dataclass(frozen=True)
class DepositGroup:
    """The refunds of one importer that liquidate on one date (or whose date is unknown)."""

    importer_key: str
    importer_name: str
    liquidation_date: dt.date
    liquidation_basis: str
    ach_origination: dt.date
    expected_deposit_date: dt.date
    entries: int
    principal: Decimal
    interest: Decimal
    interest_complete: bool
    provisional: bool
    offset: Decimal = None
    net: Decimal = None
    offset_status: str = ""

    @property
    def gross(self):
        """Return principal plus the interest known so far."""
        return self.principal + self.interest


@dataclasses.dataclass(frozen=True)
class CurvePoint:
    """Expected cash on one deposit date, and the running totals up to it."""

    date: dt.date
    deposits: int
    gross: Decimal
    net: Decimal
    cumulative_gross: Decimal
    cumulative_net: Decimal


def group_deposits(estimates):
    """Return the deposit groups of the refund-path estimates, in expected date order.

    Groups are sorted by expected deposit date (unknown dates last), then importer key.
    """
    buckets = collections.defaultdict(list)
    for estimate in estimates:
        if routes.refund_path(estimate.entry.route) and estimate.principal > 0:
            buckets[(estimate.entry.importer_key, estimate.liquidation_date)].append(estimate)
    groups = [_group(items) for items in buckets.values()]
    return sorted(groups, key=lambda g: (g.expected_deposit_date or _FAR_FUTURE,
                                         g.liquidation_date or _FAR_FUTURE, g.importer_key))


def _group(items):
    first = items[0]
    known = [item.interest.amount for item in items if item.interest is not None]
    bases = sorted({item.liquidation_basis for item in items})
    return DepositGroup(
        importer_key=first.entry.importer_key,
        importer_name=first.entry.importer_name,
        liquidation_date=first.liquidation_date,
        liquidation_basis="; ".join(bases),
        ach_origination=first.ach_origination,
        expected_deposit_date=first.expected_deposit_date,
        entries=len(items),
        principal=sum((item.principal for item in items), ZERO),
        interest=sum(known, ZERO),
        interest_complete=all(item.interest is not None and item.interest.complete
                              for item in items),
        provisional=any(item.provisional for item in items),
    )


def cash_curve(groups):
    """Return the expected cash per deposit date with running totals (dated groups only)."""
    by_date = collections.defaultdict(list)
    for group in groups:
        if group.expected_deposit_date:
            by_date[group.expected_deposit_date].append(group)
    points = []
    total_gross = total_net = ZERO
    for day in sorted(by_date):
        gross = sum((g.gross for g in by_date[day]), ZERO)
        net = sum((g.net if g.net is not None else g.gross for g in by_date[day]), ZERO)
        total_gross += gross
        total_net += net
        points.append(CurvePoint(day, len(by_date[day]), gross, net, total_gross, total_net))
    return points
