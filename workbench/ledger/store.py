"""The declaration ledger: one DuckDB file with every declaration and CBP's results for it.

``Ledger.open(path)`` creates the file and its tables when missing and migrates an older
schema. It holds DuckDB's file lock until closed, because DuckDB lets one process write a
file at a time. A second process waits with growing pauses and gives up with a
``LedgerBusyError`` naming the file after ``timeout`` seconds. Every change goes through
``transaction()``, so a process killed half-way leaves the ledger as it was before.

Status decision: a declaration file that triage writes records its entries as ``written``,
and only an upload (``record_upload``) or a CBP report makes them ``declared`` or later.
``EntryState.blocks_declaration`` is true for every status but ``written`` and ``rejected``;
that is what routes an entry ``declared`` with ``ALREADY_DECLARED``. A file that was written
but never uploaded therefore does not stop the next triage from listing its entries again.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "cape_declaration_001.csv").write_text("Entry Number\\nZZZ00000029\\n")
25
>>> with Ledger.open(folder / "ledger.duckdb") as ledger:
...     ledger.record_run({"as_of": "2026-12-04", "inputs": [], "rule_tables": {}},
...                       [{"path": str(folder / "cape_declaration_001.csv"), "sha256": "ab12",
...                         "importer_key": "12-345678900", "filer_code": "",
...                         "entries": ["ZZZ-0000002-9"]}])
...     state = ledger.entry_states()["ZZZ00000029"]
1
>>> state.status, state.blocks_declaration, state.importer_key
('written', False, '12345678900')
"""

import contextlib
import datetime as dt
import json
import logging
import re
import time
from pathlib import Path

import duckdb
import pandas as pd

from workbench.errors import InputError
from workbench.identifiers import entry_number
from workbench.ledger import importer_key, lifecycle, schema
from workbench.ledger.lifecycle import EntryState, Event  # noqa: F401  (re-exported)

log = logging.getLogger(__name__)

DEFAULT_PATH = "workbench_ledger.duckdb"
DEFAULT_LOCK_TIMEOUT = 60.0
FIRST_RETRY_DELAY = 0.05
MAX_RETRY_DELAY = 1.0
_LOCK_HOLDER = re.compile(r"\(PID (\d+)\)")

# Columns of status_events written by add_events, in order.
EVENT_COLUMNS = [
    "entry_number", "status", "event_date", "claim_number", "message", "file_id", "upload_id",
    "run_id", "result_file_id", "cbp_status_text", "importer_key", "refund_number",
    "principal_cents", "interest_cents", "amount_cents",
]
# Two events equal on these columns are the same fact reported twice.
EVENT_IDENTITY = [c for c in EVENT_COLUMNS if c not in ("run_id", "result_file_id")]


class LedgerBusyError(InputError):
    """Another process held the ledger file for longer than the caller would wait."""


