"""The ledger file: schema and migrations, runs, uploads, imports that change nothing twice."""

import datetime as dt

import duckdb
import pytest

from tests.ledger.conftest import claim_details, declaration, entry, write
from workbench.errors import InputError
from workbench.ledger import schema
from workbench.ledger.imports import import_results, record_upload
from workbench.ledger.store import Ledger
from workbench.outputs import sha256_file

E1, E2, E3 = entry(4100001), entry(4100002), entry(4100003)
UPLOADED = dt.date(2026, 5, 4)


def triage_file(tmp_path, numbers, name="cape_declaration_001.csv", importer="12-345678900"):
    path = declaration(tmp_path / "out" / name, numbers)
    return {"path": str(path), "sha256": sha256_file(path), "importer_key": importer,
            "filer_code": "", "entries": list(numbers)}


SUMMARY = {"as_of": "2026-12-04", "inputs": [{"path": "es003.csv", "sha256": "ab"}],
           "rule_tables": {"chapter99": {"version": "2026-12-04"}}}


def test_new_file_at_latest_version(ledger_path):
    with Ledger.open(ledger_path) as ledger:
        assert ledger.schema_version() == schema.LATEST_VERSION
        assert set(ledger.counts()) >= {"runs", "status_events", "result_files"}
    assert ledger_path.exists()


def test_migrates_version_one_file(ledger_path):
    connection = duckdb.connect(str(ledger_path))
    schema.migrate(connection, ledger_path, target=1)
    connection.execute("INSERT INTO status_events VALUES "
                       f"(1, '{E1}', 'declared', DATE '2026-05-04', 'C1', '', NULL, NULL, NULL, "
                       "TIMESTAMP '2026-05-04 10:00:00')").fetchall()
    connection.close()

    with Ledger.open(ledger_path) as ledger:
        assert ledger.schema_version() == 2
        state = ledger.entry_states()[E1]
    assert state.status == "declared"
    assert state.claim_number == "C1"


def test_newer_schema_refused(ledger_path):
    with Ledger.open(ledger_path) as ledger:
        ledger.connection.execute(
            "INSERT INTO schema_version VALUES (99, 'future', now())").fetchall()
    with pytest.raises(InputError, match="schema version 99 is newer"):
        Ledger.open(ledger_path)


def test_not_a_ledger_file(tmp_path):
    path = write(tmp_path / "notes.duckdb", "just text, not a database\n")
    with pytest.raises(InputError, match="notes.duckdb"):
        Ledger.open(path)


def test_missing_ledger_when_not_creating(tmp_path):
    with pytest.raises(InputError, match="ledger not found"):
        Ledger.open(tmp_path / "none.duckdb", create=False)


def test_record_run_writes_written_status(tmp_path, ledger_path):
    item = triage_file(tmp_path, [E1, E2])
    with Ledger.open(ledger_path) as ledger:
        ledger.record_run(SUMMARY, [item])
        states = ledger.entry_states()
        run = ledger.query("SELECT * FROM runs").iloc[0]
    assert {n: s.status for n, s in states.items()} == {E1: "written", E2: "written"}
    assert not any(s.blocks_declaration for s in states.values())
    assert states[E1].importer_key == "12345678900"
    assert run["kind"] == "triage"
    assert run["as_of"].date() == dt.date(2026, 12, 4)
    assert '"sha256": "ab"' in run["inputs_json"]


def test_record_run_keeps_later_status(tmp_path, ledger_path):
    item = triage_file(tmp_path, [E1])
    with Ledger.open(ledger_path) as ledger:
        ledger.record_run(SUMMARY, [item])
        record_upload(ledger, item["path"], "C1", UPLOADED)
        import_results(ledger, claim_details(tmp_path / "c.csv", [(E1, "C1", "Accepted", "")]))
        ledger.record_run(SUMMARY, [triage_file(tmp_path, [E1, E2], "second.csv")])
        states = ledger.entry_states()
    assert states[E1].status == "accepted"
    assert states[E2].status == "written"


