"""Import entry summary lines for drawback, read from the ES-003 layout plus drawback columns.

The file has one row per tariff ordinal. The Chapter 1-97 row of an entry summary line carries
the 10-digit HTS number, the quantity and unit (``Line Tariff Quantity (1)``,
``Line Tariff UOM (1) Code``) and the entered value; Chapter 99 rows carry only duty. MPF and
HMT are entry-level amounts repeated on every row of the entry. Each row's duty becomes a
``Charge`` whose kind (ordinary duty, Section 301, IEEPA reciprocal, ...) decides eligibility.

Bad cells become findings and leave their line out; only an unreadable file or a missing
column stops the run (``InputError``).

>>> charge_kind("8516790000"), charge_kind("99038803"), charge_kind("99030124")
('ordinary_duty', 'section_301', 'ieepa_fentanyl')
>>> charge_kind("99038001"), charge_kind("99030301"), charge_kind("99034521")
('section_232', 'section_122', 'section_201')
"""

import dataclasses
import logging
from decimal import Decimal

from workbench.drawback import cells, tables
from workbench.drawback import columns as col
from workbench.drawback.records import Charge, ImportLine
from workbench.errors import InputError
from workbench.identifiers import importer_number
from workbench.rules import chapter99
from workbench.sources import columns as es003
from workbench.sources.reader import read_table
from workbench.sources.values import pad_code

log = logging.getLogger(__name__)


def charge_kind(hts_number):
    """Return the charge kind of the duty reported on a row with this HTS number."""
    family = chapter99.family(hts_number)
    if family is None:
        return "ordinary_duty"
    if family == "ieepa":
        return tables.ieepa_charge_kind(chapter99.program(hts_number))
    if family in ("section_301", "section_232", "section_122"):
        return family
    return tables.extra_chapter99_kind(hts_number) or "chapter99_other"


def load_import_lines(path, findings):
    """Read an import file and return its ``ImportLine`` list, sorted by entry and line."""
    frame = read_table(path).frame
    _require_columns(frame, path)
    rows = _parse_rows(frame, findings)
    lines = _build_lines(rows, findings)
    log.info("read %s: %d rows, %d import lines", path, len(frame), len(lines))
    return sorted(lines, key=lambda line: line.key)


def _require_columns(frame, path):
    absent = col.missing(frame, col.IMPORT_REQUIRED)
    if col.IMPORT_DATE not in frame.columns and es003.ENTRY_DATE not in frame.columns:
        absent.append(col.IMPORT_DATE)
    if absent:
        raise InputError(
            f"{path}: missing column {', '.join(repr(name) for name in absent)}; the import "
            f"file needs the ES-003 columns plus {col.IMPORT_DATE!r}, {col.QUANTITY!r} and "
            f"{col.UOM!r} (quantity and unit on the Chapter 1-97 row)")


def _parse_rows(frame, findings):
    """Return one dict per row with parsed values, None marking a bad required cell."""
    parsed = _parsed_columns(frame, findings)
    text = _text_columns(frame)
    exempt = cells.flags(frame, col.MPF_EXEMPT)
    rows = []
    for index, (file, row) in enumerate(zip(frame["_file"], frame["_row"])):
        record = {key: values[index] for key, values in parsed.items()}
        record.update({key: values.iloc[index] for key, values in text.items()})
        record.update(file=file, row=int(row), mpf_exempt=exempt[index])
        rows.append(record)
    return rows


def _parsed_columns(frame, findings):
    date_column = col.IMPORT_DATE if col.IMPORT_DATE in frame.columns else es003.ENTRY_DATE
    return {
        "entry": cells.entry_numbers(frame, es003.ENTRY_NUMBER, findings),
        "line": cells.line_numbers(frame, es003.LINE_NUMBER, findings),
        "hts": cells.hts_numbers(frame, es003.HTS, findings),
        "duty": cells.money(frame, es003.DUTY, findings),
        "value": cells.money(frame, es003.GOODS_VALUE, findings),
        "quantity": cells.quantities(frame, col.QUANTITY, findings, required=False),
        "mpf": cells.money(frame, col.ENTRY_MPF, findings),
        "hmt": cells.money(frame, col.ENTRY_HMT, findings),
        "ad": cells.money(frame, col.AD_DUTY, findings),
        "cvd": cells.money(frame, col.CVD_DUTY, findings),
        "tax": cells.money(frame, col.TAX, findings),
        "date": cells.dates(frame, date_column, findings),
    }


def _text_columns(frame):
    return {
        "uom": cells.column(frame, col.UOM).str.upper(),
        "mode": pad_code(cells.column(frame, col.MODE), 2)[0],
        "importer": cells.column(frame, es003.IMPORTER_NUMBER),
        "origin": cells.column(frame, es003.COUNTRY_OF_ORIGIN).str.upper(),
        "ordinal": cells.column(frame, es003.TARIFF_ORDINAL),
        "description_8": cells.column(frame, col.DESCRIPTION_8),
        "description_10": cells.column(frame, col.DESCRIPTION_10),
    }


