"""Accounting methods of 19 CFR 191.14 against CBP's own examples.

FIFO, LIFO and average use the example of 191.14(c)(1)(ii). The three low-to-high variants
use the January-March table of 191.14(c)(3)(ii)(B), copied below. The table lists the March 21
domestic withdrawal before the March 20 receipt, and the engine orders them by date.
"""

import datetime as dt
from decimal import Decimal

import pytest

from workbench.drawback.methods import Receipt, Withdrawal, export_drawback, identify

D = Decimal


def day(month, number):
    return dt.date(2026, month, number)


@pytest.fixture
def month_example():
    receipts = [Receipt("r02", day(1, 2), D(100), D(1)), Receipt("r05", day(1, 5), D(50), D(0)),
                Receipt("r15", day(1, 15), D(75), D(2))]
    withdrawals = [Withdrawal("w10", day(1, 10), D(75), "domestic"),
                   Withdrawal("w20", day(1, 20), D(100), "export")]
    return receipts, withdrawals


def export_allocations(method, receipts, withdrawals):
    return {(a.receipt_id, a.quantity) for a in identify(method, receipts, withdrawals)
            if a.withdrawal_id == "w20"}


def test_fifo_example(month_example):
    receipts, withdrawals = month_example
    assert export_drawback("fifo", receipts, withdrawals) == D(75)
    assert export_allocations("fifo", receipts, withdrawals) == {
        ("r02", D(25)), ("r05", D(50)), ("r15", D(25))}


def test_lifo_example(month_example):
    receipts, withdrawals = month_example
    assert export_drawback("lifo", receipts, withdrawals) == D(175)
    assert export_allocations("lifo", receipts, withdrawals) == {("r15", D(75)), ("r02", D(25))}


def test_average_example(month_example):
    receipts, withdrawals = month_example
    assert export_drawback("average", receipts, withdrawals) == D(133)
    # 75/150, 50/150 and 25/150 of 100, rounded to whole units
    assert export_allocations("average", receipts, withdrawals) == {
        ("r15", D(50)), ("r02", D(33)), ("r05", D(17))}


RECEIPTS = [((1, 2), 100, "0"), ((1, 5), 50, "1.00"), ((1, 20), 50, "1.01"),
            ((1, 25), 50, "1.02"), ((1, 31), 50, "1.03"), ((2, 10), 50, ".95"),
            ((2, 20), 50, "0"), ((2, 25), 50, "1.05"), ((3, 5), 50, "1.06"),
            ((3, 10), 50, ".85"), ((3, 20), 50, "1.08"), ((3, 25), 50, ".90")]
WITHDRAWALS = [((1, 15), 50, "export"), ((1, 28), 50, "domestic"), ((2, 5), 100, "export"),
               ((2, 15), 50, "export"), ((2, 23), 50, "domestic"), ((2, 28), 100, "export"),
               ((3, 15), 50, "export"), ((3, 21), 50, "domestic"), ((3, 31), 100, "export")]


@pytest.fixture
def quarter_example():
    receipts = [Receipt(when, day(*when), D(units), D(rate)) for when, units, rate in RECEIPTS]
    withdrawals = [Withdrawal(when, day(*when), D(units), kind)
                   for when, units, kind in WITHDRAWALS]
    return receipts, withdrawals


def per_withdrawal(method, receipts, withdrawals, turnover_days=None):
    rates = {r.receipt_id: r.per_unit for r in receipts}
    totals = {}
    for a in identify(method, receipts, withdrawals, turnover_days):
        amount = rates[a.receipt_id] * a.quantity
        totals[a.withdrawal_id] = totals.get(a.withdrawal_id, D(0)) + amount
    return totals


def test_low_to_high_ordinary(quarter_example):
    receipts, withdrawals = quarter_example
    assert export_drawback("low-to-high", receipts, withdrawals) == D("391.00")
    amounts = per_withdrawal("low-to-high", receipts, withdrawals)
    assert amounts[(2, 5)] == D("100.50")
    assert amounts[(2, 28)] == D("102.50")
    # the March 21 domestic withdrawal takes the February 25 receipt
    assert amounts[(3, 21)] == D("52.50")
    assert amounts[(3, 31)] == D("98.00")


def test_low_to_high_turnover(quarter_example):
    receipts, withdrawals = quarter_example
    assert export_drawback("low-to-high-turnover", receipts, withdrawals, 30) == D("341.00")
    amounts = per_withdrawal("low-to-high-turnover", receipts, withdrawals, 30)
    assert amounts[(2, 5)] == D("101.50")
    assert amounts[(2, 28)] == D("51.50")
    assert (3, 21) not in amounts


def test_low_to_high_blanket(quarter_example):
    receipts, withdrawals = quarter_example
    assert export_drawback("low-to-high-blanket", receipts, withdrawals) == D("286.50")
    amounts = per_withdrawal("low-to-high-blanket", receipts, withdrawals)
    assert amounts[(2, 5)] == D("50.00")
    assert amounts[(2, 28)] == D("50.50")
    assert amounts[(3, 31)] == D("96.00")


def test_withdrawal_beyond_stock_unidentified():
    receipts = [Receipt("r", day(1, 2), D(10), D(1))]
    withdrawals = [Withdrawal("w", day(1, 3), D(15), "export")]
    allocations = identify("fifo", receipts, withdrawals)
    assert [(a.receipt_id, a.quantity) for a in allocations] == [("r", D(10)), (None, D(5))]


def test_unknown_method_rejected():
    with pytest.raises(ValueError, match="unknown accounting method"):
        identify("hifo", [], [])
