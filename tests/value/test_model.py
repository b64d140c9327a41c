"""The claim value model against cases computed by hand.

Every input is a single figure, so the point estimate is exact. The triage has two cape
entries of one importer on one declaration, as of 2026-12-04:

    E1  $40,000.00  unliquidated, no deadline
    E2  $10,000.00  liquidated, CAPE's 80-day limit on 2026-12-14 (10 days left)

A cost of capital of 7.3% a year makes the daily cost 0.073 / 365 = 0.0002 of the money.

In-house: ready on day 8, so E2 is filed in time, but a failed upload (p = 0.20) adds 4
rework days and day 12 is past its deadline.
    lost       = 10,000 x 0.20                            =  2,000.00
    recovered  = 50,000 - 2,000                           = 48,000.00
    hours      = 10 setup + 2 x 1 declaration + 0.5 x 2 entries + 5 rework x 0.20 x 1 = 14
    staff cost = 14 x 100                                 =  1,400.00
    days       = 8 + 4 x 0.20 + 30                        =     38.8
    delay cost = 48,000 x 0.0002 x 38.8                   =    372.48
    net        = 48,000 - 1,400 - 372.48                  = 46,227.52

Specialist at a fee of X per entry: ready on day 3, day 6 after a failure, so E2 is safe.
    hours      = 2 coordination                 -> staff cost 200.00
    days       = 3 + 3 x 0.10 + 30 = 33.3       -> delay cost 50,000 x 0.0002 x 33.3 = 333.00
    net        = 50,000 - 2X - 200 - 333        = 49,467 - 2X

Break-even: 49,467 - 2X = 46,227.52, so the total fee is 3,239.48 and X = 1,619.74.
At X = 1,000 the specialist nets 47,467.00 and wins by 1,239.48; at X = 2,000 it nets
45,467.00 and self-filing wins by 760.52.
"""

from decimal import Decimal

import pytest

from workbench.value.analysis import analyse
from workbench.value.inputs import read_claim_data
from workbench.value.parameters import load_parameters

HAND = {
    "hourly_cost": 100, "self_setup_hours": 10, "self_hours_per_declaration": 2,
    "self_hours_per_entry": "0.5", "psc_hours_per_entry": 2, "protest_hours_per_entry": 3,
    "rework_hours_per_failure": 5, "self_ready_days": 8, "portal_setup_days": 5,
    "self_rework_days": 4, "first_failure_probability": "0.2", "data_finding_uplift": 1,
    "inexperience_uplift": "0.1", "incomplete_records_uplift": "0.1",
    "specialist_fee_per_entry": 1000, "specialist_fee_flat": 0, "specialist_contingency": 0,
    "specialist_minimum_fee": 0, "specialist_failure_probability": "0.1",
    "specialist_coordination_hours": 2, "specialist_ready_days": 3,
    "specialist_rework_days": 3, "refund_days_after_acceptance": 30,
    "ach_enrollment_days": 10, "cost_of_capital": "0.073", "missed_deadline_loss_share": 1,
    "ace_portal_account": True, "ach_refund_enrollment_verified": True,
    "records_complete": True, "staff_know_entry_logic": True,
    "deadline_window_days": 5, "draws": 2000,
}
TWO_ENTRIES = [
    {"ieepa_duty": "40000.00"},
    {"ieepa_duty": "10000.00", "liquidation_status": "LIQUIDATED",
     "liquidation_date": "2026-09-25", "deadline": "2026-12-14",
     "deadline_kind": "cape_80_day"},
]


@pytest.fixture
def two_entries(write_triage, tmp_path):
    return read_claim_data(write_triage(tmp_path / "triage", TWO_ENTRIES))


def run(data, **changes):
    return analyse(data, load_parameters({**HAND, **changes}))


def cents(value):
    return value.quantize(Decimal("0.01"))


