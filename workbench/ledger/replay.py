"""Build a ledger from a folder of CAPE paperwork: declarations, an upload list, CBP results.

For an importer who starts keeping a ledger after the first uploads, or for a demonstration,
the folder holds:

* ``uploads.csv`` with ``declaration_file`` (path relative to the folder), ``claim_number``,
  ``upload_date`` (YYYY-MM-DD) and optionally ``importer_number`` and ``filer_code``;
* the declaration files it names;
* ``results/``: Claim Details, ES-022 and REV-603 files, imported in file-name order.

Each upload and each result file goes in through ``imports``, in its own transaction, so a
replay that stops half-way can simply be run again: what was recorded is not recorded twice.
"""

import datetime as dt
from pathlib import Path

from workbench.errors import InputError
from workbench.ledger import imports
from workbench.sources.reader import read_table

UPLOAD_COLUMNS = ("declaration_file", "claim_number", "upload_date")
RESULT_SUFFIXES = (".csv", ".txt", ".xlsx")


def replay_folder(ledger, folder):
    """Record the uploads in ``uploads.csv``, then import ``results/``; return the records."""
    folder = Path(folder)
    listing = read_table(folder / "uploads.csv").frame
    missing = [c for c in UPLOAD_COLUMNS if c not in listing.columns]
    if missing:
        raise InputError(f"{folder / 'uploads.csv'}: missing column(s) {', '.join(missing)}")

    records = []
    for row in listing.to_dict("records"):
        try:
            day = dt.date.fromisoformat(row["upload_date"].strip())
        except ValueError:
            raise InputError(f"uploads.csv row {row['_row']}: upload_date {row['upload_date']!r} "
                             f"is not YYYY-MM-DD") from None
        records.append(imports.record_upload(
            ledger, folder / row["declaration_file"], row["claim_number"], day,
            row.get("importer_number", ""), row.get("filer_code", "")))

    results = sorted(p for p in (folder / "results").glob("*")
                     if p.suffix.lower() in RESULT_SUFFIXES)
    records.extend(imports.import_results(ledger, path) for path in results)
    return records
