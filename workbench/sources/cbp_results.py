"""CBP's results for CAPE declarations: Claim Details, ES-022 and REV-603, read by their headers.

Three downloads follow a declaration (CSMS #68536553):

* **Claim Details** (CAPE tab, Claim Status subtab): one row per entry of a claim, with
  ``ENTRY_NUMBER``, ``CLAIM_NUMBER``, ``STATUS`` and ``ERROR_DESCRIPTION``;
* **ES-022** CAPE Entry Summary Report: declaration, entry and refund numbers, with the refund
  principal and interest shown separately;
* **REV-603** Trade Refund Report: refunds with a secondary status (Sent to Treasury, Treasury
  Issued, Funds Diverted, Check/ACH Returned).

The kind of file is found from its header row, never from its name. Headers are matched
after trimming, in any case, with ``_``, ``-`` and ``.`` read as spaces, ``#``, ``No`` and
``Nbr`` read as ``Number`` and ``Amt`` read as ``Amount``. A column that no layout lists is
rejected by name, because a column that is silently skipped may be the one with the money.
Cells wrapped as ``="..."`` by a spreadsheet are unwrapped.

>>> header_key("CLAIM_NO."), header_key("Entry Summary #"), header_key("Interest Amt")
('claim number', 'entry summary number', 'interest amount')
>>> cents_from_text('="$1,234.50"'), cents_from_text("(12.00)"), cents_from_text("")
(123450, -1200, None)

NOTE: the column names of ES-022 and REV-603 come from broker write-ups of CSMS #68536553,
not from a CBP report layout; an ACE export with other headers is refused by name, and its
headers then belong in ``COLUMN_VARIANTS``.
"""

import dataclasses
import decimal
import logging
import re
from pathlib import Path

import pandas as pd

from workbench.errors import InputError
from workbench.identifiers import entry_number
from workbench.outputs import sha256_file
from workbench.sources.reader import read_table
from workbench.sources.values import parse_dates

log = logging.getLogger(__name__)

CLAIM_DETAILS = "claim_details"
ES022 = "es022"
REV603 = "rev603"

# Canonical column names of the parsed frame.
ENTRY = "entry_number"
CLAIM = "claim_number"
STATUS = "status"
ERROR = "error_description"
STATUS_DATE = "status_date"
DECLARATION = "declaration_number"
REFUND = "refund_number"
IMPORTER = "importer_number"
IMPORTER_NAME = "importer_name"
FILER = "filer_code"
PRINCIPAL = "principal"
INTEREST = "interest"
TOTAL = "total"
AMOUNT = "refund_amount"
SECONDARY_STATUS = "secondary_status"
LIQUIDATION_DATE = "liquidation_date"
REFUND_DATE = "refund_date"
PORT = "port_code"
ENTRY_TYPE = "entry_type"
PAYMENT_METHOD = "payment_method"

MONEY_COLUMNS = (PRINCIPAL, INTEREST, TOTAL, AMOUNT)
DATE_COLUMNS = (STATUS_DATE, LIQUIDATION_DATE, REFUND_DATE)

# Canonical name -> header keys (after ``header_key``) that mean it.
COLUMN_VARIANTS = {
    ENTRY: ["entry number", "entry summary number", "entry", "entry num"],
    CLAIM: ["claim number", "claim", "cape claim number"],
    STATUS: ["status", "claim status", "entry status", "cape status"],
    ERROR: ["error description", "error", "errors", "error message", "error text",
            "error messages", "message", "validation error", "rejection reason"],
    STATUS_DATE: ["status date", "processed date", "processing date", "date"],
    DECLARATION: ["declaration number", "cape declaration number", "declaration",
                  "declaration id", "cape declaration id"],
    REFUND: ["refund number", "refund", "refund id", "trade refund number"],
    IMPORTER: ["importer number", "importer of record number", "ior number", "ior",
               "importer of record", "importer"],
    IMPORTER_NAME: ["importer name", "ior name", "importer of record name"],
    FILER: ["filer code", "filer"],
    PRINCIPAL: ["principal amount", "principal", "refund principal amount", "refund principal",
                "principal refund amount", "duty refund amount"],
    INTEREST: ["interest amount", "interest", "refund interest amount", "refund interest",
               "interest refund amount"],
    TOTAL: ["total amount", "total refund amount", "total", "refund total"],
    AMOUNT: ["refund amount", "amount", "payment amount", "refund payment amount"],
    SECONDARY_STATUS: ["secondary status", "refund secondary status", "refund status",
                       "secondary status description", "payment status"],
    LIQUIDATION_DATE: ["liquidation date", "reliquidation date", "liq date"],
    REFUND_DATE: ["refund date", "payment date", "treasury issued date", "issue date",
                  "scheduled payment date"],
    PORT: ["port code", "port of entry code", "port", "port of entry"],
    ENTRY_TYPE: ["entry type code", "entry type"],
    PAYMENT_METHOD: ["payment method", "payment type"],
}


