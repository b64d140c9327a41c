"""Outputs a spreadsheet cannot execute, and Social Security numbers that never leave masked.

Human-facing CSVs (triage.csv, exceptions.csv, entries.csv, ieepa_lines.csv) must not hold a
cell that a spreadsheet would run as a formula: text starting with =, +, -, @, a tab or a
carriage return gets a leading apostrophe, except a plain negative number. The CAPE
declaration files hold only validated entry numbers and stay byte-exact.

An importer number in SSN form (NNN-NN-NNNN, or nine bare digits) must never appear whole in
any output file, file name, printed summary or log line. Its last four digits may appear.
"""

import csv
import re
from pathlib import Path

import pytest

from workbench.identifiers.entry_number import is_valid

from .es003_files import (COLUMNS, base_rows, check_outcome, csv_text, run_cli, triage_args,
                          write_export)

HUMAN_FACING = ["triage.csv", "exceptions.csv", "entries.csv", "ieepa_lines.csv"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NEGATIVE_NUMBER = re.compile(r"-\$?[0-9][0-9,]*(\.[0-9]+)?")
PAYLOADS = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
            '=HYPERLINK("http://127.0.0.1/","x")']
DECLARATION = re.compile(rb"Entry Number\n(?:[A-Z0-9]{11}\n){1,9999}")


def _column(name):
    return COLUMNS.index(name)


def _poisoned_rows():
    """Return base rows with formula text in every cell that reaches an output as found."""
    rows = base_rows()
    for index, row in enumerate(rows):
        payload = PAYLOADS[index % len(PAYLOADS)]
        row[_column("Importer Name")] = payload
        row[_column("Port of Entry Code")] = payload
        row[_column("Country of Origin Code")] = payload
    # Cells that make an entry invalid, so the value is echoed in triage.csv and exceptions.csv.
    rows[0][_column("Entry Summary Number")] = PAYLOADS[0]
    rows[3][_column("Liquidation Status")] = PAYLOADS[1]
    rows[4][_column("Liquidation Status")] = PAYLOADS[1]
    rows[5][_column("Entry Type Code")] = PAYLOADS[3]
    rows[6][_column("Entry Date")] = PAYLOADS[2]
    rows[7][_column("Line Tariff Duty Amount")] = PAYLOADS[4]
    rows[9][_column("HTS Number - Full")] = PAYLOADS[6]
    rows[11][_column("Entry Summary Line Number")] = PAYLOADS[5]
    rows[12][_column("Tariff Ordinal Number")] = PAYLOADS[0]
    rows[12][_column("Importer Number")] = PAYLOADS[3]
    return rows


def _cells(path):
    with open(path, newline="", encoding="utf-8") as stream:
        return [cell for row in csv.reader(stream) for cell in row]


@pytest.fixture(scope="module")
def poisoned_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("poisoned")
    rows = _poisoned_rows()
    # A file name is echoed in exceptions.csv too.
    # CRLF line ends, so csv.writer quotes the cell that contains a carriage return.
    path = write_export(folder / "@export.csv", rows, newline="\r\n")
    out = folder / "out"
    result = run_cli(*triage_args(path, out))
    check_outcome(result.returncode, result.stdout, result.stderr, path, out,
                  rows_written=len(rows))
    assert result.returncode == 0
    return out


@pytest.mark.parametrize("name", HUMAN_FACING)
def test_no_cell_starts_like_a_formula(poisoned_run, name):
    risky = [cell for cell in _cells(poisoned_run / name)
             if cell.startswith(FORMULA_START) and not PLAIN_NEGATIVE_NUMBER.fullmatch(cell)]
    assert risky == []


def test_formula_text_kept_after_apostrophe(poisoned_run):
    cells = set(_cells(poisoned_run / "entries.csv"))
    assert "'=cmd|' /C calc'!A0" in cells
    assert "'@SUM(A1:A2)" in cells
    exceptions = set(_cells(poisoned_run / "exceptions.csv"))
    assert "'@export.csv" in exceptions
    assert "'=cmd|' /C calc'!A0" in exceptions


def test_every_human_facing_file_written(poisoned_run):
    for name in HUMAN_FACING:
        assert (poisoned_run / name).stat().st_size > 0, name