def test_in_house_outcome_by_hand(two_entries):
    outcome = run(two_entries).cape.in_house
    assert cents(outcome.lost) == Decimal("2000.00")
    assert cents(outcome.recovered) == Decimal("48000.00")
    assert outcome.hours == Decimal("14")
    assert cents(outcome.delay_cost) == Decimal("372.48")
    assert outcome.days_to_cash == Decimal("38.8")
    assert cents(outcome.net) == Decimal("46227.52")


def test_specialist_wins_at_1000_per_entry(two_entries):
    analysis = run(two_entries, specialist_fee_per_entry=1000)
    assert cents(analysis.cape.specialist.fee) == Decimal("2000.00")
    assert cents(analysis.cape.specialist.delay_cost) == Decimal("333.00")
    assert cents(analysis.cape.specialist.net) == Decimal("47467.00")
    assert cents(analysis.cape.advantage) == Decimal("-1239.48")
    assert analysis.recommendations[0].verdict == "specialist"


def test_self_file_wins_at_2000_per_entry(two_entries):
    analysis = run(two_entries, specialist_fee_per_entry=2000)
    assert cents(analysis.cape.specialist.net) == Decimal("45467.00")
    assert cents(analysis.cape.advantage) == Decimal("760.52")
    assert analysis.recommendations[0].verdict == "self_file"


def test_break_even_between_the_two(two_entries):
    result = run(two_entries, specialist_fee_per_entry=1000).cape.break_even
    assert cents(result.total_fee) == Decimal("3239.48")
    assert cents(result.fee_per_entry) == Decimal("1619.74")
    # 3,239.48 - 2 x 1,000 = 1,239.48 left for a contingency on 50,000.
    assert result.contingency == Decimal("1239.48") / Decimal("50000")


def test_break_even_fee_nets_the_same(two_entries):
    fee = run(two_entries).cape.break_even.fee_per_entry
    analysis = run(two_entries, specialist_fee_per_entry=str(fee))
    assert abs(analysis.cape.advantage) < Decimal("0.000001")


def test_contingency_quote(two_entries):
    # Fee 5% of 50,000 = 2,500; specialist net 49,467 - 2,500 = 46,967.00.
    # Per-entry fee that would add up to the break-even: (3,239.48 - 2,500) / 2 = 369.74.
    analysis = run(two_entries, specialist_fee_per_entry=0, specialist_contingency="0.05")
    assert cents(analysis.cape.specialist.net) == Decimal("46967.00")
    assert cents(analysis.cape.break_even.fee_per_entry) == Decimal("369.74")
    assert analysis.cape.break_even.contingency == Decimal("0.0647896")


def test_minimum_fee_above_break_even(two_entries):
    analysis = run(two_entries, specialist_minimum_fee=5000)
    assert cents(analysis.cape.specialist.fee) == Decimal("5000.00")
    assert analysis.cape.break_even.below_minimum
    assert analysis.cape.break_even.fee_per_entry is None


def test_no_portal_account_misses_deadline(two_entries):
    # Ready on day 8 + 5 = 13 > 10 days left: E2 is lost whether or not the upload fails.
    # recovered 40,000; days 13 + 0.8 + 30 = 43.8; delay 40,000 x 0.0002 x 43.8 = 350.40;
    # net 40,000 - 1,400 - 350.40 = 38,249.60.
    analysis = run(two_entries, ace_portal_account=False, specialist_fee_per_entry=2000)
    assert cents(analysis.cape.in_house.lost) == Decimal("10000.00")
    assert cents(analysis.cape.in_house.net) == Decimal("38249.60")
    assert analysis.recommendations[0].verdict == "specialist"


def test_unverified_ach_delays_both(two_entries):
    # 10 more days to cash for both: self delay 48,000 x 0.0002 x 48.8 = 468.48,
    # specialist delay 50,000 x 0.0002 x 43.3 = 433.00.
    analysis = run(two_entries, ach_refund_enrollment_verified=False)
    assert cents(analysis.cape.in_house.net) == Decimal("46131.52")
    assert cents(analysis.cape.specialist.net) == Decimal("47367.00")


