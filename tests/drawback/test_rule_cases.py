"""The fifteen drawback test cases: deadlines, matching, eligibility, fees, ledger, CAPE.

Each test builds real input files, prepares the claim and checks the hand-computed amount or
the rejection and its reason.
"""

import datetime as dt
from decimal import Decimal

from tests.drawback.helpers import claim_for, export_row, findings_of, line_rows
from workbench.drawback.calculate import check_claimed
from tests.drawback.test_worked_examples import example_1, example_2, example_3

D = Decimal
ENTRY = "K7Q04182049"


def simple_line(import_date=dt.date(2025, 6, 2), hts="8516790000", quantity=1000, **options):
    return line_rows(ENTRY, 1, import_date, hts, quantity, "$100,000.00", "$1,000.00",
                     **options)


def rejection_messages(claim):
    return [finding.message for finding in findings_of(claim, "DESIGNATION_REJECTED")]


# 1. The filing deadline is the fifth anniversary of the import, inclusive.

def test_case_01_last_day_accepted(tmp_path):
    rows = simple_line(dt.date(2021, 12, 4))
    exports = [export_row(dt.date(2022, 5, 2), "X1", 100, "$12,000.00", entry=ENTRY, line=1)]
    claim = claim_for(tmp_path, rows, exports, "58", as_of=dt.date(2026, 12, 4))
    assert len(claim.designations) == 1
    assert claim.deadline() == dt.date(2026, 12, 4)


def test_case_01_day_after_rejected(tmp_path):
    rows = simple_line(dt.date(2021, 12, 4))
    exports = [export_row(dt.date(2022, 5, 2), "X1", 100, "$12,000.00", entry=ENTRY, line=1)]
    claim = claim_for(tmp_path, rows, exports, "58", as_of=dt.date(2026, 12, 5))
    assert claim.designations == []
    assert "claim untimely" in rejection_messages(claim)[0]
    assert "2026-12-04" in rejection_messages(claim)[0]


# 2. Substitution needs the same 8-digit subheading.

def test_case_02_eight_digit_mismatch(tmp_path):
    rows = simple_line(hts="8471300100", description_8="Portable machines")
    exports = [export_row(dt.date(2025, 9, 1), "X2", 100, "$12,000.00",
                          schedule_b="8471410100")]
    claim = claim_for(tmp_path, rows, exports, "59")
    assert claim.designations == []
    assert "8-digit mismatch" in rejection_messages(claim)[0]
    assert claim.unmatched[0].quantity == D(100)


# 3. The "Other" rule of 1313(j)(5).

def other_claim(tmp_path, export_hts, description_10):
    rows = simple_line(hts="8516790000", description_8="Other",
                       description_10=description_10)
    exports = [export_row(dt.date(2025, 9, 1), "X3", 100, "$12,000.00",
                          schedule_b=export_hts)]
    return claim_for(tmp_path, rows, exports, "59")


def test_case_03_other_same_ten_digit_allowed(tmp_path):
    claim = other_claim(tmp_path, "8516790000", "Countertop ovens")
    assert len(claim.designations) == 1


def test_case_03_other_different_ten_digit_rejected(tmp_path):
    claim = other_claim(tmp_path, "8516790010", "Countertop ovens")
    assert claim.designations == []
    assert "1313(j)(5)" in rejection_messages(claim)[0]


def test_case_03_other_ten_digit_also_other_rejected(tmp_path):
    claim = other_claim(tmp_path, "8516790000", "Other")
    assert claim.designations == []
    assert "begin with \"Other\"" in rejection_messages(claim)[0]


# 4. The first 8 digits of the Schedule B number suffice (1313(j)(6)).

def test_case_04_schedule_b_first_eight_digits(tmp_path):
    rows = simple_line(hts="8516790000", description_8="Toaster ovens")
    exports = [export_row(dt.date(2025, 9, 1), "X4", 100, "$12,000.00",
                          schedule_b="8516790050")]
    claim = claim_for(tmp_path, rows, exports, "59")
    assert len(claim.designations) == 1
    assert claim.designations[0].quantity == D(100)


# 5. The export may not precede the import, on substitution or direct identification.

def test_case_05_substitution_export_before_import(tmp_path):
    rows = simple_line(dt.date(2025, 6, 2), description_8="Toaster ovens")
    exports = [export_row(dt.date(2025, 6, 1), "X5", 100, "$12,000.00")]
    claim = claim_for(tmp_path, rows, exports, "59")
    assert claim.designations == []
    assert "before the import date" in rejection_messages(claim)[0]


def test_case_05_direct_export_before_import(tmp_path):
    rows = simple_line(dt.date(2025, 6, 2))
    exports = [export_row(dt.date(2025, 6, 1), "X5", 100, "$12,000.00", entry=ENTRY, line=1)]
    claim = claim_for(tmp_path, rows, exports, "58")
    assert claim.designations == []
    assert "before the import date" in rejection_messages(claim)[0]


