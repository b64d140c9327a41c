"""The estimate's summary: totals, reconciliation with triage, settings, gaps and assumptions.

``build_summary`` returns plain data for ``estimate_summary.json`` (amounts as text with two
decimals, dates as YYYY-MM-DD); ``summary_text`` returns the few lines the command prints.
Every known gap of the estimate appears in ``assumptions`` or ``provisional_reasons``, so the
outputs alone show what the figures rest on.
"""

from decimal import Decimal
from pathlib import Path

from workbench import outputs
from workbench.money import routes
from workbench.money.amounts import ZERO
from workbench.money.assumptions import assumptions
from workbench.money.beyond_cape import at_stake_by_route
from workbench.money.offsets import NOT_GIVEN
from workbench.money.principal import totals_by
from workbench.money.rates import column_label
from workbench.rules import table_versions

RULE_TABLES = ["interest_rates", "refund_timing", "federal_holidays", "clocks",
               "analyst_defaults"]


def build_summary(run):
    """Return the summary of ``run`` as plain data."""
    estimates = run.estimates
    refund = [e for e in estimates if routes.refund_path(e.entry.route)]
    return {
        "as_of": run.folder.as_of.isoformat(),
        "entries": len(estimates),
        "totals": _totals(run, refund),
        "waterfall": waterfall(run),
        "routes": _routes(run),
        "reconciliation": {"principal_per_route_equals_triage_ieepa_duty": True},
        "principal_by_program": {k: str(v) for k, v in
                                 totals_by(run.headings, lambda h: h.program).items()},
        "beyond_cape": {r.route: r.as_record() for r in at_stake_by_route(estimates, run.folder.as_of)},
        "deposits": _deposits(run),
        "offsets": _offsets(run),
        "interest": _interest(run, refund),
        "provisional": any(e.provisional for e in estimates),
        "provisional_entries": sum(1 for e in estimates if e.provisional),
        "assumptions": assumptions(run),
        "warnings": list(run.warnings) + list(run.rate_changes),
        "settings": _settings(run),
        "inputs": _inputs(run),
        "rule_tables": table_versions(RULE_TABLES),
    }


def _money(value):
    return None if value is None else str(value)


def _totals(run, refund):
    principal = sum((e.principal for e in refund), ZERO)
    interest = sum((e.interest.amount for e in refund if e.interest), ZERO)
    gross = sum((g.gross for g in run.groups), ZERO)
    net = sum((g.net for g in run.groups), ZERO)
    return {
        "ieepa_duty_paid": str(sum((e.principal for e in run.estimates), ZERO)),
        "refund_path_principal": str(principal),
        "refund_path_interest_known": str(interest),
        "expected_gross_refund": str(gross),
        "offsets": str(gross - net) if run.request.offsets_file else None,
        "expected_net_refund": str(net),
    }


def waterfall(run):
    """Return the steps from IEEPA duty paid to the expected net refund, as (label, amount, kind).

    ``kind`` is ``absolute`` for a starting total, ``relative`` for a step and ``total`` for a
    subtotal, as a plotly waterfall expects.
    """
    by_route = totals_by(run.estimates, lambda e: e.entry.route, lambda e: e.principal)
    paid = sum(by_route.values(), ZERO)
    beyond = sum((by_route.get(r, ZERO) for r in routes.BEYOND_CAPE), ZERO)
    not_refunded = sum((by_route.get(r, ZERO) for r in routes.NOT_REFUNDED), ZERO)
    interest = sum((e.interest.amount for e in run.estimates
                    if routes.refund_path(e.entry.route) and e.interest), ZERO)
    gross = sum((g.gross for g in run.groups), ZERO)
    net = sum((g.net for g in run.groups), ZERO)
    offset_label = "Offsets (debts to CBP)" if run.request.offsets_file else "Offsets (no offsets file given)"
    steps = [
        ("IEEPA duty paid", paid, "absolute"),
        ("Protest and later phase", -beyond, "relative"),
        ("No refund or invalid", -not_refunded, "relative"),
        ("CAPE principal", paid - beyond - not_refunded, "total"),
        ("Interest to liquidation", interest, "relative"),
        (offset_label, net - gross, "relative"),
        ("Expected net refund", net, "total"),
    ]
    return [{"step": label, "amount": str(amount), "kind": kind} for label, amount, kind in steps]


def _routes(run):
    records = {}
    for route in routes.ROUTES:
        own = [e for e in run.estimates if e.entry.route == route]
        if not own and route not in run.folder.route_totals:
            continue
        records[route] = {
            "entries": len(own),
            "principal": str(sum((e.principal for e in own), ZERO)),
            "triage_ieepa_duty": str(run.folder.route_totals.get(route, ZERO)),
            "interest_to_liquidation": str(sum((e.interest.amount for e in own if e.interest), ZERO)),
            "interest_accrued_to_as_of": str(sum((e.accrued.amount for e in own if e.accrued), ZERO)),
        }
    return records


