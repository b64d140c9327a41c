"""Read what the claim value model needs from the folders earlier commands wrote.

From a ``workbench triage`` folder: ``triage.csv`` (route, reason codes and deadline of each
entry), ``summary.json`` (the as-of date, declaration files, exception counts) and nothing else.
From an optional ``workbench estimate`` folder: ``estimate.csv``, one row per entry with its
principal and interest. Without it, the principal of an entry is its IEEPA duty and its interest
is 0, and ``ClaimData.refund_basis`` records that assumption. From an optional ``workbench drawback`` folder:
the claim total in ``claim_summary.json``.

An unusable value raises ``InputError`` naming the file, the row (the header is row 1), the
column and the fix.
"""

import csv
import dataclasses
import datetime as dt
import json
import logging
from decimal import Decimal, InvalidOperation
from pathlib import Path

from workbench.errors import InputError

log = logging.getLogger(__name__)

TRIAGE_COLUMNS = ("entry_number", "importer_number", "filer_code", "route", "reason_codes",
                  "deadline", "deadline_kind", "ieepa_duty")
ESTIMATE_COLUMNS = ("entry_number", "principal", "interest")
RERUN_TRIAGE = "rerun workbench triage into a new folder"


@dataclasses.dataclass(frozen=True)
class ClaimEntry:
    """One entry of the triage with the refund it may bring."""

    entry_number: str
    importer_number: str
    filer_code: str
    route: str
    reason_codes: tuple
    deadline: dt.date
    deadline_kind: str
    principal: Decimal
    interest: Decimal

    @property
    def refund(self):
        return self.principal + self.interest


@dataclasses.dataclass(frozen=True)
class ClaimData:
    """The entries of one triage and the figures read beside them."""

    as_of: dt.date
    entries: tuple
    declaration_files: int
    handoff_files: int
    exception_errors: int
    exception_warnings: int
    refund_basis: str
    drawback_recovery: Decimal = None
    drawback_basis: str = ""


def read_claim_data(triage_dir, estimate_dir=None, drawback_dir=None):
    """Read a triage folder and, when given, an estimate folder and a drawback folder."""
    triage_dir = Path(triage_dir)
    summary = _read_json(triage_dir / "summary.json", RERUN_TRIAGE)
    entries = _read_triage(triage_dir / "triage.csv")
    refund_basis = ("principal = IEEPA duty, interest 0 (no estimate folder given; run "
                    "workbench estimate for interest)")
    if estimate_dir is not None:
        entries, incomplete = _apply_estimate(entries, Path(estimate_dir) / "estimate.csv")
        refund_basis = "principal and interest from workbench estimate"
        if incomplete:
            refund_basis += (f"; interest incomplete for {incomplete} entries (a quarter "
                             f"without a published rate), so their refund is understated")
    drawback_recovery, drawback_basis = None, ""
    if drawback_dir is not None:
        drawback_recovery = _read_drawback_total(Path(drawback_dir) / "claim_summary.json")
        drawback_basis = "claim total from workbench drawback"
    data = ClaimData(
        as_of=_summary_date(summary, triage_dir / "summary.json"),
        entries=tuple(entries),
        declaration_files=len(summary.get("declaration_files", [])),
        handoff_files=len(summary.get("handoff_files", [])),
        exception_errors=int(summary.get("exceptions", {}).get("errors", 0)),
        exception_warnings=int(summary.get("exceptions", {}).get("warnings", 0)),
        refund_basis=refund_basis,
        drawback_recovery=drawback_recovery,
        drawback_basis=drawback_basis,
    )
    log.info("read %d entries from %s", len(data.entries), triage_dir)
    return data


def _read_json(path, fix):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: file not found; {fix}") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: not valid JSON ({error}); {fix}") from None


def _summary_date(summary, path):
    try:
        return dt.date.fromisoformat(summary["as_of"])
    except (KeyError, TypeError, ValueError):
        raise InputError(f"{path}: missing or invalid as_of; {RERUN_TRIAGE}") from None


def _read_rows(path, required, fix):
    """Yield (row number, record) from a CSV file after checking its header."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        raise InputError(f"{path}: file not found; {fix}") from None
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: missing column {missing[0]!r}; {fix}")
        for row, record in enumerate(reader, start=2):
            yield row, record


def _read_triage(path):
    entries = []
    for row, record in _read_rows(path, TRIAGE_COLUMNS, RERUN_TRIAGE):
        duty = _amount(record["ieepa_duty"], path, row, "ieepa_duty")
        entries.append(ClaimEntry(
            entry_number=record["entry_number"],
            importer_number=record["importer_number"],
            filer_code=record["filer_code"],
            route=record["route"],
            reason_codes=tuple(code for code in record["reason_codes"].split(";") if code),
            deadline=_date(record["deadline"], path, row, "deadline"),
            deadline_kind=record["deadline_kind"],
            principal=duty,
            interest=Decimal("0.00"),
        ))
    return entries


def _apply_estimate(entries, path):
    """Return the entries with the estimate's principal and interest, and the count of
    entries whose interest the estimate left incomplete (a quarter without a rate)."""
    fix = "rerun workbench estimate on the same triage folder"
    figures, incomplete = {}, 0
    for row, record in _read_rows(path, ESTIMATE_COLUMNS, fix):
        principal = _amount(record["principal"], path, row, "principal")
        interest_text = record["interest"].strip()
        interest = (_amount(interest_text, path, row, "interest") if interest_text
                    else Decimal("0.00"))
        figures[record["entry_number"]] = (principal, interest)
        incomplete += record.get("interest_complete", "").strip().lower() == "false"
    unmatched = [e.entry_number for e in entries if e.entry_number not in figures]
    if unmatched:
        raise InputError(f"{path}: entry {unmatched[0]} of triage.csv has no row "
                         f"({len(unmatched)} missing); {fix}")
    entries = [dataclasses.replace(e, principal=figures[e.entry_number][0],
                                   interest=figures[e.entry_number][1]) for e in entries]
    return entries, incomplete


def _read_drawback_total(path):
    summary = _read_json(path, "rerun workbench drawback")
    try:
        return Decimal(str(summary["total"]))
    except (KeyError, InvalidOperation):
        raise InputError(f"{path}: missing or invalid 'total'; rerun workbench drawback") from None


def _amount(text, path, row, column):
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise InputError(f"{path}: row {row}, column {column}: {text!r} is not a dollar "
                         f"amount; {RERUN_TRIAGE}") from None
    if not value.is_finite():
        raise InputError(f"{path}: row {row}, column {column}: {text!r} is not a dollar amount")
    return value


def _date(text, path, row, column):
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{path}: row {row}, column {column}: {text!r} is not a "
                         f"YYYY-MM-DD date; {RERUN_TRIAGE}") from None
