"""Accounting methods that identify fungible imported goods in one inventory (19 CFR 191.14).

For direct identification, a withdrawal from an inventory of fungible goods may be identified
with receipts by FIFO, LIFO, low-to-high (ordinary, with an average inventory turn-over
period, or blanket) or average. Receipts carry the drawback per unit; withdrawals are exports
(or destructions) and, for the methods that account for them, domestic shipments. Events on
the same day take receipts first. A withdrawal larger than the available stock leaves the
rest unidentified (receipt ``None``).

CBP's example (191.14(c)(1)(ii)): receipts of 100 units at $1 (day 2) and 50 at $0 (day 5),
a domestic withdrawal of 75 (day 10), 75 at $2 (day 15), an export of 100 (day 20):

>>> import datetime as dt
>>> from decimal import Decimal as D
>>> day = lambda n: dt.date(2026, 1, n)
>>> receipts = [Receipt("r2", day(2), D(100), D(1)), Receipt("r5", day(5), D(50), D(0)),
...             Receipt("r15", day(15), D(75), D(2))]
>>> withdrawals = [Withdrawal("w10", day(10), D(75), "domestic"),
...                Withdrawal("w20", day(20), D(100), "export")]
>>> [str(export_drawback(m, receipts, withdrawals)) for m in ("fifo", "lifo", "average")]
['75', '175', '133']
"""

import dataclasses
from decimal import ROUND_FLOOR, Decimal

from workbench.drawback.dates import add_years

METHODS = ("fifo", "lifo", "low-to-high", "low-to-high-turnover", "low-to-high-blanket",
           "average")
# Methods under which domestic withdrawals are not accounted for (191.14(c)(3)(iii)(B), (iv)(B)).
IGNORES_DOMESTIC = ("low-to-high-turnover", "low-to-high-blanket")


@dataclasses.dataclass(frozen=True)
class Receipt:
    """A receipt into inventory: its id, date, quantity and drawback per unit."""

    receipt_id: object
    date: object
    quantity: Decimal
    per_unit: Decimal


@dataclasses.dataclass(frozen=True)
class Withdrawal:
    """A withdrawal: 'export' (exports and destructions) or 'domestic'."""

    withdrawal_id: object
    date: object
    quantity: Decimal
    kind: str


@dataclasses.dataclass(frozen=True)
class Allocation:
    """Units of one withdrawal identified with one receipt (None: nothing left to identify)."""

    withdrawal_id: object
    receipt_id: object
    quantity: Decimal


def identify(method, receipts, withdrawals, turnover_days=None, statutory_years=5):
    """Return the ``Allocation`` list of every accounted withdrawal under ``method``."""
    if method not in METHODS:
        raise ValueError(f"unknown accounting method {method!r}; expected one of {METHODS}")
    stock = {receipt.receipt_id: receipt.quantity for receipt in receipts}
    by_id = {receipt.receipt_id: receipt for receipt in receipts}
    allocations = []
    for withdrawal in _accounted(method, withdrawals):
        available = _available(method, withdrawal, receipts, stock, turnover_days,
                               statutory_years)
        taken = _take(method, withdrawal.quantity, available, stock, by_id)
        allocations.extend(Allocation(withdrawal.withdrawal_id, rid, qty) for rid, qty in taken)
    return allocations


def _accounted(method, withdrawals):
    kept = [w for w in withdrawals if not (w.kind == "domestic" and method in IGNORES_DOMESTIC)]
    return sorted(kept, key=lambda w: w.date)


def _available(method, withdrawal, receipts, stock, turnover_days, statutory_years):
    """Return the receipts a withdrawal may draw on, in the method's order of preference."""
    candidates = [r for r in receipts if r.date <= withdrawal.date and stock[r.receipt_id] > 0]
    if method == "low-to-high-turnover":
        candidates = [r for r in candidates if (withdrawal.date - r.date).days <= turnover_days]
    if method == "low-to-high-blanket":
        candidates = [r for r in candidates
                      if add_years(r.date, statutory_years) >= withdrawal.date]
    if method == "lifo":
        return sorted(candidates, key=lambda r: r.date, reverse=True)
    if method.startswith("low-to-high"):
        return sorted(candidates, key=lambda r: (r.per_unit, r.date))
    return sorted(candidates, key=lambda r: r.date)


def _take(method, quantity, available, stock, by_id):
    if method == "average":
        return _take_average(quantity, available, stock)
    taken = []
    for receipt in available:
        if quantity <= 0:
            break
        units = min(quantity, stock[receipt.receipt_id])
        stock[receipt.receipt_id] -= units
        quantity -= units
        taken.append((receipt.receipt_id, units))
    if quantity > 0:
        taken.append((None, quantity))
    return taken


def _take_average(quantity, available, stock):
    """Take from every receipt in proportion to what it holds, in whole units where whole.

    Shares are rounded to whole units by largest remainder, so they add up to the withdrawal
    (191.14(c)(4): "rounded to the nearest whole number").
    """
    total = sum((stock[r.receipt_id] for r in available), Decimal("0"))
    wanted = min(quantity, total)
    if not total:
        return [(None, quantity)] if quantity else []
    shares = [(r.receipt_id, stock[r.receipt_id] * wanted / total) for r in available]
    if wanted == wanted.to_integral_value():
        shares = _whole_units(shares, wanted)
    for receipt_id, units in shares:
        stock[receipt_id] -= units
    taken = [(rid, units) for rid, units in shares if units]
    return taken + ([(None, quantity - wanted)] if quantity > wanted else [])


def _whole_units(shares, wanted):
    floors = [(rid, share.to_integral_value(rounding=ROUND_FLOOR)) for rid, share in shares]
    left = int(wanted - sum(units for _, units in floors))
    order = sorted(range(len(shares)), key=lambda i: shares[i][1] - floors[i][1], reverse=True)
    bonus = set(order[:left])
    return [(rid, units + (1 if i in bonus else 0)) for i, (rid, units) in enumerate(floors)]


def export_drawback(method, receipts, withdrawals, turnover_days=None):
    """Return the drawback per unit times units over all export withdrawals (a check total)."""
    per_unit = {receipt.receipt_id: receipt.per_unit for receipt in receipts}
    kinds = {w.withdrawal_id: w.kind for w in withdrawals}
    return sum((per_unit[a.receipt_id] * a.quantity
                for a in identify(method, receipts, withdrawals, turnover_days)
                if a.receipt_id is not None and kinds[a.withdrawal_id] == "export"),
               Decimal("0"))