def test_unanswered_staff_raises_failure(two_entries):
    # 0.20 + 0.10 inexperience: lost 3,000; rework hours 5 x 0.3 = 1.5.
    outcome = run(two_entries, staff_know_entry_logic=None).cape.in_house
    assert outcome.failure_probability == Decimal("0.3")
    assert cents(outcome.lost) == Decimal("3000.00")
    assert outcome.hours == Decimal("14.5")


def test_data_findings_raise_failure(write_triage, tmp_path):
    # One entry of four has a data finding: 0.20 + 1 x 0.25 = 0.45.
    entries = TWO_ENTRIES + [{"route": "invalid", "reason_codes": "CHECK_DIGIT_MISMATCH",
                              "ieepa_duty": "100.00"},
                             {"route": "no_refund", "reason_codes": "NO_IEEPA_LINE",
                              "ieepa_duty": "0.00"}]
    data = read_claim_data(write_triage(tmp_path / "triage", entries))
    assert run(data).cape.in_house.failure_probability == Decimal("0.45")


def test_psc_and_protest_add_hours(write_triage, tmp_path):
    # Declarations: 1 file + 1 importer with a PSC entry = 2.
    # Hours: 10 + 2 x 2 + 0.5 x 3 + 2 PSC + 3 protest + 5 x 0.2 x 2 = 22.5.
    entries = [
        {"ieepa_duty": "40000.00"},
        {"route": "fix_then_cape", "ieepa_duty": "5000.00", "deadline": "2026-12-06",
         "deadline_kind": "psc", "reason_codes": "GOODS_VALUE_ON_IEEPA_LINE"},
        {"route": "protest", "ieepa_duty": "5000.00", "deadline": "2027-03-14",
         "deadline_kind": "protest_180_day"},
    ]
    data = read_claim_data(write_triage(tmp_path / "triage", entries))
    analysis = run(data, data_finding_uplift=0)
    assert analysis.facts.declarations == 2
    assert analysis.cape.in_house.hours == Decimal("22.5")
    assert analysis.cape.in_house.lost == 0


def test_drawback_specialist_wins(two_entries):
    # In-house: hours 40 + 10 x 4 + 8 x 0.25 x 4 = 88 (8,800); software 30,000 + 5,000;
    # days 30 + 20 x 0.25 + 30 = 65, delay 100,000 x 0.0002 x 65 = 1,300;
    # net 100,000 - 35,000 - 8,800 - 1,300 = 54,900.
    # Specialist: fee 20% = 20,000; hours 10 (1,000); days 15 + 5 + 30 = 50, delay 1,000;
    # net 78,000. Break-even total fee 78,000 + 20,000 - 54,900 = 43,100, a rate of 43.1%.
    analysis = run(two_entries, drawback_recovery=100000, drawback_claims=4,
                   software_upfront=30000, software_annual=5000, drawback_years=1,
                   drawback_setup_hours=40, drawback_hours_per_claim=10,
                   drawback_failure_probability="0.25", drawback_rework_hours=8,
                   drawback_self_ready_days=30, drawback_specialist_ready_days=15,
                   drawback_rework_days=20, drawback_days_to_payment=30,
                   drawback_contingency="0.2", drawback_coordination_hours=10)
    assert cents(analysis.drawback.in_house.net) == Decimal("54900.00")
    assert cents(analysis.drawback.specialist.net) == Decimal("78000.00")
    assert analysis.drawback.break_even.contingency == Decimal("0.431")
    assert analysis.recommendations[1].verdict == "specialist"


def test_no_drawback_without_recovery(two_entries):
    analysis = run(two_entries)
    assert analysis.drawback is None
    assert len(analysis.recommendations) == 1


def test_nothing_to_claim(write_triage, tmp_path):
    data = read_claim_data(write_triage(tmp_path / "triage", [
        {"route": "later_phase", "ieepa_duty": "500.00"}], declaration_files=0))
    recommendation = run(data).recommendations[0]
    assert recommendation.verdict == "nothing_to_claim"
