"""Shared fixtures: a small ES-003 builder and helpers that run the triage and read its outputs.

``es003`` builds entries from a few keyword arguments and writes them as an ACE ES-003 export.
``triage`` runs the real triage in process and checks row conservation on every run: summary.json
must count each input row once and balance. ``run_cli`` runs the ``workbench`` console script
for exit statuses and printed messages.

The data is invented for these tests: filer codes, transaction numbers, importer numbers and
amounts follow the ACE formats but name no real entry or importer. The helpers are reached
through fixtures, never by importing this module, because other test folders may add their
own ``conftest.py``.
"""

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cape.run import run_triage
from workbench.identifiers.entry_number import calc_check_digit

WORKBENCH = Path(sys.executable).with_name("workbench")

# A Monday. Every clock in the tests is measured to it unless a test passes another as-of date.
AS_OF = dt.date(2026, 11, 16)

ACE_COLUMNS = [
    "Entry Summary Number", "Entry Summary Line Number", "Entry Type Code", "Importer Number",
    "Importer Name", "Port of Entry Code", "Entry Date", "Entry Summary Date",
    "Country of Origin Code", "Tariff Ordinal Number", "HTS Number - Full",
    "Line Tariff Goods Value Amount", "Line Tariff Duty Amount", "Liquidation Status",
    "Liquidation Date",
]

TRIAGE_COLUMNS = [
    "entry_number", "importer_number", "filer_code", "entry_type", "entry_date",
    "liquidation_status", "liquidation_date", "ieepa_duty", "route", "reason_codes", "deadline",
    "deadline_kind", "declaration_file", "message",
]


class Es003Builder:
    """Build ES-003 rows from keyword arguments and write them as export files."""

    as_of = AS_OF
    importer = "31-4728105B3"
    other_importer = "64-9035127K8"
    columns = ACE_COLUMNS

    def __init__(self, folder):
        self.folder = Path(folder)

    @staticmethod
    def number(filer, transaction):
        """Return a valid 11-character entry number for a filer code and transaction number."""
        first_ten = f"{filer}{transaction:07d}"
        return first_ten + calc_check_digit(first_ten)

    @staticmethod
    def bad_check_digit(number):
        """Return the entry number with a check digit that fails."""
        return number[:10] + str((int(number[10]) + 3) % 10)

    @staticmethod
    def us_date(day):
        """Return MM/DD/YYYY for a date, as ACE prints it."""
        return day.strftime("%m/%d/%Y")

    def days_before(self, days, as_of=None):
        """Return the MM/DD/YYYY date ``days`` calendar days before the as-of date."""
        return self.us_date((as_of or self.as_of) - dt.timedelta(days=days))

    def iso_days_before(self, days, as_of=None):
        return ((as_of or self.as_of) - dt.timedelta(days=days)).isoformat()

    @staticmethod
    def money(cents):
        """Return an ACE money text such as $2,567.49 for an amount in cents."""
        return f"${cents // 100:,}.{cents % 100:02d}"

    @staticmethod
    def ieepa(duty, hts="99030125", value=0, **where):
        """Return a tariff row of an IEEPA (or other Chapter 99) number carrying ``duty``."""
        return {"hts": hts, "duty": duty, "value": value, **where}

    @staticmethod
    def commodity(value, hts="8471300100", duty=0, **where):
        """Return a Chapter 1-97 tariff row carrying the goods value."""
        return {"hts": hts, "duty": duty, "value": value, **where}

    def entry(self, number, *, duty=1000, lines=None, entry_type="01", importer=None,
              importer_name="Test Importer One", entry_date="12/08/2025", summary_date=None,
              status="", liquidation_date="", country="CN", **extra):
        """Return the ES-003 rows of one entry, one dict per tariff ordinal.

        By default the entry has one summary line with a dutiable IEEPA row (9903.01.25) of
        ``duty`` dollars and a commodity row. ``lines`` replaces them: dicts from ``ieepa`` and
        ``commodity``, amounts in dollars or as text used as given, optional ``line`` and
        ``ordinal``. ``extra`` adds or overrides columns by their ACE name.
        """
        if lines is None:
            lines = [self.ieepa(duty), self.commodity(duty * 10)]
        rows = []
        for ordinal, tariff in enumerate(lines, start=1):
            row = {
                "Entry Summary Number": number,
                "Entry Summary Line Number": str(tariff.get("line", 1)),
                "Entry Type Code": entry_type,
                "Importer Number": self.importer if importer is None else importer,
                "Importer Name": importer_name,
                "Port of Entry Code": "3901",
                "Entry Date": entry_date,
                "Entry Summary Date": summary_date or entry_date,
                "Country of Origin Code": country,
                "Tariff Ordinal Number": str(tariff.get("ordinal", ordinal)),
                "HTS Number - Full": tariff["hts"],
                "Line Tariff Goods Value Amount": self._amount(tariff["value"]),
                "Line Tariff Duty Amount": self._amount(tariff["duty"]),
                "Liquidation Status": status,
                "Liquidation Date": liquidation_date,
            }
            row.update(extra)
            rows.append(row)
        return rows

    def _amount(self, value):
        return value if isinstance(value, str) else self.money(round(value * 100))

    def text(self, entries, columns=None, delimiter=",", rename=None):
        """Return the CSV text of ``entries`` (a list of ``entry`` results)."""
        rows = [row for entry in entries for row in entry]
        if columns is None:
            columns = list(self.columns)
            for row in rows:
                columns += [name for name in row if name not in columns]
        header = [(rename or {}).get(name, name) for name in columns]
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(name, "") for name in columns])
        return buffer.getvalue()

    def write(self, name, entries, columns=None, delimiter=",", encoding="utf-8", bom=False,
              newline="\n", rename=None):
        """Write ``entries`` to ``name`` in the test folder and return the path.

        ``columns`` picks and orders the header (default: the ACE columns plus extra ones).
        ``rename`` maps an ACE name to the header written for it. ``newline`` "\\r\\n" writes
        CRLF line ends, and ``bom`` prefixes a UTF-8 byte order mark.
        """
        text = self.text(entries, columns, delimiter, rename).replace("\n", newline)
        data = text.encode(encoding)
        if bom:
            data = b"\xef\xbb\xbf" + data
        path = self.folder / name
        path.write_bytes(data)
        return path

    def write_text(self, name, text, encoding="utf-8"):
        """Write a file as given (rules files, side lists, hand-damaged exports)."""
        path = self.folder / name
        path.write_bytes(text.encode(encoding))
        return path

    def entry_list(self, name, numbers, header="Entry Number"):
        """Write a side list (protests, drawback) with an entry-number column and one other."""
        lines = [f"{header},Note"] + [f"{number},test" for number in numbers]
        return self.write_text(name, "\n".join(lines) + "\n")


