"""The latest state of an entry from its history: forward only, except payments and re-filing."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.ledger import lifecycle
from workbench.ledger.lifecycle import Event, fold

NUMBER = "QXZ41000017"
DAY = dt.date(2026, 5, 4)


def event(status, claim="", day=None, message="", file=""):
    return Event(NUMBER, status, event_date=day, claim_number=claim, message=message,
                 declaration_file=file)


def test_written_does_not_block():
    state = fold([event("written", file="cape_declaration_001.csv")])
    assert state.status == "written"
    assert state.blocks_declaration is False
    assert state.declaration_file == "cape_declaration_001.csv"


@pytest.mark.parametrize("status", ["declared", "accepted", "accepted_with_errors",
                                    "liquidated", "sent_to_treasury", "paid", "diverted",
                                    "returned"])
def test_every_cbp_status_blocks(status):
    state = fold([event("written"), event("declared", "C1", DAY), event(status, "C1")])
    assert state.status == status
    assert state.blocks_declaration is True


def test_rejected_keeps_message_and_frees_entry():
    state = fold([event("declared", "C1", DAY), event("rejected", "C1", message="INVALID HTS")])
    assert state.status == "rejected"
    assert state.message == "INVALID HTS"
    assert state.blocks_declaration is False
    assert state.updated == DAY


def test_old_report_does_not_undo_acceptance():
    state = fold([event("declared", "C1", DAY), event("accepted", "C1"),
                  event("rejected", "C1", message="late, older copy")])
    assert state.status == "accepted"


def test_written_after_acceptance_is_history_only():
    state = fold([event("declared", "C1", DAY), event("accepted", "C1"),
                  event("written", file="second.csv")])
    assert state.status == "accepted"
    assert state.declaration_file == ""


def test_refile_cycle_after_rejection():
    events = [event("written", file="first.csv"), event("declared", "C1", DAY),
              event("rejected", "C1", message="UNABLE TO CALCULATE DUTY"),
              event("written", file="refile.csv")]
    state = fold(events)
    assert state.status == "written"
    assert state.last_result == "rejected"
    assert state.message == "UNABLE TO CALCULATE DUTY"
    assert state.declaration_file == "refile.csv"

    state = fold(events + [event("declared", "C2", DAY + dt.timedelta(days=30))])
    assert state.status == "declared"
    assert state.claim_number == "C2"
    assert state.uploads == 2


def test_rejection_of_older_claim_is_stale():
    state = fold([event("declared", "C1", DAY), event("rejected", "C1", message="x"),
                  event("declared", "C2", DAY), event("rejected", "C1", message="x again")])
    assert state.status == "declared"
    assert state.claim_number == "C2"


def test_duplicate_upload_rejection_keeps_acceptance():
    state = fold([event("declared", "C1", DAY), event("accepted", "C1"),
                  event("declared", "C2", DAY), event("rejected", "C2",
                                                      message="PREVIOUSLY SUBMITTED")])
    assert state.status == "accepted"
    assert state.claim_number == "C1"
    assert state.uploads == 2


def test_returned_then_issued_ends_paid():
    state = fold([event("declared", "C1", DAY), event("accepted", "C1"),
                  event("paid", day=dt.date(2026, 8, 3)),
                  event("returned", day=dt.date(2026, 8, 7)),
                  event("paid", day=dt.date(2026, 9, 1))])
    assert state.status == "paid"
    assert state.updated == dt.date(2026, 9, 1)


def test_payment_report_imported_late_by_date():
    state = fold([event("declared", "C1", DAY), event("returned", day=dt.date(2026, 8, 7)),
                  event("paid", day=dt.date(2026, 8, 3))])
    assert state.status == "returned"


def test_result_without_upload_counts_as_declared():
    state = fold([event("liquidated", day=DAY)])
    assert state.status == "liquidated"
    assert state.blocks_declaration is True


def test_unknown_status_raises():
    with pytest.raises(ValueError, match="unknown ledger status"):
        fold([event("approved")])


def test_funnel_stage_of_each_status():
    assert {s: lifecycle.FUNNEL_STAGE[s] for s in ("written", "rejected", "paid")} == {
        "written": None, "rejected": "declared", "paid": "paid"}
    assert set(lifecycle.FUNNEL_STAGE) == set(lifecycle.STATUSES)


RESULTS = st.sampled_from(["rejected", "accepted", "accepted_with_errors", "liquidated"])


@given(st.lists(RESULTS, min_size=1, max_size=8))
def test_results_never_move_back(statuses):
    events = [event("declared", "C1", DAY)] + [event(s, "C1") for s in statuses]
    state = fold(events)
    assert lifecycle.RANK[state.status] == max(lifecycle.RANK[s] for s in statuses)


@given(st.lists(st.sampled_from(lifecycle.STATUSES), min_size=1, max_size=8),
       st.integers(min_value=0, max_value=7))
def test_repeating_an_event_changes_nothing(statuses, position):
    events = [event(s, "C1", DAY) for s in statuses]
    index = position % len(events)
    # The ledger stores a repeated fact once; folding it twice in a row must agree.
    doubled = events[:index + 1] + [events[index]] + events[index + 1:]
    once, twice = fold(events), fold(doubled)
    assert twice.status == once.status
    assert twice.message == once.message
