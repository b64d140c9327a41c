"""Drawback eligibility per charge kind, per claim kind and per CAPE status."""

import datetime as dt

import pytest

from tests.drawback.helpers import claim_for, export_row, findings_of, line_rows
from workbench.drawback.eligibility import decide
from workbench.drawback.imports import charge_kind

ELIGIBLE = [
    ("ordinary_duty", "8516790000"), ("section_301", "99038803"), ("section_201", "99034521"),
    ("section_122", "99030301"), ("ieepa_reciprocal", "99030125"),
    ("ieepa_brazil", "99030177"), ("ieepa_india_russian_oil", "99030184"),
]
BARRED = [
    ("section_232", "99038001"), ("ieepa_fentanyl", "99030101"), ("ieepa_fentanyl", "99030110"),
    ("ieepa_fentanyl", "99030124"), ("chapter99_other", "99039901"),
]


@pytest.mark.parametrize("kind, hts", ELIGIBLE)
def test_eligible_charge_kinds(kind, hts):
    assert charge_kind(hts) == kind
    decision = decide(kind, "unused", "none")
    assert decision.eligible
    assert decision.accounting_class == "364"


@pytest.mark.parametrize("kind, hts", BARRED)
def test_barred_charge_kinds(kind, hts):
    assert charge_kind(hts) == kind
    decision = decide(kind, "unused", "none")
    assert not decision.eligible
    assert decision.reason


def test_unknown_ieepa_heading_left_out():
    assert charge_kind("99030199") == "ieepa_unknown"
    assert not decide("ieepa_unknown", "unused", "none").eligible


@pytest.mark.parametrize("status", ["declared", "accepted", "refunded"])
def test_cape_claimed_statuses_exclude_ieepa(status):
    for kind in ("ieepa_reciprocal", "ieepa_brazil", "ieepa_india_russian_oil"):
        assert not decide(kind, "unused", status).eligible


def test_cape_rejected_counts_with_warning():
    decision = decide("ieepa_reciprocal", "unused", "rejected")
    assert decision.eligible
    assert "CAPE rejected" in decision.warning


def test_fees_only_on_unused_claims():
    for kind, accounting_class in (("mpf", "399"), ("hmt", "398")):
        assert decide(kind, "unused", "none").eligible
        assert decide(kind, "unused", "none").accounting_class == accounting_class
        assert not decide(kind, "manufacturing", "none").eligible
        assert not decide(kind, "rejected", "none").eligible


def test_section_301_not_cape_sensitive():
    assert decide("section_301", "unused", "declared").eligible


def test_double_recovery_warning(tmp_path):
    entry = "M4T22077312"
    rows = line_rows(entry, 1, dt.date(2025, 7, 14), "8516790000", 1000, "$100,000.00",
                     "$2,600.00", chapter99=[("99030125", "$10,000.00")])
    earlier = tmp_path / "earlier.csv"
    earlier.write_text(
        "Import Entry Summary Number,Import Entry Summary Line Number,Designated Quantity,"
        "Election,Drawback Claim Number,IEEPA Duty Claimed Amount\n"
        f"{entry},1,200,direct,EAA-0000003-6,\"$1,980.00\"\n", encoding="utf-8")
    cape = tmp_path / "cape.csv"
    cape.write_text(f"Entry Number,CAPE Status\n{entry},accepted\n", encoding="utf-8")
    exports = [export_row(dt.date(2025, 10, 1), "X-DR", 100, "$12,000.00", entry=entry, line=1)]
    claim = claim_for(tmp_path, rows, exports, "58", designations=earlier, cape_status=cape)
    warning = findings_of(claim, "DOUBLE_RECOVERY_RISK")[0]
    assert "EAA-0000003-6" in warning.message
    assert warning.severity == "warning"
    # this claim leaves the reciprocal duty out: 0.99 x 2.60 x 100
    assert str(claim.total()) == "257.40"


def test_invalid_cape_status_treated_as_declared(tmp_path):
    entry = "M4T22077312"
    rows = line_rows(entry, 1, dt.date(2025, 7, 14), "8516790000", 1000, "$100,000.00",
                     "$2,600.00", chapter99=[("99030125", "$10,000.00")])
    cape = tmp_path / "cape.csv"
    cape.write_text(f"Entry Number,CAPE Status\n{entry},pending\n", encoding="utf-8")
    exports = [export_row(dt.date(2025, 10, 1), "X-IS", 100, "$12,000.00", entry=entry, line=1)]
    claim = claim_for(tmp_path, rows, exports, "58", cape_status=cape)
    assert findings_of(claim, "INVALID_CAPE_STATUS")
    assert str(claim.total()) == "257.40"