@dataclasses.dataclass(frozen=True)
class Layout:
    """The columns one kind of result file must have, and the others it may have."""

    kind: str
    label: str
    required: tuple
    optional: tuple


LAYOUTS = (
    Layout(CLAIM_DETAILS, "CAPE Claim Details", (ENTRY, CLAIM, STATUS),
           (ERROR, STATUS_DATE, DECLARATION, IMPORTER, IMPORTER_NAME, FILER)),
    Layout(ES022, "ES-022 CAPE Entry Summary Report", (ENTRY, PRINCIPAL, INTEREST),
           (CLAIM, DECLARATION, REFUND, IMPORTER, IMPORTER_NAME, FILER, TOTAL,
            LIQUIDATION_DATE, REFUND_DATE, STATUS_DATE, PORT, ENTRY_TYPE)),
    Layout(REV603, "REV-603 Trade Refund Report", (ENTRY, SECONDARY_STATUS, AMOUNT),
           (REFUND, IMPORTER, IMPORTER_NAME, FILER, STATUS_DATE, REFUND_DATE,
            LIQUIDATION_DATE, PRINCIPAL, INTEREST, TOTAL, PAYMENT_METHOD, DECLARATION, CLAIM,
            PORT, ENTRY_TYPE)),
)

_KEY_TO_COLUMN = {key: column for column, keys in COLUMN_VARIANTS.items() for key in keys}
_WRAPPED = re.compile(r'^=\s*"(.*)"$', re.DOTALL)
_WORD_SWAPS = {"#": "number", "no": "number", "nbr": "number", "num": "number",
               "amt": "amount", "desc": "description"}


@dataclasses.dataclass
class ResultFile:
    """One CBP result file, parsed: its kind, a frame of canonical columns, and its SHA-256."""

    path: Path
    kind: str
    label: str
    frame: pd.DataFrame
    sha256: str
    warnings: list


def unwrap(value):
    """Return a cell without a spreadsheet's ``="..."`` wrapper and surrounding spaces."""
    text = str(value if value is not None else "").strip()
    wrapped = _WRAPPED.match(text)
    return wrapped.group(1).strip() if wrapped else text


def header_key(header):
    """Return the comparable form of a header (lower case, spaces, standard words)."""
    text = unwrap(str(header).replace("\ufeff", "")).lower()
    text = re.sub(r"[_\-./()]+", " ", text).replace("#", " # ")
    words = [_WORD_SWAPS.get(word, word) for word in text.split()]
    return " ".join(words)


def cents_from_text(text, places=2):
    """Return whole cents for a money cell, None for a blank one; raise ValueError otherwise.

    Accepts ``$``, thousands commas, a leading minus or accounting brackets. More than
    ``places`` decimals is an error, because CBP reports whole cents.
    """
    value = unwrap(text).replace("$", "").replace(",", "").replace(" ", "")
    if not value:
        return None
    negative = value.startswith("(") and value.endswith(")")
    if negative:
        value = value[1:-1]
    try:
        amount = decimal.Decimal(value)
    except decimal.InvalidOperation:
        raise ValueError(f"{text!r} is not an amount") from None
    if not amount.is_finite() or amount.as_tuple().exponent < -places:
        raise ValueError(f"{text!r} has more than {places} decimals")
    cents = int((amount * 100).to_integral_value())
    return -cents if negative else cents


def detect_layout(columns, path):
    """Return the ``Layout`` whose required columns the file has; raise ``InputError`` if none."""
    found = set(columns)
    matches = [layout for layout in LAYOUTS if set(layout.required) <= found]
    if not matches:
        needs = "; ".join(f"{layout.label}: {', '.join(layout.required)}" for layout in LAYOUTS)
        raise InputError(
            f"{path.name}: not a CBP result file the workbench reads. Recognised columns: "
            f"{', '.join(sorted(found)) or 'none'}. Each kind needs these columns ({needs}); "
            f"download Claim Details from the CAPE tab or ES-022 / REV-603 from ACE Reports")
    if len(matches) > 1:
        matches.sort(key=lambda layout: len(found & {*layout.required, *layout.optional}),
                     reverse=True)
        first, second = matches[0], matches[1]
        if len(found & {*first.required, *first.optional}) == len(
                found & {*second.required, *second.optional}):
            raise InputError(
                f"{path.name}: the header fits both {first.label} and {second.label}; remove "
                f"the columns that do not belong to the report and import it again")
    return matches[0]


