"""Reading triage, estimate and drawback folders for the value model."""

import json
from decimal import Decimal

import pytest

from workbench.errors import InputError
from workbench.value.inputs import read_claim_data


def test_triage_without_estimate(write_triage, tmp_path):
    folder = write_triage(tmp_path / "t", [{"ieepa_duty": "125.50", "reason_codes": "A;B",
                                           "deadline": "2026-12-20",
                                           "deadline_kind": "cape_80_day"}])
    data = read_claim_data(folder)
    entry = data.entries[0]
    assert entry.principal == Decimal("125.50")
    assert entry.interest == Decimal("0.00")
    assert entry.reason_codes == ("A", "B")
    assert entry.deadline.isoformat() == "2026-12-20"
    assert "interest 0" in data.refund_basis
    assert data.declaration_files == 1


def test_estimate_principal_and_interest(write_triage, tmp_path):
    folder = write_triage(tmp_path / "t", [{"ieepa_duty": "100.00"}, {"ieepa_duty": "50.00"}])
    estimate = tmp_path / "e"
    estimate.mkdir()
    (estimate / "estimate.csv").write_text(
        "entry_number,principal,interest,interest_complete\n"
        "AAA00000001,100.00,3.25,true\n"
        "AAA00000002,50.00,,false\n", encoding="utf-8")
    data = read_claim_data(folder, estimate_dir=estimate)
    assert [e.refund for e in data.entries] == [Decimal("103.25"), Decimal("50.00")]
    assert "interest incomplete for 1 entries" in data.refund_basis


def test_estimate_missing_entry(write_triage, tmp_path):
    folder = write_triage(tmp_path / "t", [{"ieepa_duty": "100.00"}, {"ieepa_duty": "50.00"}])
    estimate = tmp_path / "e"
    estimate.mkdir()
    (estimate / "estimate.csv").write_text(
        "entry_number,principal,interest\nAAA00000001,100.00,3.25\n", encoding="utf-8")
    with pytest.raises(InputError, match="entry AAA00000002 of triage.csv has no row"):
        read_claim_data(folder, estimate_dir=estimate)


def test_drawback_total(write_triage, tmp_path):
    folder = write_triage(tmp_path / "t", [{"ieepa_duty": "100.00"}])
    drawback = tmp_path / "d"
    drawback.mkdir()
    (drawback / "claim_summary.json").write_text(json.dumps({"total": "22156.20"}))
    data = read_claim_data(folder, drawback_dir=drawback)
    assert data.drawback_recovery == Decimal("22156.20")


def test_bad_amount_names_row(write_triage, tmp_path):
    folder = write_triage(tmp_path / "t", [{"ieepa_duty": "100.00"}, {"ieepa_duty": "$5"}])
    with pytest.raises(InputError, match="row 3, column ieepa_duty"):
        read_claim_data(folder)


def test_missing_column_named(tmp_path):
    (tmp_path / "triage.csv").write_text("entry_number,route\nX,cape\n", encoding="utf-8")
    (tmp_path / "summary.json").write_text(json.dumps({"as_of": "2026-12-04"}))
    with pytest.raises(InputError, match="missing column 'importer_number'"):
        read_claim_data(tmp_path)


def test_missing_folder(tmp_path):
    with pytest.raises(InputError, match="summary.json: file not found"):
        read_claim_data(tmp_path / "nowhere")
