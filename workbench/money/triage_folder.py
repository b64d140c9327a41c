"""Read the folder ``workbench triage`` wrote: entries, IEEPA lines, routes and the summary.

The estimate needs four files from it:

* ``entries.csv``: one row per entry, with its importer key, dates, liquidation category,
  warehouse flag, route and IEEPA duty;
* ``ieepa_lines.csv``: one row per IEEPA Chapter 99 tariff row, with its duty and whether
  triage counted it (duty above 0.00);
* ``triage.csv``: the route and the deadline of each entry;
* ``summary.json``: the as-of date and the IEEPA dollars per route.

Every value is checked, and an unusable one raises ``InputError`` naming the file, the row
(the header is row 1), the column and the fix. Entries on the ``invalid`` route keep dates
that do not parse as None, because triage sends impossible dates there on purpose.
"""

import csv
import dataclasses
import datetime as dt
import json
import logging
from decimal import Decimal
from pathlib import Path

from workbench.errors import InputError
from workbench.money.amounts import parse_dollars
from workbench.money.routes import ROUTES
from workbench.rules.settings import LIQUIDATION_CATEGORIES

log = logging.getLogger(__name__)

ENTRY_COLUMNS = (
    "entry_number", "importer_key", "importer_name", "entry_type", "entry_date",
    "entry_summary_date", "liquidation_category", "liquidation_date", "liquidated_on_as_of",
    "warehouse", "route", "ieepa_duty",
)
LINE_COLUMNS = (
    "entry_number", "line_number", "tariff_ordinal", "hts", "program", "heading_type", "duty",
    "counted",
)
TRIAGE_COLUMNS = ("entry_number", "route", "ieepa_duty", "deadline", "deadline_kind")
FILES = ("entries.csv", "ieepa_lines.csv", "triage.csv", "summary.json")
RERUN = "rerun workbench triage into a new folder"


@dataclasses.dataclass(frozen=True)
class Entry:
    """One entry summary as triage left it."""

    entry_number: str
    importer_key: str
    importer_name: str
    entry_type: str
    entry_date: dt.date
    entry_summary_date: dt.date
    liquidation_category: str
    liquidation_date: dt.date
    warehouse: bool
    route: str
    ieepa_duty: Decimal
    deadline: dt.date
    deadline_kind: str


@dataclasses.dataclass(frozen=True)
class IeepaLine:
    """One IEEPA Chapter 99 tariff row of an entry."""

    entry_number: str
    line_number: str
    tariff_ordinal: str
    hts: str
    program: str
    heading_type: str
    duty: Decimal
    counted: bool


@dataclasses.dataclass(frozen=True)
class TriageFolder:
    """The parsed triage output."""

    path: Path
    as_of: dt.date
    entries: tuple
    lines: tuple
    route_totals: dict
    summary: dict


def read_triage_folder(path):
    """Read and check the triage folder at ``path``."""
    path = Path(path)
    if not path.is_dir():
        raise InputError(f"{path}: triage folder not found; give the --out folder of workbench triage")
    for name in FILES:
        if not (path / name).is_file():
            raise InputError(f"{path / name}: file not found; {RERUN} (it writes {', '.join(FILES)})")

    summary = _read_summary(path / "summary.json")
    deadlines = _read_triage_csv(path / "triage.csv")
    entries = _read_entries(path / "entries.csv", deadlines)
    lines = _read_lines(path / "ieepa_lines.csv", {entry.entry_number for entry in entries})
    log.info("read %d entries and %d IEEPA lines from %s", len(entries), len(lines), path)
    return TriageFolder(path, summary["as_of"], tuple(entries), tuple(lines),
                        summary["route_totals"], summary["raw"])


