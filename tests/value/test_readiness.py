"""The readiness checklist: analyst answers and what the triage shows."""

from workbench.value.facts import collect_facts
from workbench.value.inputs import read_claim_data
from workbench.value.parameters import load_parameters
from workbench.value.readiness import checklist, open_items


def statuses(folder, **answers):
    data = read_claim_data(folder)
    params = load_parameters(answers)
    items = checklist(collect_facts(data, params.deadline_window_days), params)
    return {item.key: item.status for item in items}


def test_analyst_answers(write_triage, tmp_path):
    folder = write_triage(tmp_path / "t", [{"ieepa_duty": "100.00"}])
    result = statuses(folder, ace_portal_account=True, ach_refund_enrollment_verified=False)
    assert result["ace_portal_account"] == "met"
    assert result["ach_refund_enrollment_verified"] == "not met"
    assert result["records_complete"] == "not answered"


def test_simple_triage_meets_data_items(write_triage, tmp_path):
    folder = write_triage(tmp_path / "t", [{"ieepa_duty": "100.00"}])
    result = statuses(folder, ace_portal_account=True, ach_refund_enrollment_verified=True,
                      records_complete=True, staff_know_entry_logic=True)
    assert set(result.values()) == {"met"}


def test_sample_triage_items(sample_triage):
    data = read_claim_data(sample_triage)
    params = load_parameters()
    facts = collect_facts(data, params.deadline_window_days)
    result = {item.key: item for item in checklist(facts, params)}
    assert facts.importers == 3
    assert facts.psc_entries == 6
    assert facts.protest_entries == 40
    assert result["single_account"].status == "not met"
    assert result["no_psc_or_protest"].status == "not met"
    assert result["volume"].status == "met"
    assert result["no_near_deadline"].status == "not met"
    assert len(open_items(checklist(facts, params))) == 9


def test_near_deadline_window(write_triage, tmp_path):
    folder = write_triage(tmp_path / "t", [{"ieepa_duty": "100.00", "deadline": "2026-12-24",
                                           "deadline_kind": "protest_180_day",
                                           "route": "protest"}])
    data = read_claim_data(folder)
    assert collect_facts(data, 30).near_deadline_entries == 1
    assert collect_facts(data, 19).near_deadline_entries == 0