class Ledger:
    """An open ledger file; use ``Ledger.open`` and close it (or use it as a context manager)."""

    def __init__(self, path, connection):
        self.path = Path(path)
        self.connection = connection

    @classmethod
    def open(cls, path=DEFAULT_PATH, create=True, timeout=DEFAULT_LOCK_TIMEOUT):
        """Open (and create or migrate) the ledger at ``path``; wait up to ``timeout`` s for the lock."""
        path = Path(path)
        if not create and not path.exists():
            raise InputError(f"{path}: ledger not found; give the --ledger path used with "
                             f"triage and record-upload")
        if path.is_dir():
            raise InputError(f"{path}: is a folder; give the path of the ledger file")
        connection = _connect(path, timeout)
        try:
            applied = schema.migrate(connection, path)
        except BaseException:
            connection.close()
            raise
        if applied:
            log.info("ledger %s: applied schema migration(s) %s", path, applied)
        return cls(path, connection)

    def close(self):
        """Close the file and release its lock."""
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    @contextlib.contextmanager
    def transaction(self):
        """Run the block in one transaction: commit at the end, roll back on any exception."""
        self.connection.begin()
        try:
            yield self
        except BaseException:
            self.connection.rollback()
            raise
        self.connection.commit()

    def schema_version(self):
        """Return the schema version of the open file."""
        return schema.current_version(self.connection)

    # Reading -----------------------------------------------------------------------------

    def query(self, sql, parameters=None):
        """Return the result of a read query as a pandas DataFrame."""
        return self.connection.execute(sql, parameters or []).df()

    def events(self, entry_numbers=None):
        """Return status events in recorded order, with the declaration file's path."""
        where, parameters = "", []
        if entry_numbers is not None:
            where = "WHERE e.entry_number IN (SELECT unnest(?))"
            parameters = [sorted(entry_numbers)]
        return self.query(f"""
            SELECT e.*, coalesce(f.path, '') AS declaration_file,
                   CAST(e.recorded_at AS DATE) AS recorded_on
            FROM status_events e LEFT JOIN declaration_files f USING (file_id)
            {where}
            ORDER BY e.event_id""", parameters)

    def entry_states(self):
        """Return {entry number: ``EntryState``} with the latest state of every entry."""
        rows = self._execute("""
            SELECT e.entry_number, e.status, e.event_date, e.claim_number, e.message,
                   coalesce(f.path, ''), coalesce(e.importer_key, ''),
                   coalesce(e.cbp_status_text, ''), CAST(e.recorded_at AS DATE)
            FROM status_events e LEFT JOIN declaration_files f USING (file_id)
            ORDER BY e.event_id""")
        states = {}
        for number, *fields in rows:
            event = Event(number, *fields)
            states[number] = lifecycle.apply(states.get(number), event)
        return dict(sorted(states.items()))

    def already_declared(self):
        """Return the states of entries CBP already has (those triage routes ``declared``)."""
        return {number: state for number, state in self.entry_states().items()
                if state.blocks_declaration}

    def declaration_file_by_sha(self, sha256):
        """Return the declaration_files row with this SHA-256 as a dict, or None."""
        rows = self.query("SELECT * FROM declaration_files WHERE sha256 = ?", [sha256])
        return None if rows.empty else rows.iloc[0].to_dict()

    def declaration_entries(self, file_id):
        """Return the entry numbers of a declaration file, sorted."""
        rows = self._execute(
            "SELECT entry_number FROM declaration_entries WHERE file_id = ? ORDER BY 1",
            [file_id])
        return [row[0] for row in rows]

    def uploads_of(self, file_id):
        """Return the recorded uploads of a declaration file."""
        return self.query("SELECT * FROM uploads WHERE file_id = ? ORDER BY upload_id", [file_id])

    def result_file_by_sha(self, sha256):
        """Return the result_files row with this SHA-256 as a dict, or None."""
        rows = self.query("SELECT * FROM result_files WHERE sha256 = ?", [sha256])
        return None if rows.empty else rows.iloc[0].to_dict()

    def counts(self):
        """Return the number of rows per table, a quick fingerprint of the ledger's content."""
        tables = ["runs", "declaration_files", "declaration_entries", "uploads", "status_events",
                  "result_files"]
        return {table: self._execute(f"SELECT count(*) FROM {table}")[0][0]
                for table in tables}

    # Writing -----------------------------------------------------------------------------

    def record_run(self, summary, declaration_files, kind="triage"):
        """Record one run (triage or re-file) and the declaration files it wrote; return its id.

        ``summary`` is the run's summary.json content (``as_of``, ``inputs`` with SHA-256,
        ``rule_tables``). Each item of ``declaration_files`` has ``path``, ``sha256``,
        ``importer_key``, ``filer_code`` and ``entries``. Their entries become ``written``; an
        entry CBP already has keeps its later status (see ``lifecycle``).
        """
        with self.transaction():
            run_id = self._next_id("runs", "run_id")
            self._execute(
                "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?)",
                [run_id, kind, _parse_day(summary.get("as_of")),
                 _json(summary.get("inputs", [])), _json(summary.get("rule_tables", {})),
                 _json(summary), dt.datetime.now()])
            for item in declaration_files:
                self._record_written_file(run_id, item)
        log.info("ledger %s: recorded %s run %d with %d declaration file(s)",
                 self.path, kind, run_id, len(declaration_files))
        return run_id

    def _record_written_file(self, run_id, item):
        numbers = sorted({entry_number.compact(n) for n in item["entries"]})
        # Triage's own file records name the importer folder under "importer".
        key = importer_key.normalise(item.get("importer_key") or item.get("importer", ""))
        file_id = self.add_declaration_file(
            item["path"], item["sha256"], key, item.get("filer_code", ""), numbers, run_id)
        events = pd.DataFrame({"entry_number": numbers})
        events["status"] = lifecycle.WRITTEN
        events["event_date"] = dt.date.today()
        events["file_id"] = file_id
        events["run_id"] = run_id
        events["importer_key"] = key
        self.add_events(events)

    def add_declaration_file(self, path, sha256, key, filer_code, numbers, run_id=None):
        """Register a declaration file and its entries (once per SHA-256); return its file_id.

        Call inside ``transaction()``.
        """
        existing = self.declaration_file_by_sha(sha256)
        if existing is not None:
            return int(existing["file_id"])
        file_id = self._next_id("declaration_files", "file_id")
        self._execute(
            "INSERT INTO declaration_files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [file_id, run_id, str(path), sha256, key, filer_code or "", len(numbers),
             dt.datetime.now()])
        entries = pd.DataFrame({"file_id": file_id, "entry_number": list(numbers)})
        self.connection.register("incoming_entries", entries)
        try:
            self._execute(
                "INSERT INTO declaration_entries SELECT file_id, entry_number FROM incoming_entries")
        finally:
            self.connection.unregister("incoming_entries")
        return file_id

    def add_upload(self, file_id, claim_number, upload_date):
        """Record an upload of a declaration file; return its upload_id. Call in a transaction."""
        upload_id = self._next_id("uploads", "upload_id")
        self._execute("INSERT INTO uploads VALUES (?, ?, ?, ?, ?)",
                                [upload_id, file_id, claim_number, upload_date,
                                 dt.datetime.now()])
        return upload_id

    def set_claim_number(self, upload_id, claim_number):
        """Fill in the claim number of an upload recorded without one. Call in a transaction."""
        self._execute("UPDATE uploads SET claim_number = ? WHERE upload_id = ?",
                                [claim_number, upload_id])
        self._execute(
            "UPDATE status_events SET claim_number = ? WHERE upload_id = ?",
            [claim_number, upload_id])

    def add_result_file(self, path, sha256, kind, row_count):
        """Register an imported result file; return its id. Call in a transaction."""
        result_file_id = self._next_id("result_files", "result_file_id")
        self._execute(
            "INSERT INTO result_files VALUES (?, ?, ?, ?, ?, ?, ?)",
            [result_file_id, str(path), sha256, kind, row_count, 0, dt.datetime.now()])
        return result_file_id

    def set_result_event_count(self, result_file_id, count):
        """Store how many new events an imported file added. Call in a transaction."""
        self._execute(
            "UPDATE result_files SET event_count = ? WHERE result_file_id = ?",
            [count, result_file_id])

    def add_events(self, frame):
        """Insert status events that are not already recorded; return how many were new.

        ``frame`` has ``entry_number`` and ``status`` and any other ``EVENT_COLUMNS``. An
        event equal to a recorded one on ``EVENT_IDENTITY`` (the same fact from a re-saved or
        overlapping report) is skipped. Event ids follow the frame's row order.
        """
        incoming = _event_frame(frame)
        unknown = set(incoming["status"]) - set(lifecycle.STATUSES)
        if unknown:
            raise ValueError(f"unknown ledger status(es) {sorted(unknown)}")
        incoming = incoming.drop_duplicates(subset=EVENT_IDENTITY, keep="first")
        incoming.insert(0, "position", range(len(incoming)))
        same = " AND ".join(f"e.{c} IS NOT DISTINCT FROM i.{c}" for c in EVENT_IDENTITY)
        first_id = self._next_id("status_events", "event_id")
        self.connection.register("incoming_events", incoming)
        try:
            before = self._count("status_events")
            self._execute(f"""
                INSERT INTO status_events ({', '.join(["event_id", *EVENT_COLUMNS, "recorded_at"])})
                SELECT {first_id} + row_number() OVER (ORDER BY i.position) - 1,
                       {', '.join(f'i.{c}' for c in EVENT_COLUMNS)}, ?
                FROM incoming_events i
                WHERE NOT EXISTS (SELECT 1 FROM status_events e WHERE {same})
                ORDER BY i.position""", [dt.datetime.now()])
            return self._count("status_events") - before
        finally:
            self.connection.unregister("incoming_events")

    def _execute(self, sql, parameters=None):
        # DuckDB refuses the next statement until a result is fully fetched.
        return self.connection.execute(sql, parameters or []).fetchall()

    def _next_id(self, table, column):
        return self._execute(
            f"SELECT coalesce(max({column}), 0) + 1 FROM {table}")[0][0]

    def _count(self, table):
        return self._execute(f"SELECT count(*) FROM {table}")[0][0]