def test_declarations_byte_exact(poisoned_run):
    files = sorted(poisoned_run.rglob("cape_declaration_*.csv"))
    assert files, "the poisoned export still has declarable entries"
    for path in files:
        data = path.read_bytes()
        assert DECLARATION.fullmatch(data), path
        assert len(data) < 1_000_000
        numbers = data.decode("ascii").splitlines()[1:]
        assert numbers == sorted(set(numbers))
        assert all(is_valid(number) for number in numbers)


def test_plain_negative_number_left_alone():
    from workbench.outputs import csv_bytes, neutralise

    assert neutralise("-12.50") == "-12.50"
    assert neutralise("-$1,234.56") == "-$1,234.56"
    assert neutralise("-1+2") == "'-1+2"
    assert neutralise("-\u0661\u0662") == "'-\u0661\u0662"
    assert csv_bytes(["a"], [["=1"], ["-3"]]) == b"a\n'=1\n-3\n"


# SSN-form importer numbers

SSN_DASHED = "987-65-4321"
SSN_BARE = "987654321"
FORBIDDEN = [SSN_DASHED, SSN_BARE, "987 65 4321", "98765-4321", "987-654321"]


def _ssn_rows():
    rows = base_rows()
    importer = _column("Importer Number")
    for row in rows[:5]:
        row[importer] = SSN_DASHED
    for row in rows[5:9]:
        row[importer] = SSN_BARE
    # An invalid entry and an unmapped status, so the SSN importer's entries reach the
    # exceptions and the messages.
    rows[3][_column("Entry Summary Number")] = "ZZZ-0000002-1"
    rows[5][_column("Liquidation Status")] = "Pending Review"
    rows[6][_column("Liquidation Status")] = "Pending Review"
    return rows


def _ragged_rows():
    """Return rows that cannot be read, with the SSN in and out of its column."""
    shifted = base_rows()[0]
    shifted[0] = "ZZZ00001234"
    shifted[_column("Importer Number")] = SSN_DASHED
    shifted.insert(1, "extra cell")
    short = base_rows()[1][:6]
    short[0] = "ZZZ00001234"
    short[_column("Importer Number")] = SSN_BARE
    return [shifted, short]


def _forbidden_in(text):
    return [form for form in FORBIDDEN if form in text]


@pytest.fixture(scope="module")
def ssn_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ssn")
    rows = _ssn_rows()
    text = csv_text(rows) + csv_text(_ragged_rows()).split("\n", 1)[1]
    path = folder / "ssn.csv"
    path.write_bytes(text.encode("utf-8"))
    side = folder / "protests.csv"
    side.write_text(f"Entry Number,Importer Number\n{rows[9][0]},{SSN_DASHED}\n")
    out = folder / "out"
    result = run_cli("-v", *triage_args(path, out, "--protests", side))
    check_outcome(result.returncode, result.stdout, result.stderr, path, out,
                  rows_written=len(rows) + 2)
    assert result.returncode == 0
    return out, result


def test_ssn_absent_from_every_file(ssn_run):
    out, _result = ssn_run
    leaks = {}
    for path in out.rglob("*"):
        if path.is_file():
            found = _forbidden_in(path.read_bytes().decode("utf-8", errors="replace"))
            if found:
                leaks[path.relative_to(out).as_posix()] = found
    assert leaks == {}


def test_ssn_absent_from_file_names(ssn_run):
    out, _result = ssn_run
    names = [path.relative_to(out).as_posix() for path in out.rglob("*")]
    assert [name for name in names if _forbidden_in(name.replace("SSN-XXXXX", ""))] == []
    assert any("SSN-XXXXX4321" in name for name in names)


def test_ssn_absent_from_stdout_and_log(ssn_run):
    _out, result = ssn_run
    assert _forbidden_in(result.stdout) == []
    assert _forbidden_in(result.stderr) == []
    assert "INFO" in result.stderr, "the run was not verbose, so no log was checked"


def test_ssn_last_four_digits_shown(ssn_run):
    out, _result = ssn_run
    with open(out / "triage.csv", newline="", encoding="utf-8") as stream:
        shown = {row["importer_number"] for row in csv.DictReader(stream)}
    assert "***-**-4321" in shown


def test_ssn_importer_declared_under_masked_folder(ssn_run):
    out, _result = ssn_run
    folder = out / "SSN-XXXXX4321"
    assert sorted(p.name for p in folder.iterdir()) == ["cape_declaration_001.csv"]
