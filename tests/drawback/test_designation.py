"""The designation engine on real files: accounting methods, substitution order, manufacturing,
and the reports of what is left, expiring or unmatched."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.drawback.helpers import claim_for, export_row, findings_of, line_rows
from tests.drawback.test_worked_examples import example_3
from workbench.drawback import reports
from workbench.errors import InputError

D = Decimal
OLD, NEW = "M4T22077338", "M4T22077346"


def two_receipts():
    # older line: $2.00 duty per unit; newer line: $5.00 per unit
    return (line_rows(OLD, 1, dt.date(2025, 1, 10), "8516790000", 500, "$25,000.00",
                      "$1,000.00")
            + line_rows(NEW, 1, dt.date(2025, 4, 10), "8516790000", 500, "$25,000.00",
                        "$2,500.00"))


def pooled_export(quantity=700):
    return [export_row(dt.date(2025, 6, 1), "X-POOL", quantity, "$70,000.00")]


def designated(claim):
    return [(d.line.entry_number, d.quantity) for d in claim.designations]


def test_fifo_takes_oldest_receipt_first(tmp_path):
    claim = claim_for(tmp_path, two_receipts(), pooled_export(), "58", method="fifo")
    assert designated(claim) == [(OLD, D(500)), (NEW, D(200))]
    # 0.99 x (2.00 x 500 + 5.00 x 200)
    assert claim.total() == D("1980.00")


def test_lifo_takes_newest_receipt_first(tmp_path):
    claim = claim_for(tmp_path, two_receipts(), pooled_export(), "58", method="lifo")
    assert designated(claim) == [(NEW, D(500)), (OLD, D(200))]
    # 0.99 x (5.00 x 500 + 2.00 x 200)
    assert claim.total() == D("2871.00")


def test_low_to_high_takes_lowest_drawback_first(tmp_path):
    claim = claim_for(tmp_path, two_receipts(), pooled_export(), "58", method="low-to-high")
    assert designated(claim) == [(OLD, D(500)), (NEW, D(200))]


def test_domestic_withdrawal_consumes_stock(tmp_path):
    exports = [export_row(dt.date(2025, 5, 1), "", 400, "$0.00", disposition="domestic"),
               *pooled_export(300)]
    claim = claim_for(tmp_path, two_receipts(), exports, "58", method="fifo")
    # the domestic 400 take the old line first, so the export gets 100 old + 200 new
    assert designated(claim) == [(OLD, D(100)), (NEW, D(200))]


def test_method_beyond_stock_is_unmatched(tmp_path):
    claim = claim_for(tmp_path, two_receipts(), pooled_export(1200), "58", method="fifo")
    assert sum(d.quantity for d in claim.designations) == D(1000)
    assert claim.unmatched[0].quantity == D(200)
    assert "no receipt left" in claim.unmatched[0].reason


def test_method_rejected_for_substitution(tmp_path):
    with pytest.raises(InputError, match="direct identification only"):
        claim_for(tmp_path, two_receipts(), pooled_export(), "59", method="fifo")


def test_turnover_method_needs_period(tmp_path):
    with pytest.raises(InputError, match="--turnover-days"):
        claim_for(tmp_path, two_receipts(), pooled_export(), "58",
                  method="low-to-high-turnover")


def test_substitution_oldest_line_first(tmp_path):
    rows = [dict(row, **{"HTS 8-Digit Description": "Toaster ovens"}) for row in two_receipts()]
    claim = claim_for(tmp_path, rows, pooled_export(), "59")
    assert designated(claim) == [(OLD, D(500)), (NEW, D(200))]
    assert all(d.election == "substitution" for d in claim.designations)
    assert findings_of(claim, "LESSER_OF_VALUE_RATIO")


def test_substitution_without_descriptions_warns(tmp_path):
    claim = claim_for(tmp_path, two_receipts(), pooled_export(), "59")
    assert len(findings_of(claim, "OTHER_RULE_NOT_CHECKED")) == 2


def test_substitution_unit_mismatch(tmp_path):
    rows = [dict(row, **{"HTS 8-Digit Description": "Toaster ovens"}) for row in two_receipts()]
    exports = [export_row(dt.date(2025, 6, 1), "X-KG", 70, "$7,000.00", uom="KG")]
    claim = claim_for(tmp_path, rows, exports, "59")
    assert claim.designations == []
    assert "unit mismatch" in claim.unmatched[0].reason


def test_manufacturing_direct_identification(tmp_path):
    rows = line_rows(OLD, 1, dt.date(2025, 1, 10), "3901101000", 2000, "$4,000.00",
                     "$260.00", uom="KG")
    production = [{
        "Production Lot": "L-7", "Production Date": "02/01/2025", "Ruling Reference": "GMR",
        "Basis of Claim": "Used in", "Merchandise HTS Number": "3901101000",
        "Merchandise Description": "Resin", "Merchandise Quantity Used": "1000",
        "Merchandise UOM": "KG", "Merchandise Unit Value Amount": "$2.00",
        "Merchandise Source": f"{OLD} line 1", "Article HTS Number": "3923300090",
        "Article Description": "Containers", "Article Quantity Produced": "4000",
        "Article UOM": "NO"}]
    exports = [export_row(dt.date(2025, 3, 1), "X-M", 2000, "$9,000.00",
                          schedule_b="3923300090", lot="L-7")]
    claim = claim_for(tmp_path, rows, exports, "51", production_rows=production)
    # 2,000 of 4,000 articles: 500 kg; 260 / 2,000 = 0.13 per kg; x 0.99 x 500
    assert designated(claim) == [(OLD, D(500))]
    assert claim.total() == D("64.35")


def test_manufacturing_lot_over_exported(tmp_path):
    claim = example_3(tmp_path)
    assert len(claim.designations) == 1
    assert claim.unmatched == []


def test_expiring_imports_report(tmp_path):
    claim = claim_for(tmp_path, two_receipts(), pooled_export(100), "58", method="fifo",
                      as_of=dt.date(2029, 6, 1), expiring_within_days=365)
    header, rows = reports.expiring_imports(claim)
    by_entry = {row[0]: dict(zip(header, row)) for row in rows}
    assert by_entry[OLD]["filing_deadline"] == "2030-01-10"
    # 223 days left, inside the 365-day window
    assert by_entry[OLD]["days_left"] == 223
    assert by_entry[OLD]["status"] == "expiring"
    assert by_entry[OLD]["quantity_left"] == "400"
    # 0.99 x 2.00 x 400
    assert by_entry[OLD]["value_at_risk"] == "792.00"
    assert by_entry[NEW]["status"] == "expiring"


def test_expiring_status_window(tmp_path):
    claim = claim_for(tmp_path, two_receipts(), pooled_export(100), "58", method="fifo",
                      as_of=dt.date(2029, 6, 1), expiring_within_days=300)
    header, rows = reports.expiring_imports(claim)
    status = {row[0]: row[header.index("status")] for row in rows}
    # 223 and 313 days left
    assert status == {OLD: "expiring", NEW: "open"}


def test_unmatched_export_report(tmp_path):
    exports = [export_row(dt.date(2025, 6, 1), "X-NONE", 10, "$100.00", entry=OLD, line=9)]
    claim = claim_for(tmp_path, two_receipts(), exports, "58")
    header, rows = reports.unmatched_exports(claim)
    row = dict(zip(header, rows[0]))
    assert row["export_identifier"] == "X-NONE"
    assert row["quantity_unmatched"] == "10"
    assert "not among the usable import lines" in row["reason"]


def test_known_gaps_listed_for_substitution(tmp_path):
    rows = [dict(row, **{"HTS 8-Digit Description": "Toaster ovens"}) for row in two_receipts()]
    claim = claim_for(tmp_path, rows, pooled_export(), "59")
    gaps = reports.known_gaps(claim)
    assert any("lesser-of rule applied as a value ratio" in gap for gap in gaps)
    assert any("federal holidays" in gap for gap in gaps)
    header, rows = reports.header_sheet(claim)
    assert sum(1 for field, _ in rows if field == "known_gap") == len(gaps)
