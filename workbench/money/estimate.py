"""The estimate of one entry: principal, dates, interest and what the figure rests on.

For an entry that CAPE will refund (routes cape, fix_then_cape, other_filer, declared) the
interest runs from the deposit date to the projected liquidation or reliquidation date. For
every entry that may still be recovered, including protest and later_phase, the interest
accrued up to the as-of date is also computed, a lower bound of what waiting adds and of
what missing a deadline loses. Entries on the no_refund and invalid routes get no interest.

An estimate is provisional when it rests on anything but a published rate and a projected
date: an inferred, user-supplied or assumed rate, a quarter without a rate, or a liquidation
date that is unknown or assumed. ``provisional_reasons`` names each.

>>> from workbench.money.rates import shipped_rates
>>> interest = accrue(Decimal("100.00"), dt.date(2025, 9, 1), dt.date(2026, 5, 1),
...                   shipped_rates(), "corporate")
>>> rate_reasons(interest)
['2025Q3 rate inferred, no notice for the quarter read', '2026Q2 has no rate: interest for 30 days left open']
"""

import dataclasses
import datetime as dt
from decimal import Decimal

from workbench.money import routes
from workbench.money.amounts import ZERO
from workbench.money.interest import Interest, Method, accrue
from workbench.money.timing import ach_dates, deposit_date, projected_liquidation
from workbench.money.triage_folder import Entry


@dataclasses.dataclass(frozen=True)
class Context:
    """Everything an entry's estimate depends on besides the entry itself."""

    as_of: dt.date
    acceptance_date: dt.date
    rates: object
    method: Method
    timing: object
    calendar: object
    statement_delay_days: int
    column_by_importer: dict
    default_column: str
    payments: dict
    assumed_liquidation_date: dt.date = None


@dataclasses.dataclass(frozen=True)
class EntryEstimate:
    """The refund value of one entry."""

    entry: Entry
    principal: Decimal
    rate_column: str
    deposit_date: dt.date
    deposit_basis: str
    liquidation_date: dt.date
    liquidation_basis: str
    interest: Interest
    accrued: Interest
    ach_origination: dt.date
    expected_deposit_date: dt.date
    provisional_reasons: tuple

    @property
    def provisional(self):
        return bool(self.provisional_reasons)

    @property
    def expected_refund(self):
        """Return principal plus the interest known so far, or None off the CAPE refund path."""
        if not routes.refund_path(self.entry.route):
            return None
        return self.principal + (self.interest.amount if self.interest else ZERO)

    @property
    def value_at_stake(self):
        """Return principal plus interest accrued to the as-of date, or None when not refunded."""
        if self.entry.route in routes.NOT_REFUNDED:
            return None
        return self.principal + (self.accrued.amount if self.accrued else ZERO)


def estimate_entry(entry, principal, context):
    """Return the ``EntryEstimate`` of ``entry`` with the given principal."""
    # NOTE: which rate column CBP applies to an importer is not confirmed; the analyst sets it.
    column = context.column_by_importer.get(entry.importer_key, context.default_column)
    start, start_basis = deposit_date(context.payments.get(entry.entry_number),
                                      entry.entry_summary_date, entry.entry_date,
                                      context.statement_delay_days)
    end, end_basis = _liquidation(entry, context)
    interest = accrued = None
    if start and entry.route not in routes.NOT_REFUNDED:
        accrued = accrue(principal, start, context.as_of, context.rates, column, context.method)
        if end and routes.refund_path(entry.route):
            interest = accrue(principal, start, end, context.rates, column, context.method)
    origination, deposit = ach_dates(end, context.timing, context.calendar) if end else (None, None)
    reasons = _reasons(entry, start, start_basis, end, end_basis, interest, accrued)
    return EntryEstimate(entry, principal, column, start, start_basis, end, end_basis, interest,
                         accrued, origination, deposit, tuple(reasons))


def _liquidation(entry, context):
    if not routes.refund_path(entry.route):
        return None, f"not projected: route {entry.route}"
    end, basis = projected_liquidation(entry.liquidation_category, entry.warehouse,
                                       context.acceptance_date, context.timing, context.calendar)
    if end is None and context.assumed_liquidation_date:
        return (context.assumed_liquidation_date,
                f"assumed (--assume-liquidation-date); projected basis: {basis}")
    return end, basis


def _reasons(entry, start, start_basis, end, end_basis, interest, accrued):
    if entry.route in routes.NOT_REFUNDED:
        return []
    if start is None:
        return [start_basis]
    reasons = []
    if routes.refund_path(entry.route):
        if end is None:
            reasons.append(f"liquidation date unknown ({end_basis}): interest to liquidation "
                           f"left open")
        elif end_basis.startswith("assumed"):
            reasons.append("liquidation date assumed by the analyst")
        if end is not None and end < start:
            reasons.append("deposit date after the projected liquidation date: no interest")
    figure = interest if interest is not None else accrued
    if figure is not None:
        reasons.extend(rate_reasons(figure))
    return reasons


def rate_reasons(interest):
    """Return why the rates behind ``interest`` are not all published, one reason per quarter."""
    reasons = []
    for part in interest.parts:
        if part.is_open:
            reasons.append(f"{part.quarter} has no rate: interest for {part.days} days left open")
        elif part.status == "inferred":
            reasons.append(f"{part.quarter} rate inferred, no notice for the quarter read")
        elif part.status == "user_supplied":
            reasons.append(f"{part.quarter} rate from the rates file, not checked")
        elif part.status == "assumed":
            reasons.append(f"{part.quarter} rate assumed: {part.percent.normalize():f}% "
                           f"{interest.column.replace('_', '-')}")
    return reasons
