"""The claim workbook: one XLSX sheet per claim table, byte-identical for the same inputs.

openpyxl stamps the save time into the document properties and every zip member, so the
workbook is written with fixed properties and then re-packed with a fixed member date. Text
cells a spreadsheet would run as a formula are neutralised like every CSV the workbench
writes. Amounts stay text with two decimals, exactly as in the CSV files.
"""

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from workbench.outputs import neutralise

FIXED_TIME = dt.datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MAX_COLUMN_WIDTH = 60


def workbook_bytes(sheets):
    """Return XLSX bytes for [(sheet name, header, rows)]."""
    book = Workbook(write_only=True)
    for name, header, rows in sheets:
        _add_sheet(book, name, header, rows)
    book.properties.creator = "Customs Refund Workbench"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return _repack(buffer.getvalue())


def _add_sheet(book, name, header, rows):
    """Add a sheet: widths and the frozen header first, as a write-only sheet requires."""
    sheet = book.create_sheet(title=name)
    sheet.freeze_panes = "A2"
    for index, title in enumerate(header, start=1):
        width = max([len(str(title))] + [len(str(row[index - 1])) for row in rows])
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2,
                                                                      MAX_COLUMN_WIDTH)
    sheet.append([neutralise(cell) for cell in header])
    for row in rows:
        sheet.append([_cell(value) for value in row])


def _cell(value):
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return neutralise(value)


def _repack(data):
    """Rewrite every zip member with a fixed date so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, source.read(member.filename))
    return output.getvalue()
