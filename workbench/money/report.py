"""Rows of the estimate's CSV files: per entry, per heading, per quarter, per deposit, per date.

Amounts print with two decimals, dates as YYYY-MM-DD, flags as true or false, and an unknown
value as an empty cell. A ``_basis`` column or ``provisional_reasons`` explains why a cell is
empty.

>>> cell(None), cell(True), cell(Decimal("5")), cell(dt.date(2027, 1, 26))
('', 'true', '5.00', '2027-01-26')
"""

import collections
import dataclasses
import datetime as dt
from decimal import Decimal

from workbench.money import routes
from workbench.money.amounts import ZERO, format_dollars
from workbench.money.beyond_cape import days_to_deadline
from workbench.money.rates import column_label

ESTIMATE_COLUMNS = [
    "entry_number", "importer_key", "importer_name", "route", "entry_type",
    "liquidation_category", "warehouse", "principal", "rate_column", "compounding",
    "deposit_date", "deposit_date_basis", "projected_liquidation_date",
    "projected_liquidation_basis", "interest_days", "interest", "interest_complete",
    "open_quarters", "rate_quarters", "expected_refund", "ach_origination_date",
    "expected_deposit_date", "interest_accrued_to_as_of", "value_at_stake", "deadline",
    "deadline_kind", "days_to_deadline", "provisional", "provisional_reasons",
]
HEADING_COLUMNS = [
    "entry_number", "importer_key", "route", "hts", "program", "heading_type", "lines",
    "principal",
]
QUARTER_COLUMNS = [
    "quarter", "rate_column", "rate_percent", "rate_status", "entries", "interest_days",
    "interest", "open",
]
DEPOSIT_COLUMNS = [
    "importer_key", "importer_name", "liquidation_date", "liquidation_basis",
    "ach_origination_date", "expected_deposit_date", "entries", "principal", "interest",
    "interest_complete", "gross_refund", "offset", "net_refund", "offset_status", "provisional",
]
CURVE_COLUMNS = [
    "expected_deposit_date", "deposits", "gross_refund", "net_refund", "cumulative_gross",
    "cumulative_net",
]


def cell(value):
    """Return the text of one CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format_dollars(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def estimate_rows(estimates, as_of, compounding):
    """Return one row per entry, in the order of ``ESTIMATE_COLUMNS``."""
    return [[cell(value) for value in _estimate_values(e, as_of, compounding)] for e in estimates]


def _estimate_values(e, as_of, compounding):
    entry, interest = e.entry, e.interest
    refunded = entry.route not in routes.NOT_REFUNDED
    complete = None
    if interest:
        complete = interest.complete
    elif routes.refund_path(entry.route):
        complete = False
    return [
        entry.entry_number, entry.importer_key, entry.importer_name, entry.route,
        entry.entry_type, entry.liquidation_category, entry.warehouse, e.principal,
        column_label(e.rate_column) if refunded else None,
        compounding if refunded else None,
        e.deposit_date, e.deposit_basis, e.liquidation_date, e.liquidation_basis,
        interest.days if interest else None,
        interest.amount if interest else None,
        complete,
        ";".join(str(q) for q in interest.open_quarters) if interest else None,
        interest.rate_quarters_text() if interest else None,
        e.expected_refund, e.ach_origination, e.expected_deposit_date,
        e.accrued.amount if e.accrued else None,
        e.value_at_stake, entry.deadline, entry.deadline_kind,
        days_to_deadline(entry.deadline, as_of),
        e.provisional, "; ".join(e.provisional_reasons),
    ]


def heading_rows(headings, entries_by_number):
    """Return one row per entry and Chapter 99 heading."""
    rows = []
    for heading in headings:
        entry = entries_by_number[heading.entry_number]
        rows.append([cell(v) for v in (heading.entry_number, entry.importer_key, entry.route,
                                       heading.hts, heading.program, heading.heading_type,
                                       heading.lines, heading.amount)])
    return rows


@dataclasses.dataclass
class _QuarterTotal:
    entries: int = 0
    days: int = 0
    interest: Decimal = ZERO


def interest_by_quarter(estimates):
    """Return {(quarter, column, percent, status): totals} of the interest to liquidation."""
    totals = collections.defaultdict(_QuarterTotal)
    for estimate in estimates:
        if estimate.interest is None:
            continue
        for part in estimate.interest.parts:
            key = (part.quarter, estimate.rate_column, part.percent, part.status)
            totals[key].entries += 1
            totals[key].days += part.days
            totals[key].interest += part.amount
    return dict(sorted(totals.items(), key=lambda item: (item[0][0], item[0][1], item[0][3])))


def quarter_rows(quarter_totals):
    """Return one row per quarter, rate column and rate."""
    rows = []
    for (quarter, column, percent, status), total in quarter_totals.items():
        rows.append([str(quarter), column_label(column),
                     "" if percent is None else f"{percent.normalize():f}", status,
                     str(total.entries), str(total.days),
                     "" if percent is None else format_dollars(total.interest),
                     cell(percent is None)])
    return rows


def deposit_rows(groups):
    """Return one row per importer and liquidation date."""
    return [[cell(v) for v in (g.importer_key, g.importer_name, g.liquidation_date,
                               g.liquidation_basis, g.ach_origination, g.expected_deposit_date,
                               g.entries, g.principal, g.interest, g.interest_complete, g.gross,
                               g.offset, g.net, g.offset_status, g.provisional)]
            for g in groups]


def curve_rows(points):
    """Return one row per expected deposit date."""
    return [[cell(v) for v in (p.date, p.deposits, p.gross, p.net, p.cumulative_gross,
                               p.cumulative_net)]
            for p in points]