def _read_csv(path, required):
    with open(path, newline="", encoding="utf-8-sig") as stream:
        reader = csv.DictReader(stream)
        missing = [column for column in required if column not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: column {', '.join(repr(c) for c in missing)} missing; {RERUN}")
        return [(number, row) for number, row in enumerate(reader, start=2)]


def _fail(path, row, column, value, problem):
    return InputError(f"{path}: row {row}, column '{column}': value {value!r} {problem}; {RERUN}")


def _date(path, row, column, record, required=False, lenient=False):
    text = (record.get(column) or "").strip()
    if not text:
        if required and not lenient:
            raise _fail(path, row, column, text, "is empty, expected a date YYYY-MM-DD")
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        if lenient:
            return None
        raise _fail(path, row, column, text, "is not a date YYYY-MM-DD") from None


def _flag(path, row, column, record):
    text = (record.get(column) or "").strip().lower()
    if text not in ("true", "false"):
        raise _fail(path, row, column, record.get(column), "must be true or false")
    return text == "true"


def _dollars(path, row, column, record):
    try:
        return parse_dollars(record.get(column) or "")
    except ValueError as error:
        raise _fail(path, row, column, record.get(column), f"is not valid: {error}") from None


def _read_summary(path):
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not readable JSON ({error}); {RERUN}") from None
    for key in ("as_of", "routes"):
        if key not in raw:
            raise InputError(f"{path}: key '{key}' missing; {RERUN}")
    try:
        as_of = dt.date.fromisoformat(str(raw["as_of"]))
    except ValueError:
        raise InputError(f"{path}: key 'as_of', value {raw['as_of']!r} is not a date YYYY-MM-DD") from None
    totals = {}
    for route, figures in raw["routes"].items():
        try:
            totals[route] = parse_dollars(figures["ieepa_duty"])
        except (KeyError, TypeError, ValueError):
            raise InputError(
                f"{path}: key 'routes', route {route!r} has no ieepa_duty in dollars; {RERUN}") from None
    return {"as_of": as_of, "route_totals": totals, "raw": raw}


def _read_triage_csv(path):
    deadlines = {}
    for row, record in _read_csv(path, TRIAGE_COLUMNS):
        number = record["entry_number"]
        lenient = record["route"] == "invalid"
        deadlines[number] = {
            "route": record["route"],
            "deadline": _date(path, row, "deadline", record, lenient=lenient),
            "deadline_kind": (record.get("deadline_kind") or "").strip(),
            "order": len(deadlines),
        }
    return deadlines


def _read_entries(path, deadlines):
    entries = []
    for row, record in _read_csv(path, ENTRY_COLUMNS):
        entries.append(_entry(path, row, record, deadlines))
    numbers = [entry.entry_number for entry in entries]
    if numbers != sorted(deadlines, key=lambda number: deadlines[number]["order"]):
        raise InputError(
            f"{path}: entries differ from triage.csv (each must list the same entries in the "
            f"same order); {RERUN}")
    return entries


def _entry(path, row, record, deadlines):
    number = record["entry_number"]
    route = record["route"].strip()
    if route not in ROUTES:
        raise _fail(path, row, "route", route, f"is not a route ({', '.join(ROUTES)})")
    if number not in deadlines:
        raise _fail(path, row, "entry_number", number, "is not in triage.csv")
    if deadlines[number]["route"] != route:
        raise _fail(path, row, "route", route,
                    f"differs from triage.csv ({deadlines[number]['route']!r})")
    category = (record["liquidation_category"] or "").strip()
    if category and category not in LIQUIDATION_CATEGORIES:
        raise _fail(path, row, "liquidation_category", category,
                    f"is not one of {', '.join(LIQUIDATION_CATEGORIES)} or empty")
    lenient = route == "invalid"
    return Entry(
        entry_number=number,
        importer_key=record["importer_key"].strip(),
        importer_name=record["importer_name"].strip(),
        entry_type=record["entry_type"].strip(),
        entry_date=_date(path, row, "entry_date", record, lenient=lenient),
        entry_summary_date=_date(path, row, "entry_summary_date", record, lenient=lenient),
        liquidation_category=category,
        liquidation_date=_date(path, row, "liquidation_date", record, lenient=lenient),
        warehouse=_flag(path, row, "warehouse", record),
        route=route,
        ieepa_duty=_dollars(path, row, "ieepa_duty", record),
        deadline=deadlines[number]["deadline"],
        deadline_kind=deadlines[number]["deadline_kind"],
    )


def _read_lines(path, entry_numbers):
    lines = []
    for row, record in _read_csv(path, LINE_COLUMNS):
        number = record["entry_number"]
        if number not in entry_numbers:
            raise _fail(path, row, "entry_number", number, "is not in entries.csv")
        duty = _dollars(path, row, "duty", record)
        counted = _flag(path, row, "counted", record)
        if counted != (duty > 0):
            raise _fail(path, row, "counted", record["counted"],
                        f"contradicts the duty {duty} (counted means a duty above 0.00)")
        lines.append(IeepaLine(number, record["line_number"].strip(),
                               record["tariff_ordinal"].strip(), record["hts"].strip(),
                               record["program"].strip(), record["heading_type"].strip(),
                               duty, counted))
    return lines
