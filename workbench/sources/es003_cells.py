"""Clean the cells of ES-003 rows, repairing only what is certain and reporting the rest.

Certain repairs are these. A ``="..."`` wrapper, dashes, spaces and lower case are removed
from identifiers. A one-digit entry type is padded (``1`` is ``01``). A 9- or 10-digit entry
number is padded when the padded form passes the check digit. A 9-digit HTS number is padded
to 10 digits (Chapters 01-09). Every repair other than
the wrapper and separators is reported as a warning. Scientific notation, serial dates and
bad check digits are never repaired: they are reported as errors and the entry is routed
``invalid``.
"""

import numpy as np
import pandas as pd

from workbench.identifiers import entry_number, hts, importer_number
from workbench.identifiers.exceptions import InvalidChecksum, ValidationError
from workbench.rules import chapter99
from workbench.sources import columns as col
from workbench.sources.values import pad_code, parse_dates, parse_money


def classify_entry_number(raw):
    """Return (key, state, detail) for one Entry Summary Number cell.

    state is 'ok', 'repaired', 'check_digit', 'invalid' or 'blank'. The key is the 11-character
    number for the first three states and the value as found otherwise.
    """
    found = str(raw).strip()
    if not found:
        return "", "blank", "no entry number"
    try:
        return entry_number.validate(found), "ok", ""
    except InvalidChecksum as error:
        return entry_number.compact(found), "check_digit", str(error)
    except ValidationError as error:
        padded = entry_number.repair_lost_zeros(found)
        if padded:
            return padded, "repaired", "leading zeros restored"
        return found, "invalid", str(error)


# A valid entry number as ACE exports it: compact, upper case, filer code not 000. Within this
# shape a value is in scientific notation only when it starts with 1 or 2 digits and an E.
_COMPACT_ENTRY = r"[A-Z0-9]{3}[0-9]{8}"
_SCIENTIFIC_IN_SHAPE = r"[0-9]{1,2}E"


def entry_number_columns(rows):
    """Add entry_key, entry_state and entry_detail, classifying each distinct value once.

    Distinct values already in compact form are checked together with one vectorised check
    digit test; only the others (and those that fail) go through ``classify_entry_number``.
    """
    raw = rows[col.ENTRY_NUMBER].astype(str)
    codes, distinct = pd.factorize(raw)
    distinct = pd.Series(distinct)
    compact = (distinct.str.fullmatch(_COMPACT_ENTRY) & ~distinct.str.startswith("000")
               & ~distinct.str.match(_SCIENTIFIC_IN_SHAPE)).to_numpy(dtype=bool)
    passes = np.zeros(len(distinct), dtype=bool)
    passes[compact] = entry_number.check_digits_match(distinct[compact].tolist())

    results = [(value, "ok", "") if ok else classify_entry_number(value)
               for value, ok in zip(distinct.tolist(), passes)]
    _spread(rows, results, codes, ["entry_key", "entry_state", "entry_detail"])


def _map_results(rows, raw, function, names):
    """Apply ``function`` once per distinct value of ``raw`` and add its results as columns."""
    codes, distinct = pd.factorize(raw)
    _spread(rows, [function(value) for value in distinct], codes, names)


def _spread(rows, results, codes, names):
    """Add one column per position of the per-value ``results``, repeated by ``codes``."""
    for position, name in enumerate(names):
        values = pd.Series([result[position] for result in results])
        rows[name] = values.take(codes).set_axis(rows.index)


def invalid_entry_message(value, detail):
    """Return the exceptions.csv message for an entry number that cannot be used."""
    if entry_number.is_scientific_notation(value):
        return ("entry number written in scientific notation: its last digits are lost and "
                "cannot be recovered; export ES-003 from ACE again, or format the column as "
                "Text before opening the file in Excel")
    digits = entry_number.compact(value)
    if digits.isdigit() and len(digits) in (9, 10):
        return (f"entry number {detail}; padding it with leading zeros does not give a valid "
                f"check digit, so the zeros lost in a spreadsheet cannot be restored safely: "
                f"export ES-003 from ACE again")
    return f"entry number {detail}; correct it from ACE or the entry summary (CBP Form 7501)"


def code_columns(rows):
    """Add entry_type (two digits) and the upper-cased status and indicator values."""
    rows["entry_type"], rows["entry_type_padded"] = pad_code(rows[col.ENTRY_TYPE], 2)
    rows["liquidation_status"] = rows[col.LIQUIDATION_STATUS].astype(str).str.strip()
    rows["liquidation_key"] = rows["liquidation_status"].str.upper()
    indicator = rows.get(col.RECONCILIATION_INDICATOR, pd.Series("", index=rows.index))
    rows["recon_key"] = indicator.astype(str).str.strip().str.upper()
    status = rows.get(col.ENTRY_SUMMARY_STATUS, pd.Series("", index=rows.index))
    rows["cancelled"] = status.astype(str).str.upper().str.contains("CANCEL|REJECT", regex=True)


def importer_columns(rows):
    """Add importer_key (compact number, for grouping) and importer_shown (masked if SSN-form)."""
    raw = rows[col.IMPORTER_NUMBER].astype(str).str.strip()
    _map_results(rows, raw, _importer_facts,
                 ["importer_key", "importer_shown", "importer_format_ok"])


def _importer_facts(value):
    return (importer_number.compact(value), importer_number.mask(value),
            importer_number.is_valid(value))


def date_columns(rows):
    """Add entry_date, summary_date and liquidation_date (datetime64) with problem columns."""
    pairs = [("entry_date", col.ENTRY_DATE), ("summary_date", col.ENTRY_SUMMARY_DATE),
             ("liquidation_date", col.LIQUIDATION_DATE)]
    for name, column in pairs:
        series = rows.get(column, pd.Series("", index=rows.index)).astype(str)
        rows[name], rows[f"{name}_problem"] = parse_dates(series)


def money_columns(rows):
    """Add duty_cents and value_cents with problem columns."""
    rows["duty_cents"], rows["duty_problem"] = parse_money(rows[col.DUTY])
    value = rows.get(col.GOODS_VALUE, pd.Series("", index=rows.index))
    rows["value_cents"], rows["value_problem"] = parse_money(value)


def _classify_hts(raw):
    value = hts.compact(raw)
    repaired = hts.repair_lost_zero(value)
    if repaired:
        return repaired, "repaired"
    return (value, "") if hts.is_valid(value) else (value, "invalid")


def hts_columns(rows):
    """Add hts (digits), hts_problem, family and the IEEPA heading facts per row."""
    _map_results(rows, rows[col.HTS].astype(str), _classify_hts, ["hts", "hts_problem"])
    _map_results(rows, rows["hts"], _heading_facts,
                 ["family", "program", "heading_type", "known_heading"])


def _heading_facts(value):
    """Return (family, program, heading type, known heading) of a compact HTS number."""
    family = chapter99.family(value) or ""
    row = chapter99.heading(value) if family == "ieepa" else None
    return (family, row["program"] if row else "unknown", row["type"] if row else "unknown",
            bool(row) and chapter99.in_ieepa_ranges(value))
