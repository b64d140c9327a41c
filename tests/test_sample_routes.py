"""The triage of the sample data gives the route the sample generator built each entry for."""

import csv
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from workbench.cape.run import run_triage

SAMPLES = Path(__file__).resolve().parent.parent / "data_samples"


@pytest.fixture(scope="module")
def sample_triage(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample-triage")
    run_triage(sorted(SAMPLES.glob("es003_importer*.csv")), out, as_of=dt.date(2026, 12, 4),
               filer_code="K9D", protests=SAMPLES / "protests.csv",
               drawback=SAMPLES / "drawback_designations.csv",
               rules=SAMPLES / "analyst_rules.yaml")
    with open(out / "triage.csv", encoding="utf-8") as stream:
        rows = {row["entry_number"]: row for row in csv.DictReader(stream)}
    return out, rows


def expected_rows():
    with open(SAMPLES / "expected_routes.csv", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def test_every_sample_entry_is_triaged(sample_triage):
    _out, rows = sample_triage
    assert set(rows) == {row["entry_number"] for row in expected_rows()}


@pytest.mark.parametrize("expected", expected_rows(), ids=lambda row: row["entry_number"])
def test_sample_entry_route(sample_triage, expected):
    _out, rows = sample_triage
    row = rows[expected["entry_number"]]
    assert row["route"] == expected["route"]
    if expected["reason_code"]:
        assert expected["reason_code"] in row["reason_codes"].split(";")
    if expected["deadline"]:
        assert row["deadline"] == expected["deadline"]
        assert row["deadline_kind"] == expected["deadline_kind"]
    if expected["ieepa_duty"] and row["route"] != "invalid":
        assert Decimal(row["ieepa_duty"]) == Decimal(expected["ieepa_duty"])


def test_sample_summary_reconciles(sample_triage):
    out, rows = sample_triage
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    check = summary["reconciliation"]
    assert check["rows_balanced"]
    assert check["entries_balanced"]
    assert check["ieepa_duty_balanced"]
    assert check["rows_read"] == sum(i["rows"] for i in summary["inputs"])
    assert summary["entries"] == len(rows)


def test_sample_ssn_importer_is_masked(sample_triage):
    out, _rows = sample_triage
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "948-31-5072" not in text, path.name
            assert "948315072" not in text, path.name
    assert (out / "SSN-XXXXX5072").is_dir()
