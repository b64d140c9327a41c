"""Status, re-filing and reconciliation on the sample ledger, and CBP message mapping."""

import csv
import datetime as dt

import pytest

from tests.ledger.conftest import (claim_details, declaration, entry, sample_entry, write)
from workbench.cape.declaration import declaration_bytes
from workbench.errors import InputError
from workbench.ledger import messages, refile, status
from workbench.ledger.imports import import_results, record_upload
from workbench.ledger.reconcile import read_estimate, reconcile, write_reconciliation
from workbench.ledger.store import Ledger

AS_OF = dt.date(2026, 12, 4)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def states_of(path):
    with Ledger.open(path) as ledger:
        return ledger.entry_states()


# CBP messages ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, code, remedy", [
    ("ENTRY ON DRAWBACK", "DRAWBACK_DESIGNATED", "clear_then_resubmit"),
    ("Entry Summary Flagged for Recon", "RECON_FLAGGED", "clear_then_resubmit"),
    ("ENTRY SUMMARY IS CANCELLED/REJECTED", "CANCELLED_OR_REJECTED", "clear_then_resubmit"),
    ("ENTRY SUMMARY IS IN FINAL LIQUIDATION STATUS", "LIQUIDATED_OVER_80_DAYS", "none"),
    ("GOODS VALUE AMOUNT MUST BE REPORTED ON THE CH 1-97", "GOODS_VALUE_ON_IEEPA_LINE",
     "resubmit"),
    ("HTS RELATIONSHIP/SEQUENCE MISMATCH", "", "resubmit"),
    ("HTS RELATIONSHIP MISMATCH", "GOODS_VALUE_ON_IEEPA_LINE", "clear_then_resubmit"),
    ("INVALID HTS", "GOODS_VALUE_ON_IEEPA_LINE", "clear_then_resubmit"),
    ("Goods Value Amount Not Allowed on IEEPA HTS Line", "GOODS_VALUE_ON_IEEPA_LINE",
     "clear_then_resubmit"),
    ("Entry previously submitted", "ALREADY_DECLARED", "none"),
    ("Account Mismatch", "FILER_MISMATCH", "none"),
])
def test_known_messages(text, code, remedy):
    rule = messages.explain(text)
    assert rule.known is True
    assert rule.reason_code == code
    assert rule.remedy == remedy
    assert rule.next_step
    assert rule.source


def test_unknown_message_shown_as_received():
    rule = messages.explain("  Entry not on file for IOR ")
    assert rule.known is False
    assert rule.text == "Entry not on file for IOR"
    assert "shown as received" in rule.next_step


def test_every_message_rule_complete():
    for row in messages.load_table("cbp_messages")["messages"]:
        assert row["remedy"] in messages.REMEDIES, row["match"]
        assert row["source"], row["match"]
        assert row["next_step"], row["match"]
        assert row["cause"], row["match"]


# Status ---------------------------------------------------------------------------------


def test_sample_status_and_funnel(replayed, tmp_path):
    states = states_of(replayed)
    assert states[sample_entry("E01")].status == "paid"
    assert states[sample_entry("E04")].status == "sent_to_treasury"
    assert states[sample_entry("E05")].status == "accepted"
    assert states[sample_entry("E10")].status == "paid"
    assert states[sample_entry("F02")].status == "returned"
    assert states[sample_entry("E09")].message == "ENTRY NOT ON FILE FOR IOR"
    assert states[sample_entry("F01")].importer_key == "***-**-6789"

    funnel = status.funnel(states).set_index("stage")["entries"].to_dict()
    assert funnel == {"declared": 14, "accepted": 9, "liquidated": 8, "paid": 5}

    paths = status.write_status(tmp_path / "st", states)
    rows = {r["entry_number"]: r for r in read_csv(paths[0])}
    assert rows[sample_entry("E06")]["reason_code"] == "LIQUIDATED_OVER_80_DAYS"
    assert "protest" in rows[sample_entry("E06")]["next_step"]
    assert "123-45-6789" not in paths[0].read_text()


def test_status_command(replayed, tmp_path, cli):
    code, out, _ = cli("ledger", "status", "--ledger", replayed, "--out", tmp_path / "st")
    assert code == 0
    assert "declared          14" in out
    assert "(returned)         1" in out
    assert (tmp_path / "st" / "ledger_funnel.csv").exists()


