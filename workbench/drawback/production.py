"""Manufacturing records: which merchandise each production lot used and what it produced.

An export names its ``Production Lot``. The export carries the merchandise quantity used times
the exported share of the articles produced. For example, exporting all 30,000 containers of a
lot that used 7,500 kg of resin designates 7,500 kg.
``Merchandise Unit Value Amount`` is the cost of the substituted merchandise per unit, the
value the 1313(b) lesser-of rule compares (19 CFR 190.11(d)). ``Merchandise Source`` names the
import entry and line for direct identification (1313(a)), for example
``ABC-1234567-6 line 1``, or ``domestic``.

>>> import_line_of("ABC-1234567-6 line 2")
('ABC12345676', 2)
>>> import_line_of("domestic") is None
True
"""

import logging
import re

from workbench.drawback import cells
from workbench.drawback import columns as col
from workbench.drawback.records import ProductionRecord
from workbench.errors import InputError
from workbench.identifiers import entry_number
from workbench.sources.reader import read_table

log = logging.getLogger(__name__)

_SOURCE = re.compile(r"([A-Za-z0-9]{3}-?\d{7}-?\d)\D+(\d+)")


def import_line_of(source):
    """Return (entry number, line number) named in a Merchandise Source cell, or None."""
    match = _SOURCE.search(str(source))
    if not match or not entry_number.is_valid(match.group(1)):
        return None
    return entry_number.compact(match.group(1)), int(match.group(2))


def load_production(path, findings):
    """Read a production file and return {lot: ProductionRecord}."""
    frame = read_table(path).frame
    absent = col.missing(frame, col.PRODUCTION_REQUIRED)
    if absent:
        raise InputError(
            f"{path}: missing column {', '.join(repr(name) for name in absent)}; see the "
            f"production layout of `workbench drawback` for the column names")
    parsed = {
        "date": cells.dates(frame, col.PRODUCTION_DATE, findings),
        "merchandise_hts": cells.hts_numbers(frame, col.MERCHANDISE_HTS, findings),
        "article_hts": cells.hts_numbers(frame, col.ARTICLE_HTS, findings, required=False),
        "used": cells.quantities(frame, col.MERCHANDISE_QUANTITY, findings),
        "produced": cells.quantities(frame, col.ARTICLE_QUANTITY, findings),
        "unit_value": cells.money(frame, col.MERCHANDISE_UNIT_VALUE, findings),
    }
    lots = {}
    for index, (file, row) in enumerate(zip(frame["_file"], frame["_row"])):
        record = _record(frame, index, file, int(row), parsed, findings)
        if record is not None:
            _add_lot(lots, record, findings)
    log.info("read %s: %d rows, %d production lots", path, len(frame), len(lots))
    return lots


def _text(frame, name, index):
    return cells.column(frame, name).iloc[index]


def _record(frame, index, file, row, parsed, findings):
    values = {key: parsed[key][index] for key in parsed}
    lot = _text(frame, col.LOT, index)
    if not lot or any(values[key] is None for key in values if key != "article_hts"):
        findings.add(file, row, col.LOT, lot, "PRODUCTION_UNUSABLE", "error",
                     "production row left out: the lot is blank or a cell is invalid")
        return None
    if not values["produced"] or not values["used"]:
        findings.add(file, row, col.ARTICLE_QUANTITY, "0", "INVALID_QUANTITY", "error",
                     "a lot must use merchandise and produce articles (both quantities above "
                     "zero) to support an export")
        return None
    return ProductionRecord(
        file=file, row=row, lot=lot, production_date=values["date"],
        ruling=_text(frame, col.RULING, index), basis=_text(frame, col.BASIS, index),
        merchandise_hts=values["merchandise_hts"],
        merchandise_description=_text(frame, col.MERCHANDISE_DESCRIPTION, index),
        merchandise_quantity=values["used"],
        merchandise_uom=_text(frame, col.MERCHANDISE_UOM, index).upper(),
        merchandise_unit_value=values["unit_value"],
        merchandise_source=_text(frame, col.MERCHANDISE_SOURCE, index),
        article_hts=values["article_hts"] or "",
        article_description=_text(frame, col.ARTICLE_DESCRIPTION, index),
        article_quantity=values["produced"],
        article_uom=_text(frame, col.ARTICLE_UOM, index).upper())


def _add_lot(lots, record, findings):
    if record.lot in lots:
        findings.add(record.file, record.row, col.LOT, record.lot, "DUPLICATE_LOT", "error",
                     f"production lot {record.lot} appears twice; the first row is used, "
                     f"merge the rows into one")
        return
    lots[record.lot] = record
