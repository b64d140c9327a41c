"""End to end: ``workbench estimate`` on a small triage folder.

Expected interest, worked by hand (as-of 2026-12-04, acceptance Monday 2026-12-07, daily
compounding at 6% corporate or 7% non-corporate; 2026Q2 onward has no rate, so interest stops
at 2026-04-01):

* AAA00000011: $3,000.00 from 2025-07-15, 260 days: 3000 * ((1 + .06/365) ** 260 - 1) = 130.99
* AAA00000029: $1,500.00 from 2025-11-03, 149 days: 37.19
* AAA00000045: $12,000.00 from 2026-01-12, 79 days at 7%: 183.17 (6%: 156.84)
* AAA00000052 (protest): $400.00 from 2025-06-02, 303 days: 20.43
"""

import csv
import json

import pytest

from workbench.cli import main

ENTRIES = 9


@pytest.fixture
def rules_file(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text('interest_rate_column_by_importer:\n  "123-45-6789": non-corporate\n')
    return path


def run(args):
    return main(["estimate", *map(str, args)])


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def by_entry(out):
    return {row["entry_number"]: row for row in read_csv(out / "estimate.csv")}


def test_writes_every_file(triage_dir, tmp_path, capsys):
    out = tmp_path / "estimate"
    assert run([triage_dir, "--out", out]) == 0
    for name in ("estimate.csv", "deposits.csv", "cash_curve.csv", "principal_by_heading.csv",
                 "interest_by_quarter.csv", "estimate_summary.json"):
        assert (out / name).is_file(), name
    printed = capsys.readouterr().out
    assert "Refund estimate as of 2026-12-04: 9 entries" in printed
    assert "no offsets file given" in printed


def test_rerun_is_byte_identical(triage_dir, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert run([triage_dir, "--out", first]) == 0
    assert run([triage_dir, "--out", second]) == 0
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_one_row_per_entry_in_triage_order(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out])
    rows = read_csv(out / "estimate.csv")
    assert len(rows) == ENTRIES
    assert [r["entry_number"] for r in rows][:2] == ["AAA00000011", "AAA00000029"]


def test_unliquidated_entry(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out])
    row = by_entry(out)["AAA00000011"]
    assert (row["principal"], row["interest"], row["expected_refund"]) == ("3000.00", "130.99", "3130.99")
    assert row["projected_liquidation_date"] == "2027-01-21"
    assert (row["ach_origination_date"], row["expected_deposit_date"]) == ("2027-01-25", "2027-01-26")
    assert row["rate_column"] == "corporate"
    assert row["compounding"] == "daily"
    assert row["open_quarters"] == "2026Q2;2026Q3;2026Q4;2027Q1"
    assert row["interest_complete"] == "false"
    assert row["provisional"] == "true"
    assert "2025Q3 rate inferred" in row["provisional_reasons"]
    assert row["deposit_date_basis"] == "entry summary date + 0 days"


def test_liquidated_entry_reliquidated(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out])
    row = by_entry(out)["AAA00000029"]
    assert (row["projected_liquidation_date"], row["interest"]) == ("2026-12-08", "37.19")
    assert (row["deadline"], row["days_to_deadline"]) == ("2026-12-21", "17")


def test_rules_file_sets_non_corporate(triage_dir, tmp_path, rules_file):
    out = tmp_path / "estimate"
    assert run([triage_dir, "--out", out, "--rules", rules_file]) == 0
    row = by_entry(out)["AAA00000045"]
    assert (row["rate_column"], row["interest"]) == ("non-corporate", "183.17")
    summary = json.loads((out / "estimate_summary.json").read_text())
    assert summary["settings"]["rate_column_by_importer"] == {"***-**-6789": "non-corporate"}


def test_rate_column_option(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out, "--rate-column", "non-corporate"])
    assert by_entry(out)["AAA00000045"]["interest"] == "183.17"
    run([triage_dir, "--out", out, "--rate-column", "corporate"])
    assert by_entry(out)["AAA00000045"]["interest"] == "156.84"


def test_unknown_dates_left_open(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out])
    rows = by_entry(out)
    for number, words in (("AAA00000037", "warehouse"), ("AAA00000086", "suspended")):
        row = rows[number]
        assert row["projected_liquidation_date"] == ""
        assert row["interest"] == ""
        assert words in row["projected_liquidation_basis"]
        assert "interest to liquidation left open" in row["provisional_reasons"]
    assert rows["AAA00000037"]["interest_accrued_to_as_of"] == "28.23"