def test_ssn_form_importer_never_stored(tmp_path, ledger_path):
    item = triage_file(tmp_path, [E1], importer="123-45-6789")
    with Ledger.open(ledger_path) as ledger:
        ledger.record_run(SUMMARY, [item])
        rev603 = write(tmp_path / "rev603.csv",
                       "Entry Number,IOR Number,Secondary Status,Refund Amount\n"
                       f"{E1},123456789,Treasury Issued,5.00\n")
        import_results(ledger, rev603)
        keys = set(ledger.query("SELECT importer_key FROM status_events")["importer_key"])
    assert keys == {"***-**-6789"}
    data = ledger_path.read_bytes() + (ledger_path.with_suffix(".duckdb.wal").read_bytes()
                                       if ledger_path.with_suffix(".duckdb.wal").exists() else b"")
    assert b"123-45-6789" not in data
    assert b"123456789" not in data


def test_record_upload_finds_file_by_sha(tmp_path, ledger_path):
    item = triage_file(tmp_path, [E1, E2])
    moved = write(tmp_path / "elsewhere.csv", open(item["path"]).read())
    with Ledger.open(ledger_path) as ledger:
        ledger.record_run(SUMMARY, [item])
        record = record_upload(ledger, moved, "C1", UPLOADED)
        states = ledger.entry_states()
    assert record.registered_now is False
    assert record.entries == 2
    assert states[E1].status == "declared"
    assert states[E1].blocks_declaration is True
    assert states[E1].claim_number == "C1"
    assert states[E1].updated == UPLOADED


def test_record_upload_registers_unknown_file(tmp_path, ledger_path):
    path = declaration(tmp_path / "by_hand.csv", [E3])
    with Ledger.open(ledger_path) as ledger:
        record = record_upload(ledger, path, "", UPLOADED, importer="12-345678900")
        state = ledger.entry_states()[E3]
    assert record.registered_now is True
    assert state.status == "declared"
    assert state.importer_key == "12345678900"


def test_record_upload_twice_changes_nothing(tmp_path, ledger_path):
    path = declaration(tmp_path / "d.csv", [E1])
    with Ledger.open(ledger_path) as ledger:
        record_upload(ledger, path, "C1", UPLOADED)
        before = ledger.counts()
        again = record_upload(ledger, path, "C1", UPLOADED)
        assert ledger.counts() == before
    assert again.already_recorded is True


def test_record_upload_fills_claim_number(tmp_path, ledger_path):
    path = declaration(tmp_path / "d.csv", [E1])
    with Ledger.open(ledger_path) as ledger:
        record_upload(ledger, path, "", UPLOADED)
        record_upload(ledger, path, "C7", UPLOADED)
        state = ledger.entry_states()[E1]
        uploads = ledger.counts()["uploads"]
    assert state.claim_number == "C7"
    assert uploads == 1


def test_record_upload_other_claim_refused(tmp_path, ledger_path):
    path = declaration(tmp_path / "d.csv", [E1])
    with Ledger.open(ledger_path) as ledger:
        record_upload(ledger, path, "C1", UPLOADED)
        with pytest.raises(InputError, match="already recorded as uploaded under claim number C1, and CBP still has 1"):
            record_upload(ledger, path, "C2", UPLOADED)


def test_record_upload_warns_of_repeats(tmp_path, ledger_path):
    with Ledger.open(ledger_path) as ledger:
        record_upload(ledger, declaration(tmp_path / "a.csv", [E1]), "C1", UPLOADED)
        record = record_upload(ledger, declaration(tmp_path / "b.csv", [E1, E2]), "C2", UPLOADED)
    assert record.already_declared == (E1,)


@pytest.mark.parametrize("text, match", [
    ("Entry\nQXZ41000017\n", "header 'Entry Number'"),
    ("Entry Number\nQXZ4100001\n", "invalid entry number"),
    ("Entry Number\n", "lists no entry numbers"),
])
def test_record_upload_rejects_non_declaration(tmp_path, ledger_path, text, match):
    path = write(tmp_path / "bad.csv", text)
    with Ledger.open(ledger_path) as ledger:
        with pytest.raises(InputError, match=match):
            record_upload(ledger, path, "C1", UPLOADED)
        assert ledger.counts()["uploads"] == 0


