"""Parameters: defaults from the fees table, ranges, files and the errors for bad values."""

from decimal import Decimal

import pytest

from workbench.errors import InputError
from workbench.rules import load_table
from workbench.value.parameters import SPECS, Range, load_parameters, with_values


def test_published_defaults_match_fees_table():
    figures = load_table("fees")["figures"]
    params = load_parameters()
    for name, spec in SPECS.items():
        if spec.basis == "published":
            row = figures[spec.default]
            assert getattr(params, name) == Range(Decimal(row["low"]), Decimal(row["high"]))


def test_fees_table_rows_have_sources():
    for name, row in load_table("fees")["figures"].items():
        assert Decimal(row["low"]) <= Decimal(row["high"]), name
        assert row["confidence"] in ("A", "B", "C"), name
        assert len(row["source"]) > 20, name


def test_value_forms():
    params = load_parameters({"hourly_cost": 80, "cost_of_capital": [0.05, 0.08],
                              "specialist_fee_per_entry": "125-200",
                              "specialist_contingency": {"low": "0.03", "high": "0.06"}})
    assert params.hourly_cost == Range(Decimal(80), Decimal(80))
    assert params.cost_of_capital == Range(Decimal("0.05"), Decimal("0.08"))
    assert params.specialist_fee_per_entry.mid == Decimal("162.5")
    assert params.specialist_contingency.high == Decimal("0.06")


def test_file_then_values(tmp_path):
    path = tmp_path / "params.yaml"
    path.write_text("hourly_cost: 50\nrecords_complete: true\nseed: 7\n", encoding="utf-8")
    params = load_parameters({"hourly_cost": 70}, path)
    assert params.hourly_cost.mid == Decimal(70)
    assert params.records_complete is True
    assert params.seed == 7


@pytest.mark.parametrize("values, message", [
    ({"hourly_rate": 1}, "unknown key 'hourly_rate'"),
    ({"hourly_cost": -5}, "must not be negative"),
    ({"specialist_contingency": 1.5}, "at most 1"),
    ({"hourly_cost": [90, 60]}, "above its high"),
    ({"hourly_cost": "lots"}, "is not a number"),
    ({"records_complete": "yes"}, "true, false or empty"),
    ({"draws": 0}, "at least 1"),
])
def test_invalid_values_rejected(values, message):
    with pytest.raises(InputError, match=message):
        load_parameters(values)


def test_file_error_names_file(tmp_path):
    path = tmp_path / "params.yaml"
    path.write_text("hourly_rate: 50\n", encoding="utf-8")
    with pytest.raises(InputError, match=str(path)):
        load_parameters(path=path)


def test_with_values_checks():
    params = with_values(load_parameters(), specialist_fee_per_entry=150)
    assert params.specialist_fee_per_entry.fixed
    with pytest.raises(InputError, match="must not be negative"):
        with_values(params, specialist_fee_per_entry=-1)
