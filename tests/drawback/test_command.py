"""End to end: ``workbench drawback`` on new unused-merchandise data, checking every amount.

The data repeat the fault kind of an unused direct-identification claim with other numbers:
Section 301 on a Chapter 99 row, MPF and HMT on an ocean entry. There is one entry of two
lines, so the fees are apportioned, and the two rounding modes differ.

Line 1: 4,000 units, $120,000.00, duty $5,040.00 + Section 301 $9,000.00; 1,500 exported.
Line 2: 1,000 units, $80,000.00, duty $3,200.00 + Section 301 $20,000.00; 400 exported.
Entry MPF $538.40, HMT $250.00, so ratios 0.6 and 0.4.

Duty: 14,040 / 4,000 x 0.99 x 1,500 = 5,212.35; 23,200 / 1,000 x 0.99 x 400 = 9,187.20.
MPF cbp: 0.6 x 538.40 x 0.99 / 4,000 = .0800 (4 places) x 1,500 = 120.00; exact 119.93.
         0.4 x 538.40 x 0.99 / 1,000 = .2132 x 400 = 85.28; exact 85.28256 -> 85.28.
HMT cbp: 0.6 x 250 x 0.99 / 4,000 = .0371 x 1,500 = 55.65; exact 55.6875 -> 55.69.
         0.4 x 250 x 0.99 / 1,000 = .0990 x 400 = 39.60 in both modes.
Totals: cbp 14,700.08, exact 14,700.05. The default takes the lower amount of each class on
each line: MPF 119.93 (exact) and HMT 55.65 (cbp) on line 1, so 14,700.01 in all.
"""

import csv
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.drawback.helpers import EXPORT_HEADER, IMPORT_HEADER, export_row, line_rows, write_rows

ENTRY = "B8W55300136"


def workbench_command():
    script = Path(sys.executable).with_name("workbench")
    return [str(script)] if script.exists() else [sys.executable, "-m", "workbench.cli"]


@pytest.fixture
def inputs(tmp_path):
    day = dt.date(2024, 9, 16)
    rows = (line_rows(ENTRY, 1, day, "8509400050", 4000, "$120,000.00", "$5,040.00",
                      chapter99=[("99038815", "$9,000.00")], mpf="$538.40", hmt="$250.00",
                      mode="11")
            + line_rows(ENTRY, 2, day, "8516604070", 1000, "$80,000.00", "$3,200.00",
                        chapter99=[("99038803", "$20,000.00")], mpf="$538.40",
                        hmt="$250.00", mode="11"))
    exports = [export_row(dt.date(2025, 2, 10), "X20250210551201", 1500, "$60,000.00",
                          schedule_b="8509400050", destination="NL", entry=ENTRY, line=1),
               export_row(dt.date(2025, 3, 3), "X20250303551202", 400, "$40,000.00",
                          schedule_b="8516604070", destination="GB", entry=ENTRY, line=2,
                          waiver="", notice="02/21/2025")]
    write_rows(tmp_path / "imports.csv", IMPORT_HEADER, rows)
    write_rows(tmp_path / "exports.csv", EXPORT_HEADER, exports)
    return tmp_path


def run_drawback(folder, out, *extra):
    command = [*workbench_command(), "drawback", "--imports", "imports.csv", "--exports",
               "exports.csv", "--provision", "58", "--as-of", "2026-12-04", "--out", str(out),
               *extra]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_command_exit_and_summary(inputs):
    result = run_drawback(inputs, inputs / "out")
    assert result.returncode == 0, result.stderr
    assert "14700.01" in result.stdout
    assert "rounding: lower" in result.stdout
    assert "2029-09-16" in result.stdout


def test_command_claim_lines(inputs):
    run_drawback(inputs, inputs / "out")
    lines = read_csv(inputs / "out" / "claim_lines.csv")
    assert [row["import_line_number"] for row in lines] == ["1", "2"]
    first, second = lines
    assert (first["duty_364"], first["mpf_399"], first["hmt_398"]) == ("5212.35", "119.93",
                                                                      "55.65")
    assert first["total"] == "5387.93"
    assert (second["duty_364"], second["mpf_399"], second["hmt_398"]) == ("9187.20", "85.28",
                                                                         "39.60")
    assert second["total"] == "9312.08"
    assert first["filing_deadline"] == "2029-09-16"


