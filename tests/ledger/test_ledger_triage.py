"""Triage with --ledger: entries CBP already has are routed declared and never listed again."""

import datetime as dt

import pytest

from tests.ledger.conftest import claim_details, entry
from workbench.ledger import refile
from workbench.ledger.imports import import_results, record_upload
from workbench.ledger.store import Ledger

AS_OF = dt.date(2026, 11, 16)
ACCEPTED = entry(5100001)
REJECTED = entry(5100002)
WITH_ERRORS = entry(5100003)
NEW = entry(5100004)
ALL = [ACCEPTED, REJECTED, WITH_ERRORS]


def write_entries(es003, numbers):
    return es003.write("es003.csv", [es003.entry(n) for n in numbers])


def upload_and_answer(ledger_path, run, tmp_path):
    """Record the upload of the run's declaration and import CBP's Claim Details for it."""
    [declaration] = run.files()
    with Ledger.open(ledger_path) as ledger:
        record_upload(ledger, declaration, "CAPE0000501", dt.date(2026, 11, 2))
        import_results(ledger, claim_details(tmp_path / "claims.csv", [
            (ACCEPTED, "CAPE0000501", "Accepted", ""),
            (REJECTED, "CAPE0000501", "Rejected", "UNABLE TO CALCULATE DUTY"),
            (WITH_ERRORS, "CAPE0000501", "Accepted with Error(s)", ""),
        ]))


def test_first_run_records_written_files(triage, es003, tmp_path):
    ledger_path = tmp_path / "ledger.duckdb"
    run = triage(write_entries(es003, ALL), ledger=str(ledger_path))
    with Ledger.open(ledger_path) as ledger:
        states = ledger.entry_states()
        runs = ledger.query("SELECT kind, as_of FROM runs")
    assert {n: s.status for n, s in states.items()} == {n: "written" for n in ALL}
    assert runs["kind"].tolist() == ["triage"]
    assert runs["as_of"].iloc[0].date() == AS_OF


def test_rerun_after_accepted_upload(triage, es003, tmp_path):
    ledger_path = tmp_path / "ledger.duckdb"
    first = triage(write_entries(es003, ALL), ledger=str(ledger_path))
    upload_and_answer(ledger_path, first, tmp_path)

    again = triage(write_entries(es003, [*ALL, NEW]), ledger=str(ledger_path))
    for number in (ACCEPTED, WITH_ERRORS):
        assert again.route(number) == "declared"
        assert "ALREADY_DECLARED" in again.codes(number)
        assert again.rows[number]["declaration_file"] == ""
    assert set(again.declared()) == {REJECTED, NEW}
    assert again.route(REJECTED) == "cape"
    assert "UNABLE TO CALCULATE DUTY" in again.rows[REJECTED]["message"]


def test_rerun_same_es003_writes_nothing_for_accepted(triage, es003, tmp_path):
    ledger_path = tmp_path / "ledger.duckdb"
    path = write_entries(es003, [ACCEPTED, WITH_ERRORS])
    first = triage(path, ledger=str(ledger_path))
    [declaration] = first.files()
    with Ledger.open(ledger_path) as ledger:
        record_upload(ledger, declaration, "CAPE0000502", dt.date(2026, 11, 2))
        import_results(ledger, claim_details(tmp_path / "claims.csv", [
            (ACCEPTED, "CAPE0000502", "Accepted", ""),
            (WITH_ERRORS, "CAPE0000502", "Accepted", "")]))

    again = triage(path, ledger=str(ledger_path))
    assert again.files() == []
    assert {again.route(n) for n in (ACCEPTED, WITH_ERRORS)} == {"declared"}


def test_rerun_before_upload_lists_entries_again(triage, es003, tmp_path):
    ledger_path = tmp_path / "ledger.duckdb"
    path = write_entries(es003, ALL)
    triage(path, ledger=str(ledger_path))
    again = triage(path, ledger=str(ledger_path))
    assert set(again.declared()) == set(ALL)
    assert {again.route(n) for n in ALL} == {"cape"}


def test_uploaded_but_unanswered_is_declared(triage, es003, tmp_path):
    ledger_path = tmp_path / "ledger.duckdb"
    path = write_entries(es003, ALL)
    first = triage(path, ledger=str(ledger_path))
    [declaration] = first.files()
    with Ledger.open(ledger_path) as ledger:
        record_upload(ledger, declaration, "CAPE0000503", dt.date(2026, 11, 2))
    again = triage(path, ledger=str(ledger_path))
    assert {again.route(n) for n in ALL} == {"declared"}
    assert again.files() == []


def test_rejection_message_survives_refile(triage, es003, tmp_path):
    ledger_path = tmp_path / "ledger.duckdb"
    path = write_entries(es003, ALL)
    first = triage(path, ledger=str(ledger_path))
    upload_and_answer(ledger_path, first, tmp_path)
    with Ledger.open(ledger_path) as ledger:
        refile.write_refile(ledger, tmp_path / "refile")
        assert ledger.entry_states()[REJECTED].status == "written"

    again = triage(path, ledger=str(ledger_path))
    assert again.route(REJECTED) == "cape"
    assert "UNABLE TO CALCULATE DUTY" in again.rows[REJECTED]["message"]
