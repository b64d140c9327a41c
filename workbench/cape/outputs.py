"""The files a triage run writes: triage.csv, entries.csv, ieepa_lines.csv, exceptions.csv.

Column orders are part of the command-line contract that notebooks and scripts rely on.
Human-facing files go through ``workbench.outputs.write_csv``, which neutralises text a
spreadsheet would execute.
"""

import pandas as pd

from workbench import findings as findings_module
from workbench.outputs import write_csv, write_frame
from workbench.sources.values import format_cents, format_cents_series

TRIAGE_COLUMNS = [
    "entry_number", "importer_number", "filer_code", "entry_type", "entry_date",
    "liquidation_status", "liquidation_date", "ieepa_duty", "route", "reason_codes", "deadline",
    "deadline_kind", "declaration_file", "message",
]

ENTRY_COLUMNS = [
    "entry_number", "importer_key", "importer_name", "entry_type", "entry_date",
    "entry_summary_date", "liquidation_category", "liquidation_date", "liquidated_on_as_of",
    "warehouse", "route", "ieepa_duty",
]

LINE_COLUMNS = ["entry_number", "line_number", "tariff_ordinal", "hts", "program",
                "heading_type", "duty", "counted"]


def iso(series):
    """Return YYYY-MM-DD text for a datetime column, empty for missing dates."""
    return series.dt.strftime("%Y-%m-%d").fillna("")


# Columns of the assembled table that hold the text written under a contract column name.
TEXT_COLUMNS = {"entry_date": "entry_date_iso", "liquidation_date": "liquidation_date_iso"}


def write_triage(path, table):
    """Write triage.csv from the assembled table (one row per entry, contract columns)."""
    source = [TEXT_COLUMNS.get(name, name) for name in TRIAGE_COLUMNS]
    write_frame(path, table[source].set_axis(TRIAGE_COLUMNS, axis=1))


def write_entries(path, table):
    """Write entries.csv: per-entry facts that the refund estimate reads."""
    write_frame(path, table[ENTRY_COLUMNS])


def write_ieepa_lines(path, rows):
    """Write ieepa_lines.csv: every IEEPA Chapter 99 row of the triaged entries."""
    lines = rows[rows["family"] == "ieepa"].sort_values(
        ["entry_key", "line_key", "ordinal_key", "_file", "_row"], kind="stable")
    frame = pd.DataFrame({
        "entry_number": lines["entry_key"], "line_number": lines["Entry Summary Line Number"],
        "tariff_ordinal": lines["Tariff Ordinal Number"], "hts": lines["hts"],
        "program": lines["program"], "heading_type": lines["heading_type"],
        "duty": format_cents_series(lines["duty_cents"]),
        "counted": (lines["duty_cents"] > 0).map({True: "true", False: "false"}),
    })
    write_frame(path, frame[LINE_COLUMNS])


def write_exceptions(path, findings):
    """Write exceptions.csv, one row per input problem, in the order they were found."""
    write_csv(path, findings_module.COLUMNS, (f.as_row() for f in findings))


def route_totals(table, routes):
    """Return {route: {entries, ieepa_duty}} for every contract route, zeros included."""
    totals = {}
    for route in routes:
        chosen = table[table["route"] == route]
        totals[route] = {"entries": int(len(chosen)),
                         "ieepa_duty": format_cents(int(chosen["ieepa_cents"].sum()))}
    return totals


def frame_of_codes(decisions, order):
    """Return the ';'-joined reason codes per entry, in the documented order."""
    joined = pd.Series("", index=decisions.route.index, dtype=object)
    for code in order:
        if code in decisions.codes:
            mask = decisions.codes[code]
            joined = joined.where(~mask, joined + code + ";")
    return joined.str.rstrip(";")
