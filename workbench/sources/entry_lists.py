"""Lists of entry numbers passed beside ES-003: open protests, drawback designations.

Such a list is a CSV (or TXT or XLSX) with an entry-number column under any header the ES-003
loader accepts for it (``Entry Summary Number``, ``Entry Number``, ...). Other columns are not
read. Numbers are normalised like ES-003 entry numbers, so ``ABC-1234567-6`` matches
``ABC12345676``.
"""

import dataclasses

from workbench.errors import InputError
from workbench.sources import columns as col
from workbench.sources.es003_cells import classify_entry_number
from workbench.sources.reader import read_table
from workbench.outputs import sha256_file


@dataclasses.dataclass
class EntryList:
    """The entry numbers of one side file and where each was found."""

    path: object
    numbers: frozenset
    rows: dict
    input_record: dict


def read_entry_list(path, purpose, findings):
    """Read the entry numbers of a side file; report rows without a usable number."""
    table = read_table(path)
    frame = table.frame
    if col.ENTRY_NUMBER not in frame:
        accepted = ", ".join([col.ENTRY_NUMBER, *col.SYNONYMS[col.ENTRY_NUMBER]])
        raise InputError(
            f"{table.path.name}: the {purpose} list has no entry-number column; name it one of: "
            f"{accepted}")

    rows = {}
    for file, row, value in zip(frame["_file"], frame["_row"], frame[col.ENTRY_NUMBER]):
        key, state, detail = classify_entry_number(value)
        if state in ("ok", "repaired", "check_digit"):
            rows.setdefault(key, row)
            continue
        findings.add(file, int(row), col.ENTRY_NUMBER, value, "SIDE_FILE_INVALID_ENTRY", "error",
                     f"the {purpose} list names no usable entry number here ({detail}); the "
                     f"entry it meant is not excluded, so fix the list and run again")
    record = {"file": table.path.name, "path": str(table.path),
              "sha256": sha256_file(table.path), "rows": len(frame), "purpose": purpose}
    return EntryList(table.path, frozenset(rows), rows, record)


def report_unmatched(entry_list, known, purpose, findings):
    """Report list entries that are in no ES-003 input (a pull that may be incomplete)."""
    for key in sorted(entry_list.numbers - set(known)):
        findings.add(entry_list.path.name, int(entry_list.rows[key]), col.ENTRY_NUMBER, key,
                     "SIDE_FILE_ENTRY_NOT_IN_ES003", "warning",
                     f"entry on the {purpose} list is not in the ES-003 input; check the pull's "
                     f"date range and importer")
