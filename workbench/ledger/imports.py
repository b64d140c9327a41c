"""Put what happened after triage into the ledger: uploads, and CBP's result files.

``record_upload`` marks the entries of a declaration file ``declared``: the file is found by
its SHA-256 among the files triage or re-filing wrote, and a file made elsewhere is read and
registered. ``import_results`` reads a Claim Details, ES-022 or REV-603 file and adds one
event per row, in one transaction. Importing the same bytes again is refused as a no-op by
SHA-256, and a row that repeats a recorded fact (a re-saved or overlapping report) adds
nothing, so importing twice changes nothing.

How rows become statuses:

* Claim Details: ``STATUS`` through the claim-status table in ``cbp_messages.yaml``, with
  ``ERROR_DESCRIPTION`` as the message; an unknown status is kept as received, as ``declared``.
* ES-022: ``liquidated`` when the row has a refund number, a liquidation date or an amount.
  Otherwise ``accepted``, because CAPE took the entry but has not computed the refund yet.
* REV-603: the secondary status through the refund-status table; an unknown one is kept as
  received, as ``liquidated``.
"""

import dataclasses
import datetime as dt
import logging
from pathlib import Path

import pandas as pd

from workbench.errors import InputError
from workbench.identifiers import entry_number
from workbench.ledger import importer_key, lifecycle, messages
from workbench.outputs import sha256_file
from workbench.sources import cbp_results as results

log = logging.getLogger(__name__)

DECLARATION_HEADER = "entry number"


@dataclasses.dataclass(frozen=True)
class UploadRecord:
    """Outcome of ``record_upload``: the file, the upload and the entries already with CBP."""

    file_id: int
    upload_id: int
    entries: int
    claim_number: str
    upload_date: dt.date
    already_recorded: bool
    registered_now: bool
    already_declared: tuple


@dataclasses.dataclass(frozen=True)
class ImportRecord:
    """Outcome of ``import_results``: rows read, events added and statuses not recognised."""

    path: Path
    kind: str
    label: str
    rows: int
    events_added: int
    already_imported: bool
    unrecognised_statuses: tuple
    entries_not_declared: int
    warnings: tuple


def read_declaration(path):
    """Return the entry numbers of a CAPE declaration file; raise ``InputError`` if it is not one."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: declaration file not found") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a text file; give the CAPE declaration CSV") from None
    lines = [line.strip().strip(",") for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines or results.header_key(lines[0]) != DECLARATION_HEADER:
        raise InputError(f"{path.name}: the first line must be the header 'Entry Number' of a "
                         f"CAPE declaration file")
    numbers, bad = [], []
    for row, value in enumerate(lines[1:], start=2):
        try:
            numbers.append(entry_number.validate_shape(value))
        except ValueError as error:
            bad.append(f"row {row} {value!r} ({error})")
    if bad:
        raise InputError(
            f"{path.name}: {len(bad)} invalid entry number(s), first {bad[0]}. CBP rejects a "
            f"whole file for one bad number, so this file was not accepted as uploaded; "
            f"nothing was recorded")
    if not numbers:
        raise InputError(f"{path.name}: the declaration lists no entry numbers")
    return sorted(set(numbers))


def record_upload(ledger, path, claim_number="", upload_date=None, importer="", filer_code=""):
    """Record that a declaration file was uploaded on the CAPE tab; return an ``UploadRecord``.

    Recording the same upload again changes nothing; adding the claim number to an upload
    recorded without one fills it in. A second upload under another claim number is rejected
    while CBP has any of the file's entries, because CBP rejects a repeated entry as
    previously submitted.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: declaration file not found")
    sha256 = sha256_file(path)
    upload_date = upload_date or dt.date.today()
    claim_number = str(claim_number or "").strip()

    with ledger.transaction():
        known = ledger.declaration_file_by_sha(sha256)
        registered_now = known is None
        if known is None:
            numbers = read_declaration(path)
            key = importer_key.normalise(importer)
            file_id = ledger.add_declaration_file(path, sha256, key, filer_code, numbers)
        else:
            file_id, key = int(known["file_id"]), known["importer_key"]
            numbers = ledger.declaration_entries(file_id)

        states = ledger.entry_states()
        repeats = tuple(n for n in numbers if n in states and states[n].blocks_declaration)
        earlier = _earlier_upload(ledger, path, file_id, claim_number, repeats)
        if earlier is not None:
            return UploadRecord(file_id, int(earlier["upload_id"]), len(numbers),
                                earlier["claim_number"] or claim_number,
                                _to_date(earlier["upload_date"]), True, False, ())

        upload_id = ledger.add_upload(file_id, claim_number, upload_date)
        events = pd.DataFrame({"entry_number": numbers})
        events["status"] = lifecycle.DECLARED
        events["event_date"] = upload_date
        events["claim_number"] = claim_number
        events["file_id"] = file_id
        events["upload_id"] = upload_id
        events["importer_key"] = key
        ledger.add_events(events)

    log.info("ledger %s: recorded upload of %s (%d entries, claim %s)", ledger.path, path.name,
             len(numbers), claim_number or "not given")
    return UploadRecord(file_id, upload_id, len(numbers), claim_number, upload_date, False,
                        registered_now, repeats)


