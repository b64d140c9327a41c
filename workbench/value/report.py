"""The claim value analysis as text, tables and files.

``summary_text`` is the plain-text report the command prints and the notebook shows. It
contains no path, time or random id, so the same triage and parameters always give the same
text. The tests compare it across the package, the command and the notebook. Point estimates
are exact and rounded to the cent. Monte Carlo figures are floats rounded to the dollar.

Files written by ``write_outputs`` into the output folder:

* ``value_summary.json``: parameters with their basis, triage facts, both options' point
  estimates, break-even fees, Monte Carlo percentiles, sensitivity bars, recommendations and
  the readiness checklist;
* ``options.csv``: one row per option with its point estimate and Monte Carlo percentiles;
* ``readiness.csv``, ``sensitivity.csv``: the checklist and the tornado bars;
* ``recommendation.txt``: ``summary_text``.
"""

import logging
from decimal import Decimal
from pathlib import Path

from workbench.outputs import atomic_write_bytes, write_csv, write_json
from workbench.rules import table_versions
from workbench.value.formatting import days, dollars, rate, whole_dollars
from workbench.value.model import cents
from workbench.value.montecarlo import percentiles
from workbench.value.parameters import READINESS_ANSWERS, SETTINGS, SPECS, default_value

log = logging.getLogger(__name__)

_FOUR_PLACES = Decimal("0.0001")

OPTION_COLUMNS = ("comparison", "option", "label", "refund", "lost_to_deadlines", "recovered",
                  "fee", "outlay", "staff_hours", "staff_cost", "delay_cost", "days_to_cash",
                  "failure_probability", "net", "net_mean", "net_p10", "net_p50", "net_p90",
                  "days_p10", "days_p50", "days_p90")
TABLE_ROWS = (
    ("Net recovery, point estimate", "net", dollars),
    ("Refund claimed", "refund", dollars),
    ("Expected loss to missed deadlines", "lost", dollars),
    ("Fees", "fee", dollars),
    ("Software and other outlay", "outlay", dollars),
    ("Staff hours", "hours", lambda value: f"{value:.1f}"),
    ("Staff cost", "staff_cost", dollars),
    ("Cost of waiting for the cash", "delay_cost", dollars),
    ("Days to cash", "days_to_cash", days),
    ("First submission fails", "failure_probability", rate),
)


def comparisons(analysis):
    """Return the comparisons the analysis ran, CAPE first."""
    return [c for c in (analysis.cape, analysis.drawback) if c is not None]


def option_table(comparison):
    """Return [(row label, in-house text, specialist text), ...] of the point estimates."""
    rows = [(label, fmt(getattr(comparison.in_house, field)),
             fmt(getattr(comparison.specialist, field))) for label, field, fmt in TABLE_ROWS]
    simulation = comparison.simulation
    rows.insert(1, ("Net recovery, Monte Carlo mean",
                    whole_dollars(percentiles(simulation.in_house_net)["mean"]),
                    whole_dollars(percentiles(simulation.specialist_net)["mean"])))
    rows.append(("Net, Monte Carlo P10 / P50 / P90", _spread(simulation.in_house_net),
                 _spread(simulation.specialist_net)))
    rows.append(("Days to cash, P10 / P50 / P90", _spread_days(simulation.in_house_days),
                 _spread_days(simulation.specialist_days)))
    return rows


def summary_text(analysis):
    """Return the plain-text report: facts, recommendations, tables, checklist."""
    facts, params = analysis.facts, analysis.params
    lines = [f"Claim value as of {facts.as_of} "
             f"(Monte Carlo: {params.draws:,} draws, seed {params.seed})",
             f"Entries to claim now: {facts.claim_entries} of {facts.entries} "
             f"(cape {facts.cape_entries}, fix_then_cape {facts.psc_entries}, "
             f"protest {facts.protest_entries}); refunds {dollars(facts.refund)}",
             f"Refunds: {analysis.refund_basis}",
             f"Drawback: {analysis.drawback_basis}",
             f"Inputs: {_assumption_note(params)}"]
    for comparison, recommendation in zip(comparisons(analysis), analysis.recommendations):
        lines += ["", f"{comparison.name.upper()}: {recommendation.headline}"]
        lines += [f"  - {reason}" for reason in recommendation.reasons]
        lines += [""] + _table_lines(comparison)
    lines += ["", "Readiness checklist:"]
    lines += [f"  [{item.status}] {item.label}: {item.detail}" for item in analysis.readiness]
    lines += ["", "Monte Carlo figures are floating-point estimates rounded to the dollar."]
    return "\n".join(lines) + "\n"


