"""Load ACE ES-003 "Entry Summary Line Tariff Details" exports into one frame of tariff rows.

ES-003 has one row per tariff ordinal of an entry summary line; header-level columns repeat
on every row. Several files may be loaded at once (a broker pulls one per importer): rows that
are identical for the same entry, line and tariff ordinal are read once, and rows that
disagree mark their entry as conflicting.

Every input row is accounted for: it ends in an entry, is a duplicate read once, or is
rejected with a finding (a row with the wrong number of cells, or no entry number).
"""

import dataclasses
import logging

import pandas as pd

from workbench.errors import InputError
from workbench.findings import Findings
from workbench.identifiers import importer_number
from workbench.outputs import sha256_file
from workbench.sources import columns as col
from workbench.sources import es003_cells as cells
from workbench.sources.es003_findings import report_all
from workbench.sources.reader import read_table

log = logging.getLogger(__name__)

REPORT_DESIGNER_FIX = (
    "add {missing} to the ES-003 layout in the ACE report designer (Reports > ES-003 > edit "
    "the layout and add the field{plural}), pull the report again and rerun; the default "
    "ES-003 layout leaves the liquidation columns out")

# Columns compared to decide whether two rows of the same tariff ordinal agree.
CONTENT_COLUMNS = [
    "importer_key", "entry_type", "entry_date", "summary_date", "liquidation_key",
    "liquidation_date", "recon_key", "hts", "duty_cents", "value_cents",
]


@dataclasses.dataclass
class Es003Load:
    """The tariff rows of every input file, with what reading them found."""

    rows: pd.DataFrame
    findings: Findings
    inputs: list
    rejected_keys: dict
    conflicts: dict


def check_columns(table):
    """Raise InputError when the file lacks a column that triage needs."""
    present = set(table.frame.columns)
    name = table.path.name
    missing = [c for c in col.REQUIRED if c not in present]
    if missing:
        hints = "; ".join(f"'{c}' (also accepted: {', '.join(col.SYNONYMS[c]) or 'none'})"
                          for c in missing)
        delimiter_hint = ""
        if len(present - {"_file", "_row"}) == 1:
            delimiter_hint = (" The header was read as a single column, so the file is probably "
                              "not comma- or tab-delimited: save it from ACE as CSV or TXT.")
        raise InputError(f"{name}: missing column {hints}; found columns: "
                         f"{', '.join(sorted(present - {'_file', '_row'}))}.{delimiter_hint}")
    missing = [c for c in col.LIQUIDATION_COLUMNS if c not in present]
    if missing:
        names = " and ".join(missing)
        fix = REPORT_DESIGNER_FIX.format(missing=names, plural="s" if len(missing) > 1 else "")
        raise InputError(
            f"{name}: missing column {names}; triage cannot tell unliquidated entries from "
            f"liquidated ones without {'them' if len(missing) > 1 else 'it'}. To fix: {fix}.")


def _read_all(paths, findings):
    tables, inputs, rejected_keys = [], [], {}
    for path in paths:
        table = read_table(path)
        check_columns(table)
        if table.frame.empty and not table.ragged_rows:
            raise InputError(
                f"{table.path.name}: the file has a header but no data rows; check the entry "
                f"date range of the ES-003 pull and export it again")
        if table.frame.empty:
            _raise_no_row_read(table)
        log.info("read %s: %d rows (%s, %s)", table.path.name, len(table.frame), table.layout,
                 table.encoding)
        _report_ragged(table, findings, rejected_keys)
        inputs.append({
            "file": table.path.name, "path": str(table.path), "sha256": sha256_file(table.path),
            "encoding": table.encoding, "layout": table.layout,
            "rows": len(table.frame) + len(table.ragged_rows),
            "rows_not_read": len(table.ragged_rows),
        })
        tables.append(table)
    return tables, inputs, rejected_keys


def _raise_no_row_read(table):
    """Stop the run: every data row has a cell count other than the header's."""
    first = table.ragged_rows[0]
    detail = first.get("error") or f"{len(first['cells'])} cells"
    raise InputError(
        f"{table.path.name}: no data row could be read, because none has the "
        f"{first['expected']} cells of the header row (row {first['row']}: {detail}); check "
        f"that the header and the rows use the same delimiter and that no column was added or "
        f"removed, or export the report from ACE again")


def _report_ragged(table, findings, rejected_keys):
    """Report rows with the wrong cell count and remember the entries they belong to."""
    names = [c for c in table.frame.columns if c not in ("_file", "_row")]
    position = names.index(col.ENTRY_NUMBER)
    for ragged in table.ragged_rows:
        found = ragged["cells"][position] if len(ragged["cells"]) > position else ""
        # The cells of a ragged row may sit in other columns, so any SSN-form cell is masked.
        shown = [importer_number.mask(cell) if importer_number.is_ssn_form(cell) else cell
                 for cell in ragged["cells"]]
        text = ",".join(shown)[:200]
        detail = ragged.get("error") or f"{len(ragged['cells'])} cells, expected {ragged['expected']}"
        findings.add(table.path.name, ragged["row"], "(whole row)", text, "MALFORMED_INPUT_ROW",
                     "error", f"row not read: {detail}; repair the row (a stray delimiter or "
                     f"quote, or a cut-off file) or export the report again")
        key = cells.classify_entry_number(found)[0]
        if key:
            rejected_keys.setdefault(key, set()).add(table.path.name)


