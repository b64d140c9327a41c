"""Entries already on an earlier declaration (the ledger): declared once, never listed again."""

import datetime as dt

from workbench.ledger.imports import record_upload
from workbench.ledger.store import Ledger


def test_written_but_not_uploaded_listed_again(es003, triage, tmp_path):
    number = es003.number("D3W", 5600217)
    path = es003.write("es003.csv", [es003.entry(number)])
    ledger = tmp_path / "ledger.duckdb"
    triage(path, ledger=str(ledger))
    rerun = triage(path, ledger=str(ledger))
    assert rerun.route(number) == "cape"
    assert rerun.declared() == [number]


def test_uploaded_entry_declared(es003, triage, tmp_path):
    uploaded, fresh = es003.number("D3W", 5600225), es003.number("D3W", 5600233)
    ledger = tmp_path / "ledger.duckdb"
    first = triage(es003.write("week1.csv", [es003.entry(uploaded)]), ledger=str(ledger))
    with Ledger.open(ledger) as store:
        record_upload(store, first.files()[0], claim_number="CLM-TEST-1",
                      upload_date=dt.date(2026, 11, 10))
    second = triage(es003.write("week2.csv", [es003.entry(uploaded), es003.entry(fresh)]),
                    ledger=str(ledger))
    assert second.route(uploaded) == "declared"
    assert "ALREADY_DECLARED" in second.codes(uploaded)
    assert second.declared() == [fresh]
    assert second.rows[uploaded]["declaration_file"] == ""
