"""The life of one entry in CAPE: statuses, their order, and the latest state from a history.

An entry starts in a declaration file the workbench wrote (``written``) and is ``declared``
once the analyst records its upload. CBP's result on the Claim Details download makes it
``accepted``, ``accepted_with_errors`` or ``rejected``. ES-022 then reports the refund
(``liquidated``), and REV-603 its payment (``sent_to_treasury``, then ``paid``, ``diverted``
or ``returned``).

Only an upload or a report from CBP puts an entry in CBP's hands. A ``written`` entry is in a
file that may never be uploaded, so it does not count as declared: triage lists it again, and
only ``rejected`` and ``written`` leave an entry free to be declared (``blocks_declaration``).

Reports arrive late, out of order and more than once, so the latest state is not simply the
last event. ``fold`` applies the events in the order they were recorded with these rules:

* a CBP result moves the state forward by ``RANK`` and never back, because an old report
  imported late must not undo a newer one; an equal rank replaces the state (a newer message);
* among payment statuses (``sent_to_treasury`` and later) the later event date wins, so a
  refund returned and then issued again ends ``paid``;
* a result for an older claim than the entry's current one is history only;
* a new file or upload restarts the cycle only after a rejection (or from ``written``).

>>> events = [Event("ZZZ00000029", WRITTEN, declaration_file="cape_declaration_001.csv"),
...           Event("ZZZ00000029", DECLARED, claim_number="C1"),
...           Event("ZZZ00000029", REJECTED, claim_number="C1", message="INVALID HTS")]
>>> state = fold(events)
>>> state.status, state.message, state.blocks_declaration
('rejected', 'INVALID HTS', False)
>>> fold(events + [Event("ZZZ00000029", DECLARED, claim_number="C2"),
...                Event("ZZZ00000029", REJECTED, claim_number="C1", message="late copy")]).status
'declared'
"""

import dataclasses
import datetime as dt

WRITTEN = "written"
DECLARED = "declared"
REJECTED = "rejected"
ACCEPTED_WITH_ERRORS = "accepted_with_errors"
ACCEPTED = "accepted"
LIQUIDATED = "liquidated"
SENT_TO_TREASURY = "sent_to_treasury"
PAID = "paid"
DIVERTED = "diverted"
RETURNED = "returned"

# How far along the refund an entry is. Equal ranks are alternatives, not steps.
RANK = {
    WRITTEN: 0,
    DECLARED: 1,
    REJECTED: 2,
    ACCEPTED_WITH_ERRORS: 3,
    ACCEPTED: 3,
    LIQUIDATED: 4,
    SENT_TO_TREASURY: 5,
    PAID: 6,
    DIVERTED: 6,
    RETURNED: 6,
}
STATUSES = tuple(RANK)
FILING_STATUSES = (WRITTEN, DECLARED)
PAYMENT_RANK = RANK[SENT_TO_TREASURY]
NOT_DECLARED = (WRITTEN, REJECTED)

# Funnel stage of each status: the furthest step of declared -> accepted -> liquidated -> paid.
FUNNEL_STAGES = ("declared", "accepted", "liquidated", "paid")
FUNNEL_STAGE = {
    WRITTEN: None,
    DECLARED: "declared",
    REJECTED: "declared",
    ACCEPTED_WITH_ERRORS: "accepted",
    ACCEPTED: "accepted",
    LIQUIDATED: "liquidated",
    SENT_TO_TREASURY: "liquidated",
    DIVERTED: "liquidated",
    RETURNED: "liquidated",
    PAID: "paid",
}