def _connect(path, timeout):
    """Open the DuckDB file, retrying with growing pauses while another process has it locked."""
    deadline = time.monotonic() + timeout
    delay, attempts = FIRST_RETRY_DELAY, 0
    while True:
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as error:
            text = str(error)
            if "lock" not in text.lower():
                raise InputError(f"{path}: cannot open the ledger ({text})") from None
            attempts += 1
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                holder = _LOCK_HOLDER.search(text)
                owner = f"process {holder.group(1)}" if holder else "another process"
                raise LedgerBusyError(
                    f"{path}: the ledger is in use by {owner}; waited {timeout:g} s over "
                    f"{attempts} attempts. Run the command again when that process has "
                    f"finished") from None
            if attempts == 1:
                log.warning("ledger %s is in use by another process; waiting up to %g s",
                            path, timeout)
            time.sleep(min(delay, remaining))
            delay = min(delay * 2, MAX_RETRY_DELAY)
        except duckdb.Error as error:
            raise InputError(f"{path}: not a readable ledger file ({error})") from None


def _event_frame(frame):
    incoming = frame.copy()
    for column in EVENT_COLUMNS:
        if column not in incoming:
            incoming[column] = None
    for column in ("claim_number", "message", "cbp_status_text", "importer_key",
                   "refund_number"):
        incoming[column] = incoming[column].fillna("").astype(str)
    for column in ("file_id", "upload_id", "run_id", "result_file_id", "principal_cents",
                   "interest_cents", "amount_cents"):
        incoming[column] = pd.array(incoming[column], dtype="Int64")
    incoming["event_date"] = pd.to_datetime(incoming["event_date"]).dt.date
    incoming["event_date"] = incoming["event_date"].astype(object).where(
        incoming["event_date"].notna(), None)
    return incoming[EVENT_COLUMNS].reset_index(drop=True)


def _as_date(value):
    if value is None or pd.isna(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(value).date()


def _parse_day(value):
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"summary as_of {value!r} is not a date of the form YYYY-MM-DD") from None


def _json(value):
    return json.dumps(value, sort_keys=True, default=str)