def _earlier_upload(ledger, path, file_id, claim_number, repeats):
    """Return the upload already recorded for this file and claim, or None for a new upload.

    An upload recorded without a claim number gets this one. The same bytes may be uploaded
    again under a new claim once CBP rejected every entry (a re-file of the same entries).
    While CBP still has any of them, a second claim raises ``InputError``.
    """
    uploads = ledger.uploads_of(file_id)
    for upload in uploads.to_dict("records"):
        if upload["claim_number"] == claim_number or not claim_number:
            return upload
        if not upload["claim_number"]:
            ledger.set_claim_number(upload["upload_id"], claim_number)
            upload["claim_number"] = claim_number
            return upload
    if uploads.empty or not repeats:
        return None
    recorded = ", ".join(sorted(uploads["claim_number"]))
    raise InputError(
        f"{path.name}: already recorded as uploaded under claim number {recorded}, and CBP "
        f"still has {len(repeats)} of its entries (first: {repeats[0]}). CBP rejects entries "
        f"declared twice as previously submitted; follow the first claim instead of recording "
        f"a second one")


def import_results(ledger, path, on_events_added=None):
    """Import one CBP result file in one transaction; return an ``ImportRecord``.

    ``on_events_added`` is called inside the transaction after the rows are inserted and
    before the commit, so a test can stop the process at the worst moment.
    """
    parsed = results.read_results(path)
    with ledger.transaction():
        if ledger.result_file_by_sha(parsed.sha256) is not None:
            return ImportRecord(parsed.path, parsed.kind, parsed.label, len(parsed.frame), 0,
                                True, (), 0, tuple(parsed.warnings))
        result_file_id = ledger.add_result_file(parsed.path, parsed.sha256, parsed.kind,
                                                len(parsed.frame))
        events, unrecognised = EVENT_BUILDERS[parsed.kind](parsed.frame)
        events["result_file_id"] = result_file_id
        added = ledger.add_events(events)
        ledger.set_result_event_count(result_file_id, added)
        if on_events_added is not None:
            on_events_added()
        declared = set(ledger.query(
            "SELECT DISTINCT entry_number FROM declaration_entries")["entry_number"])

    not_declared = len(set(events["entry_number"]) - declared)
    log.info("ledger %s: imported %s (%s): %d rows, %d new events", ledger.path,
             parsed.path.name, parsed.label, len(parsed.frame), added)
    return ImportRecord(parsed.path, parsed.kind, parsed.label, len(parsed.frame), added, False,
                        tuple(sorted(unrecognised)), not_declared, tuple(parsed.warnings))


def _column(frame, name, default=""):
    return frame[name] if name in frame else pd.Series(default, index=frame.index, dtype=object)


def _base_events(frame):
    events = pd.DataFrame({"entry_number": frame[results.ENTRY]})
    events["importer_key"] = _column(frame, results.IMPORTER).map(importer_key.normalise)
    events["claim_number"] = _column(frame, results.CLAIM)
    events["refund_number"] = _column(frame, results.REFUND)
    return events


def _claim_details_events(frame):
    mapped = frame[results.STATUS].map(messages.claim_status)
    events = _base_events(frame)
    events["status"] = [status for status, _ in mapped]
    events["cbp_status_text"] = frame[results.STATUS]
    events["message"] = _column(frame, results.ERROR)
    events["event_date"] = _column(frame, results.STATUS_DATE, None)
    unrecognised = {text for text, (_, known) in zip(frame[results.STATUS], mapped) if not known}
    return events, unrecognised


def _es022_events(frame):
    events = _base_events(frame)
    events["principal_cents"] = frame[results.PRINCIPAL]
    events["interest_cents"] = frame[results.INTEREST]
    events["amount_cents"] = _column(frame, results.TOTAL, None)
    liquidation = _column(frame, results.LIQUIDATION_DATE, None)
    refunded = (events["refund_number"].astype(str) != "") | liquidation.notna() | (
        frame[results.PRINCIPAL].fillna(0) != 0) | (frame[results.INTEREST].fillna(0) != 0)
    events["status"] = [lifecycle.LIQUIDATED if r else lifecycle.ACCEPTED for r in refunded]
    dates = liquidation.where(liquidation.notna(), _column(frame, results.REFUND_DATE, None))
    events["event_date"] = dates.where(dates.notna(), _column(frame, results.STATUS_DATE, None))
    return events, set()


def _rev603_events(frame):
    mapped = frame[results.SECONDARY_STATUS].map(messages.refund_status)
    events = _base_events(frame)
    events["status"] = [status for status, _ in mapped]
    events["cbp_status_text"] = frame[results.SECONDARY_STATUS]
    events["amount_cents"] = frame[results.AMOUNT]
    events["principal_cents"] = _column(frame, results.PRINCIPAL, None)
    events["interest_cents"] = _column(frame, results.INTEREST, None)
    dates = _column(frame, results.STATUS_DATE, None)
    events["event_date"] = dates.where(dates.notna(), _column(frame, results.REFUND_DATE, None))
    unrecognised = {text for text, (_, known) in zip(frame[results.SECONDARY_STATUS], mapped)
                    if not known}
    return events, unrecognised


EVENT_BUILDERS = {
    results.CLAIM_DETAILS: _claim_details_events,
    results.ES022: _es022_events,
    results.REV603: _rev603_events,
}


def _to_date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(value).date()