def test_assumed_liquidation_date(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out, "--assume-liquidation-date", "2027-06-30"])
    row = by_entry(out)["AAA00000037"]
    assert row["projected_liquidation_date"] == "2027-06-30"
    assert "liquidation date assumed by the analyst" in row["provisional_reasons"]


def test_protest_value_and_deadline(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out])
    row = by_entry(out)["AAA00000052"]
    assert (row["interest_accrued_to_as_of"], row["value_at_stake"]) == ("20.43", "420.43")
    assert (row["deadline"], row["deadline_kind"], row["days_to_deadline"]) == (
        "2026-12-28", "protest_180_day", "24")
    assert row["interest"] == ""
    assert row["expected_refund"] == ""
    stake = json.loads((out / "estimate_summary.json").read_text())["beyond_cape"]
    assert stake["protest"]["value_at_stake"] == "420.43"
    assert stake["protest"]["value_with_deadline_within_30_days"] == "420.43"
    assert stake["later_phase"]["earliest_deadline"] is None


def test_not_refunded_routes_have_no_interest(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out])
    rows = by_entry(out)
    assert rows["BADNUMBER"]["principal"] == "100.00"
    assert rows["BADNUMBER"]["interest_accrued_to_as_of"] == ""
    assert rows["AAA00000078"]["provisional"] == "false"


def test_assume_rate_fills_open_quarters(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out, "--assume-rate", "7"])
    row = by_entry(out)["AAA00000011"]
    # 3000 * ((1 + .06/365) ** 555 - 1) = 286.55: 2026Q2 onward at the assumed 6% corporate.
    assert (row["interest"], row["interest_complete"], row["open_quarters"]) == ("286.55", "true", "")
    assert "2026Q2 rate assumed: 6% corporate" in row["provisional_reasons"]


def test_simple_interest_option(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out, "--compounding", "simple"])
    # 3000 * 0.06 * 260 / 365 = 128.22
    assert by_entry(out)["AAA00000011"]["interest"] == "128.22"
    summary = json.loads((out / "estimate_summary.json").read_text())
    assert summary["interest"]["compounding"] == "simple"
    assert summary["interest"]["method"].startswith("simple interest")


def test_payments_file_sets_deposit_date(triage_dir, tmp_path):
    payments = tmp_path / "payments.csv"
    payments.write_text("Entry Number,Statement Payment Date\nAAA-0000001-1,08/21/2025\n")
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out, "--payments", payments])
    row = by_entry(out)["AAA00000011"]
    assert row["deposit_date"] == "2025-08-21"
    assert row["deposit_date_basis"] == "statement payment date (payments file)"


def test_statement_delay_option(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out, "--statement-delay-days", "30"])
    assert by_entry(out)["AAA00000011"]["deposit_date"] == "2025-08-14"


def test_acceptance_date_option(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out, "--acceptance-date", "2026-12-10"])
    assert by_entry(out)["AAA00000011"]["projected_liquidation_date"] == "2027-01-24"


def test_deposits_grouped_per_importer_and_date(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out])
    groups = [(r["importer_key"], r["liquidation_date"], r["entries"], r["gross_refund"])
              for r in read_csv(out / "deposits.csv")]
    assert groups == [
        ("52-6401938M3", "2026-12-08", "1", "1537.19"),
        ("***-**-6789", "2027-01-21", "1", "12156.84"),
        ("52-6401938M3", "2027-01-21", "1", "3130.99"),
        ("52-6401938M3", "", "2", "1425.50"),
    ]


def test_cash_curve_cumulative(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out])
    curve = [(r["expected_deposit_date"], r["deposits"], r["cumulative_net"])
             for r in read_csv(out / "cash_curve.csv")]
    assert curve == [("2026-12-15", "1", "1537.19"), ("2027-01-26", "2", "16825.02")]


def test_no_offsets_file_said_everywhere(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out])
    rows = read_csv(out / "deposits.csv")
    assert all(r["offset"] == "" for r in rows)
    assert all(r["offset_status"].startswith("no offsets file given") for r in rows)
    summary = json.loads((out / "estimate_summary.json").read_text())
    assert summary["offsets"]["given"] is False
    assert summary["totals"]["offsets"] is None
    assert any("no offsets file given" in text.lower() for text in summary["assumptions"])