def test_import_same_file_twice_changes_nothing(tmp_path, ledger_path):
    path = claim_details(tmp_path / "c.csv", [(E1, "C1", "Rejected", "INVALID HTS")])
    with Ledger.open(ledger_path) as ledger:
        first = import_results(ledger, path)
        before = ledger.counts()
        second = import_results(ledger, path)
        assert ledger.counts() == before
    assert first.events_added == 1
    assert second.already_imported is True
    assert second.events_added == 0


def test_resaved_copy_adds_no_events(tmp_path, ledger_path):
    rows = [(E1, "C1", "Rejected", "INVALID HTS"), (E2, "C1", "Accepted", "")]
    path = claim_details(tmp_path / "c.csv", rows)
    resaved = write(tmp_path / "c_resaved.csv",
                    path.read_text().replace("\n", "\r\n").replace(E1, f'="{E1}"'))
    with Ledger.open(ledger_path) as ledger:
        import_results(ledger, path)
        events = ledger.counts()["status_events"]
        record = import_results(ledger, resaved)
        assert ledger.counts()["status_events"] == events
    assert record.already_imported is False
    assert record.events_added == 0


def test_import_unknown_status_kept(tmp_path, ledger_path):
    path = claim_details(tmp_path / "c.csv", [(E1, "C1", "Pending Review", "")])
    with Ledger.open(ledger_path) as ledger:
        record = import_results(ledger, path)
        state = ledger.entry_states()[E1]
    assert record.unrecognised_statuses == ("Pending Review",)
    assert state.status == "declared"
    assert state.cbp_status_text == "Pending Review"
    assert state.blocks_declaration is True


def test_import_counts_entries_not_declared(tmp_path, ledger_path):
    path = claim_details(tmp_path / "c.csv", [(E1, "C1", "Accepted", "")])
    with Ledger.open(ledger_path) as ledger:
        record = import_results(ledger, path)
    assert record.entries_not_declared == 1


def test_import_bad_file_records_nothing(tmp_path, ledger_path):
    path = write(tmp_path / "c.csv", f"ENTRY_NUMBER,CLAIM_NUMBER,STATUS,Memo\n{E1},C1,Accepted,x\n")
    with Ledger.open(ledger_path) as ledger:
        before = ledger.counts()
        with pytest.raises(InputError, match="'Memo'"):
            import_results(ledger, path)
        assert ledger.counts() == before


def test_es022_without_refund_is_accepted(tmp_path, ledger_path):
    path = write(tmp_path / "es022.csv",
                 f"Entry Number,Principal Amount,Interest Amount\n{E1},,\n{E2},10.00,0.10\n")
    with Ledger.open(ledger_path) as ledger:
        import_results(ledger, path)
        states = ledger.entry_states()
    assert states[E1].status == "accepted"
    assert states[E2].status == "liquidated"


def test_error_inside_transaction_rolls_back(tmp_path, ledger_path):
    path = claim_details(tmp_path / "c.csv", [(E1, "C1", "Accepted", "")])

    def fail():
        raise RuntimeError("stop after insert")

    with Ledger.open(ledger_path) as ledger:
        before = ledger.counts()
        with pytest.raises(RuntimeError):
            import_results(ledger, path, on_events_added=fail)
        assert ledger.counts() == before
        assert import_results(ledger, path).events_added == 1


def test_same_bytes_uploaded_again_after_rejection(tmp_path, ledger_path):
    path = declaration(tmp_path / "d.csv", [E1])
    with Ledger.open(ledger_path) as ledger:
        record_upload(ledger, path, "C1", UPLOADED)
        import_results(ledger, claim_details(tmp_path / "r.csv",
                                             [(E1, "C1", "Rejected", "UNABLE TO CALCULATE DUTY")]))
        record = record_upload(ledger, path, "C2", UPLOADED + dt.timedelta(days=7))
        state = ledger.entry_states()[E1]
    assert record.already_recorded is False
    assert state.status == "declared"
    assert state.claim_number == "C2"
    assert state.uploads == 2


def test_sample_files_match_generator(sample_folder):
    from tests.ledger.conftest import SAMPLES
    for relative in sample_folder.rglob("*"):
        if relative.is_file():
            name = relative.relative_to(sample_folder)
            assert (SAMPLES / name).read_bytes() == relative.read_bytes(), str(name)