# 6. Section 232 is barred, Section 301 counts.

def test_case_06_section_232_excluded(tmp_path):
    rows = line_rows(ENTRY, 1, dt.date(2025, 6, 2), "7318150000", 100, "$50,000.00",
                     "$1,000.00", chapter99=[("99038001", "$5,000.00"),
                                             ("99038803", "$2,500.00")])
    exports = [export_row(dt.date(2025, 9, 1), "X6", 100, "$60,000.00", entry=ENTRY, line=1,
                          schedule_b="7318150000")]
    claim = claim_for(tmp_path, rows, exports, "58")
    # 0.99 x (1,000 + 2,500)
    assert claim.totals()["364"] == D("3465.00")
    reasons = {e.kind: e.reason for e in claim.exclusions}
    assert reasons["section_232"] == "Sec. 232: drawback barred by proclamation"


# 7. AD/CVD deposits are barred (19 U.S.C. 1677h).

def test_case_07_adcvd_excluded(tmp_path):
    rows = line_rows(ENTRY, 1, dt.date(2025, 6, 2), "7318150000", 100, "$20,000.00",
                     "$800.00", ad="$4,000.00")
    exports = [export_row(dt.date(2025, 9, 1), "X7", 100, "$25,000.00", entry=ENTRY, line=1,
                          schedule_b="7318150000")]
    claim = claim_for(tmp_path, rows, exports, "58")
    assert claim.totals()["364"] == D("792.00")
    adcvd = [e for e in claim.exclusions if e.kind == "adcvd"]
    assert adcvd[0].amount == D("4000.00")
    assert "1677h" in adcvd[0].reason


# 8. MPF: pro rata by units on a 1313(j) claim, excluded on a 1313(b) claim.

def test_case_08_mpf_on_unused_claim(tmp_path):
    rows = simple_line(quantity=1000, mpf="$200.00")
    exports = [export_row(dt.date(2025, 9, 1), "X8", 250, "$30,000.00", entry=ENTRY, line=1)]
    claim = claim_for(tmp_path, rows, exports, "58")
    # 0.99 x 200 = 198.00; / 1,000 = 0.1980; x 250
    assert claim.totals()["399"] == D("49.50")


def test_case_08_mpf_excluded_on_manufacturing_claim(tmp_path):
    claim = example_3(tmp_path)
    assert claim.totals()["399"] == D("0")
    mpf = [e for e in claim.exclusions if e.kind == "mpf"]
    assert mpf[0].amount == D("138.56")
    assert "unused-merchandise" in mpf[0].reason


# 9. CBP's MPF example 1: 1,000 units of line 1 on a 1313(j) claim.

def mpf_example_1(tmp_path, rounding=None):
    day = dt.date(2025, 6, 2)
    rows = (line_rows(ENTRY, 1, day, "8516790000", 5000, "$50,000.00", "$0.00", mpf="$485.00")
            + line_rows(ENTRY, 2, day, "8516600000", 6000, "$90,000.00", "$0.00",
                        mpf="$485.00")
            + line_rows(ENTRY, 3, day, "8516710000", 10000, "$200,000.00", "$0.00",
                        mpf="$485.00"))
    exports = [export_row(dt.date(2025, 9, 1), "X9", 1000, "$12,000.00", entry=ENTRY, line=1)]
    return claim_for(tmp_path, rows, exports, "58", rounding=rounding)


def test_case_09_mpf_example_1_default_lower(tmp_path):
    claim = mpf_example_1(tmp_path)
    assert claim.totals("cbp")["399"] == D("14.10")
    assert claim.totals("exact")["399"] == D("14.12")
    assert claim.totals()["399"] == D("14.10")


def test_case_09_mpf_example_1_configured_exact(tmp_path):
    claim = mpf_example_1(tmp_path, rounding="exact")
    assert claim.totals()["399"] == D("14.12")


# 10. No line is designated beyond its quantity (1313(v)).

def test_case_10_over_designation_rejected(tmp_path):
    rows = simple_line(quantity=10000)
    designations = tmp_path / "earlier.csv"
    designations.write_text(
        "Import Entry Summary Number,Import Entry Summary Line Number,Designated Quantity,"
        "Provision,Drawback Claim Number,Claim Status\n"
        f"{ENTRY},1,7000,58,EAA-0000001-0,accepted\n", encoding="utf-8")
    exports = [export_row(dt.date(2025, 9, 1), "X10", 4000, "$480,000.00", entry=ENTRY,
                          line=1)]
    claim = claim_for(tmp_path, rows, exports, "58", designations=designations)
    assert claim.designations == []
    message = rejection_messages(claim)[0]
    assert f"entry {ENTRY} line 1" in message
    assert "4000 requested" in message
    assert "only 3000 of 10000 left" in message


# 11. One election per line (190.51(a)(3)).

