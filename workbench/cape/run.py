"""One triage run: ES-003 files and settings in; triage, declarations and a summary out.

Everything that can stop the run (an unreadable file, a missing column, an unknown setting)
is checked before the first file is written, so a run that stops with an input error leaves
no declaration file behind.
"""

import dataclasses
import datetime as dt
import logging
import time
from pathlib import Path

import pandas as pd

from workbench import __version__, codes
from workbench.cape import files, outputs
from workbench.cape.entries import build_entries
from workbench.cape.entry_findings import report_entry_findings
from workbench.cape.messages import message
from workbench.cape.triage import Context, triage
from workbench.errors import InputError
from workbench.outputs import sha256_file, write_json, write_manifest
from workbench.money.business_days import BusinessCalendar
from workbench.rules import load_table, table_versions
from workbench.rules.clocks import Clocks
from workbench.rules.phases import load_phases
from workbench.rules.settings import load_settings, settings_record
from workbench.sources.entry_lists import read_entry_list, report_unmatched
from workbench.sources.es003 import load_es003
from workbench.sources.values import format_cents, format_cents_series

log = logging.getLogger(__name__)

ROUTES = ["cape", "fix_then_cape", "protest", "later_phase", "other_filer", "declared",
          "no_refund", "invalid"]
RULE_TABLES = ["chapter99", "cape_phases", "clocks", "entry_types", "analyst_defaults",
               "federal_holidays"]


@dataclasses.dataclass
class TriageResult:
    """The outputs and decisions of one triage run."""

    out: Path
    table: pd.DataFrame
    summary: dict
    findings: object
    declaration_files: list
    handoff_files: list


def _filer_code(value):
    if not value:
        return ""
    code = value.strip().upper()
    if len(code) != 3 or not code.isalnum() or code == "000":
        raise InputError(f"--filer-code {value!r}: a filer code is 3 letters or digits, not 000")
    return code


def _ledger_states(path):
    if not path:
        return {}
    from workbench.ledger.store import Ledger

    with Ledger.open(path) as ledger:
        return ledger.entry_states()


def _context(settings, as_of, filer_code, side, ledger_states, load):
    entry_types = load_table("entry_types")
    return Context(
        as_of=as_of, settings=settings, clocks=Clocks.load(), phases=load_phases(settings),
        entry_types={"excluded": set(entry_types["excluded"]),
                     "warehouse": set(entry_types["warehouse"])},
        filer_code=filer_code,
        protests=side["protests"].numbers if side["protests"] else frozenset(),
        drawback=side["drawback"].numbers if side["drawback"] else frozenset(),
        ledger_states=ledger_states, conflicts=load.conflicts, malformed=load.rejected_keys,
    )


def _assemble(entries, decisions, facts, ctx):
    """Return the per-entry output table (triage.csv columns plus what other files need)."""
    table = entries.copy()
    table["route"] = decisions.route
    table["reason_codes"] = outputs.frame_of_codes(decisions, list(codes.REASON_CODES))
    table["deadline_ts"] = decisions.deadline
    table["deadline_kind"] = decisions.deadline_kind
    table["liquidation_category"] = facts.category.fillna("")
    table["liquidated_on_as_of"] = facts.liquidated
    table["liquidated_later"] = facts.liquidated_later
    table["liquidation_date_ignored"] = facts.date_ignored
    table["warehouse"] = facts.warehouse
    table["age"] = facts.age

    invalid = table["entry_state"] == "invalid"
    table["entry_number"] = table["entry_key"].where(~invalid, table["entry_found"].str.strip())
    table["importer_number"] = table["importer_shown"]
    table["filer_code"] = table["entry_key"].str[:3].where(~invalid, "")
    table["entry_date_iso"] = outputs.iso(table["entry_date"])
    table["liquidation_date_iso"] = outputs.iso(table["liquidation_date"])
    table["deadline"] = outputs.iso(table["deadline_ts"])
    table["ieepa_duty"] = format_cents_series(table["ieepa_cents"])
    table["ieepa_goods_value"] = format_cents_series(table["ieepa_value_cents"])
    table["declaration_file"] = ""
    table["entry_date_after_as_of"] = table["entry_date"] > pd.Timestamp(ctx.as_of)
    _add_messages(table, ctx)
    return table


MESSAGE_FIELDS = ["route", "reason_codes", "ieepa_cents", "entry_key", "files",
                  "liquidation_status", "liquidated_later"]


def _non_business_days(deadlines):
    """Name the weekend day or federal holiday (5 U.S.C. 6103) a deadline falls on, else ''."""
    calendar = BusinessCalendar.load()

    def name(timestamp):
        day = timestamp.date()
        if day.weekday() >= 5:
            return day.strftime("%A")
        holiday = calendar.holidays(day.year).get(day)
        return f"federal holiday ({holiday.replace('_', ' ')})" if holiday else ""

    names = {ts: name(ts) for ts in deadlines.dropna().unique()}
    return deadlines.map(names).astype(object).fillna("")