@dataclasses.dataclass(frozen=True)
class Event:
    """One recorded fact about an entry: a file written, an upload, or a line of a CBP report.

    ``event_date`` is the date the source gives (upload date, a date column of the report),
    or None when it gives none. ``recorded_on`` is the day the workbench stored the event. A
    result without a date keeps the entry's earlier date (its upload day) as ``updated``.
    """

    entry_number: str
    status: str
    event_date: dt.date | None = None
    claim_number: str = ""
    message: str = ""
    declaration_file: str = ""
    importer_key: str = ""
    cbp_status_text: str = ""
    recorded_on: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class EntryState:
    """The latest state of one entry, as triage, re-filing and reconciliation read it.

    ``message`` is CBP's last error text ("" when CBP gave none). ``last_result`` is the
    status of the last CBP report applied ("" before any), so an entry that was rejected and
    is now only in a new, unsent file still shows the rejection. ``cbp_status_text`` is CBP's
    own status wording from that report. ``uploads`` counts recorded uploads of the entry.
    """

    entry_number: str
    status: str
    message: str = ""
    declaration_file: str = ""
    claim_number: str = ""
    updated: dt.date | None = None
    last_result: str = ""
    cbp_status_text: str = ""
    importer_key: str = ""
    uploads: int = 0
    claims: tuple = ()

    @property
    def blocks_declaration(self):
        """Tell whether CBP has the entry, so declaring it again would be rejected as a repeat."""
        return self.status not in NOT_DECLARED

    @property
    def funnel_stage(self):
        """Return the furthest funnel stage reached: declared, accepted, liquidated, paid or None."""
        return FUNNEL_STAGE[self.status]


def fold(events):
    """Return the latest ``EntryState`` of one entry from its events in recorded order."""
    state = None
    for event in events:
        state = apply(state, event)
    return state


def apply(state, event):
    """Return the state after one more event."""
    if event.status not in RANK:
        raise ValueError(f"unknown ledger status {event.status!r}; expected one of {STATUSES}")
    if state is None:
        return _start(event)
    # A Claim Details row that only reports that CBP has the entry ("NOT STARTED", or a
    # status missing from the table) is a report, not an upload, so it carries CBP's words.
    if event.status in FILING_STATUSES and not event.cbp_status_text:
        return _apply_filing(state, event)
    return _apply_result(state, event)


def _start(event):
    return apply(EntryState(entry_number=event.entry_number, status=WRITTEN), event)


def _apply_filing(state, event):
    changes = {"importer_key": event.importer_key or state.importer_key}
    if event.status == DECLARED:
        changes["uploads"] = state.uploads + 1
        if event.claim_number and event.claim_number not in state.claims:
            changes["claims"] = (*state.claims, event.claim_number)

    if state.status not in NOT_DECLARED:
        # CBP already has the entry, so a new file or upload is a repeat and stays history.
        if state.status == DECLARED and event.claim_number and not state.claim_number:
            changes["claim_number"] = event.claim_number
        return dataclasses.replace(state, **changes)

    changes.update(status=event.status, updated=_day(event) or state.updated,
                   declaration_file=event.declaration_file or state.declaration_file)
    if event.status == DECLARED:
        changes["claim_number"] = event.claim_number
    return dataclasses.replace(state, **changes)


def _day(event):
    return event.event_date or event.recorded_on


def _is_stale(state, event):
    """Tell whether the event reports on a claim older than the entry's current claim."""
    if not event.claim_number or not state.claim_number:
        return False
    if event.claim_number not in state.claims or state.claim_number not in state.claims:
        return False
    return state.claims.index(event.claim_number) < state.claims.index(state.claim_number)


def _moves_forward(state, event):
    new, old = RANK[event.status], RANK[state.status]
    if new >= PAYMENT_RANK and old >= PAYMENT_RANK:
        return event.event_date is None or state.updated is None or event.event_date >= state.updated
    return new >= old


def _apply_result(state, event):
    changes = {"importer_key": event.importer_key or state.importer_key}
    if event.claim_number and event.claim_number not in state.claims:
        changes["claims"] = (*state.claims, event.claim_number)
    if _is_stale(state, event) or not _moves_forward(state, event):
        return dataclasses.replace(state, **changes)

    changes.update(status=event.status, message=event.message, last_result=event.status,
                   cbp_status_text=event.cbp_status_text,
                   updated=event.event_date or state.updated or event.recorded_on,
                   claim_number=event.claim_number or state.claim_number)
    return dataclasses.replace(state, **changes)
