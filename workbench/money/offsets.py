"""Offsets: open debts owed to CBP that a refund pays off before it reaches the importer.

ACE report REV-603 marks such a refund "Funds Diverted": the refund arrives smaller, or not at
all, without further notice. The analyst lists the open debts in a CSV file, one row per debt:
the importer (number or importer key) and the amount in dollars, with an optional reference.
A run without the file states that in every output instead of assuming there are no debts.

Debts are taken from an importer's deposits in order of their expected date, earliest
first.

>>> groups = [_Group("A", Decimal("100.00")), _Group("A", Decimal("50.00"))]
>>> result, _ = apply_offsets(groups, {"A": Decimal("120.00")}, offsets_given=True)
>>> [(g.offset, g.net) for g in result]
[(Decimal('100.00'), Decimal('0.00')), (Decimal('20.00'), Decimal('30.00'))]
"""

import collections
import dataclasses
import logging
from decimal import Decimal

from workbench.errors import InputError
from workbench.money.amounts import ZERO, parse_dollars
from workbench.money.csv_input import read_rows
from workbench.money.importers import AmbiguousImporter, match_importer

log = logging.getLogger(__name__)

NOT_GIVEN = "no offsets file given, so the net refund assumes the importer owes CBP nothing"
NONE_LISTED = "offsets file lists no debt for this importer"

COLUMNS = {
    "importer": ("importer", "importer_key", "importer_number", "importer_of_record", "ior"),
    "amount": ("amount", "debt", "amount_owed", "open_debt", "balance"),
    "reference": ("reference", "bill_number", "description", "note"),
}


@dataclasses.dataclass(frozen=True)
class _Group:
    """A minimal deposit group for the doctest."""

    importer_key: str
    gross: Decimal
    offset: Decimal = None
    net: Decimal = None
    offset_status: str = ""


def read_offsets(path, importer_keys):
    """Return ({importer key: total debt}, warnings) from the offsets file at ``path``."""
    debts = collections.defaultdict(lambda: ZERO)
    unmatched = []
    for row, record in read_rows(path, COLUMNS, ("importer", "amount"), "offsets file"):
        location = f"{path}: row {row}"
        try:
            amount = parse_dollars(record["amount"])
        except ValueError as error:
            raise InputError(f"{location}, column 'amount': {error}") from None
        if amount < 0:
            raise InputError(f"{location}, column 'amount': {amount} is negative; list each "
                             f"debt owed to CBP as a positive amount")
        try:
            key = match_importer(record["importer"], importer_keys)
        except AmbiguousImporter as error:
            raise InputError(f"{location}, column 'importer': {error}") from None
        if key is None:
            unmatched.append(row)
            continue
        debts[key] += amount
    log.info("read debts for %d importers from %s", len(debts), path)
    warnings = []
    if unmatched:
        warnings.append(f"offsets file rows {', '.join(map(str, unmatched))} name importers that "
                        f"are not in the triage run; those debts were not applied")
    return dict(debts), warnings


def apply_offsets(groups, debts, offsets_given):
    """Return (groups with offset, net and offset_status set, per-importer offset summary)."""
    if not offsets_given:
        result = [dataclasses.replace(g, offset=None, net=g.gross, offset_status=NOT_GIVEN)
                  for g in groups]
        return result, {}
    # NOTE: the order in which CBP applies an offset to an importer's refunds is not
    # published. Debts are taken in the order of the groups, earliest expected deposit first.
    remaining = dict(debts)
    result = []
    for group in groups:
        debt = remaining.get(group.importer_key, ZERO)
        offset = min(debt, group.gross)
        remaining[group.importer_key] = debt - offset
        result.append(dataclasses.replace(
            group, offset=offset, net=group.gross - offset,
            offset_status=_status(group.importer_key, debts, offset)))
    return result, _importer_summary(result, debts, remaining)


def _status(importer_key, debts, offset):
    if importer_key not in debts:
        return NONE_LISTED
    return f"debt of {debts[importer_key]} listed; {offset} taken from this deposit"


def _importer_summary(groups, debts, remaining):
    summary = {}
    for key in sorted({g.importer_key for g in groups} | set(debts)):
        own = [g for g in groups if g.importer_key == key]
        gross = sum((g.gross for g in own), ZERO)
        net = sum((g.net for g in own), ZERO)
        summary[key] = {
            "debts_listed": debts.get(key, ZERO),
            "offset": gross - net,
            "debt_left_after_refunds": remaining.get(key, debts.get(key, ZERO)),
            "gross_refund": gross,
            "net_refund": net,
        }
    return summary
