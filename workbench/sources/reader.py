"""Read a table file (CSV, tab-delimited TXT or XLSX) into a frame of text cells.

Every cell is kept as text so that nothing is converted behind the analyst's back: an entry
number keeps its leading zeros, a date keeps its format. Each row carries ``_file`` and
``_row`` (the spreadsheet row number; the header is row 1). Rows whose cell count differs from
the header are not read but returned as findings, so the caller can account for them.

Decoding: a UTF-8 byte order mark is dropped. Text that is not valid UTF-8 is read as
Windows-1252, the code page Excel uses for "CSV" on US Windows. A file that starts with a
UTF-16 byte order mark (Excel's "Unicode Text" format) is read as UTF-16. Line ends may be
LF, CRLF or a lone CR (classic Mac OS), in any mix, as Excel reads them.
"""

import csv
import dataclasses
import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from workbench.errors import InputError
from workbench.sources.columns import canonical

XLSX_MAGIC = b"PK\x03\x04"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
PREFERRED_SHEET = "Main Report"
# pyarrow parses blocks of this size in parallel, and its default of 1 MiB is the fastest. A
# file with a longer cell is read again with 64 MiB blocks before the exact reader is used.
BLOCK_SIZES = (1 << 20, 1 << 26)


@dataclasses.dataclass
class Table:
    """The rows of one file as text, with what was learned while reading it."""

    path: Path
    frame: pd.DataFrame
    encoding: str
    layout: str
    ragged_rows: list


def read_table(path):
    """Read ``path`` into a ``Table``; raise ``InputError`` when it cannot be read as a table."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, expected a CSV, TXT or XLSX file") from None

    if not data or data.isspace():
        raise InputError(f"{path.name}: the file is empty; export the report from ACE again")
    if data.startswith(XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, data)
    if b"\x00" in data[:65536] and not data.startswith(UTF16_BOMS):
        raise InputError(
            f"{path.name}: the file is binary, not a CSV or tab-delimited text export; save "
            f"the report from ACE as CSV, TXT or XLSX")
    return _read_text(path, data)


def _decode(data, path):
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
        except UnicodeDecodeError as error:
            row = data[:3 + error.start].count(b"\n") + 1
            raise InputError(
                f"{path.name}: row {row} contains a byte that is not UTF-8 "
                f"(0x{data[3 + error.start]:02X}), although the file starts with a UTF-8 byte "
                f"order mark, so it mixes two encodings; save it again as one encoding (CSV "
                f"UTF-8) or export the report from ACE again") from None
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(
                f"{path.name}: starts with a UTF-16 byte order mark but is not valid UTF-16 "
                f"text; save the report from ACE again as CSV, TXT or XLSX") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _delimiter(header_line, path):
    counts = {d: header_line.count(d) for d in ("\t", ",", ";", "|")}
    if counts["\t"] and (counts["\t"] >= counts[","] or path.suffix.lower() == ".txt"):
        return "\t"
    if counts[","]:
        return ","
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _lines(text):
    """Yield the lines of ``text`` one at a time, without copying the whole text."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _header(text, delimiter, path):
    first = next(csv.reader(_lines(text), delimiter=delimiter), [])
    names = [canonical(name) for name in first]
    if not any(names):
        raise InputError(f"{path.name}: row 1 contains no column names, so the header row is "
                         f"missing; export the report from ACE again with its header row")
    seen, duplicates = set(), []
    for name in names:
        if name in seen and name not in duplicates:
            duplicates.append(name)
        seen.add(name)
    if duplicates:
        raise InputError(
            f"{path.name}: row 1 names the column {', '.join(repr(d) for d in duplicates)} more "
            f"than once (counting accepted header variants); keep one of each and run again")
    blanks = [i for i, name in enumerate(names) if not name]
    for index in blanks:
        names[index] = f"_unnamed_{index + 1}"
    return names


