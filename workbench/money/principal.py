"""Refund principal: the duty on the IEEPA Chapter 99 rows of each entry.

CBP requires the duty of each Chapter 99 row to be reported against its own 9903 number
(CSMS #64235342), and CAPE deletes the dutiable IEEPA rows (9903.01.01-.89, 9903.02.01-.71)
with their duty. So the principal of an entry is the sum of the duty on its IEEPA rows with a
duty above 0.00, the rows triage marks ``counted``. Section 122, 232 and 301 duties and MPF are
never part of it: triage lists only 9903.01 and 9903.02 rows in ``ieepa_lines.csv``.

>>> from workbench.money.triage_folder import IeepaLine
>>> lines = [IeepaLine("E1", "1", "2", "99030125", "reciprocal", "dutiable", Decimal("10.00"), True),
...          IeepaLine("E1", "1", "3", "99030124", "fentanyl_china", "dutiable", Decimal("20.50"), True),
...          IeepaLine("E1", "2", "2", "99030126", "reciprocal", "exemption", Decimal("0.00"), False)]
>>> principal_by_entry(lines)
{'E1': Decimal('30.50')}
>>> [(h.hts, h.amount) for h in principal_by_heading(lines)]
[('99030124', Decimal('20.50')), ('99030125', Decimal('10.00'))]
"""

import collections
import dataclasses
from decimal import Decimal

from workbench.errors import InputError
from workbench.money.amounts import ZERO


@dataclasses.dataclass(frozen=True)
class HeadingPrincipal:
    """The principal of one entry under one Chapter 99 heading."""

    entry_number: str
    hts: str
    program: str
    heading_type: str
    lines: int
    amount: Decimal


def principal_by_entry(lines):
    """Return {entry number: principal} over the counted IEEPA rows."""
    totals = collections.defaultdict(lambda: ZERO)
    for line in lines:
        if line.counted:
            totals[line.entry_number] += line.duty
    return dict(totals)


def principal_by_heading(lines):
    """Return the principal per entry and heading, sorted by entry number and heading."""
    groups = {}
    for line in lines:
        if not line.counted:
            continue
        key = (line.entry_number, line.hts)
        amount, count, program, heading_type = groups.get(key, (ZERO, 0, line.program, line.heading_type))
        groups[key] = (amount + line.duty, count + 1, program, heading_type)
    return [HeadingPrincipal(entry, hts, program, heading_type, count, amount)
            for (entry, hts), (amount, count, program, heading_type) in sorted(groups.items())]


def check_against_triage(entries, principal, source):
    """Raise ``InputError`` when an entry's principal differs from the IEEPA duty triage printed."""
    for entry in entries:
        amount = principal.get(entry.entry_number, ZERO)
        if amount != entry.ieepa_duty:
            raise InputError(
                f"{source}: entry {entry.entry_number}: ieepa_duty {entry.ieepa_duty} differs from "
                f"the sum of its counted IEEPA lines ({amount}); rerun workbench triage into a "
                f"new folder")


def totals_by(items, key, amount=lambda item: item.amount):
    """Return {key(item): summed amount}, keys sorted."""
    totals = collections.defaultdict(lambda: ZERO)
    for item in items:
        totals[key(item)] += amount(item)
    return dict(sorted(totals.items()))