def test_status_of_missing_ledger(tmp_path, cli):
    code, _, err = cli("ledger", "status", "--ledger", tmp_path / "none.duckdb")
    assert code == 2
    assert "ledger not found" in err
    assert not (tmp_path / "none.duckdb").exists()


# Re-filing ------------------------------------------------------------------------------


def test_refile_lists_fixable_entries(replayed, tmp_path):
    with Ledger.open(replayed) as ledger:
        result = refile.write_refile(ledger, tmp_path / "rf")
        states = ledger.entry_states()
    decided = {d.entry_number: d for d in result.decisions}
    assert {n for n, d in decided.items() if d.refile} == {sample_entry("E07"),
                                                            sample_entry("E08")}
    assert decided[sample_entry("E06")].remedy == "none"
    assert decided[sample_entry("E09")].remedy == "unknown"
    assert decided[sample_entry("E09")].message == "ENTRY NOT ON FILE FOR IOR"
    assert decided[sample_entry("F03")].remedy == "clear_then_resubmit"

    [item] = result.declaration_files
    data = (tmp_path / "rf" / "cape_refile_001.csv").read_bytes()
    assert data == declaration_bytes([sample_entry("E07"), sample_entry("E08")])
    assert states[sample_entry("E07")].status == "written"
    assert states[sample_entry("E07")].last_result == "rejected"
    report = {r["entry_number"]: r for r in read_csv(result.report)}
    assert report[sample_entry("E07")]["declaration_file"] == "cape_refile_001.csv"
    assert report[sample_entry("E09")]["refiled"] == "no"


def test_refile_upload_found_by_sha(replayed, tmp_path):
    with Ledger.open(replayed) as ledger:
        refile.write_refile(ledger, tmp_path / "rf")
        record = record_upload(ledger, tmp_path / "rf" / "cape_refile_001.csv", "CAPE0000900",
                               dt.date(2026, 12, 5))
        state = ledger.entry_states()[sample_entry("E08")]
    assert record.registered_now is False
    assert state.status == "declared"
    assert state.uploads == 2


def test_refile_cleared_entry_listed(replayed, tmp_path):
    cleared = write(tmp_path / "cleared.csv", f"Entry Number\n{sample_entry('F03')}\n"
                                              f"{sample_entry('E01')}\n")
    with Ledger.open(replayed) as ledger:
        result = refile.write_refile(ledger, tmp_path / "rf", cleared)
    listed = {n for item in result.declaration_files for n in item["entries"]}
    assert sample_entry("F03") in listed
    assert result.cleared_not_rejected == [sample_entry("E01")]
    folders = {item["path"].split("/")[-2] for item in result.declaration_files}
    assert folders == {"12345678900", "SSN-XXXXX6789"}


def test_refile_stops_after_max_uploads(tmp_path, ledger_path):
    number = entry(4100001)
    with Ledger.open(ledger_path) as ledger:
        for attempt in (1, 2):
            record_upload(ledger, declaration(tmp_path / f"d{attempt}.csv", [number]),
                          f"C{attempt}", dt.date(2026, 5, attempt))
            import_results(ledger, claim_details(tmp_path / f"r{attempt}.csv", [
                (number, f"C{attempt}", "Rejected", "Unable to Calculate Duty")]))
        result = refile.write_refile(ledger, tmp_path / "rf")
    [decision] = result.decisions
    assert decision.refile is False
    assert decision.next_step.startswith("Already uploaded 2 times")
    assert "IEEPARefunds@cbp.dhs.gov" in decision.next_step
    assert result.declaration_files == []


def test_refile_refuses_folder_with_old_files(replayed, tmp_path):
    write(tmp_path / "rf" / "cape_refile_001.csv", "Entry Number\n")
    with Ledger.open(replayed) as ledger:
        with pytest.raises(InputError, match="new --out folder"):
            refile.write_refile(ledger, tmp_path / "rf")


def test_refile_command(replayed, tmp_path, cli):
    code, out, _ = cli("ledger", "refile", "--ledger", replayed, "--out", tmp_path / "rf")
    assert code == 0
    assert "5 rejected entries, 2 listed for re-filing" in out


# Reconciliation -------------------------------------------------------------------------


def findings_by_entry(result):
    found = {}
    for row in result.findings.to_dict("records"):
        found.setdefault(row["entry_number"], set()).add(row["finding"])
    return found


