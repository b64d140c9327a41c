"""Fuzz the ES-003 loader: random cells, header names and bytes in an otherwise valid export.

Each example writes a damaged copy of a small valid export and runs the triage command line
in this process. The run must end with exit status 0 and every data row accounted for in
summary.json, or with exit status 2 and a message naming the file. An exception that escapes
the command fails the test, because the program would exit with status 1 and a traceback.
"""

import os
import string
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .es003_files import (COLUMNS, base_rows, check_outcome, csv_text, run_in_process,
                          triage_args, write_export)

# Each example is a whole triage run (0.2 to 0.5 s on two cores), so the default count is
# small; set WORKBENCH_FUZZ_EXAMPLES to search longer.
EXAMPLES = int(os.environ.get("WORKBENCH_FUZZ_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# What damaged ES-003 cells look like: spreadsheet artefacts, formulas, numbers in the wrong
# shape, quotes and separators, and arbitrary Unicode.
damaged_cells = st.one_of(
    st.text(max_size=30),
    st.sampled_from([
        "", " ", "0", "-1", "$-1.00", "($1.00)", "1.12345E+10", "45818", "45818.5",
        "02/30/2026", "13/01/2026", "2026-02-03", "1/1/1900", "00/00/0000", "12/31/9999",
        '="ZZZ00000110"', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx",
        "NaN", "None", "null", "#N/A", "#VALUE!", "TRUE", "1e400", "9" * 400,
        '"', "'", ",", ";", "\n", "\r\n", "a\n\nb", "\ufeff", "\u200b", "\x7f",
        "$1,234,567,890,123,456.78", "$99999999999999999999.99", "1,2", "$.5", "$5.",
        "LIQUIDATED", "SUSPENDED", "under review", "Y", "N", "09", "1", "21", "99030125",
        "9903.01.25", "99030299", "0000000000", "000-0000000-0", "987-65-4321",
    ]),
    st.text(alphabet=string.digits + "$,./-E+ ", max_size=14),
)

cell_edits = st.lists(
    st.tuples(st.integers(min_value=0, max_value=12),
              st.integers(min_value=0, max_value=len(COLUMNS) - 1), damaged_cells),
    min_size=1, max_size=6)


def _run(folder, path):
    out = Path(folder) / "out"
    code, stdout, stderr = run_in_process(triage_args(path, out))
    return code, stdout, stderr, out


def _rows_written(rows, edits, newline):
    """Return the data rows a reader must find, or None when the edits change the count.

    A NUL byte makes the file binary, and csv.writer leaves a lone CR unquoted when the line
    end is LF, so that CR ends a row as it would in Excel.
    """
    texts = [text for _row, _column, text in edits]
    if any("\x00" in text for text in texts):
        return None
    if newline == "\n" and any("\r" in text for text in texts):
        return None
    return len(rows)


@FUZZ
@given(cell_edits, st.sampled_from(["\n", "\r\n"]))
def test_random_cells_accounted_for(edits, newline):
    rows = base_rows()
    for row, column, text in edits:
        rows[row % len(rows)][column] = text
    with tempfile.TemporaryDirectory() as folder:
        path = write_export(Path(folder) / "fuzzed.csv", rows, newline=newline)
        code, stdout, stderr, out = _run(folder, path)
        check_outcome(code, stdout, stderr, path, out,
                      rows_written=_rows_written(rows, edits, newline))


@FUZZ
@given(st.integers(min_value=0, max_value=len(COLUMNS) - 1), damaged_cells)
def test_random_header_name(column, name):
    header = list(COLUMNS)
    header[column] = name
    with tempfile.TemporaryDirectory() as folder:
        path = write_export(Path(folder) / "header.csv", header=header)
        code, stdout, stderr, out = _run(folder, path)
        summary = check_outcome(code, stdout, stderr, path, out)
        if summary is not None:
            assert summary["reconciliation"]["rows_read"] == len(base_rows())


byte_edits = st.lists(
    st.tuples(st.sampled_from(["insert", "delete", "replace"]), st.integers(min_value=0),
              st.sampled_from([b"\r", b"\n", b'"', b",", b";", b"\t", b"\x00", b"\x80",
                               b"\xe9", b"\xef\xbb\xbf", b"\xff\xfe", b" ", b"\r\n\r\n"])),
    min_size=1, max_size=8)


@FUZZ
@given(byte_edits)
def test_random_bytes_accounted_for(edits):
    data = bytearray(csv_text(base_rows()).encode("utf-8"))
    for action, position, piece in edits:
        position %= len(data) + 1
        if action == "insert":
            data[position:position] = piece
        elif action == "delete":
            del data[position:position + len(piece)]
        else:
            data[position:position + len(piece)] = piece
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bytes.csv"
        path.write_bytes(bytes(data))
        code, stdout, stderr, out = _run(folder, path)
        check_outcome(code, stdout, stderr, path, out)


@FUZZ
@given(cell_edits)
def test_second_file_with_random_cells(edits):
    rows = base_rows()
    for row, column, text in edits:
        rows[row % len(rows)][column] = text
    with tempfile.TemporaryDirectory() as folder:
        first = write_export(Path(folder) / "first.csv")
        second = write_export(Path(folder) / "second.csv", rows)
        out = Path(folder) / "out"
        code, stdout, stderr = run_in_process(triage_args([first, second], out))
        expected = _rows_written(rows, edits, "\n")
        check_outcome(code, stdout, stderr, [first, second], out,
                      rows_written=None if expected is None else 2 * expected)
