"""Earlier designations and CAPE status: what other claims and CAPE already did to an entry.

Earlier designations (``--designations``): one row per import line designated on an earlier
drawback claim, with ``Import Entry Summary Number``, ``Import Entry Summary Line Number``,
``Designated Quantity`` and, optionally, ``Election`` (direct or substitution) or
``Provision`` (the election follows from it), ``Drawback Claim Number``, ``Claim Status``,
``Unique Export Identifier`` and ``IEEPA Duty Claimed Amount``. A row whose status is
``rejected`` or ``withdrawn`` neither uses quantity nor fixes the election.

CAPE status (``--cape-status``) comes from a CSV with an entry number column and
``CAPE Status`` (none, declared, accepted, refunded or rejected). It may also come from a
``workbench triage`` output folder. There the ``triage.csv`` routes ``cape`` and ``declared``
count as declared, because the entry is being declared and its IEEPA duty goes to CAPE. Every
other route counts as none.

>>> election_of("Substitution", ""), election_of("", "58"), election_of("", "")
('substitution', 'direct', None)
"""

from pathlib import Path

from workbench.drawback import cells, tables
from workbench.drawback import columns as col
from workbench.drawback.records import PriorDesignation
from workbench.errors import InputError
from workbench.sources import columns as es003
from workbench.sources.reader import read_table

CAPE_STATUSES = ("none", "declared", "accepted", "refunded", "rejected")
# Statuses after which the entry's IEEPA duty belongs to CAPE.
CAPE_CLAIMED = ("declared", "accepted", "refunded")
INACTIVE_CLAIM_STATUSES = ("REJECTED", "WITHDRAWN")


def election_of(election, provision):
    """Return 'direct' or 'substitution' from an Election or Provision cell, or None."""
    text = str(election).strip().lower()
    if text in ("direct", "direct identification", "substitution"):
        return "substitution" if text == "substitution" else "direct"
    if str(provision).strip():
        try:
            return tables.provision(provision).election
        except InputError:
            return None
    return None


def load_prior_designations(path, findings):
    """Read earlier designations; return the active ``PriorDesignation`` list."""
    frame = read_table(path).frame
    frame = frame.rename(columns={es003.ENTRY_NUMBER: col.IMPORT_ENTRY,
                                  es003.LINE_NUMBER: col.IMPORT_LINE})
    absent = col.missing(frame, col.PRIOR_REQUIRED)
    if absent:
        raise InputError(f"{path}: missing column {', '.join(repr(n) for n in absent)}")
    entries = cells.entry_numbers(frame, col.IMPORT_ENTRY, findings)
    lines = cells.line_numbers(frame, col.IMPORT_LINE, findings)
    quantities = cells.quantities(frame, col.DESIGNATED_QUANTITY, findings)
    ieepa = cells.money(frame, col.IEEPA_CLAIMED, findings)
    text = {name: cells.column(frame, name) for name in (
        col.ELECTION, col.PROVISION, col.CLAIM_NUMBER, col.CLAIM_STATUS, col.EXPORT_ID)}
    records = []
    for index, (file, row) in enumerate(zip(frame["_file"], frame["_row"])):
        cell = {name: series.iloc[index] for name, series in text.items()}
        if cell[col.CLAIM_STATUS].upper() in INACTIVE_CLAIM_STATUSES:
            continue
        values = (entries[index], lines[index], quantities[index], ieepa[index])
        record = _prior(file, int(row), values, cell, findings)
        if record is not None:
            records.append(record)
    return records


def _prior(file, row, values, cell, findings):
    entry, line, quantity, ieepa = values
    election = election_of(cell[col.ELECTION], cell[col.PROVISION])
    if election is None:
        findings.add(file, row, col.ELECTION, cell[col.ELECTION], "INVALID_ELECTION", "error",
                     "expected Election direct or substitution, or a known Provision code")
    if None in (entry, line, quantity, ieepa) or election is None:
        return None
    return PriorDesignation(
        file=file, row=row, entry_number=entry, line_number=line, quantity=quantity,
        election=election, claim_number=cell[col.CLAIM_NUMBER],
        claim_status=cell[col.CLAIM_STATUS], export_id=cell[col.EXPORT_ID],
        ieepa_claimed=ieepa)


def load_cape_status(path, findings):
    """Return {entry number: CAPE status} from a status CSV or a triage output folder."""
    path = Path(path)
    if path.is_dir():
        return _from_triage(path, findings)
    frame = read_table(path).frame
    if es003.ENTRY_NUMBER not in frame.columns or col.CAPE_STATUS not in frame.columns:
        raise InputError(
            f"{path}: expected the columns 'Entry Summary Number' (or 'Entry Number') and "
            f"{col.CAPE_STATUS!r} (none, declared, accepted, refunded or rejected), or a "
            f"`workbench triage` output folder")
    entries = cells.entry_numbers(frame, es003.ENTRY_NUMBER, findings)
    statuses = {}
    for index, (file, row, text) in enumerate(zip(frame["_file"], frame["_row"],
                                                  cells.column(frame, col.CAPE_STATUS))):
        status = text.lower() or "none"
        if status not in CAPE_STATUSES:
            findings.add(file, int(row), col.CAPE_STATUS, text, "INVALID_CAPE_STATUS", "error",
                         f"expected one of {', '.join(CAPE_STATUSES)}; the entry is treated "
                         f"as declared so its IEEPA duty stays out of the claim")
            status = "declared"
        if entries[index]:
            statuses[entries[index]] = status
    return statuses


def _from_triage(folder, findings):
    triage = folder / "triage.csv"
    if not triage.is_file():
        raise InputError(f"{folder}: no triage.csv in this folder; pass a CAPE status CSV or "
                         f"the output folder of `workbench triage`")
    frame = read_table(triage).frame
    if "entry_number" not in frame.columns or "route" not in frame.columns:
        raise InputError(f"{triage}: expected the triage.csv columns entry_number and route")
    statuses = {}
    for number, route in zip(frame["entry_number"], frame["route"]):
        declared = route.strip().lower() in ("cape", "declared")
        statuses[number.strip().upper()] = "declared" if declared else "none"
    return statuses