def test_sample_findings_match_scenarios(replayed, sample_folder):
    expected = read_estimate(sample_folder / "estimate.csv")
    with Ledger.open(replayed) as ledger:
        result = reconcile(ledger, expected, AS_OF)
    found = findings_by_entry(result)
    assert sample_entry("E01") not in found
    assert sample_entry("E10") not in found
    assert found[sample_entry("E02")] == {"INTEREST_SHORTFALL"}
    assert found[sample_entry("E03")] == {"FUNDS_DIVERTED"}
    assert found[sample_entry("E04")] == {"IN_TRANSIT"}
    assert found[sample_entry("E05")] == {"REFUND_OVERDUE"}
    assert found[sample_entry("F01")] == {"PRINCIPAL_SHORTFALL"}
    assert found[sample_entry("F02")] == {"PAYMENT_RETURNED"}
    assert found[sample_entry("F04")] == {"NOT_DECLARED"}
    assert found[sample_entry("G01")] == {"REPORTED_WITHOUT_DECLARATION", "NOT_IN_ESTIMATE",
                                          "MISSING_PAYMENT"}
    for tag in ("E06", "E07", "E08", "E09", "F03"):
        assert found[sample_entry(tag)] == {"REJECTED"}, tag


def test_amounts_exact_in_cents(replayed, sample_folder):
    expected = read_estimate(sample_folder / "estimate.csv")
    with Ledger.open(replayed) as ledger:
        result = reconcile(ledger, expected, AS_OF)
    rows = result.entries.set_index("entry_number")
    shortfall = result.findings[result.findings["finding"] == "INTEREST_SHORTFALL"]
    assert shortfall["amount"].tolist() == [412]
    assert rows.loc[sample_entry("E03"), "paid"] == 69240
    assert rows.loc[sample_entry("E03"), "diverted"] == 30000
    assert rows.loc[sample_entry("E03"), "outstanding"] == 0
    assert rows.loc[sample_entry("F02"), "paid"] == 0
    importers = result.importers.set_index("importer")
    assert importers.loc["***-**-6789", "expected_principal"] == 75000 + 120000 + 205000 + 33300
    assert importers.loc["***-**-6789", "reported_total"] == 70800 + 121500


def test_rejection_message_never_dropped(replayed, sample_folder):
    with Ledger.open(replayed) as ledger:
        result = reconcile(ledger, read_estimate(sample_folder / "estimate.csv"), AS_OF)
    row = result.findings[result.findings["entry_number"] == sample_entry("E09")].iloc[0]
    assert row["cbp_message"] == "ENTRY NOT ON FILE FOR IOR"
    assert row["reason_code"] == ""
    assert "shown as received" in row["next_step"]


def test_overlapping_reports_not_added_twice(replayed, sample_folder):
    text = (sample_folder / "results" / "03_es022_2026-11.csv").read_text()
    later = write(sample_folder / "later_es022.csv",
                  text.replace("$30.00", "$34.12").replace("06/18/2026", "6/18/2026"))
    with Ledger.open(replayed) as ledger:
        import_results(ledger, later)
        result = reconcile(ledger, read_estimate(sample_folder / "estimate.csv"), AS_OF)
    rows = result.entries.set_index("entry_number")
    assert rows.loc[sample_entry("E01"), "reported_principal"] == 150000
    assert rows.loc[sample_entry("E02"), "reported_interest"] == 3412
    assert "INTEREST_SHORTFALL" not in findings_by_entry(result).get(sample_entry("E02"), set())


def test_without_estimate(replayed):
    with Ledger.open(replayed) as ledger:
        result = reconcile(ledger, None, AS_OF)
    found = findings_by_entry(result)
    assert result.estimate_given is False
    assert sample_entry("F04") not in found
    assert found[sample_entry("G01")] == {"REPORTED_WITHOUT_DECLARATION", "MISSING_PAYMENT"}
    assert result.entries["expected_total"].isna().all()


def test_estimate_of_other_routes_ignored(replayed, tmp_path):
    estimate = write(tmp_path / "estimate.csv",
                     "entry_number,importer_key,route,principal,interest\n"
                     f"{entry(4900001)},12345678900,protest,100.00,\n"
                     f"{entry(4900002)},12345678900,cape,200.00,2.00\n")
    with Ledger.open(replayed) as ledger:
        result = reconcile(ledger, read_estimate(estimate), AS_OF)
    found = findings_by_entry(result)
    assert entry(4900001) not in found
    assert found[entry(4900002)] == {"NOT_DECLARED"}