def _deposits(run):
    dated = [g for g in run.groups if g.expected_deposit_date]
    undated = [g for g in run.groups if not g.expected_deposit_date]
    return {
        "groups": len(run.groups),
        "groups_with_date": len(dated),
        "first_expected_deposit": dated[0].expected_deposit_date.isoformat() if dated else None,
        "last_expected_deposit": max(g.expected_deposit_date for g in dated).isoformat() if dated else None,
        "net_with_date": str(sum((g.net for g in dated), ZERO)),
        "groups_without_date": len(undated),
        "gross_without_date": str(sum((g.gross for g in undated), ZERO)),
    }


def _offsets(run):
    if not run.request.offsets_file:
        return {"given": False, "status": NOT_GIVEN, "by_importer": {}}
    return {
        "given": True,
        "status": "debts from the offsets file taken from each importer's earliest deposits",
        "by_importer": {key: {k: _money(v) for k, v in figures.items()}
                        for key, figures in run.offsets_by_importer.items()},
    }


def _interest(run, refund):
    open_quarters = sorted({str(q) for e in refund if e.interest for q in e.interest.open_quarters})
    return {
        "method": run.context.method.describe(),
        "compounding": run.context.method.compounding,
        "year_basis": run.context.method.year_basis,
        "complete": all(e.interest is not None and e.interest.complete
                        for e in refund if e.principal > 0),
        "open_quarters": open_quarters,
        "entries_without_liquidation_date": sum(1 for e in refund if e.liquidation_date is None),
        "rates_used": _rates_used(run),
    }


def _rates_used(run):
    quarters = sorted({part.quarter for e in run.estimates for figure in (e.interest, e.accrued)
                       if figure for part in figure.parts})
    records = []
    for quarter in quarters:
        rate = run.context.rates.lookup(quarter)
        if rate is None:
            source = run.context.rates.not_found.get(quarter, "no rate in the shipped table")
            records.append({"quarter": str(quarter), "status": "not_found", "source": source})
            continue
        records.append({
            "quarter": str(quarter), "status": rate.status, "source": rate.source,
            "confidence": rate.confidence,
            "percent": {column_label(k): f"{v.normalize():f}" for k, v in sorted(rate.percent.items())},
        })
    return records


def _settings(run):
    context, request = run.context, run.request
    return {
        "rate_column_default": column_label(context.default_column),
        "rate_column_by_importer": {k: column_label(v)
                                    for k, v in sorted(context.column_by_importer.items())},
        "compounding": context.method.compounding,
        "year_basis": context.method.year_basis,
        "large_corporate_tier": bool(context.method.large_corporate_tier),
        "statement_delay_days": context.statement_delay_days,
        "acceptance_date": context.acceptance_date.isoformat(),
        "acceptance_date_basis": run.acceptance_basis,
        "assume_rate": None if context.rates.assumed_percent is None else str(context.rates.assumed_percent),
        "assume_liquidation_date": (context.assumed_liquidation_date.isoformat()
                                    if context.assumed_liquidation_date else None),
    }


def _inputs(run):
    folder = Path(run.request.triage_dir)
    record = {"triage_folder": {name: outputs.sha256_file(folder / name) for name in
                                ("entries.csv", "ieepa_lines.csv", "triage.csv", "summary.json")}}
    for key in ("rates_file", "offsets_file", "payments_file", "rules_file"):
        path = getattr(run.request, key)
        record[key] = ({"name": Path(path).name, "sha256": outputs.sha256_file(path)}
                       if path else None)
    return record


def _dollars(text):
    return f"${Decimal(text):,}"


def summary_text(run):
    """Return the short summary the command prints."""
    s = run.summary
    totals, interest, deposits = s["totals"], s["interest"], s["deposits"]
    lines = [
        f"Refund estimate as of {s['as_of']}: {s['entries']} entries, IEEPA duty paid "
        f"{_dollars(totals['ieepa_duty_paid'])}.",
        f"CAPE refund path: principal {_dollars(totals['refund_path_principal'])}, interest "
        f"{_dollars(totals['refund_path_interest_known'])} ({interest['method']}, "
        f"{s['settings']['rate_column_default']} rate by default).",
    ]
    if interest["open_quarters"]:
        lines.append(f"Interest left open for quarters without a rate: "
                     f"{', '.join(interest['open_quarters'])}.")
    if interest["entries_without_liquidation_date"]:
        lines.append(f"{interest['entries_without_liquidation_date']} entries have no projected "
                     f"liquidation date; their interest to liquidation is left open.")
    offsets = (f"offsets {_dollars(totals['offsets'])}" if totals["offsets"] is not None
               else s["offsets"]["status"])
    lines.append(f"Expected net refund {_dollars(totals['expected_net_refund'])} ({offsets}), in "
                 f"{deposits['groups']} deposits; first {deposits['first_expected_deposit'] or '-'}, "
                 f"last {deposits['last_expected_deposit'] or '-'}.")
    for route, record in s["beyond_cape"].items():
        if record["entries"]:
            lines.append(f"{route}: {record['entries']} entries, {_dollars(record['value_at_stake'])} at "
                         f"stake, earliest deadline {record['earliest_deadline'] or '-'}.")
    lines.append("Provisional: " + ("yes, see provisional_reasons in estimate.csv and "
                                    "assumptions in estimate_summary.json" if s["provisional"] else "no"))
    lines.extend(f"warning: {text}" for text in s["warnings"])
    return "\n".join(lines)
