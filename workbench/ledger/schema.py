"""The ledger's tables and the ordered migrations that build them.

The ``schema_version`` table has one row per migration applied. Opening a ledger applies
every later migration, each in its own transaction together with its version row, so a file
is always at one whole version. A file written by a newer workbench is refused rather than
read with the wrong meaning.

Money is stored in whole cents (BIGINT). Dates are those of the documents (an upload date,
a date column of a CBP report); ``recorded_at`` is when the workbench stored the row. The
tables carry no foreign keys: DuckDB checks them on updates of the referenced rows too, and
every write goes through ``store.Ledger``, which keeps the references.

>>> [migration.version for migration in MIGRATIONS]
[1, 2]
"""

import dataclasses
import datetime as dt

from workbench.errors import InputError


@dataclasses.dataclass(frozen=True)
class Migration:
    """One step of the schema: its version number, what it adds, and its SQL statements."""

    version: int
    description: str
    statements: tuple


MIGRATIONS = (
    Migration(1, "triage runs, declaration files, uploads and entry status history", (
        """CREATE TABLE runs (
            run_id BIGINT PRIMARY KEY,
            kind VARCHAR NOT NULL,
            as_of DATE,
            inputs_json VARCHAR NOT NULL,
            rule_tables_json VARCHAR NOT NULL,
            summary_json VARCHAR NOT NULL,
            recorded_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE declaration_files (
            file_id BIGINT PRIMARY KEY,
            run_id BIGINT,
            path VARCHAR NOT NULL,
            sha256 VARCHAR NOT NULL UNIQUE,
            importer_key VARCHAR NOT NULL,
            filer_code VARCHAR NOT NULL,
            entry_count INTEGER NOT NULL,
            recorded_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE declaration_entries (
            file_id BIGINT NOT NULL,
            entry_number VARCHAR NOT NULL,
            PRIMARY KEY (file_id, entry_number))""",
        """CREATE TABLE uploads (
            upload_id BIGINT PRIMARY KEY,
            file_id BIGINT NOT NULL,
            claim_number VARCHAR NOT NULL,
            upload_date DATE NOT NULL,
            recorded_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE status_events (
            event_id BIGINT PRIMARY KEY,
            entry_number VARCHAR NOT NULL,
            status VARCHAR NOT NULL,
            event_date DATE,
            claim_number VARCHAR NOT NULL,
            message VARCHAR NOT NULL,
            file_id BIGINT,
            upload_id BIGINT,
            run_id BIGINT,
            recorded_at TIMESTAMP NOT NULL)""",
        "CREATE INDEX status_events_entry ON status_events (entry_number)",
    )),
    Migration(2, "imported CBP result files and the refund amounts they report", (
        """CREATE TABLE result_files (
            result_file_id BIGINT PRIMARY KEY,
            path VARCHAR NOT NULL,
            sha256 VARCHAR NOT NULL UNIQUE,
            kind VARCHAR NOT NULL,
            row_count INTEGER NOT NULL,
            event_count INTEGER NOT NULL,
            imported_at TIMESTAMP NOT NULL)""",
        "ALTER TABLE status_events ADD COLUMN result_file_id BIGINT",
        "ALTER TABLE status_events ADD COLUMN cbp_status_text VARCHAR DEFAULT ''",
        "ALTER TABLE status_events ADD COLUMN importer_key VARCHAR DEFAULT ''",
        "ALTER TABLE status_events ADD COLUMN refund_number VARCHAR DEFAULT ''",
        "ALTER TABLE status_events ADD COLUMN principal_cents BIGINT",
        "ALTER TABLE status_events ADD COLUMN interest_cents BIGINT",
        "ALTER TABLE status_events ADD COLUMN amount_cents BIGINT",
    )),
)

LATEST_VERSION = MIGRATIONS[-1].version


def current_version(connection):
    """Return the schema version of an open ledger (0 for a new, empty file)."""
    exists = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    return connection.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


def migrate(connection, path, target=LATEST_VERSION):
    """Apply the migrations after the file's version up to ``target``; return those applied."""
    version = current_version(connection)
    if version > LATEST_VERSION:
        raise InputError(
            f"{path}: ledger schema version {version} is newer than this workbench supports "
            f"({LATEST_VERSION}); upgrade the workbench to open it")
    if version == 0:
        _run(connection, ["""CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY,
            description VARCHAR NOT NULL,
            applied_at TIMESTAMP NOT NULL)"""])

    applied = []
    for migration in MIGRATIONS:
        if version < migration.version <= target:
            _apply(connection, migration)
            applied.append(migration.version)
    return applied


def _apply(connection, migration):
    connection.begin()
    try:
        for statement in migration.statements:
            connection.execute(statement).fetchall()
        connection.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                           [migration.version, migration.description, dt.datetime.now()]
                           ).fetchall()
        connection.commit()
    except BaseException:
        connection.rollback()
        raise


def _run(connection, statements):
    for statement in statements:
        connection.execute(statement).fetchall()