@pytest.mark.parametrize("text, match", [
    ("entry_number,principal\nQXZ41000017,1.00\n", "missing column.*interest"),
    ("entry_number,principal,interest\nQXZ41000017,1.00,0\nQXZ41000017,1.00,0\n",
     "listed twice"),
    ("entry_number,principal,interest\nQXZ41000017,1.001,0\n", "row 2, column principal"),
])
def test_bad_estimate(tmp_path, text, match):
    with pytest.raises(InputError, match=match):
        read_estimate(write(tmp_path / "estimate.csv", text))


def test_reconcile_command_writes_tables(replayed, sample_folder, tmp_path, cli):
    code, out, _ = cli("ledger", "reconcile", "--ledger", replayed, "--estimate",
                       sample_folder / "estimate.csv", "--out", tmp_path / "rc",
                       "--as-of", "2026-12-04")
    assert code == 0
    assert "PAYMENT_RETURNED" in out
    importers = read_csv(tmp_path / "rc" / "reconciliation_importers.csv")
    assert [r["importer"] for r in importers] == ["***-**-6789", "12345678900"]
    assert importers[0]["expected_principal"] == "4333.00"
    for name in ("entries", "findings", "importers"):
        text = (tmp_path / "rc" / f"reconciliation_{name}.csv").read_text()
        assert "123-45-6789" not in text


def test_reconcile_command_missing_estimate(replayed, tmp_path, cli):
    code, _, err = cli("ledger", "reconcile", "--ledger", replayed, "--estimate",
                       tmp_path / "none.csv", "--out", tmp_path / "rc")
    assert code == 2
    assert "estimate file not found" in err


def test_reconcile_command_without_estimate(replayed, tmp_path, cli):
    code, out, _ = cli("ledger", "reconcile", "--ledger", replayed, "--out", tmp_path / "rc")
    assert code == 0
    assert "no --estimate given" in out


def test_write_reconciliation_formats_money(replayed, tmp_path, sample_folder):
    with Ledger.open(replayed) as ledger:
        result = reconcile(ledger, read_estimate(sample_folder / "estimate.csv"), AS_OF)
    paths = write_reconciliation(tmp_path / "rc", result)
    rows = {r["entry_number"]: r for r in read_csv(paths[0])}
    assert rows[sample_entry("E02")]["expected_interest"] == "34.12"
    assert rows[sample_entry("E05")]["reported_total"] == ""


# Commands -------------------------------------------------------------------------------


def test_import_command_twice(sample_folder, ledger_path, cli):
    path = sample_folder / "results" / "01_claim_details_CAPE0000104.csv"
    code, out, _ = cli("ledger", "import-results", path, "--ledger", ledger_path)
    assert code == 0
    assert "10 rows, 10 new status events" in out
    assert "10 entries are in no declaration" in out
    code, out, _ = cli("ledger", "import-results", path, "--ledger", ledger_path)
    assert code == 0
    assert "already imported" in out


def test_import_command_unknown_columns(tmp_path, ledger_path, cli):
    path = write(tmp_path / "c.csv", "ENTRY_NUMBER,CLAIM_NUMBER,STATUS,Memo,Extra\n"
                                     f"{entry(4100001)},C1,Accepted,a,b\n")
    code, _, err = cli("ledger", "import-results", path, "--ledger", ledger_path)
    assert code == 2
    assert "'Memo', 'Extra'" in err


def test_record_upload_command(sample_folder, ledger_path, cli):
    path = sample_folder / "declarations" / "12-345678900" / "cape_declaration_001.csv"
    code, out, _ = cli("ledger", "record-upload", path, "--ledger", ledger_path,
                       "--claim-number", "C1", "--date", "2026-05-04")
    assert code == 0
    assert "recorded upload of 10 entries on 2026-05-04, claim C1" in out
    code, out, _ = cli("ledger", "record-upload", path, "--ledger", ledger_path,
                       "--claim-number", "C1")
    assert "already recorded" in out


def test_record_upload_command_bad_date(sample_folder, ledger_path, cli, capsys):
    path = sample_folder / "declarations" / "12-345678900" / "cape_declaration_001.csv"
    with pytest.raises(SystemExit) as stop:
        cli("ledger", "record-upload", path, "--ledger", ledger_path, "--date", "05/04/2026")
    assert stop.value.code == 2
    assert "is not a date of the form YYYY-MM-DD" in capsys.readouterr().err