def _add_messages(table, ctx):
    """Add the one-line message of each entry."""
    fields = table[MESSAGE_FIELDS].copy()
    fields["liquidation_date"] = table["liquidation_date_iso"]
    fields["deadline"] = table["deadline"]
    fields["deadline_day"] = _non_business_days(table["deadline_ts"])
    fields["age"] = [None if age != age else int(age) for age in table["age"]]
    texts = []
    names = list(fields.columns)
    for values in fields.itertuples(index=False, name=None):
        record = dict(zip(names, values))
        state = ctx.ledger_states.get(record["entry_key"])
        record["ledger_state"] = state
        record["rejected_before"] = (state.message if state and state.last_result == "rejected"
                                     else "")
        codes_here = record["reason_codes"].split(";") if record["reason_codes"] else []
        texts.append(message(record, codes_here))
    table["message"] = texts


def _groups(table, route, keep=None):
    chosen = table[table["route"] == route]
    if keep is not None:
        chosen = chosen[keep(chosen)]
    groups = {}
    for importer, filer, number in zip(chosen["importer_key"], chosen["filer_code"],
                                       chosen["entry_key"]):
        groups.setdefault((importer, filer), []).append(number)
    return groups


def _write_files(out, table, filer_code):
    """Write declaration and hand-off files and fill the declaration_file column."""
    importers = dict(zip(table["importer_key"], table["importer_shown"]))
    importers.pop("", None)
    labels = files.importer_folders(importers)
    table["importer_label"] = table["importer_key"].map(labels).astype(object).fillna("")
    folders = labels if len(importers) > 1 else {key: "" for key in importers}
    files.remove_stale(out)

    own = _groups(table, "cape")
    if not filer_code:
        own = _merge_filers(own)
    declarations = files.write_file_sets(out, own, folders, "cape_declaration", labels)
    # Entries that need a post-summary correction first go to their own hand-off files, so
    # the other filer can upload the ready ones at once.
    needs_psc = lambda t: t["reason_codes"].str.contains("GOODS_VALUE_ON_IEEPA_LINE")
    handoffs = files.write_file_sets(out, _groups(table, "other_filer", lambda t: ~needs_psc(t)),
                                     folders, "handoff_{filer}", labels)
    handoffs += files.write_file_sets(out, _groups(table, "other_filer", needs_psc), folders,
                                      "handoff_{filer}_after_psc", labels)

    where = {n: record["path"] for record in declarations + handoffs for n in record["entries"]}
    table["declaration_file"] = table["entry_key"].map(where).astype(object).fillna("")
    table.loc[~table["route"].isin(["cape", "other_filer"]), "declaration_file"] = ""
    return declarations, handoffs


def _merge_filers(groups):
    """Put all entries of an importer in one file set: the importer of record may declare them all."""
    merged = {}
    for (importer, _filer), numbers in groups.items():
        merged.setdefault((importer, ""), []).extend(numbers)
    return merged


def run_triage(paths, out, as_of=None, filer_code=None, protests=None, drawback=None,
               ledger=None, rules=None, progress=None):
    """Triage the ES-003 files into ``out`` and return what was written.

    ``progress``, when given, is called with a short text at each step of a long run.
    """
    started = time.monotonic()

    def step(text):
        log.info(text)
        if progress:
            progress(f"[{time.monotonic() - started:6.1f} s] {text}")

    as_of = as_of or dt.date.today()
    settings = load_settings(rules)
    filer_code = _filer_code(filer_code)
    clocks = Clocks.load()
    if not paths:
        raise InputError("no ES-003 file given; pass one or more ES-003 exports")

    step(f"reading {len(paths)} ES-003 file(s)")
    load = load_es003(paths, settings.confirmed_check_digit_overrides,
                      clocks.earliest_plausible_date)
    step(f"read {sum(i['rows'] for i in load.inputs):,} rows; grouping entries")
    side = {"protests": read_entry_list(protests, "protests", load.findings) if protests else None,
            "drawback": read_entry_list(drawback, "drawback", load.findings) if drawback else None}
    entries = build_entries(load.rows, clocks.earliest_plausible_date)
    for purpose, entry_list in side.items():
        if entry_list:
            report_unmatched(entry_list, entries["entry_key"], purpose, load.findings)

    ctx = _context(settings, as_of, filer_code, side, _ledger_states(ledger), load)
    step(f"routing {len(entries):,} entries")
    decisions, facts = triage(entries, ctx)
    table = _assemble(entries, decisions, facts, ctx)
    report_entry_findings(table, load.findings)

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    step(f"writing outputs to {out}")
    declarations, handoffs = _write_files(out, table, filer_code)
    outputs.write_triage(out / "triage.csv", table)
    _write_entry_facts(out, table, load.rows)
    outputs.write_exceptions(out / "exceptions.csv", load.findings)
    summary = build_summary(load, side, table, ctx, rules, declarations, handoffs)
    write_json(out / "summary.json", summary)
    _record_in_ledger(ledger, summary, declarations, out)
    write_manifest(out, [out / f["path"] for f in declarations + handoffs] + [
        out / name for name in ("triage.csv", "entries.csv", "ieepa_lines.csv",
                                "exceptions.csv", "summary.json")])
    step(f"done: {len(table):,} entries")
    return TriageResult(out, table, summary, load.findings, declarations, handoffs)