def _map_headers(frame, path):
    """Return {file header: canonical column} and the headers that match no known column."""
    mapping, unknown = {}, []
    for header in frame.columns:
        if header in ("_file", "_row"):
            continue
        if header.startswith("_unnamed_") and not frame[header].astype(str).str.strip().any():
            continue
        column = _KEY_TO_COLUMN.get(header_key(header))
        if column is None:
            unknown.append(header)
        elif column in mapping.values():
            raise InputError(f"{path.name}: two columns mean {column}: "
                             f"{[h for h, c in mapping.items() if c == column][0]!r} and "
                             f"{header!r}; keep one and import again")
        else:
            mapping[header] = column
    return mapping, unknown


def read_results(path):
    """Read a Claim Details, ES-022 or REV-603 file into a ``ResultFile``.

    Raises ``InputError`` for a file that cannot be read, has unknown columns, misses a
    required column, or has a cell that cannot be parsed. The message names the file, row,
    column and value.
    """
    path = Path(path)
    table = read_table(path)
    if table.ragged_rows:
        _raise_ragged(path, table.ragged_rows)

    mapping, unknown = _map_headers(table.frame, path)
    layout = detect_layout(mapping.values(), path)
    extra = [h for h, c in mapping.items() if c not in (*layout.required, *layout.optional)]
    if unknown or extra:
        names = ", ".join(repr(h) for h in [*unknown, *extra])
        raise InputError(
            f"{path.name}: unknown column(s) {names} in a {layout.label}; the workbench reads "
            f"{', '.join((*layout.required, *layout.optional))}. Remove the column(s) or pull "
            f"the report again without them")

    frame = table.frame[["_file", "_row", *mapping]].rename(columns=mapping)
    for column in mapping.values():
        frame[column] = frame[column].map(unwrap)
    warnings = []
    frame = _parse_entries(frame, path, warnings)
    _parse_money_columns(frame, path)
    _parse_date_columns(frame, path)
    log.info("read %s: %s, %d rows", path.name, layout.label, len(frame))
    return ResultFile(path, layout.kind, layout.label, frame, sha256_file(path), warnings)


def _raise_ragged(path, ragged):
    rows = [str(item["row"]) for item in ragged if item]
    where = f"row(s) {', '.join(rows[:5])}" if rows else "a stray quote or an oversized cell"
    raise InputError(
        f"{path.name}: {where} do not have the header's number of cells, so values would land "
        f"in the wrong columns; download the report from ACE again")


def _parse_entries(frame, path, warnings):
    numbers, bad = [], []
    for row, raw in zip(frame["_row"], frame[ENTRY]):
        try:
            numbers.append(entry_number.validate_shape(raw))
        except ValueError as error:
            repaired = entry_number.repair_lost_zeros(raw)
            if repaired is None:
                bad.append(f"row {row} {raw!r} ({error})")
            numbers.append(repaired)
    if bad:
        raise InputError(
            f"{path.name}: column {ENTRY}, invalid entry number(s): {'; '.join(bad[:5])}"
            f"{' and more' if len(bad) > 5 else ''}. Download the report again and keep the "
            f"column as text if you open it in a spreadsheet")
    frame[ENTRY] = numbers
    failing = sorted(n for n in set(numbers) if entry_number.calc_check_digit(n[:10]) != n[10])
    if failing:
        warnings.append(f"{len(failing)} entry number(s) fail the check digit "
                        f"(first: {failing[0]}); kept as CBP reported them")
    return frame


def _parse_money_columns(frame, path):
    for column in MONEY_COLUMNS:
        if column not in frame:
            continue
        values = []
        for row, text in zip(frame["_row"], frame[column]):
            try:
                values.append(cents_from_text(text))
            except ValueError as error:
                raise InputError(f"{path.name}: row {row}, column {column}: {error}; expected "
                                 f"dollars such as 1,234.56") from None
        frame[column] = pd.array(values, dtype="Int64")


def _parse_date_columns(frame, path):
    for column in DATE_COLUMNS:
        if column not in frame:
            continue
        text = frame[column].str.split(r"[ T]", n=1, regex=True).str[0]
        dates, problems = parse_dates(text)
        bad = problems.isin(["serial", "invalid"])
        if bad.any():
            first = bad.idxmax()
            raise InputError(
                f"{path.name}: row {frame['_row'][first]}, column {column}: "
                f"{frame[column][first]!r} is not a date; expected MM/DD/YYYY or YYYY-MM-DD")
        frame[column] = [d.date() if not pd.isna(d) else None for d in dates]