def summary_data(analysis):
    """Return the JSON-ready content of ``value_summary.json``."""
    return {
        "as_of": analysis.facts.as_of.isoformat(),
        "refund_basis": analysis.refund_basis,
        "drawback_basis": analysis.drawback_basis,
        "parameters": _parameters_data(analysis.params),
        "facts": _facts_data(analysis.facts),
        "comparisons": {c.name: _comparison_data(c) for c in comparisons(analysis)},
        "recommendations": [{"comparison": r.comparison, "verdict": r.verdict,
                             "headline": r.headline, "reasons": list(r.reasons)}
                            for r in analysis.recommendations],
        "readiness": [_item_data(item) for item in analysis.readiness],
        "rule_tables": table_versions(["fees"]),
        "monte_carlo_note": "Monte Carlo figures are floats, rounded to the dollar",
    }


def write_outputs(analysis, out):
    """Write the analysis files into ``out`` (created if missing); return their paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    write_json(out / "value_summary.json", summary_data(analysis))
    write_csv(out / "options.csv", OPTION_COLUMNS, _option_rows(analysis))
    write_csv(out / "readiness.csv", ("key", "label", "status", "answered_by", "detail"),
              [[i.key, i.label, i.status, i.answered_by, i.detail] for i in analysis.readiness])
    write_csv(out / "sensitivity.csv",
              ("comparison", "input", "label", "unit", "low", "high", "advantage_at_low",
               "advantage_at_high"), _sensitivity_rows(analysis))
    atomic_write_bytes(out / "recommendation.txt", summary_text(analysis).encode("utf-8"))
    names = ["value_summary.json", "options.csv", "readiness.csv", "sensitivity.csv",
             "recommendation.txt"]
    log.info("wrote %s into %s", ", ".join(names), out)
    return [out / name for name in names]


def _assumption_note(params):
    """Return a note on how many inputs rest on published figures and how many on assumptions."""
    published = [name for name, spec in SPECS.items() if spec.basis == "published"]
    changed = [name for name in SPECS if getattr(params, name) != default_value(name)]
    return (f"{len(published)} default to published ranges (fees table), the other "
            f"{len(SPECS) - len(published)} to assumptions with no published figure; "
            f"{len(changed)} set by the analyst. Replace the assumptions with your own "
            f"figures (workbench value --help-parameters lists them).")


def _table_lines(comparison):
    rows = [("", comparison.in_house.label, comparison.specialist.label)]
    rows += option_table(comparison)
    rows.append(("Break-even total fee", "", dollars(comparison.break_even.total_fee)))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return ["  " + row[0].ljust(widths[0]) + "  " + row[1].rjust(widths[1]) + "  "
            + row[2].rjust(widths[2]) for row in rows]


def _spread(array):
    figures = percentiles(array)
    return " / ".join(whole_dollars(figures[k]) for k in ("p10", "p50", "p90"))


def _spread_days(array):
    figures = percentiles(array)
    return " / ".join(f"{round(figures[k])}" for k in ("p10", "p50", "p90"))


def _parameters_data(params):
    numeric = {name: {"low": str(getattr(params, name).low),
                      "high": str(getattr(params, name).high),
                      "unit": spec.unit, "basis": spec.basis}
               for name, spec in SPECS.items()}
    answers = {name: getattr(params, name) for name in READINESS_ANSWERS}
    settings = {name: getattr(params, name) for name in SETTINGS}
    return {"numeric": numeric, "readiness_answers": answers, "settings": settings}


def _facts_data(facts):
    return {
        "entries": facts.entries, "claim_entries": facts.claim_entries,
        "cape_entries": facts.cape_entries, "psc_entries": facts.psc_entries,
        "protest_entries": facts.protest_entries, "importers": facts.importers,
        "filer_codes": facts.filer_codes, "declarations": facts.declarations,
        "refund": str(cents(facts.refund)),
        "data_finding_entries": facts.data_finding_entries,
        "complex_entries": facts.complex_entries,
        "near_deadline_entries": facts.near_deadline_entries,
        "near_deadline_refund": str(cents(facts.near_deadline_refund)),
    }


def _outcome_data(outcome, net_array, days_array):
    return {
        "label": outcome.label,
        "refund": str(cents(outcome.refund)), "lost_to_deadlines": str(cents(outcome.lost)),
        "recovered": str(cents(outcome.recovered)), "fee": str(cents(outcome.fee)),
        "outlay": str(cents(outcome.outlay)), "staff_hours": str(cents(outcome.hours)),
        "staff_cost": str(cents(outcome.staff_cost)),
        "delay_cost": str(cents(outcome.delay_cost)),
        "days_to_cash": str(cents(outcome.days_to_cash)),
        "failure_probability": str(outcome.failure_probability.quantize(_FOUR_PLACES)),
        "net": str(cents(outcome.net)),
        "monte_carlo_net": {k: round(v) for k, v in percentiles(net_array).items()},
        "monte_carlo_days": {k: round(v, 1) for k, v in percentiles(days_array).items()},
    }


def _comparison_data(comparison):
    result = comparison.break_even
    simulation = comparison.simulation
    return {
        "in_house": _outcome_data(comparison.in_house, simulation.in_house_net,
                                  simulation.in_house_days),
        "specialist": _outcome_data(comparison.specialist, simulation.specialist_net,
                                    simulation.specialist_days),
        "advantage": str(cents(comparison.advantage)),
        "break_even": {
            "total_fee": str(cents(result.total_fee)),
            "fee_per_entry": None if result.fee_per_entry is None
            else str(cents(result.fee_per_entry)),
            "contingency": None if result.contingency is None
            else str(result.contingency.quantize(_FOUR_PLACES)),
            "below_minimum": result.below_minimum,
        },
        "monte_carlo": {"seed": simulation.seed, "draws": simulation.draws,
                        "in_house_wins": round(simulation.in_house_wins, 4),
                        "advantage": {k: round(v) for k, v in
                                      percentiles(simulation.advantage).items()}},
        "sensitivity": [_bar_data(bar) for bar in comparison.sensitivity],
    }


def _bar_data(bar):
    return {"input": bar.name, "label": bar.label, "unit": bar.unit,
            "low": str(bar.low_input), "high": str(bar.high_input),
            "advantage_at_low": str(cents(bar.at_low)),
            "advantage_at_high": str(cents(bar.at_high))}


def _item_data(item):
    return {"key": item.key, "label": item.label, "status": item.status,
            "answered_by": item.answered_by, "detail": item.detail}


def _option_rows(analysis):
    rows = []
    for comparison in comparisons(analysis):
        simulation = comparison.simulation
        pairs = ((comparison.in_house, simulation.in_house_net, simulation.in_house_days),
                 (comparison.specialist, simulation.specialist_net, simulation.specialist_days))
        for outcome, net_array, days_array in pairs:
            data = _outcome_data(outcome, net_array, days_array)
            net, spread = data["monte_carlo_net"], data["monte_carlo_days"]
            rows.append([comparison.name, outcome.key, outcome.label, data["refund"],
                         data["lost_to_deadlines"], data["recovered"], data["fee"],
                         data["outlay"], data["staff_hours"], data["staff_cost"],
                         data["delay_cost"], data["days_to_cash"], data["failure_probability"],
                         data["net"], net["mean"], net["p10"], net["p50"], net["p90"],
                         spread["p10"], spread["p50"], spread["p90"]])
    return rows


def _sensitivity_rows(analysis):
    return [[c.name, bar.name, bar.label, bar.unit, str(bar.low_input), str(bar.high_input),
             str(cents(bar.at_low)), str(cents(bar.at_high))]
            for c in comparisons(analysis) for bar in c.sensitivity]

