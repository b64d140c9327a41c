"""The designation ledger: over-designation and double election are rejected with the line
named and the quantity left."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.drawback.helpers import claim_for, export_row, findings_of, line_rows
from workbench.drawback.ledger import DesignationRejected, Ledger

D = Decimal
KEY = ("K7Q04182056", 3)


def test_ledger_over_designation_message():
    ledger = Ledger({KEY: D(10000)})
    ledger.designate(KEY, D(7000), "direct")
    with pytest.raises(DesignationRejected) as error:
        ledger.designate(KEY, D(4000), "direct")
    message = str(error.value)
    assert message.startswith("entry K7Q04182056 line 3:")
    assert "only 3000 of 10000 left" in message
    assert "designate at most 3000" in message


def test_ledger_double_election_message():
    ledger = Ledger({KEY: D(500)})
    ledger.designate(KEY, D(100), "direct")
    with pytest.raises(DesignationRejected) as error:
        ledger.designate(KEY, D(10), "substitution")
    message = str(error.value)
    assert "entry K7Q04182056 line 3 is fixed for direct identification" in message
    assert "400 of 500 left" in message


def test_ledger_rejection_changes_nothing():
    ledger = Ledger({KEY: D(50)})
    with pytest.raises(DesignationRejected):
        ledger.designate(KEY, D(51), "direct")
    assert ledger.remaining(KEY) == D(50)
    assert ledger.election(KEY) is None


def test_ledger_exact_remaining_allowed():
    ledger = Ledger({KEY: D("7.5")})
    ledger.designate(KEY, D("7.5"), "substitution")
    assert ledger.remaining(KEY) == D(0)


def test_second_export_over_line_in_one_run(tmp_path):
    entry = "K7Q04182056"
    rows = line_rows(entry, 1, dt.date(2025, 6, 2), "8516790000", 1000, "$100,000.00",
                     "$1,000.00")
    exports = [export_row(dt.date(2025, 9, 1), "X-A", 600, "$72,000.00", entry=entry, line=1),
               export_row(dt.date(2025, 9, 2), "X-B", 600, "$72,000.00", entry=entry, line=1)]
    claim = claim_for(tmp_path, rows, exports, "58")
    assert [d.export.export_id for d in claim.designations] == ["X-A"]
    rejected = findings_of(claim, "DESIGNATION_REJECTED")
    assert len(rejected) == 1
    assert "export X-B" in rejected[0].message
    assert "only 400 of 1000 left" in rejected[0].message
    assert claim.unmatched[0].quantity == D(600)


def test_export_used_on_earlier_claim_not_designated(tmp_path):
    entry = "K7Q04182056"
    rows = line_rows(entry, 1, dt.date(2025, 6, 2), "8516790000", 1000, "$100,000.00",
                     "$1,000.00")
    earlier = tmp_path / "earlier.csv"
    earlier.write_text(
        "Import Entry Summary Number,Import Entry Summary Line Number,Designated Quantity,"
        "Election,Drawback Claim Number,Unique Export Identifier\n"
        f"{entry},1,100,direct,EAA-0000002-8,X-USED\n", encoding="utf-8")
    exports = [export_row(dt.date(2025, 9, 1), "X-USED", 100, "$12,000.00", entry=entry,
                          line=1)]
    claim = claim_for(tmp_path, rows, exports, "58", designations=earlier)
    assert claim.designations == []
    assert "1313(v)" in claim.unmatched[0].reason
    assert claim.ledger.remaining((entry, 1)) == D(900)


def test_rejected_earlier_claim_ignored(tmp_path):
    entry = "K7Q04182056"
    rows = line_rows(entry, 1, dt.date(2025, 6, 2), "8516790000", 1000, "$100,000.00",
                     "$1,000.00")
    earlier = tmp_path / "earlier.csv"
    earlier.write_text(
        "Import Entry Summary Number,Import Entry Summary Line Number,Designated Quantity,"
        "Election,Claim Status\n"
        f"{entry},1,900,substitution,rejected\n", encoding="utf-8")
    exports = [export_row(dt.date(2025, 9, 1), "X-C", 1000, "$120,000.00", entry=entry,
                          line=1)]
    claim = claim_for(tmp_path, rows, exports, "58", designations=earlier)
    assert len(claim.designations) == 1