def test_offsets_taken_from_earliest_deposits(triage_dir, tmp_path):
    offsets = tmp_path / "debts.csv"
    offsets.write_text("importer,amount,reference\n52-6401938M3,2000.00,bill 1\n")
    out = tmp_path / "estimate"
    assert run([triage_dir, "--out", out, "--offsets", offsets]) == 0
    rows = read_csv(out / "deposits.csv")
    assert [(r["offset"], r["net_refund"]) for r in rows] == [
        ("1537.19", "0.00"), ("0.00", "12156.84"), ("462.81", "2668.18"), ("0.00", "1425.50")]
    summary = json.loads((out / "estimate_summary.json").read_text())
    acme = summary["offsets"]["by_importer"]["52-6401938M3"]
    assert (acme["offset"], acme["debt_left_after_refunds"]) == ("2000.00", "0.00")
    assert summary["totals"]["offsets"] == "2000.00"


def test_waterfall_reaches_net_refund(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out])
    summary = json.loads((out / "estimate_summary.json").read_text())
    steps = {step["step"]: step["amount"] for step in summary["waterfall"]}
    assert steps["IEEPA duty paid"] == "18675.50"
    assert steps["Protest and later phase"] == "-650.00"
    assert steps["No refund or invalid"] == "-100.00"
    assert steps["CAPE principal"] == "17925.50"
    assert steps["Expected net refund"] == summary["totals"]["expected_net_refund"]


def test_principal_per_route_reconciles(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out])
    triage = json.loads((triage_dir / "summary.json").read_text())["routes"]
    ours = json.loads((out / "estimate_summary.json").read_text())["routes"]
    for route, figures in triage.items():
        if figures["entries"]:
            assert ours[route]["principal"] == figures["ieepa_duty"], route


def test_summary_records_inputs_and_tables(triage_dir, tmp_path):
    out = tmp_path / "estimate"
    run([triage_dir, "--out", out])
    summary = json.loads((out / "estimate_summary.json").read_text())
    assert set(summary["inputs"]["triage_folder"]) == {
        "entries.csv", "ieepa_lines.csv", "triage.csv", "summary.json"}
    assert "interest_rates" in summary["rule_tables"]
    assert summary["provisional"] is True
    assert {r["quarter"]: r["status"] for r in summary["interest"]["rates_used"]}["2026Q2"] == "not_found"


@pytest.mark.parametrize("extra, message", [
    (["--assume-rate", "0.5"], "at least 1"),
    (["--assume-rate", "seven"], "--assume-rate"),
])
def test_bad_options_exit_2(triage_dir, tmp_path, capsys, extra, message):
    assert run([triage_dir, "--out", tmp_path / "estimate", *extra]) == 2
    assert message in capsys.readouterr().err


def test_bad_offsets_exit_2(triage_dir, tmp_path, capsys):
    offsets = tmp_path / "debts.csv"
    offsets.write_text("importer,amount\n52-6401938M3,-5.00\n")
    assert run([triage_dir, "--out", tmp_path / "estimate", "--offsets", offsets]) == 2
    assert "row 2, column 'amount'" in capsys.readouterr().err


def test_unknown_rules_key_exit_2(triage_dir, tmp_path, capsys):
    rules = tmp_path / "rules.yaml"
    rules.write_text("interest_rate_column: corporate\n")
    assert run([triage_dir, "--out", tmp_path / "estimate", "--rules", rules]) == 2
    assert "unknown key 'interest_rate_column'" in capsys.readouterr().err


def test_missing_triage_file_exit_2(triage_dir, tmp_path, capsys):
    (triage_dir / "ieepa_lines.csv").unlink()
    assert run([triage_dir, "--out", tmp_path / "estimate"]) == 2
    assert "ieepa_lines.csv: file not found" in capsys.readouterr().err
    assert not (tmp_path / "estimate").exists()


def test_out_same_as_triage_exit_2(triage_dir, capsys):
    assert run([triage_dir, "--out", triage_dir]) == 2
    assert "other than the triage folder" in capsys.readouterr().err


def test_bad_request_raises_input_error(triage_dir, tmp_path):
    from workbench.errors import InputError
    from workbench.money.pipeline import Request, run_estimate
    with pytest.raises(InputError, match="compounding 'monthly'"):
        run_estimate(Request(triage_dir, tmp_path / "out", compounding="monthly"))
    with pytest.raises(InputError, match="--rate-column"):
        run_estimate(Request(triage_dir, tmp_path / "out", rate_column="individual"))
