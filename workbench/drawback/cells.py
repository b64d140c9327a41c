"""Parse the cells of a drawback input frame column by column, turning bad cells into findings.

Each parser returns a list of parsed values (None for a bad cell) and records one finding per
bad cell, naming the file, the spreadsheet row, the column and the value, so the loaders never
stop on a bad cell.
"""

from workbench.drawback.amounts import cents_to_decimal, parse_quantity
from workbench.identifiers import entry_number, hts
from workbench.sources.values import parse_dates, parse_money


def column(frame, name):
    """Return a column as text, or blanks when the optional column is absent."""
    if name in frame.columns:
        return frame[name].astype(str).str.strip()
    return frame["_file"].map(lambda _: "")


def money(frame, name, findings, rule="INVALID_AMOUNT"):
    """Return Decimal dollars per row (None where invalid); blank cells are zero."""
    cents, problems = parse_money(column(frame, name))
    values = []
    for file, row, text, amount, problem in zip(frame["_file"], frame["_row"],
                                                 column(frame, name), cents, problems):
        if problem:
            findings.add(file, int(row), name, text, rule, "error",
                         "not a dollar amount such as $1,234.56; correct the cell and run again")
            values.append(None)
        else:
            values.append(cents_to_decimal(amount))
    return values


def dates(frame, name, findings, required=True, rule="INVALID_DATE"):
    """Return ``datetime.date`` per row (None where blank or invalid)."""
    parsed, problems = parse_dates(column(frame, name))
    values = []
    for file, row, text, day, problem in zip(frame["_file"], frame["_row"],
                                             column(frame, name), parsed, problems):
        if problem == "blank" and not required:
            values.append(None)
            continue
        if problem:
            findings.add(file, int(row), name, text, rule, "error",
                         _date_message(problem))
            values.append(None)
        else:
            values.append(day.date())
    return values


def _date_message(problem):
    if problem == "blank":
        return "date missing; enter it as MM/DD/YYYY"
    if problem == "serial":
        return "a spreadsheet serial number, not a date; format the column as MM/DD/YYYY"
    return "not a valid date; enter it as MM/DD/YYYY"


def quantities(frame, name, findings, required=True, rule="INVALID_QUANTITY"):
    """Return non-negative Decimal quantities per row (None where blank or invalid)."""
    values = []
    for file, row, text in zip(frame["_file"], frame["_row"], column(frame, name)):
        value = parse_quantity(text)
        if value is None and (text or required):
            findings.add(file, int(row), name, text, rule, "error",
                         "not a quantity of zero or more, such as 2500 or 7500.25")
        values.append(value)
    return values


def entry_numbers(frame, name, findings, required=True):
    """Return validated 11-character entry numbers (None where blank or invalid)."""
    values = []
    for file, row, text in zip(frame["_file"], frame["_row"], column(frame, name)):
        values.append(_entry_number(file, int(row), name, text, findings, required))
    return values


def _entry_number(file, row, name, text, findings, required):
    if not text:
        if required:
            findings.add(file, row, name, text, "INVALID_ENTRY_NUMBER", "error",
                         "entry number missing")
        return None
    repaired = entry_number.repair_lost_zeros(text)
    if repaired and repaired != entry_number.compact(text):
        findings.add(file, row, name, text, "ENTRY_NUMBER_REPAIRED", "warning",
                     f"leading zeros lost in a spreadsheet were restored: {repaired}")
        return repaired
    try:
        return entry_number.validate(text)
    except ValueError as error:
        findings.add(file, row, name, text, "INVALID_ENTRY_NUMBER", "error",
                     f"invalid entry number: {error}; copy it from the entry summary again")
        return None


def line_numbers(frame, name, findings, required=True):
    """Return entry summary line numbers as int (None where blank or invalid)."""
    values = []
    for file, row, text in zip(frame["_file"], frame["_row"], column(frame, name)):
        cleaned = text.lstrip("0") or ("0" if text else "")
        if cleaned.isdigit() and int(cleaned) > 0:
            values.append(int(cleaned))
            continue
        if text or required:
            findings.add(file, int(row), name, text, "INVALID_LINE_NUMBER", "error",
                         "not an entry summary line number (1, 2, ...)")
        values.append(None)
    return values


def hts_numbers(frame, name, findings, required=True):
    """Return compact 8- or 10-digit HTS (or Schedule B) numbers (None where invalid)."""
    values = []
    for file, row, text in zip(frame["_file"], frame["_row"], column(frame, name)):
        if not text and not required:
            values.append("")
            continue
        repaired = hts.repair_lost_zero(text)
        if repaired:
            findings.add(file, int(row), name, text, "HTS_REPAIRED", "warning",
                         f"leading zero lost in a spreadsheet was restored: {repaired}")
            values.append(repaired)
        elif hts.is_valid(text):
            values.append(hts.validate(text))
        else:
            findings.add(file, int(row), name, text, "INVALID_HTS", "error",
                         "not an 8- or 10-digit HTS or Schedule B number")
            values.append(None)
    return values


def flags(frame, name):
    """Return True where the cell is Y, YES, TRUE or X (case-insensitive)."""
    return [text.upper() in ("Y", "YES", "TRUE", "X") for text in column(frame, name)]