def test_case_11_election_fixed(tmp_path):
    rows = simple_line(quantity=10000)
    designations = tmp_path / "earlier.csv"
    designations.write_text(
        "Import Entry Summary Number,Import Entry Summary Line Number,Designated Quantity,"
        "Provision\n"
        f"{ENTRY},1,2000,59\n", encoding="utf-8")
    exports = [export_row(dt.date(2025, 9, 1), "X11", 100, "$12,000.00", entry=ENTRY,
                          line=1)]
    claim = claim_for(tmp_path, rows, exports, "58", designations=designations)
    assert claim.designations == []
    message = rejection_messages(claim)[0]
    assert "fixed for substitution" in message
    assert "8000 of 10000 left" in message


# 12. A claim above 99% is an error, below it a warning.

def test_case_12_claimed_above_maximum():
    severity, message = check_claimed(D("1000.00"), D("990.00"))
    assert severity == "error"
    assert "exceeds the 99% maximum" in message


def test_case_12_claimed_below_maximum():
    severity, message = check_claimed(D("950.00"), D("990.00"))
    assert severity == "warning"
    assert "pays it as filed" in message


def test_case_12_equal_is_silent():
    assert check_claimed(D("990.00"), D("990.00")) is None


# 13. No 1313(j)(2) to Canada or Mexico; 1313(j)(1) is allowed.

def test_case_13_substitution_to_mexico_rejected(tmp_path):
    claim = example_2(tmp_path, destination="MX")
    assert claim.designations == []
    assert "1313(j)(4)" in rejection_messages(claim)[0]


def test_case_13_direct_identification_to_mexico_allowed(tmp_path):
    rows = simple_line()
    exports = [export_row(dt.date(2025, 9, 1), "X13", 100, "$12,000.00", entry=ENTRY, line=1,
                          destination="MX")]
    claim = claim_for(tmp_path, rows, exports, "58")
    assert len(claim.designations) == 1
    # 0.99 x 1,000 / 1,000 x 100
    assert claim.total() == D("99.00")


# 14. IEEPA duty and CAPE.

def ieepa_claim(tmp_path, status):
    rows = line_rows(ENTRY, 1, dt.date(2025, 7, 14), "8516790000", 1000, "$100,000.00",
                     "$2,600.00", chapter99=[("99030125", "$10,000.00"),
                                             ("99030124", "$2,000.00")], mode="11")
    exports = [export_row(dt.date(2025, 10, 1), "X14", 1000, "$120,000.00", entry=ENTRY,
                          line=1)]
    cape = tmp_path / "cape.csv"
    cape.write_text(f"Entry Summary Number,CAPE Status\n{ENTRY},{status}\n", encoding="utf-8")
    return claim_for(tmp_path, rows, exports, "58", cape_status=cape)


def test_case_14_declared_excludes_both(tmp_path):
    claim = ieepa_claim(tmp_path, "declared")
    # only the base duty: 0.99 x 2,600
    assert claim.totals()["364"] == D("2574.00")
    reasons = {e.kind: e.reason for e in claim.exclusions}
    assert "fentanyl" in reasons["ieepa_fentanyl"]
    assert "CAPE status declared" in reasons["ieepa_reciprocal"]
    assert findings_of(claim, "CAPE_FIRST") == []


def test_case_14_none_counts_reciprocal_with_warning(tmp_path):
    claim = ieepa_claim(tmp_path, "none")
    # 0.99 x (2,600 + 10,000); fentanyl still barred
    assert claim.totals()["364"] == D("12474.00")
    assert [e.kind for e in claim.exclusions] == ["ieepa_fentanyl"]
    warnings = findings_of(claim, "CAPE_FIRST")
    assert len(warnings) == 1
    assert "CAPE reject" in warnings[0].message


def test_case_14_triage_route_cape_declared(tmp_path):
    triage = tmp_path / "triage"
    triage.mkdir()
    (triage / "triage.csv").write_text(f"entry_number,route\n{ENTRY},cape\n", encoding="utf-8")
    rows = line_rows(ENTRY, 1, dt.date(2025, 7, 14), "8516790000", 1000, "$100,000.00",
                     "$2,600.00", chapter99=[("99030125", "$10,000.00")])
    exports = [export_row(dt.date(2025, 10, 1), "X14", 1000, "$120,000.00", entry=ENTRY,
                          line=1)]
    claim = claim_for(tmp_path, rows, exports, "58", cape_status=triage)
    assert claim.totals()["364"] == D("2574.00")


# 15. Example 3 variant per mode, and the first two examples exactly.

def test_case_15_examples_exact(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    assert example_1(first).total() == D("22156.20")
    assert example_2(second).total() == D("11167.20")


def test_case_15_variant_never_above_maximum(tmp_path):
    claim = example_3(tmp_path, resin_cost="$1.80")
    priced = claim.priced[claim.mode][0]
    assert claim.total() == D("4209.97")
    assert priced.amounts["364"] <= priced.maximum["364"]
    assert findings_of(claim, "ABOVE_ACE_MAXIMUM") == []
