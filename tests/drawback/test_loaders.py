"""Loaders: bad cells become findings and leave their line out; missing columns stop the run."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.drawback.helpers import (
    EXPORT_HEADER, IMPORT_HEADER, claim_for, export_row, findings_of, line_rows, write_rows)
from workbench.drawback.exports import load_exports
from workbench.drawback.imports import load_import_lines
from workbench.errors import InputError
from workbench.findings import Findings

ENTRY = "M4T22077320"


def test_bad_amount_leaves_line_out(tmp_path):
    rows = line_rows(ENTRY, 1, dt.date(2025, 6, 2), "8516790000", 100, "$1,000.00", "12,5O")
    path = write_rows(tmp_path / "imports.csv", IMPORT_HEADER, rows)
    findings = Findings()
    assert load_import_lines(path, findings) == []
    rules = {finding.rule for finding in findings}
    assert "INVALID_AMOUNT" in rules
    assert "IMPORT_LINE_UNUSABLE" in rules
    bad = [f for f in findings if f.rule == "INVALID_AMOUNT"][0]
    assert bad.row == 2
    assert bad.column == "Line Tariff Duty Amount"


def test_bad_check_digit_is_a_finding(tmp_path):
    rows = line_rows("M4T22077321", 1, dt.date(2025, 6, 2), "8516790000", 100, "$1,000.00",
                     "$10.00")
    path = write_rows(tmp_path / "imports.csv", IMPORT_HEADER, rows)
    findings = Findings()
    assert load_import_lines(path, findings) == []
    assert findings_of_rule(findings, "INVALID_ENTRY_NUMBER")[0].value == "M4T22077321"


def findings_of_rule(findings, rule):
    return [finding for finding in findings if finding.rule == rule]


def test_missing_quantity_column_stops(tmp_path):
    header = [name for name in IMPORT_HEADER if name != "Line Tariff Quantity (1)"]
    rows = line_rows(ENTRY, 1, dt.date(2025, 6, 2), "8516790000", 100, "$1,000.00", "$10.00")
    for row in rows:
        del row["Line Tariff Quantity (1)"]
    path = write_rows(tmp_path / "imports.csv", header, rows)
    with pytest.raises(InputError, match="Line Tariff Quantity"):
        load_import_lines(path, Findings())


def test_line_without_quantity_left_out(tmp_path):
    rows = line_rows(ENTRY, 1, dt.date(2025, 6, 2), "8516790000", "", "$1,000.00", "$10.00")
    path = write_rows(tmp_path / "imports.csv", IMPORT_HEADER, rows)
    findings = Findings()
    assert load_import_lines(path, findings) == []
    assert "per unit" in findings_of_rule(findings, "IMPORT_LINE_UNUSABLE")[0].message


def test_conflicting_entry_fees(tmp_path):
    day = dt.date(2025, 6, 2)
    rows = (line_rows(ENTRY, 1, day, "8516790000", 100, "$1,000.00", "$10.00", mpf="$30.00")
            + line_rows(ENTRY, 2, day, "8516600000", 100, "$1,000.00", "$10.00",
                        mpf="$31.00"))
    path = write_rows(tmp_path / "imports.csv", IMPORT_HEADER, rows)
    findings = Findings()
    assert load_import_lines(path, findings) == []
    assert findings_of_rule(findings, "CONFLICTING_ENTRY_FEES")


def test_unusable_line_blocks_fee_apportionment(tmp_path):
    day = dt.date(2025, 6, 2)
    rows = (line_rows(ENTRY, 1, day, "8516790000", 100, "$1,000.00", "$10.00", mpf="$30.00")
            + line_rows(ENTRY, 2, day, "8516600000", 100, "1.2.3", "$10.00", mpf="$30.00"))
    exports = [export_row(dt.date(2025, 9, 1), "X-F", 100, "$1,500.00", entry=ENTRY, line=1)]
    claim = claim_for(tmp_path, rows, exports, "58")
    # 0.99 x 10.00: duty still counts, fees do not
    assert claim.totals()["364"] == Decimal("9.90")
    assert claim.totals()["399"] == Decimal("0")
    assert findings_of(claim, "FEE_BASE_INCOMPLETE")


def test_chapter99_row_carries_duty_only(tmp_path):
    rows = line_rows(ENTRY, 1, dt.date(2025, 6, 2), "8516790000", 100, "$1,000.00", "$26.00",
                     chapter99=[("99038803", "$250.00")])
    path = write_rows(tmp_path / "imports.csv", IMPORT_HEADER, rows)
    line = load_import_lines(path, Findings())[0]
    assert line.hts == "8516790000"
    assert [(c.kind, str(c.amount)) for c in line.charges] == [
        ("section_301", "250.00"), ("ordinary_duty", "26.00")]


def test_export_bad_date_is_a_finding(tmp_path):
    row = export_row(dt.date(2025, 9, 1), "X-D", 10, "$100.00")
    row["Export Date"] = "45900"
    path = write_rows(tmp_path / "exports.csv", EXPORT_HEADER, [row])
    findings = Findings()
    assert load_exports(path, findings) == []
    assert "serial number" in findings_of_rule(findings, "INVALID_DATE")[0].message


def test_duplicate_export_identifier(tmp_path):
    rows = line_rows(ENTRY, 1, dt.date(2025, 6, 2), "8516790000", 100, "$1,000.00", "$10.00")
    exports = [export_row(dt.date(2025, 9, 1), "X-DUP", 10, "$100.00", entry=ENTRY, line=1),
               export_row(dt.date(2025, 9, 2), "X-DUP", 10, "$100.00", entry=ENTRY, line=1)]
    claim = claim_for(tmp_path, rows, exports, "58")
    assert len(claim.designations) == 1
    assert findings_of(claim, "DUPLICATE_EXPORT")


def test_notice_missing_warning(tmp_path):
    rows = line_rows(ENTRY, 1, dt.date(2025, 6, 2), "8516790000", 100, "$1,000.00", "$10.00")
    exports = [export_row(dt.date(2025, 9, 1), "X-N", 10, "$100.00", entry=ENTRY, line=1,
                          waiver="")]
    claim = claim_for(tmp_path, rows, exports, "58")
    warning = findings_of(claim, "NOTICE_MISSING")[0]
    assert warning.severity == "warning"
    assert "190.35" in warning.message


def test_late_notice_warning(tmp_path):
    rows = line_rows(ENTRY, 1, dt.date(2025, 6, 2), "8516790000", 100, "$1,000.00", "$10.00")
    # Friday 2025-08-29 to Tuesday 2025-09-02: 2 working days
    exports = [export_row(dt.date(2025, 9, 2), "X-L", 10, "$100.00", entry=ENTRY, line=1,
                          waiver="", notice="08/29/2025")]
    claim = claim_for(tmp_path, rows, exports, "58")
    assert "2 working days" in findings_of(claim, "NOTICE_MISSING")[0].message