def data_rows(path):
    """Return the number of non-blank data rows of a text export (the header excluded)."""
    text = Path(path).read_bytes().decode("utf-8-sig", errors="replace")
    return sum(1 for line in text.splitlines()[1:] if line.strip())


def read_csv(path):
    """Return the rows of a CSV output as dicts."""
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


class TriageRun:
    """The outputs of one triage run, read back from the files it wrote."""

    columns = TRIAGE_COLUMNS

    def __init__(self, out, result=None):
        self.out = Path(out)
        self.result = result

    @property
    def rows(self):
        """triage.csv rows keyed by entry_number."""
        return {row["entry_number"]: row for row in read_csv(self.out / "triage.csv")}

    @property
    def header(self):
        with open(self.out / "triage.csv", newline="", encoding="utf-8") as stream:
            return next(csv.reader(stream))

    @property
    def exceptions(self):
        return read_csv(self.out / "exceptions.csv")

    @property
    def summary(self):
        return json.loads((self.out / "summary.json").read_text(encoding="utf-8"))

    def route(self, number):
        return self.rows[number]["route"]

    def codes(self, number):
        text = self.rows[number]["reason_codes"]
        return set(text.split(";")) if text else set()

    def files(self, pattern="cape_declaration_*.csv"):
        """Return the files matching ``pattern`` at any depth, sorted by relative path."""
        return sorted(self.out.rglob(pattern), key=lambda p: p.relative_to(self.out).as_posix())

    def declared(self, pattern="cape_declaration_*.csv"):
        """Return the entry numbers listed in every file matching ``pattern``."""
        numbers = []
        for path in self.files(pattern):
            numbers += path.read_text(encoding="ascii").splitlines()[1:]
        return numbers

    def exceptions_for(self, rule):
        return [row for row in self.exceptions if row["rule"] == rule]


@pytest.fixture
def es003(tmp_path):
    """Return an ``Es003Builder`` writing into the test's temporary folder."""
    return Es003Builder(tmp_path)


@pytest.fixture
def triage(tmp_path):
    """Return ``run(files, rows=None, out=None, as_of=AS_OF, **options)`` -> ``TriageRun``.

    It calls ``workbench.cape.run.run_triage`` and asserts row conservation: summary.json's
    ``rows_read`` equals ``rows`` (default: the data rows of the text files) and its
    reconciliation balances.
    """
    runs = {"count": 0}

    def run(files, rows=None, out=None, as_of=AS_OF, **options):
        files = [files] if isinstance(files, (str, Path)) else list(files)
        runs["count"] += 1
        out = Path(out) if out else tmp_path / f"out{runs['count']}"
        result = run_triage([str(f) for f in files], out, as_of=as_of, **options)
        outcome = TriageRun(out, result)
        expected = rows if rows is not None else sum(data_rows(f) for f in files)
        check = outcome.summary["reconciliation"]
        assert check["rows_read"] == expected, "summary.json rows_read"
        assert check["rows_balanced"] is True, "summary.json rows_balanced"
        assert check["entries_balanced"] is True, "summary.json entries_balanced"
        assert check["ieepa_duty_balanced"] is True, "summary.json ieepa_duty_balanced"
        return outcome

    return run


@pytest.fixture
def run_cli(tmp_path):
    """Return ``run(*args)``: the ``workbench`` console script's CompletedProcess."""

    def run(*args, cwd=None):
        return subprocess.run([str(WORKBENCH), *map(str, args)], capture_output=True,
                              text=True, cwd=cwd or tmp_path, timeout=300)

    return run