def _write_entry_facts(out, table, rows):
    facts = table.assign(
        importer_key=table["importer_label"], entry_date=table["entry_date_iso"], entry_summary_date=outputs.iso(table["summary_date"]),
        liquidation_date=table["liquidation_date_iso"],
        liquidated_on_as_of=table["liquidated_on_as_of"].map({True: "true", False: "false"}),
        warehouse=table["warehouse"].map({True: "true", False: "false"}),
    )
    outputs.write_entries(out / "entries.csv", facts)
    outputs.write_ieepa_lines(out / "ieepa_lines.csv", rows)


def _record_in_ledger(ledger, summary, declarations, out):
    """Record the run and its declaration files (as written, not yet uploaded) in the ledger."""
    if not ledger:
        return
    from workbench.ledger.store import Ledger

    records = [{**record, "path": str((out / record["path"]).resolve())}
               for record in declarations]
    with Ledger.open(ledger) as store:
        store.record_run(summary, records)


def build_summary(load, side, table, ctx, rules, declarations, handoffs):
    """Return the content of summary.json: inputs, rules, counts and the reconciliations."""
    rows_read = sum(i["rows"] for i in load.inputs)
    placed = {k: sum(i[k] for i in load.inputs)
              for k in ("rows_in_entries", "rows_duplicate_read_once", "rows_rejected")}
    totals = outputs.route_totals(table, ROUTES)
    total_cents = int(table["ieepa_cents"].sum())
    route_cents = sum(int(table.loc[table["route"] == r, "ieepa_cents"].sum()) for r in ROUTES)
    return {
        "workbench_version": __version__,
        "as_of": ctx.as_of.isoformat(),
        "declarant": ({"kind": "broker", "filer_code": ctx.filer_code} if ctx.filer_code
                      else {"kind": "importer of record", "filer_code": ""}),
        "inputs": load.inputs,
        "side_inputs": [s.input_record for s in side.values() if s],
        "rules_file": ({"path": str(rules), "sha256": sha256_file(rules)} if rules else None),
        "rule_tables": table_versions(RULE_TABLES),
        "settings": settings_record(ctx.settings),
        "cape_phases": [_phase_record(p, ctx.as_of) for p in ctx.phases],
        "liquidation_status_values": _status_values(table, ctx.settings),
        "entries": int(len(table)),
        "routes": totals,
        "reason_codes": _code_counts(table),
        "ieepa_duty_total": format_cents(total_cents),
        "reconciliation": {
            "rows_read": rows_read, **placed,
            "rows_balanced": rows_read == sum(placed.values()),
            "entries_routed": sum(t["entries"] for t in totals.values()),
            "entries_balanced": sum(t["entries"] for t in totals.values()) == len(table),
            "ieepa_duty_by_route_total": format_cents(route_cents),
            "ieepa_duty_balanced": route_cents == total_cents,
        },
        "declaration_files": declarations,
        "handoff_files": handoffs,
        "exceptions": {"errors": load.findings.count("error"),
                       "warnings": load.findings.count("warning"),
                       "by_rule": load.findings.by_rule()},
        "assumptions": ASSUMPTIONS,
    }


ASSUMPTIONS = [
    "Ages are calendar days from the liquidation date to the as-of date; day 80 is inside "
    "CAPE's limit and warned.",
    "Protest deadlines are liquidation + 180 days (19 U.S.C. 1514); whether a weekend or "
    "holiday deadline moves to the next business day is not confirmed.",
    "PSC deadlines are entry date + 300 days; the 15-days-before-liquidation limit is not "
    "checked because ES-003 has no scheduled liquidation date.",
    "'Finally liquidated' here means more than 80 days after liquidation (outside CAPE's "
    "window); the protest period is tracked separately.",
    "A reconciliation-flagged entry is treated as having no type 09 on file unless "
    "reconciliation_09_filed lists it.",
]


def _phase_record(phase, as_of):
    return {"id": phase.phase_id, "label": phase.label, "status": phase.status,
            "enabled": phase.enabled, "effective_from": phase.effective_from.isoformat(),
            "open_on_as_of": phase.is_open(as_of), "accepts": list(phase.accepts),
            "source": phase.source}


def _status_values(table, settings):
    values = {}
    for value in sorted(set(table["liquidation_status"])):
        values[value] = settings.liquidation_category(value) or "unmapped"
    return values


def _code_counts(table):
    counts = {}
    for text in table["reason_codes"]:
        for code in filter(None, text.split(";")):
            counts[code] = counts.get(code, 0) + 1
    return dict(sorted(counts.items()))