def test_command_summary_json(inputs):
    run_drawback(inputs, inputs / "out")
    summary = json.loads((inputs / "out" / "claim_summary.json").read_text(encoding="utf-8"))
    assert summary["rounding_mode"] == "lower"
    assert summary["total"] == "14700.01"
    classes = {code: row["amount"] for code, row in summary["totals_by_class"].items()}
    assert classes == {"364": "14399.55", "365": "0.00", "398": "95.25", "399": "205.21"}
    exact = summary["totals_by_mode"]["exact"]
    assert exact["total"] == "14700.05"
    assert exact["by_class"]["398"]["amount"] == "95.29"
    cbp = summary["totals_by_mode"]["cbp"]
    assert cbp["total"] == "14700.08"
    assert cbp["by_class"]["399"]["amount"] == "205.28"
    assert cbp["by_class"]["398"]["amount"] == "95.25"
    assert summary["filing_deadline"] == "2029-09-16"
    left = {row["import_line_number"]: row["quantity_left"]
            for row in summary["designations_left"]}
    assert left == {1: "2500", 2: "600"}


def test_command_forced_cbp(inputs):
    result = run_drawback(inputs, inputs / "out", "--rounding", "cbp")
    assert result.returncode == 0
    summary = json.loads((inputs / "out" / "claim_summary.json").read_text(encoding="utf-8"))
    assert summary["total"] == "14700.08"
    assert summary["rounding_mode"] == "cbp"
    # line 1 MPF 120.00 is above its exact maximum 119.93: a warning, not an error
    exceptions = read_csv(inputs / "out" / "exceptions.csv")
    assert [row["rule"] for row in exceptions] == ["ABOVE_EXACT_MAXIMUM"]
    assert exceptions[0]["value"] == "120.00"


def test_command_reports(inputs):
    run_drawback(inputs, inputs / "out")
    out = inputs / "out"
    trace = read_csv(out / "traceability.csv")
    assert [(r["import_line_number"], r["export_identifier"], r["refund"]) for r in trace] == [
        ("1", "X20250210551201", "5387.93"), ("2", "X20250303551202", "9312.08")]
    expiring = read_csv(out / "expiring_imports.csv")
    assert [(r["import_line_number"], r["quantity_left"], r["status"]) for r in expiring] == [
        ("1", "2500", "open"), ("2", "600", "open")]
    assert read_csv(out / "unmatched_exports.csv") == []
    assert read_csv(out / "exceptions.csv") == []


def test_command_workbook(inputs):
    run_drawback(inputs, inputs / "out")
    book = openpyxl.load_workbook(inputs / "out" / "claim_workbook.xlsx")
    assert book.sheetnames[:5] == ["Header", "Import Lines", "Export Lines", "Claim Lines",
                                   "Amounts by Class"]
    header = {row[0]: row[1] for row in book["Header"].iter_rows(min_row=2, values_only=True)}
    assert header["total"] == "14700.01"
    assert header["filing_deadline"] == "2029-09-16"
    amounts = list(book["Amounts by Class"].iter_rows(min_row=2, values_only=True))
    assert amounts[-1][:3] == ("all", "total", "14700.01")
    sheet_csv = inputs / "out" / "claim_workbook" / "claim_lines.csv"
    assert read_csv(sheet_csv) == read_csv(inputs / "out" / "claim_lines.csv")


def test_command_byte_identical(inputs):
    run_drawback(inputs, inputs / "first")
    run_drawback(inputs, inputs / "second")
    first = {p.relative_to(inputs / "first"): p.read_bytes()
             for p in (inputs / "first").rglob("*") if p.is_file()}
    second = {p.relative_to(inputs / "second"): p.read_bytes()
              for p in (inputs / "second").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert first == second


def test_command_missing_column_exit_2(inputs):
    (inputs / "exports.csv").write_text("Export Date,Quantity\n09/01/2025,5\n", encoding="utf-8")
    result = run_drawback(inputs, inputs / "out")
    assert result.returncode == 2
    assert "exports.csv" in result.stderr
    assert "Unique Export Identifier" in result.stderr
    assert not (inputs / "out").exists()


def test_command_unknown_provision_exit_2(inputs):
    command = [*workbench_command(), "drawback", "--imports", "imports.csv", "--exports",
               "exports.csv", "--provision", "99", "--as-of", "2026-12-04", "--out", "out"]
    result = subprocess.run(command, cwd=inputs, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "unknown drawback provision code" in result.stderr


def test_command_neutralises_formula_text(inputs):
    rows = read_csv(inputs / "exports.csv")
    rows[0]["Exporter Name"] = "=HYPERLINK(\"http://example.invalid\")"
    write_rows(inputs / "exports.csv", EXPORT_HEADER, rows)
    run_drawback(inputs, inputs / "out")
    exports = read_csv(inputs / "out" / "claim_workbook" / "export_lines.csv")
    assert exports[0]["exporter"].startswith("'=")
