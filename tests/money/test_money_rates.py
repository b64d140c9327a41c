"""The quarterly rate table: shipped rows, the analyst's rates file and the assumed rate."""

from decimal import Decimal

import pytest

from workbench.errors import InputError
from workbench.money.quarters import Quarter
from workbench.money.rates import shipped_rates
from workbench.money.rates_file import read_rates_file
from workbench.rules import load_table


def test_shipped_rates_2025_and_2026q1():
    table = shipped_rates()
    for quarter in (Quarter(2025, 1), Quarter(2025, 2), Quarter(2025, 4), Quarter(2026, 1)):
        rate = table.lookup(quarter)
        assert rate.percent == {"non_corporate": Decimal(7), "corporate": Decimal(6),
                                "underpayment": Decimal(7)}
        assert rate.status == "published"


def test_shipped_2024q4_rates():
    rate = shipped_rates().lookup(Quarter(2024, 4))
    assert (rate.percent["non_corporate"], rate.percent["corporate"]) == (Decimal(8), Decimal(7))
    assert "2024-21785" in rate.source


def test_2025q3_marked_inferred():
    assert shipped_rates().lookup(Quarter(2025, 3)).status == "inferred"


@pytest.mark.parametrize("quarter", [Quarter(2026, 2), Quarter(2026, 3), Quarter(2026, 4),
                                     Quarter(2027, 1)])
def test_unpublished_quarters_have_no_rate(quarter):
    assert shipped_rates().lookup(quarter) is None


def test_not_found_rows_keep_their_source():
    assert Quarter(2026, 2) in shipped_rates().not_found


def test_every_row_has_source_and_dates():
    for label, row in load_table("interest_rates")["quarters"].items():
        quarter = Quarter.parse(label)
        assert row["source"] and row["confidence"]
        assert (row["effective_from"], row["effective_to"]) == (quarter.first_day, quarter.last_day)


def test_assumed_rate_corporate_one_point_lower():
    rate = shipped_rates().with_assumed(Decimal("7.5")).lookup(Quarter(2026, 3))
    assert rate.status == "assumed"
    assert rate.percent == {"non_corporate": Decimal("7.5"), "corporate": Decimal("6.5")}


def test_assumed_rate_keeps_published_quarters():
    assert shipped_rates().with_assumed(Decimal(9)).lookup(Quarter(2026, 1)).status == "published"


def test_rates_csv_adds_quarter(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("Quarter,Non-Corporate,Corporate,Source\n2026Q2,7,6,CBP notice seen by analyst\n")
    table, changes = shipped_rates().with_overrides(read_rates_file(path))
    rate = table.lookup(Quarter(2026, 2))
    assert (rate.percent["corporate"], rate.status) == (Decimal(6), "user_supplied")
    assert rate.source == "CBP notice seen by analyst"
    assert changes == []


def test_rates_csv_override_reported(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("quarter,non_corporate,corporate\n2025-Q4,8%,7\n")
    table, changes = shipped_rates().with_overrides(read_rates_file(path))
    assert table.lookup(Quarter(2025, 4)).percent["corporate"] == Decimal(7)
    assert len(changes) == 1
    assert changes[0].startswith("2025Q4: rates file replaces")


def test_rates_yaml(tmp_path):
    path = tmp_path / "rates.yaml"
    path.write_text("quarters:\n  2026Q3:\n    percent: {non_corporate: '6', corporate: '5'}\n"
                    "    source: analyst\n")
    assert read_rates_file(path)[Quarter(2026, 3)].percent["non_corporate"] == Decimal(6)


@pytest.mark.parametrize("text, message", [
    ("quarter,non_corporate,corporate\n2026Q5,7,6\n", "row 2, column 'quarter'"),
    ("quarter,non_corporate,corporate\n2026Q2,seven,6\n", "row 2, column 'non_corporate'"),
    ("quarter,non_corporate,corporate\n2026Q2,7,160\n", "row 2, column 'corporate'"),
    ("quarter,corporate\n2026Q2,6\n", "column 'non_corporate' missing"),
    ("quarter,non_corporate,corporate\n2026Q2,7,6\n2026Q2,7,6\n", "listed twice"),
])
def test_rates_csv_errors(tmp_path, text, message):
    path = tmp_path / "rates.csv"
    path.write_text(text)
    with pytest.raises(InputError, match=message):
        read_rates_file(path)


def test_rates_file_wrong_suffix(tmp_path):
    path = tmp_path / "rates.txt"
    path.write_text("x")
    with pytest.raises(InputError, match=".csv, .yaml or .yml"):
        read_rates_file(path)
