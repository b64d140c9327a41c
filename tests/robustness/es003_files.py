"""Valid ES-003 exports to damage, and the checks every damaged run must pass.

``base_rows`` is a small valid export: six entries whose triage as of ``AS_OF`` gives the
routes cape, fix_then_cape, protest, later_phase and no_refund. Tests replace cells, bytes or
whole lines of it and run ``workbench triage`` on the result. Whatever the damage, the run
must end one of two ways (``check_outcome``):

* exit status 0, with summary.json accounting for every data row (read = in entries +
  duplicates + rejected) and one triage.csv row per entry; or
* exit status 2, with a message that names the file and no declaration file written.

Exit status 1 (an internal error) and a Python traceback are always failures.

The entry numbers, importer numbers and amounts are invented; the check digits are valid.
"""

import contextlib
import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

from workbench.identifiers.entry_number import calc_check_digit

WORKBENCH = Path(sys.executable).with_name("workbench")

# Outputs echo damaged cells as found, and the corpus has a 10 MB one.
csv.field_size_limit(1 << 30)
AS_OF = dt.date(2026, 12, 4)

COLUMNS = [
    "Entry Summary Number", "Entry Summary Line Number", "Entry Type Code", "Importer Number",
    "Importer Name", "Port of Entry Code", "Entry Date", "Entry Summary Date",
    "Country of Origin Code", "Tariff Ordinal Number", "HTS Number - Full",
    "Line Tariff Goods Value Amount", "Line Tariff Duty Amount", "Liquidation Status",
    "Liquidation Date",
]

IMPORTER = "83-5719206D1"


def entry_number(filer, transaction):
    """Return a valid entry number for a filer code and a seven-digit transaction number."""
    first_ten = f"{filer}{transaction:07d}"
    return first_ten + calc_check_digit(first_ten)


def _entry(number, entry_date, status, liquidation_date, tariffs, importer=IMPORTER,
           name="Harbor Lamps Inc"):
    rows = []
    for ordinal, (hts, value, duty) in enumerate(tariffs, start=1):
        rows.append([number, "1", "01", importer, name, "2704", entry_date, entry_date,
                     "CN", str(ordinal), hts, value, duty, status, liquidation_date])
    return rows


def base_rows(importer=IMPORTER):
    """Return the data rows of a valid export (lists of cells in ``COLUMNS`` order)."""
    ieepa = [("99030124", "$0.00", "$2,000.00"), ("99030125", "$0.00", "$1,000.00"),
             ("8516600400", "$10,000.00", "$0.00")]
    return [
        # cape: unliquidated, dutiable IEEPA lines.
        *_entry(entry_number("ZZZ", 11), "10/14/2025", "Unliquidated", "", ieepa, importer),
        # protest: liquidated 126 days before the as-of date.
        *_entry(entry_number("ZZZ", 2), "09/10/2025", "Liquidated", "07/31/2026",
                [("99030226", "$0.00", "$1,250.00"), ("6109100012", "$5,000.00", "$825.00")],
                importer),
        # later_phase: liquidated more than 180 days before.
        *_entry(entry_number("B6Q", 1730016), "04/22/2025", "Liquidated", "03/06/2026",
                ieepa[1:], importer),
        # no_refund: Section 301 only.
        *_entry(entry_number("4KD", 5512), "06/02/2025", "", "",
                [("99038815", "$0.00", "$500.00"), ("3924104000", "$2,000.00", "$0.00")],
                importer),
        # fix_then_cape: goods value on the IEEPA row, correction window still open.
        *_entry(entry_number("M31", 8841236), "02/14/2026", "UNLIQUIDATED", "",
                [("99030125", "$19,096.84", "$1,909.68"), ("7326908688", "$0.00", "$0.00")],
                importer),
        # cape, a second importer.
        *_entry(entry_number("T7W", 901), "01/20/2026", "Unliquidated", "",
                [("99030101", "$0.00", "$6,340.75"), ("8471300100", "$25,363.02", "$0.00")],
                "52-6401938M3", "Keystone Tools LLC"),
    ]