def _read_text(path, data):
    text, encoding = _decode(data, path)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    first_break = text.find("\n")
    header_line = text if first_break < 0 else text[:first_break]
    delimiter = _delimiter(header_line, path)
    names = _header(text, delimiter, path)
    layout = {"\t": "tab-delimited text", ",": "CSV"}.get(delimiter, f"{delimiter!r}-delimited")

    # The fast parser cannot number rows once it skips one, nor count blank lines; the exact
    # parser handles those files.
    ragged = []
    body = "" if first_break < 0 else text[first_break + 1:]
    if not _has_blank_line(body):
        frame = _parse_fast(body, names, delimiter, ragged)
        numbers = range(2, len(frame) + 2)
    if ragged or _has_blank_line(body):
        frame, numbers, ragged = _parse_exact(text, names, delimiter)
    frame.insert(0, "_file", path.name)
    frame.insert(1, "_row", numbers)
    return Table(path, frame, encoding, layout, ragged)


def _has_blank_line(body):
    """Tell whether a blank line comes before the last row (line ends already LF)."""
    end = len(body)
    while end and body[end - 1].isspace():
        end -= 1
    return body.find("\n\n", 0, end) >= 0


def _parse_fast(body, names, delimiter, ragged):
    def skip(row):
        ragged.append(row)
        return "skip"

    data = body.encode("utf-8")
    for block_size in BLOCK_SIZES:
        del ragged[:]
        try:
            table = pacsv.read_csv(
                io.BytesIO(data),
                read_options=pacsv.ReadOptions(column_names=names, block_size=block_size),
                parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True,
                                                 invalid_row_handler=skip),
                convert_options=pacsv.ConvertOptions(
                    column_types={name: pa.string() for name in names},
                    strings_can_be_null=False, quoted_strings_can_be_null=False),
            )
            break
        except pa.ArrowInvalid:
            continue
    else:
        # A cell larger than the largest block or a stray quote: the exact reader reports it
        # by row.
        ragged.append(None)
        return pd.DataFrame(columns=names)
    frame = table.to_pandas()
    return frame.fillna("")


def _parse_exact(text, names, delimiter):
    """Parse row by row, keeping spreadsheet row numbers and returning ragged rows.

    A row with the wrong cell count that spans several lines most likely opens a quoted cell
    it never closes (a stray quote), which joins the lines after it to that row. Those lines
    are read again one at a time, so the rows they hold are read or reported, never lost.
    """
    csv.field_size_limit(1 << 30)
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    next(reader, None)
    rows, numbers, ragged = [], [], []
    number, line_end = 1, reader.line_num
    try:
        for cells in reader:
            line_start, line_end = line_end + 1, reader.line_num
            pieces = [cells]
            if len(cells) != len(names) and line_end > line_start:
                pieces = [next(csv.reader([line], delimiter=delimiter), [])
                          for line in lines[line_start - 1:line_end]]
            for piece in pieces:
                number += 1
                if not piece:
                    continue
                if len(piece) != len(names):
                    ragged.append({"row": number, "cells": piece, "expected": len(names)})
                    continue
                rows.append(piece)
                numbers.append(number)
    except csv.Error as error:
        ragged.append({"row": number + 1, "cells": [], "expected": len(names),
                       "error": str(error)})
    frame = pd.DataFrame(rows, columns=names, dtype=object).fillna("")
    return frame, numbers, ragged


def _xlsx_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%m/%d/%Y")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def _read_xlsx(path, data):
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged workbook
        raise InputError(f"{path.name}: not a readable XLSX workbook ({error})") from None
    sheet = book[PREFERRED_SHEET] if PREFERRED_SHEET in book.sheetnames else book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        raise InputError(f"{path.name}: sheet '{sheet.title}' is empty; export the report "
                         f"from ACE again, or put the ES-003 rows on that sheet")
    text_header = ",".join(f'"{_xlsx_cell(v)}"' for v in header)
    names = _header(text_header, ",", path)

    records, numbers = [], []
    for number, values in enumerate(rows, start=2):
        cells = [_xlsx_cell(v) for v in values][: len(names)]
        if not any(cells):
            continue
        records.append(cells + [""] * (len(names) - len(cells)))
        numbers.append(number)
    book.close()
    frame = pd.DataFrame(records, columns=names, dtype=object)
    frame.insert(0, "_file", path.name)
    frame.insert(1, "_row", numbers)
    return Table(path, frame, "xlsx", f"XLSX sheet '{sheet.title}'", [])
