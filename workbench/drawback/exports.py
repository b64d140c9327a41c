"""Exports and destructions for drawback, one row per export or destruction.

The export identifier is the AES ITN or the bill of lading. ``Import Entry Summary Number``
and ``Import Entry Summary Line Number`` are filled for direct identification and blank for
substitution. ``Waiver of Prior Notice`` (Y) or a ``Notice of Intent Date`` (CBP Form 7553)
covers the notice rule of 19 CFR 190.35. The optional ``Disposition`` column marks a
``destruction`` or a ``domestic`` withdrawal (the latter only feeds the accounting methods).

>>> disposition_of("Destroyed"), disposition_of(""), disposition_of("domestic")
('destruction', 'export', 'domestic')
"""

import logging

from workbench.drawback import cells
from workbench.drawback import columns as col
from workbench.drawback.records import ExportRecord
from workbench.errors import InputError
from workbench.sources.reader import read_table

log = logging.getLogger(__name__)

_DISPOSITIONS = {"": "export", "EXPORT": "export", "EXPORTED": "export",
                 "DESTRUCTION": "destruction", "DESTROYED": "destruction",
                 "DOMESTIC": "domestic", "DOMESTIC WITHDRAWAL": "domestic"}


def disposition_of(text):
    """Return 'export', 'destruction' or 'domestic' for a Disposition cell, or None."""
    return _DISPOSITIONS.get(str(text).strip().upper())


def load_exports(path, findings):
    """Read an exports file and return its valid ``ExportRecord`` list in file order."""
    frame = read_table(path).frame
    absent = col.missing(frame, col.EXPORT_REQUIRED)
    if absent:
        raise InputError(
            f"{path}: missing column {', '.join(repr(name) for name in absent)}; see the "
            f"exports layout of `workbench drawback` for the column names")
    parsed = _parse(frame, findings)
    records = [record for record in _records(frame, parsed, findings) if record is not None]
    log.info("read %s: %d rows, %d usable exports", path, len(frame), len(records))
    return records


def _parse(frame, findings):
    return {
        "date": cells.dates(frame, col.EXPORT_DATE, findings),
        "notice": cells.dates(frame, col.NOTICE_DATE, findings, required=False),
        "schedule_b": cells.hts_numbers(frame, col.SCHEDULE_B, findings),
        "quantity": cells.quantities(frame, col.EXPORT_QUANTITY, findings),
        "value": cells.money(frame, col.EXPORT_VALUE, findings),
        "entry": cells.entry_numbers(frame, col.IMPORT_ENTRY, findings, required=False),
        "line": cells.line_numbers(frame, col.IMPORT_LINE, findings, required=False),
        "waiver": cells.flags(frame, col.WAIVER),
    }


def _records(frame, parsed, findings):
    text = {name: cells.column(frame, name) for name in (
        col.EXPORT_ID, col.EXPORTER, col.DESTINATION, col.DESCRIPTION, col.EXPORT_UOM,
        col.IMPORT_ENTRY, col.IMPORT_LINE, col.PRODUCTION_LOT, col.DISPOSITION)}
    for index, (file, row) in enumerate(zip(frame["_file"], frame["_row"])):
        values = {key: parsed[key][index] for key in parsed}
        cell = {name: series.iloc[index] for name, series in text.items()}
        yield _record(file, int(row), values, cell, findings)


def _record(file, row, values, cell, findings):
    disposition = disposition_of(cell[col.DISPOSITION])
    if disposition is None:
        findings.add(file, row, col.DISPOSITION, cell[col.DISPOSITION], "INVALID_DISPOSITION",
                     "error", "expected export, destruction or domestic")
        return None
    if _bad(values, cell):
        findings.add(file, row, col.EXPORT_ID, cell[col.EXPORT_ID], "EXPORT_UNUSABLE", "error",
                     "export left out: a cell of this row is invalid (see the findings for "
                     "this row); correct it and run again")
        return None
    if values["quantity"] == 0:
        findings.add(file, row, col.EXPORT_QUANTITY, "0", "INVALID_QUANTITY", "error",
                     "an export of zero units supports no drawback")
        return None
    return _build(file, row, values, cell, disposition)


def _bad(values, cell):
    required = ("date", "schedule_b", "quantity", "value")
    if any(values[name] is None for name in required):
        return True
    named_entry = bool(cell[col.IMPORT_ENTRY]) or bool(cell[col.IMPORT_LINE])
    return named_entry and (values["entry"] is None or values["line"] is None)


def _build(file, row, values, cell, disposition):
    return ExportRecord(
        file=file, row=row, export_date=values["date"], export_id=cell[col.EXPORT_ID],
        exporter=cell[col.EXPORTER], destination=cell[col.DESTINATION].upper(),
        schedule_b=values["schedule_b"], description=cell[col.DESCRIPTION],
        quantity=values["quantity"], uom=cell[col.EXPORT_UOM].upper(), value=values["value"],
        import_entry=values["entry"] or "", import_line=values["line"],
        waiver=values["waiver"],
        notice_date=values["notice"], production_lot=cell[col.PRODUCTION_LOT],
        disposition=disposition)