def _combine(tables):
    frames = []
    for table in tables:
        frame = table.frame
        for optional in (col.GOODS_VALUE, col.LINE_NUMBER, col.TARIFF_ORDINAL,
                         col.ENTRY_SUMMARY_DATE, col.RECONCILIATION_INDICATOR,
                         col.ENTRY_SUMMARY_STATUS, col.IMPORTER_NAME):
            if optional not in frame:
                frame[optional] = ""
        frames.append(frame)
    combined = pd.concat(frames, ignore_index=True)
    for name in combined.columns:
        if name != "_row":
            combined[name] = _unwrap(combined[name].fillna("").astype(str))
    return combined


def _unwrap(column):
    """Remove the ="..." wrapper spreadsheets put around text that looks like a number."""
    wrapped = column.str.startswith("=")
    if not wrapped.any():
        return column
    return column.where(~wrapped, column.str.replace(r'^=\s*"(.*)"\s*$', r"\1", regex=True))


def _merge_keys(rows):
    """Add line_key and ordinal_key (leading zeros dropped, so 01 and 1 are one ordinal)."""
    for name, column in (("line_key", col.LINE_NUMBER), ("ordinal_key", col.TARIFF_ORDINAL)):
        rows[name] = rows[column].astype(str).str.strip().str.lstrip("0")
    rows["has_ordinal"] = (rows["line_key"] != "") & (rows["ordinal_key"] != "")


def _read_identical_rows_once(rows, findings):
    """Drop rows identical to an earlier row of the same entry, line and tariff ordinal.

    Rows without line and tariff ordinal numbers are matched on their whole content, and only
    across files. Within one file two identical rows may be two real lines, so the n-th copy
    in one file matches the n-th copy in another.
    """
    keyed = rows["has_ordinal"]
    subset = ["entry_key", "line_key", "ordinal_key", *CONTENT_COLUMNS]
    duplicate = rows.duplicated(subset=subset, keep="first") & keyed

    unkeyed = rows[~keyed]
    if len(unkeyed):
        content = ["entry_key", *CONTENT_COLUMNS]
        copy_number = unkeyed.groupby([*content, "_file"], dropna=False).cumcount()
        repeated = unkeyed.assign(_copy=copy_number).duplicated(subset=[*content, "_copy"])
        duplicate |= repeated.reindex(rows.index, fill_value=False)
    for file in unkeyed["_file"].unique():
        findings.add(file, None, f"{col.LINE_NUMBER} / {col.TARIFF_ORDINAL}", "",
                     "NO_TARIFF_ORDINAL", "warning",
                     "rows without line and tariff ordinal numbers are matched across files on "
                     "their whole content, and rows that disagree cannot be detected; give each "
                     "entry in one file only, or add both columns")
    return rows[~duplicate].copy(), rows[duplicate]


def _conflicting_entries(rows):
    """Return {entry key: files} for entries with rows that disagree on one tariff ordinal."""
    keyed = rows[rows["has_ordinal"]]
    clash = keyed.duplicated(subset=["entry_key", "line_key", "ordinal_key"], keep=False)
    conflicts = {}
    for key, file in zip(keyed.loc[clash, "entry_key"], keyed.loc[clash, "_file"]):
        conflicts.setdefault(key, set()).add(file)
    return conflicts


def _row_accounting(inputs, blank, duplicates, rows):
    """Add to each input the count of rows per destination; the counts must add up."""
    def per_file(frame):
        return frame.groupby("_file").size().to_dict() if len(frame) else {}

    blank, duplicates, kept = per_file(blank), per_file(duplicates), per_file(rows)
    for entry in inputs:
        name = entry["file"]
        entry["rows_in_entries"] = int(kept.get(name, 0))
        entry["rows_duplicate_read_once"] = int(duplicates.get(name, 0))
        entry["rows_rejected"] = int(blank.get(name, 0)) + entry["rows_not_read"]
        entry["rows_balanced"] = entry["rows"] == (
            entry["rows_in_entries"] + entry["rows_duplicate_read_once"] + entry["rows_rejected"])


def load_es003(paths, confirmed_overrides=frozenset(), earliest_date=None):
    """Read, clean and merge ES-003 files; raise InputError when one cannot be used.

    ``confirmed_overrides`` are entry numbers whose failed check digit the analyst confirmed;
    ``earliest_date`` is the first plausible date (earlier dates are reported).
    """
    findings = Findings()
    tables, inputs, rejected_keys = _read_all(paths, findings)
    rows = _combine(tables)

    cells.entry_number_columns(rows)
    blank = rows[rows["entry_state"] == "blank"]
    findings.add_rows(blank, col.ENTRY_NUMBER, "MISSING_ENTRY_NUMBER", "error",
                      "row has no entry number, so it belongs to no entry and was not read; "
                      "fill in the Entry Summary Number or delete the row")
    rows = rows[rows["entry_state"] != "blank"].copy()
    if rows.empty:
        names = ", ".join(entry["file"] for entry in inputs)
        raise InputError(
            f"{names}: no data row has a value in the column '{col.ENTRY_NUMBER}', so there is "
            f"no entry to triage; check that the column holds the entry numbers, or export the "
            f"report from ACE again")

    cells.code_columns(rows)
    cells.importer_columns(rows)
    cells.date_columns(rows)
    cells.money_columns(rows)
    cells.hts_columns(rows)

    if earliest_date:
        report_all(rows, findings, confirmed_overrides, earliest_date)

    _merge_keys(rows)
    rows, duplicates = _read_identical_rows_once(rows, findings)
    conflicts = _conflicting_entries(rows)
    _row_accounting(inputs, blank, duplicates, rows)
    return Es003Load(rows, findings, inputs, rejected_keys, conflicts)
