"""Property-based tests of the ES-003 cell parsers: entry numbers, money and dates by column.

The loader parses whole columns at once, so these tests compare the column functions with
the rules for one value. ``entry_number_columns`` must classify every cell exactly as
``classify_entry_number`` does. ``parse_money`` must return the cents of any amount printed
as ACE prints it and report anything else. No text may make a parser raise.
"""

import string

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from workbench.identifiers.entry_number import calc_check_digit
from workbench.sources.es003_cells import classify_entry_number, entry_number_columns
from workbench.sources.values import parse_dates, parse_money

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def entry_cells(draw):
    """Draw an Entry Summary Number cell: valid, damaged or near the compact shape."""
    filer = draw(st.text(alphabet=string.ascii_uppercase + string.digits + "E",
                         min_size=3, max_size=3))
    transaction = draw(st.text(alphabet=string.digits, min_size=7, max_size=7))
    number = filer + transaction + calc_check_digit(filer + transaction)
    damage = draw(st.sampled_from(["none", "digit", "lower", "dashes", "short", "space",
                                   "wrapper", "text"]))
    if damage == "digit":
        return number[:10] + str((int(number[10]) + 1) % 10)
    if damage == "lower":
        return number.lower()
    if damage == "dashes":
        return f"{number[:3]}-{number[3:10]}-{number[10]}"
    if damage == "short":
        return number.lstrip("0")[:draw(st.integers(0, 11))]
    if damage == "space":
        return f" {number} "
    if damage == "wrapper":
        return f'="{number}"'
    if damage == "text":
        return draw(st.text(max_size=14))
    return number


@FAST
@given(st.lists(entry_cells(), min_size=1, max_size=25))
@example(["1E212345678", "12E12345678", "00000000000", "000ABCDEFGH", "931045272"])
def test_entry_number_columns_match_one_by_one(cells):
    rows = pd.DataFrame({"Entry Summary Number": cells})
    entry_number_columns(rows)
    found = list(zip(rows["entry_key"], rows["entry_state"], rows["entry_detail"]))
    assert found == [classify_entry_number(cell) for cell in cells]


def _printed(cents, style):
    dollars, rest = divmod(cents, 100)
    if style == "ace":
        return f"${dollars:,}.{rest:02d}"
    if style == "plain":
        return f"{dollars}.{rest:02d}"
    if style == "one_decimal" and rest % 10 == 0:
        return f"{dollars}.{rest // 10}"
    if style == "whole" and rest == 0:
        return str(dollars)
    return f"${dollars:,}.{rest:02d}"


@FAST
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=10**12 - 1),
                          st.sampled_from(["ace", "plain", "one_decimal", "whole"])),
                min_size=1, max_size=20))
def test_money_round_trip(amounts):
    texts = [_printed(cents, style) for cents, style in amounts]
    cents, problem = parse_money(pd.Series(texts))
    assert cents.tolist() == [value for value, _style in amounts]
    assert problem.tolist() == [""] * len(texts)


@FAST
@given(st.lists(st.text(max_size=20) | st.text(alphabet=string.digits + "$,. -", max_size=20),
                min_size=1, max_size=20))
@example(["$10,000,000,000.00", "9" * 30, "\u0661\u0662", "$1,00", "-1", "1.2.3"])
def test_money_never_raises(texts):
    cents, problem = parse_money(pd.Series(texts))
    assert len(cents) == len(texts)
    assert all(0 <= value < 10**12 for value in cents)
    assert set(problem) <= {"", "invalid"}
    for value, issue in zip(cents, problem):
        if issue:
            assert value == 0


@FAST
@given(st.lists(st.text(max_size=22) | st.text(alphabet=string.digits + "/-: AMP", max_size=22),
                min_size=1, max_size=20))
@example(["12/31/9999", "01/01/0001", "02/30/2026", "45818", "\u0661/\u0662/\u0662\u0660\u0662\u0666"])
def test_dates_never_raise(texts):
    dates, problem = parse_dates(pd.Series(texts))
    assert len(dates) == len(texts)
    assert set(problem) <= {"", "blank", "serial", "invalid"}
    assert all((issue == "") == (not pd.isna(day)) for day, issue in zip(dates, problem))
