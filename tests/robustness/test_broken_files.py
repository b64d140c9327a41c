"""A corpus of broken ES-003 files, each run through the ``workbench`` program.

Every case ends one of two ways. Either the run stops with exit status 2 and a message that
names the file and the fix (with the row or column when the problem has one). Or it finishes
with exit status 0, with the damaged rows listed in exceptions.csv and summary.json
accounting for every data row. A traceback, exit status 1 or a silently shorter triage.csv
fails the case.

The files are made by the tests from ``base_rows``; nothing here is a real export.
"""

import csv
import io
import json
import struct
import zlib
from pathlib import Path

import pytest

from .es003_files import (COLUMNS, base_rows, check_outcome, csv_text, run_cli, triage_args,
                          write_export)

BASE_ROWS = len(base_rows())


def _run(tmp_path, path, *extra):
    out = tmp_path / "out"
    result = run_cli(*triage_args(path, out, *extra))
    summary = check_outcome(result.returncode, result.stdout, result.stderr, path, out)
    return result, summary, out


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _stopped(tmp_path, name, data, *words):
    """Assert that the file stops the run with exit 2 and a message containing ``words``."""
    path = _write(tmp_path, name, data)
    result, _summary, out = _run(tmp_path, path)
    assert result.returncode == 2, result.stdout + result.stderr
    for word in words:
        assert word in result.stderr, f"{word!r} not in: {result.stderr}"
    assert not (out / "triage.csv").exists()
    return result.stderr


def _routes(out):
    with open(out / "triage.csv", newline="", encoding="utf-8") as stream:
        return {row["entry_number"]: (row["route"], row["reason_codes"], row["ieepa_duty"])
                for row in csv.DictReader(stream)}