def _build_lines(rows, findings):
    groups = {}
    for record in rows:
        if record["entry"] is None or record["line"] is None:
            continue
        groups.setdefault((record["entry"], record["line"]), []).append(record)
    entries = _entry_fees(rows, findings)
    lines, incomplete = [], set()
    for key, group in sorted(groups.items()):
        line = _build_line(key, _distinct(group), entries, findings)
        if line is None:
            incomplete.add(key[0])
        else:
            lines.append(line)
    incomplete |= {record["entry"] for record in rows
                   if record["entry"] is not None and record["line"] is None}
    return [_mark_fee_base(line, incomplete, findings) for line in lines]


def _mark_fee_base(line, incomplete, findings):
    """Mark lines of an entry with an unusable line: their MPF and HMT share is unknown."""
    if line.entry_number not in incomplete:
        return line
    findings.add(line.source_file, line.source_row, col.ENTRY_MPF, line.entry_number,
                 "FEE_BASE_INCOMPLETE", "warning",
                 f"{line.label}: another line of the entry is unusable, so the entry's MPF and "
                 f"HMT cannot be apportioned by value; fees on this line are left out")
    return dataclasses.replace(line, fee_base_complete=False)


def _distinct(group):
    """Drop exact repeats of a tariff ordinal (the same row read from two pulls)."""
    seen, kept = {}, []
    for record in group:
        identity = (record["ordinal"], record["hts"], record["duty"], record["value"],
                    record["quantity"])
        if record["ordinal"] and identity in seen:
            continue
        seen[identity] = record
        kept.append(record)
    return kept


def _entry_fees(rows, findings):
    """Return {entry: (mpf, hmt)} or None where the rows of the entry disagree."""
    fees = {}
    for record in rows:
        entry = record["entry"]
        if entry is None or record["mpf"] is None or record["hmt"] is None:
            continue
        amounts = (record["mpf"], record["hmt"])
        if entry in fees and fees[entry] not in (amounts, None):
            findings.add(record["file"], record["row"], col.ENTRY_MPF, f"{amounts[0]}",
                         "CONFLICTING_ENTRY_FEES", "error",
                         f"entry {entry}: MPF or HMT differs between its rows; the entry-level "
                         f"fees must repeat unchanged on every row")
            fees[entry] = None
        elif entry not in fees:
            fees[entry] = amounts
    return fees


def _build_line(key, group, entries, findings):
    entry, line_number = key
    if any(_row_is_bad(record) for record in group) or entries.get(entry) is None:
        _reject(group[0], key, "a cell of this line is invalid (see the rows above)", findings)
        return None
    commodity = [record for record in group if not record["hts"].startswith("99")]
    if len(commodity) != 1:
        _reject(group[0], key, f"has {len(commodity)} Chapter 1-97 rows; expected exactly one "
                "carrying the HTS number, quantity and value", findings)
        return None
    main = commodity[0]
    if not main["quantity"] or not main["uom"]:
        _reject(main, key, f"the Chapter 1-97 row has no {col.QUANTITY} or {col.UOM}; "
                "drawback is calculated per unit", findings)
        return None
    return _line(entry, line_number, main, group, entries[entry])


def _row_is_bad(record):
    needed = ("hts", "duty", "value", "date", "mpf", "hmt", "ad", "cvd", "tax")
    return any(record[name] is None for name in needed)


def _reject(record, key, reason, findings):
    findings.add(record["file"], record["row"], es003.LINE_NUMBER, f"{key[0]} line {key[1]}",
                 "IMPORT_LINE_UNUSABLE", "error",
                 f"entry {key[0]} line {key[1]} left out: {reason}")


def _line(entry, line_number, main, group, fees):
    return ImportLine(
        entry_number=entry, line_number=line_number,
        importer_number=importer_number.mask(main["importer"])
        if importer_number.is_ssn_form(main["importer"]) else main["importer"],
        import_date=main["date"], mode=main["mode"], country_of_origin=main["origin"],
        hts=main["hts"], description_8=main["description_8"],
        description_10=main["description_10"], quantity=main["quantity"], uom=main["uom"],
        entered_value=main["value"], mpf_exempt=main["mpf_exempt"],
        charges=tuple(_charges(group)), entry_mpf=fees[0], entry_hmt=fees[1],
        source_file=main["file"], source_row=main["row"])


def _charges(group):
    """Yield one charge per row with duty, plus AD/CVD and tax amounts where present."""
    for record in group:
        if record["duty"]:
            yield Charge(charge_kind(record["hts"]), record["hts"], record["duty"])
        for name, kind in (("ad", "adcvd"), ("cvd", "adcvd"), ("tax", "internal_revenue_tax")):
            if record[name]:
                yield Charge(kind, record["hts"], record[name])


def entry_values(lines):
    """Return ({entry: value subject to MPF}, {entry: value of all lines}) over the lines.

    MPF-exempt lines are left out of the MPF base (19 CFR 190.51(b)(2)); the HMT base is the
    value of every line of the entry.
    """
    subject_to_mpf, total = {}, {}
    for line in lines:
        value = line.entered_value
        total[line.entry_number] = total.get(line.entry_number, Decimal("0")) + value
        mpf_value = Decimal("0") if line.mpf_exempt else value
        subject_to_mpf[line.entry_number] = (
            subject_to_mpf.get(line.entry_number, Decimal("0")) + mpf_value)
    return subject_to_mpf, total
