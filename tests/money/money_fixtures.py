"""Small triage folders in the format ``workbench triage`` writes, for the refund value tests.

``make_triage_folder`` writes entries.csv, ieepa_lines.csv, triage.csv and summary.json from
a list of entries, each with its IEEPA Chapter 99 rows. It computes the IEEPA duty per entry
and per route from the rows, as triage does. ``SMALL_RUN`` covers every route and
liquidation state the estimate handles.
"""

import csv
import json
from decimal import Decimal


ENTRY_COLUMNS = [
    "entry_number", "importer_key", "importer_name", "entry_type", "entry_date",
    "entry_summary_date", "liquidation_category", "liquidation_date", "liquidated_on_as_of",
    "warehouse", "route", "ieepa_duty",
]
LINE_COLUMNS = [
    "entry_number", "line_number", "tariff_ordinal", "hts", "program", "heading_type", "duty",
    "counted",
]
TRIAGE_COLUMNS = [
    "entry_number", "importer_number", "filer_code", "entry_type", "entry_date",
    "liquidation_status", "liquidation_date", "ieepa_duty", "route", "reason_codes", "deadline",
    "deadline_kind", "declaration_file", "message",
]
ROUTES = ["cape", "fix_then_cape", "protest", "later_phase", "other_filer", "declared",
          "no_refund", "invalid"]

ACME = ("52-6401938M3", "Acme Imports Inc")
SOLE = ("***-**-6789", "Jane Roe Trading")


def entry(number, importer, route, category, summary_date, lines, *, entry_date=None,
          liquidation_date="", warehouse=False, entry_type="01", deadline="", deadline_kind=""):
    """Return one fixture entry; ``lines`` are (hts, program, heading_type, duty) tuples."""
    return {
        "entry_number": number, "importer_key": importer[0], "importer_name": importer[1],
        "entry_type": entry_type, "entry_date": entry_date or summary_date,
        "entry_summary_date": summary_date, "liquidation_category": category,
        "liquidation_date": liquidation_date,
        "liquidated_on_as_of": "true" if category == "liquidated" else "false",
        "warehouse": "true" if warehouse else "false", "route": route,
        "deadline": deadline, "deadline_kind": deadline_kind, "lines": lines,
    }


SMALL_RUN = [
    # Unliquidated: liquidates 45 days after acceptance.
    entry("AAA00000011", ACME, "cape", "unliquidated", "2025-07-15",
          [("99030125", "reciprocal", "dutiable", "2000.00"),
           ("99030124", "fentanyl_china", "dutiable", "1000.00"),
           ("99030126", "reciprocal", "exemption", "0.00")]),
    # Liquidated within 80 days: reliquidated the next business day after processing.
    entry("AAA00000029", ACME, "cape", "liquidated", "2025-11-03",
          [("99030125", "reciprocal", "dutiable", "1500.00")],
          liquidation_date="2026-10-02", deadline="2026-12-21", deadline_kind="cape_80_day"),
    # Warehouse entry: liquidation date unknown.
    entry("AAA00000037", ACME, "cape", "unliquidated", "2025-09-02",
          [("99030125", "reciprocal", "dutiable", "800.00")], warehouse=True, entry_type="21"),
    # Sole proprietor, non-corporate rate through the rules file.
    entry("AAA00000045", SOLE, "cape", "unliquidated", "2026-01-12",
          [("99030101", "fentanyl_mexico", "dutiable", "12000.00")]),
    # Protest route: value at stake and the protest deadline.
    entry("AAA00000052", ACME, "protest", "liquidated", "2025-06-02",
          [("99030125", "reciprocal", "dutiable", "400.00")],
          liquidation_date="2026-07-01", deadline="2026-12-28", deadline_kind="protest_180_day"),
    # Later phase: no deadline.
    entry("AAA00000060", SOLE, "later_phase", "liquidated", "2025-04-21",
          [("99030125", "reciprocal", "dutiable", "250.00")], liquidation_date="2025-12-01"),
    # No refund: only an exemption heading.
    entry("AAA00000078", ACME, "no_refund", "unliquidated", "2025-08-11",
          [("99030126", "reciprocal", "exemption", "0.00")]),
    # Invalid: impossible date, principal still counted for the reconciliation.
    entry("BADNUMBER", ACME, "invalid", "", "", [("99030125", "reciprocal", "dutiable", "100.00")],
          entry_date="not-a-date"),
    # Fix then CAPE, suspended: liquidation date unknown.
    entry("AAA00000086", ACME, "fix_then_cape", "suspended", "2025-10-06",
          [("99030125", "reciprocal", "dutiable", "600.00"),
           ("99030101", "fentanyl_mexico", "unknown", "25.50")]),
]


def _duty(item):
    return sum((Decimal(line[3]) for line in item["lines"]), Decimal("0.00"))


def _write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def make_triage_folder(path, entries=SMALL_RUN, as_of="2026-12-04", route_totals=None):
    """Write a triage folder for ``entries`` into ``path`` and return ``path``."""
    path.mkdir(parents=True, exist_ok=True)
    _write_csv(path / "entries.csv", ENTRY_COLUMNS,
               [[item[c] for c in ENTRY_COLUMNS[:-1]] + [str(_duty(item))] for item in entries])
    lines = []
    for item in entries:
        for ordinal, (hts, program, heading_type, duty) in enumerate(item["lines"], start=1):
            counted = "true" if Decimal(duty) > 0 else "false"
            lines.append([item["entry_number"], "1", str(ordinal), hts, program, heading_type,
                          duty, counted])
    _write_csv(path / "ieepa_lines.csv", LINE_COLUMNS, lines)
    _write_csv(path / "triage.csv", TRIAGE_COLUMNS, [
        [item["entry_number"], item["importer_key"], "", item["entry_type"], item["entry_date"],
         item["liquidation_category"].upper(), item["liquidation_date"], str(_duty(item)),
         item["route"], "", item["deadline"], item["deadline_kind"], "", ""]
        for item in entries])
    totals = {route: {"entries": 0, "ieepa_duty": Decimal("0.00")} for route in ROUTES}
    for item in entries:
        totals[item["route"]]["entries"] += 1
        totals[item["route"]]["ieepa_duty"] += _duty(item)
    routes = {route: {"entries": v["entries"], "ieepa_duty": str(v["ieepa_duty"])}
              for route, v in totals.items()}
    routes.update(route_totals or {})
    summary = {"as_of": as_of, "routes": routes, "inputs": {}, "rule_tables": {}}
    (path / "summary.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n",
                                       encoding="utf-8")
    return path
