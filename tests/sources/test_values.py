"""Value parsers: ACE money text, MM/DD/YYYY dates and codes that lost a leading zero."""

import datetime as dt

import pandas as pd
import pytest

from workbench.sources.values import format_cents, pad_code, parse_dates, parse_money


@pytest.mark.parametrize("text, cents", [
    ("$2,567.49", 256749),
    ("$1,204,300.05", 120430005),
    ("2567.49", 256749),
    ("$0.00", 0),
    ("$14", 1400),
    ("$3.5", 350),
    ("", 0),
])
def test_money_parsed_to_cents(text, cents):
    parsed, problem = parse_money(pd.Series([text]))
    assert parsed.tolist() == [cents]
    assert problem.tolist() == [""]


@pytest.mark.parametrize("text", ["$2,567.495", "-$5.00", "(5.00)", "12,34.00", "USD 5", "n/a"])
def test_bad_amount_reported(text):
    _, problem = parse_money(pd.Series([text]))
    assert problem.tolist() == ["invalid"]


def test_money_sum_is_exact():
    parsed, _ = parse_money(pd.Series(["$0.10", "$0.20", "$0.70"]))
    assert int(parsed.sum()) == 100


@pytest.mark.parametrize("text, day", [
    ("10/2/2026", dt.date(2026, 10, 2)),
    ("01/09/2026", dt.date(2026, 1, 9)),
    ("1/9/2026", dt.date(2026, 1, 9)),
    ("2026-01-09", dt.date(2026, 1, 9)),
])
def test_date_month_first(text, day):
    parsed, problem = parse_dates(pd.Series([text]))
    assert parsed.iloc[0].date() == day
    assert problem.tolist() == [""]


def test_serial_date_reported():
    _, problem = parse_dates(pd.Series(["46027"]))
    assert problem.tolist() == ["serial"]


@pytest.mark.parametrize("text", ["13/01/2026", "02/30/2026", "Jan 9 2026", "9.1.2026"])
def test_impossible_date_reported(text):
    _, problem = parse_dates(pd.Series([text]))
    assert problem.tolist() == ["invalid"]


def test_blank_date_reported_blank():
    _, problem = parse_dates(pd.Series([""]))
    assert problem.tolist() == ["blank"]


def test_pad_code_restores_zero():
    padded, changed = pad_code(pd.Series(["1", "21", "08"]), 2)
    assert padded.tolist() == ["01", "21", "08"]
    assert changed.tolist() == [True, False, False]


def test_format_cents_two_decimals():
    assert format_cents(120430005) == "1204300.05"