def _exceptions(out):
    with open(out / "exceptions.csv", newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def clean_routes(tmp_path_factory):
    """The routes of the undamaged export, for cases that must not change them."""
    folder = tmp_path_factory.mktemp("clean")
    path = write_export(folder / "clean.csv")
    result = run_cli(*triage_args(path, folder / "out"))
    assert result.returncode == 0, result.stderr
    return _routes(folder / "out")


def _same_as_clean(tmp_path, name, data, clean_routes):
    """Assert that the damaged bytes triage exactly like the clean export."""
    path = _write(tmp_path, name, data)
    result, summary, out = _run(tmp_path, path)
    assert result.returncode == 0, result.stderr
    assert summary["reconciliation"]["rows_read"] == BASE_ROWS
    assert summary["reconciliation"]["rows_rejected"] == 0
    assert _routes(out) == clean_routes
    return summary


def _png_bytes():
    """Return a valid 1x1 PNG image."""
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


# Files that cannot be an ES-003 export: exit 2.

def test_empty_file(tmp_path):
    _stopped(tmp_path, "empty.csv", b"", "empty.csv", "empty", "export")


def test_whitespace_only(tmp_path):
    _stopped(tmp_path, "blank.csv", b"  \n\t \r\n   \n", "blank.csv", "empty", "export")


def test_header_only(tmp_path):
    data = csv_text([]).encode("utf-8")
    _stopped(tmp_path, "header.csv", data, "header.csv", "no data rows", "export")


def test_png_image(tmp_path):
    _stopped(tmp_path, "picture.csv", _png_bytes(), "picture.csv", "binary", "save the report")


def test_nul_bytes(tmp_path):
    _stopped(tmp_path, "nuls.csv", b"\x00" * 4096, "nuls.csv", "binary", "save the report")


def test_utf16_bom_then_garbage(tmp_path):
    _stopped(tmp_path, "odd.csv", b"\xff\xfe" + b"\x00\xd8" * 3 + b"A",
             "odd.csv", "UTF-16", "save the report")


def test_duplicate_headers(tmp_path):
    header = list(COLUMNS)
    header[4] = "Entry Date"
    data = csv_text(base_rows(), header=header).encode("utf-8")
    _stopped(tmp_path, "twice.csv", data, "twice.csv", "row 1", "'Entry Date'",
             "more than once", "keep one")


def test_duplicate_header_by_synonym(tmp_path):
    header = list(COLUMNS)
    header[4] = "Entry Number"
    data = csv_text(base_rows(), header=header).encode("utf-8")
    _stopped(tmp_path, "synonym.csv", data, "synonym.csv", "'Entry Summary Number'",
             "more than once")


def test_blank_header_row(tmp_path):
    data = ("," * (len(COLUMNS) - 1) + "\n" + csv_text(base_rows()).split("\n", 1)[1])
    _stopped(tmp_path, "noheader.csv", data.encode("utf-8"), "noheader.csv", "row 1",
             "header row")


def test_title_lines_above_header(tmp_path):
    data = "Entry Summary Line Tariff Details\nRun 12/01/2026\n\n" + csv_text(base_rows())
    _stopped(tmp_path, "titled.csv", data.encode("utf-8"), "titled.csv", "missing column",
             "'Entry Summary Number'")


def test_missing_liquidation_column(tmp_path):
    header = COLUMNS[:-1]
    rows = [row[:-1] for row in base_rows()]
    data = csv_text(rows, header=header).encode("utf-8")
    _stopped(tmp_path, "noliq.csv", data, "noliq.csv", "Liquidation Date", "report designer")


def test_every_row_has_extra_cell(tmp_path):
    rows = [row + ["extra"] for row in base_rows()]
    data = csv_text(rows).encode("utf-8")
    _stopped(tmp_path, "wide.csv", data, "wide.csv", "row 2", f"{len(COLUMNS)} cells",
             "delimiter")


def test_no_entry_numbers(tmp_path):
    rows = [["", *row[1:]] for row in base_rows()]
    data = csv_text(rows).encode("utf-8")
    _stopped(tmp_path, "nonumbers.csv", data, "nonumbers.csv", "'Entry Summary Number'",
             "export")


def test_semicolon_header_comma_rows(tmp_path):
    header = ";".join(COLUMNS)
    data = header + "\n" + csv_text(base_rows()).split("\n", 1)[1]
    stderr = _stopped(tmp_path, "mixed_delimiters.csv", data.encode("utf-8"),
                      "mixed_delimiters.csv")
    assert "missing column" in stderr or "no data row" in stderr


def test_bom_then_windows_1252(tmp_path):
    rows = base_rows()
    rows[3][4] = "Caf\u00e9 Nord"
    data = b"\xef\xbb\xbf" + csv_text(rows).encode("cp1252")
    _stopped(tmp_path, "bom1252.csv", data, "bom1252.csv", "row 5", "0xE9", "UTF-8")


def test_folder_instead_of_file(tmp_path):
    folder = tmp_path / "export.csv"
    folder.mkdir()
    result = run_cli(*triage_args(folder, tmp_path / "out"))
    assert result.returncode == 2
    assert "export.csv" in result.stderr
    assert "Traceback" not in result.stderr


def test_damaged_xlsx(tmp_path):
    _stopped(tmp_path, "broken.xlsx", b"PK\x03\x04" + b"\x17" * 300, "broken.xlsx",
             "not a readable XLSX")


# Damaged files that are still read: exit 0, every row accounted for.

def test_truncated_mid_row(tmp_path):
    text = csv_text(base_rows())
    cut = text.rindex("\n", 0, len(text) - 1) + 40
    path = _write(tmp_path, "cut.csv", text[:cut].encode("utf-8"))
    result, summary, out = _run(tmp_path, path)
    assert result.returncode == 0
    check = summary["reconciliation"]
    assert check["rows_read"] == BASE_ROWS
    assert check["rows_rejected"] == 1
    malformed = [row for row in _exceptions(out) if row["rule"] == "MALFORMED_INPUT_ROW"]
    assert [row["row"] for row in malformed] == [str(BASE_ROWS + 1)]


def test_truncated_inside_quoted_cell(tmp_path):
    text = csv_text(base_rows())
    cut = text.rindex('"$') + 3
    path = _write(tmp_path, "cutquote.csv", text[:cut].encode("utf-8"))
    result, summary, out = _run(tmp_path, path)
    assert result.returncode == 0
    assert summary["reconciliation"]["rows_read"] == BASE_ROWS
    assert summary["reconciliation"]["rows_rejected"] == 1
    malformed = [row for row in _exceptions(out) if row["rule"] == "MALFORMED_INPUT_ROW"]
    assert len(malformed) == 1


def test_stray_quote_loses_no_row(tmp_path):
    # Row 12 has no quoted cell, so an opening quote in it runs on into row 13 until the
    # quote around row 13's duty amount.
    rows = base_rows()
    lines = csv_text(rows).split("\n")
    assert '"' not in lines[11]
    lines[11] = lines[11].replace("Harbor Lamps Inc", '"Harbor Lamps Inc')
    path = _write(tmp_path, "stray.csv", "\n".join(lines).encode("utf-8"))
    result, summary, out = _run(tmp_path, path)
    assert result.returncode == 0
    assert summary["reconciliation"]["rows_read"] == BASE_ROWS
    assert summary["reconciliation"]["rows_rejected"] == 1
    malformed = [row for row in _exceptions(out) if row["rule"] == "MALFORMED_INPUT_ROW"]
    assert [row["row"] for row in malformed] == ["12"]
    routes = _routes(out)
    assert len(routes) == len({row[0] for row in rows})
    assert routes[rows[12][0]][0] == "cape"


def test_semicolon_delimiter(tmp_path, clean_routes):
    data = csv_text(base_rows(), delimiter=";").encode("utf-8")
    summary = _same_as_clean(tmp_path, "semicolon.csv", data, clean_routes)
    assert summary["inputs"][0]["layout"] == "';'-delimited"


def test_tab_delimited(tmp_path, clean_routes):
    data = csv_text(base_rows(), delimiter="\t").encode("utf-8")
    _same_as_clean(tmp_path, "tabs.txt", data, clean_routes)


def test_ten_megabyte_cell(tmp_path, clean_routes):
    rows = base_rows()
    rows[2][4] = "X" * (10 * 2**20)
    data = csv_text(rows).encode("utf-8")
    _same_as_clean(tmp_path, "bigcell.csv", data, clean_routes)


def test_ten_megabyte_entry_number(tmp_path):
    rows = base_rows()
    rows[0][0] = "9" * (10 * 2**20)
    path = _write(tmp_path, "bignumber.csv", csv_text(rows).encode("utf-8"))
    result, summary, out = _run(tmp_path, path)
    assert result.returncode == 0
    assert summary["reconciliation"]["rows_read"] == BASE_ROWS
    invalid = [row for row in _exceptions(out) if row["rule"] == "INVALID_ENTRY_NUMBER"]
    assert [row["row"] for row in invalid] == ["2"]


def test_mixed_utf8_and_windows_1252(tmp_path, clean_routes):
    # No byte order mark: the file is read as Windows-1252 and the ASCII fields are intact.
    rows = base_rows()
    text = csv_text(rows)
    data = (text.replace("Harbor Lamps Inc", "Caf\u00e9 Nord", 1).encode("utf-8")
            .replace(b"Keystone Tools LLC", "Soci\u00e9t\u00e9".encode("cp1252"), 1))
    summary = _same_as_clean(tmp_path, "mixed.csv", data, clean_routes)
    assert summary["inputs"][0]["encoding"] == "cp1252"


def test_utf16_unicode_text(tmp_path, clean_routes):
    # Excel's "Unicode Text": UTF-16 with a byte order mark, tab-delimited.
    data = csv_text(base_rows(), delimiter="\t", newline="\r\n").encode("utf-16")
    summary = _same_as_clean(tmp_path, "unicode.txt", data, clean_routes)
    assert summary["inputs"][0]["encoding"] == "utf-16"


@pytest.mark.parametrize("formula", ["=cmd|' /C calc'!A0", "+1+1", "-1+2", "@SUM(A1:A9)"])
def test_formula_text_in_cells(tmp_path, clean_routes, formula):
    rows = base_rows()
    for row in rows:
        row[4] = formula
    data = csv_text(rows).encode("utf-8")
    _same_as_clean(tmp_path, "formula.csv", data, clean_routes)


def test_formula_as_entry_number(tmp_path):
    rows = base_rows()
    rows[0][0] = "=cmd|' /C calc'!A0"
    path = _write(tmp_path, "formula_number.csv", csv_text(rows).encode("utf-8"))
    result, summary, out = _run(tmp_path, path)
    assert result.returncode == 0
    assert summary["reconciliation"]["rows_read"] == BASE_ROWS
    invalid = [row for row in _exceptions(out) if row["rule"] == "INVALID_ENTRY_NUMBER"]
    assert invalid[0]["value"] == "'=cmd|' /C calc'!A0"


def test_byte_order_mark(tmp_path, clean_routes):
    data = b"\xef\xbb\xbf" + csv_text(base_rows()).encode("utf-8")
    _same_as_clean(tmp_path, "bom.csv", data, clean_routes)


def test_crlf_line_ends(tmp_path, clean_routes):
    data = csv_text(base_rows(), newline="\r\n").encode("utf-8")
    _same_as_clean(tmp_path, "crlf.csv", data, clean_routes)


def test_cr_only_line_ends(tmp_path, clean_routes):
    data = csv_text(base_rows(), newline="\r").encode("utf-8")
    _same_as_clean(tmp_path, "cr.csv", data, clean_routes)


def test_blank_lines_between_rows(tmp_path, clean_routes):
    data = csv_text(base_rows()).replace("\n", "\n\n").encode("utf-8")
    _same_as_clean(tmp_path, "gaps.csv", data, clean_routes)


# XLSX workbooks

def _workbook(path, sheets):
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_xlsx_with_main_report(tmp_path, clean_routes):
    table = [COLUMNS, *base_rows()]
    path = _workbook(tmp_path / "report.xlsx",
                     [("Entry Count", [["Entries", 6]]), ("Main Report", table)])
    result, summary, out = _run(tmp_path, path)
    assert result.returncode == 0
    assert summary["inputs"][0]["layout"] == "XLSX sheet 'Main Report'"
    assert summary["reconciliation"]["rows_read"] == BASE_ROWS
    assert _routes(out) == clean_routes


def test_xlsx_without_main_report(tmp_path, clean_routes):
    path = _workbook(tmp_path / "sheet1.xlsx", [("Sheet1", [COLUMNS, *base_rows()])])
    result, summary, out = _run(tmp_path, path)
    assert result.returncode == 0
    assert summary["inputs"][0]["layout"] == "XLSX sheet 'Sheet1'"
    assert _routes(out) == clean_routes


def test_xlsx_empty_main_report(tmp_path):
    path = _workbook(tmp_path / "emptymain.xlsx",
                     [("Main Report", []), ("Data", [COLUMNS, *base_rows()])])
    result, _summary, _out = _run(tmp_path, path)
    assert result.returncode == 2
    assert "emptymain.xlsx" in result.stderr
    assert "'Main Report' is empty" in result.stderr
    assert "export the report" in result.stderr


def test_xlsx_header_only(tmp_path):
    path = _workbook(tmp_path / "headeronly.xlsx", [("Main Report", [COLUMNS])])
    result, _summary, _out = _run(tmp_path, path)
    assert result.returncode == 2
    assert "headeronly.xlsx" in result.stderr
    assert "no data rows" in result.stderr


def test_two_files_one_truncated(tmp_path):
    text = csv_text(base_rows())
    first = _write(tmp_path, "one.csv", text.encode("utf-8"))
    second = _write(tmp_path, "two.csv", text[: len(text) - 25].encode("utf-8"))
    out = tmp_path / "out"
    result = run_cli(*triage_args([first, second], out))
    summary = check_outcome(result.returncode, result.stdout, result.stderr,
                            [first, second], out)
    assert result.returncode == 0
    assert summary["reconciliation"]["rows_read"] == 2 * BASE_ROWS
    files = {entry["file"]: entry for entry in summary["inputs"]}
    assert files["two.csv"]["rows_rejected"] == 1
    assert json.loads((out / "summary.json").read_text())["entries"] == len(_routes(out))