def bulk_rows(entries, importers=("83-5719206D1", "52-6401938M3", "27-1049386A2")):
    """Return the rows of ``entries`` entries: the base entries again and again.

    Each copy gets a new entry number (valid check digit), and each round of copies the next
    importer, so the routes keep the base mix and every importer gets declaration files.
    """
    templates = {}
    for row in base_rows():
        templates.setdefault(row[0], []).append(row)
    patterns = list(templates.values())
    filers = ["ZZZ", "B6Q", "4KD", "M31", "T7W"]
    rows = []
    for index in range(entries):
        number = entry_number(filers[index % len(filers)], 2_000_000 + index)
        importer = importers[index // len(patterns) % len(importers)]
        for row in patterns[index % len(patterns)]:
            rows.append([number, *row[1:3], importer, *row[4:]])
    return rows


def csv_text(rows, header=COLUMNS, delimiter=",", newline="\n"):
    """Return CSV text with a header row, quoted as a spreadsheet quotes it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_export(path, rows=None, header=COLUMNS, **options):
    """Write rows (default: ``base_rows()``) as a UTF-8 CSV export and return the path."""
    path = Path(path)
    text = csv_text(base_rows() if rows is None else rows, header, **options)
    path.write_bytes(text.encode("utf-8"))
    return path


def run_cli(*args, timeout=600):
    """Run the ``workbench`` console script; return the CompletedProcess."""
    return subprocess.run([str(WORKBENCH), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


def triage_args(paths, out, *extra):
    """Return the argument list of a triage run as of ``AS_OF``."""
    paths = [paths] if isinstance(paths, (str, Path)) else paths
    return ["triage", *map(str, paths), "--out", str(out), "--as-of", AS_OF.isoformat(),
            *extra]


@contextlib.contextmanager
def _captured():
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def run_in_process(args):
    """Run a triage command line in this process; return (exit status, stdout, stderr).

    The mapping of errors to exit statuses is the command line's: an input error is 2 and
    its message goes to stderr. Any other exception propagates, so a test that calls this
    fails with the traceback an exit status 1 would have printed.
    """
    import argparse

    from workbench.cape import command
    from workbench.errors import InputError

    parser = argparse.ArgumentParser(prog="workbench")
    command.add_parser(parser.add_subparsers(dest="command"))
    with _captured() as (out, err):
        try:
            parsed = parser.parse_args(args)
            code = parsed.handler(parsed)
        except InputError as error:
            print(f"error: {error}", file=sys.stderr)
            code = 2
    return code, out.getvalue(), err.getvalue()


def check_outcome(code, stdout, stderr, inputs, out, rows_written=None):
    """Assert that a run ended with 0 and balanced outputs, or with 2 naming the file.

    ``inputs`` are the input paths. ``rows_written``, when given, is the number of data rows
    they contain, and the run must then have read exactly that many.
    """
    inputs = [Path(p) for p in ([inputs] if isinstance(inputs, (str, Path)) else inputs)]
    assert "Traceback" not in stderr, stderr[-3000:]
    assert code in (0, 2), f"exit status {code}: {stderr[-3000:]}"
    out = Path(out)
    if code == 2:
        assert any(p.name in stderr for p in inputs), f"message names no input file: {stderr}"
        assert stderr.startswith("error: "), stderr
        declarations = list(out.rglob("cape_declaration_*.csv")) if out.exists() else []
        assert declarations == [], "a run that stopped with exit 2 wrote declarations"
        return None

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    check = summary["reconciliation"]
    assert check["rows_balanced"] is True, check
    assert check["entries_balanced"] is True, check
    assert check["ieepa_duty_balanced"] is True, check
    placed = (check["rows_in_entries"] + check["rows_duplicate_read_once"]
              + check["rows_rejected"])
    assert check["rows_read"] == placed, check
    if rows_written is not None:
        assert check["rows_read"] == rows_written, "rows read differ from rows written"
    with open(out / "triage.csv", newline="", encoding="utf-8") as stream:
        triage_rows = list(csv.DictReader(stream))
    assert len(triage_rows) == summary["entries"], "triage.csv rows differ from entries"
    return summary


def read_csv_cells(path):
    """Return every cell of a CSV output, the header included."""
    with open(path, newline="", encoding="utf-8") as stream:
        return [cell for row in csv.reader(stream) for cell in row]
