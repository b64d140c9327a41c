"""ES-003 file shapes: encodings, line ends, delimiters, XLSX sheets and header spellings."""

import openpyxl
import pytest

from workbench.sources.reader import read_table


@pytest.fixture
def two_entries(es003):
    """Two ordinary unliquidated entries of 1,250.00 and 3,400.00 IEEPA duty."""
    first, second = es003.number("J7N", 4410021), es003.number("J7N", 4410039)
    return first, second, [es003.entry(first, duty=1250), es003.entry(second, duty=3400)]


def test_bom_ignored(es003, triage, two_entries):
    first, second, entries = two_entries
    path = es003.write("bom.csv", entries, bom=True)
    run = triage(path)
    assert set(run.rows) == {first, second}
    assert run.route(first) == "cape"


def test_crlf_line_ends(es003, triage, two_entries):
    first, second, entries = two_entries
    path = es003.write("crlf.csv", entries, newline="\r\n")
    run = triage(path)
    assert set(run.rows) == {first, second}
    assert run.rows[second]["liquidation_status"] == ""


def test_bom_and_crlf_together(es003, triage, two_entries):
    first, second, entries = two_entries
    path = es003.write("both.csv", entries, bom=True, newline="\r\n")
    run = triage(path)
    assert sorted(run.declared()) == [first, second]


def test_windows_1252_bytes(es003, triage):
    number = es003.number("J7N", 4410021)
    path = es003.write("cp1252.csv", [es003.entry(number, importer_name="Soci\u00e9t\u00e9 G\u00e9n\u00e9rale \u2013 Est")],
                       encoding="cp1252")
    run = triage(path)
    assert run.summary["inputs"][0]["encoding"] == "cp1252"
    assert run.route(number) == "cape"
    table = read_table(path)
    assert table.frame["Importer Name"].iloc[0] == "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale \u2013 Est"


def test_bom_with_invalid_utf8_exits_2(es003, run_cli, tmp_path):
    # A UTF-8 byte order mark followed by a Windows-1252 byte: an input error, not a crash.
    number = es003.number("J7N", 4410021)
    path = es003.write("mixed.csv", [es003.entry(number, importer_name="Caf\u00e9 Nord")],
                       encoding="cp1252", bom=True)
    result = run_cli("triage", path, "--as-of", "2026-11-16", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "mixed.csv" in result.stderr
    assert "Traceback" not in result.stderr


def test_tab_delimited_txt(es003, triage, two_entries):
    first, second, entries = two_entries
    path = es003.write("es003.txt", entries, delimiter="\t")
    run = triage(path)
    assert run.summary["inputs"][0]["layout"] == "tab-delimited text"
    assert run.rows[first]["ieepa_duty"] == "1250.00"
    assert run.rows[second]["ieepa_duty"] == "3400.00"


def _write_xlsx(path, es003, entries, sheet_name, first_sheet=None):
    book = openpyxl.Workbook()
    if first_sheet:
        book.active.title = first_sheet
        book.active.append(["Entry Count", 99])
        sheet = book.create_sheet(sheet_name)
    else:
        sheet = book.active
        sheet.title = sheet_name
    sheet.append(list(es003.columns))
    for entry in entries:
        for row in entry:
            sheet.append([row[name] for name in es003.columns])
    book.save(path)
    return path


def test_xlsx_main_report_sheet_preferred(es003, triage, two_entries, tmp_path):
    first, second, entries = two_entries
    path = _write_xlsx(tmp_path / "es003.xlsx", es003, entries, "Main Report",
                       first_sheet="Parameters")
    run = triage(path, rows=4)
    assert set(run.rows) == {first, second}
    assert run.summary["inputs"][0]["layout"] == "XLSX sheet 'Main Report'"


def test_xlsx_other_sheet_name(es003, triage, two_entries, tmp_path):
    first, second, entries = two_entries
    path = _write_xlsx(tmp_path / "pull.xlsx", es003, entries, "ES003 Export")
    run = triage(path, rows=4)
    assert sorted(run.declared()) == [first, second]


def test_xlsx_numeric_cells_read_as_text(es003, triage, tmp_path):
    # Excel stores an all-digit entry number and the entry type as numbers: zeros are lost.
    number = es003.number("006", 5512034)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Main Report"
    sheet.append(list(es003.columns))
    for row in es003.entry(number, duty=800):
        values = [row[name] for name in es003.columns]
        values[0] = int(number)
        values[2] = 1
        sheet.append(values)
    path = tmp_path / "numeric.xlsx"
    book.save(path)
    run = triage(path, rows=2)
    assert run.route(number) == "cape"
    assert run.rows[number]["entry_type"] == "01"


@pytest.mark.parametrize("rename", [
    {"Entry Summary Number": "Entry Number", "Importer Number": "IOR",
     "Line Tariff Duty Amount": "Total Duty", "HTS Number - Full": "HTS Code"},
    {"Entry Summary Number": "Entry No", "Importer Number": "Importer of Record",
     "Line Tariff Duty Amount": "Duty Amount", "HTS Number - Full": "HTS",
     "Line Tariff Goods Value Amount": "Line Goods Value Amount"},
    {"Entry Summary Number": "Entry_No", "Line Tariff Duty Amount": "Duties Paid"},
    {"Line Tariff Duty Amount": "Line Tariff Amount"},
    {"Line Tariff Duty Amount": "Line Duty Amount"},
], ids=["broker", "erp", "underscore", "line-tariff-amount", "line-duty-amount"])
def test_header_synonyms(es003, triage, two_entries, rename):
    first, second, entries = two_entries
    path = es003.write("synonyms.csv", entries, rename=rename)
    run = triage(path)
    assert run.rows[first]["ieepa_duty"] == "1250.00"
    assert run.rows[first]["importer_number"] == es003.importer
    assert run.route(second) == "cape"


def test_header_case_and_spaces(es003, triage, two_entries):
    first, _, entries = two_entries
    rename = {name: f"  {name.upper()} " for name in es003.columns}
    rename["Liquidation Status"] = "liquidation status"
    path = es003.write("case.csv", entries, rename=rename)
    run = triage(path)
    assert run.rows[first]["ieepa_duty"] == "1250.00"


def test_unknown_extra_columns_ignored(es003, triage):
    number = es003.number("J7N", 4410021)
    entry = es003.entry(number, **{"Review Team Number": "T17", "Control Status": "X"})
    run = triage(es003.write("extra.csv", [entry]))
    assert run.route(number) == "cape"


def test_utf16_unicode_text(es003, triage, two_entries):
    # Excel's "Unicode Text" save: UTF-16 with a byte order mark, tab-delimited.
    first, second, entries = two_entries
    path = es003.folder / "unicode.txt"
    path.write_bytes(es003.text(entries, delimiter="\t").encode("utf-16"))
    run = triage(path, rows=4)
    assert sorted(run.declared()) == [first, second]


def test_lone_cr_line_ends(es003, triage, two_entries):
    first, second, entries = two_entries
    path = es003.write("classic_mac.csv", entries, newline="\r")
    run = triage(path, rows=4)
    assert sorted(run.declared()) == [first, second]
