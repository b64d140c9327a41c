"""The self-filing readiness checklist: part answered from the triage, part by the analyst.

Self-filing CAPE declarations is a reasonable default only when every item is met. The
analyst answers what no export shows: an ACE Portal account with importer access (the upload
is portal-only, and the verification code goes to the Form 5106 contact email), ACH refund
enrollment verified by the account owner (separate from ACH for paying duties; without it CBP
holds the refund, and a Form 4811 notify party receives it instead), complete records, and
staff who know entry logic. The triage answers the rest: volume, importers and filer codes,
data findings, entries needing a PSC or a protest, entries near a deadline, and entries with
reconciliation, AD/CVD, warehouse, drawback or protest interactions.

>>> [STATUS[a] for a in (True, False, None)]
['met', 'not met', 'not answered']
"""

import dataclasses

from workbench.value.parameters import READINESS_ANSWERS

# Explanation of each analyst item, shown beside its status.
ANALYST_DETAILS = {
    "ace_portal_account": "the upload is portal-only; the verification code goes to the "
                          "Form 5106 contact email",
    "ach_refund_enrollment_verified": "enrolled for ACH refunds, not only ACH payments, and no "
                                      "Form 4811 notify party who would receive the refund",
    "records_complete": "protests, drawback designations, reconciliation flags and type 09 "
                        "filings, pending corrections and surety payments, which ES-003 does "
                        "not reliably show",
    "staff_know_entry_logic": "liquidation clocks, PSC windows, reconciliation order and CBP's "
                              "error messages",
}
MET, NOT_MET, UNANSWERED = "met", "not met", "not answered"
STATUS = {True: MET, False: NOT_MET, None: UNANSWERED}
# One CAPE declaration contains at most 9,999 entries (CBP's Phase 1 guidance).
DECLARATION_LIMIT = 9999


@dataclasses.dataclass(frozen=True)
class Item:
    """One checklist line: what is checked, its status, who answered it and the evidence."""

    key: str
    label: str
    status: str
    answered_by: str
    detail: str

    @property
    def met(self):
        return self.status == MET


def checklist(facts, params):
    """Return the checklist items, analyst answers first, then those read from the triage."""
    items = [_analyst_item(key, label, getattr(params, key))
             for key, label in READINESS_ANSWERS.items()]
    items += _data_items(facts, params.deadline_window_days)
    return tuple(items)


def open_items(items):
    """Return the items that are not met (including unanswered ones)."""
    return tuple(item for item in items if not item.met)


def _analyst_item(key, label, answer):
    detail = ANALYST_DETAILS[key]
    if answer is None:
        detail += f" (not answered: set {key} to true or false)"
    return Item(key, label, STATUS[answer], "analyst", detail)


def _data_items(facts, window):
    return [
        _data("entry_data", "Entry data exported with liquidation columns", True,
              f"{facts.entries} entries triaged"),
        _data("volume", "Each importer's entries fit one declaration",
              facts.largest_importer_claims <= DECLARATION_LIMIT,
              f"{facts.claim_entries} entries to claim now, at most "
              f"{facts.largest_importer_claims:,} for one importer (limit {DECLARATION_LIMIT:,} "
              f"per declaration); {facts.declarations} declarations expected"),
        _data("single_account", "One importer and one filer code",
              facts.importers <= 1 and facts.filer_codes <= 1,
              f"{facts.importers} importers, {facts.filer_codes} filer codes"),
        _data("clean_data", "No data findings", facts.data_finding_entries == 0
              and facts.exception_errors == 0,
              f"{facts.data_finding_entries} of {facts.entries} entries with a data finding "
              f"({facts.data_finding_share:.1%}); {facts.exception_errors} input errors"),
        _data("no_psc_or_protest", "No entry needs a PSC or a protest",
              facts.psc_entries == 0 and facts.protest_entries == 0,
              f"{facts.psc_entries} need a post-summary correction, "
              f"{facts.protest_entries} a protest"),
        _data("no_near_deadline", "No entry near its CAPE or protest deadline",
              facts.near_deadline_entries == 0,
              f"{facts.near_deadline_entries} entries within {window} days of the deadline "
              f"or in the 80-day warning band (${facts.near_deadline_refund:,.2f})"),
        _data("no_complex_entries", "No reconciliation, AD/CVD, warehouse, drawback or protest "
              "interactions", facts.complex_entries == 0,
              f"{facts.complex_entries} entries with such a reason code"),
    ]


def _data(key, label, met, detail):
    return Item(key, label, MET if met else NOT_MET, "triage", detail)
