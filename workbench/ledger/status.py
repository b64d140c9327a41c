"""Status of every declared entry: one row per entry, and the refund funnel.

The funnel counts each entry once, at the furthest stage its latest status reached:
declared (uploaded, including rejected), accepted, liquidated (refund computed, sent to
Treasury, diverted or returned) and paid. Each stage includes the entries of the stages
after it, so the numbers shrink from declared to paid. Entries only written into a file are
counted apart, as not yet uploaded.

>>> from workbench.ledger.lifecycle import EntryState
>>> states = {"A": EntryState("A", "paid"), "B": EntryState("B", "rejected"),
...           "C": EntryState("C", "written")}
>>> funnel(states)["entries"].tolist()
[2, 1, 1, 1]
"""

import pandas as pd

from workbench.ledger import lifecycle, messages
from workbench.outputs import write_csv

STATUS_COLUMNS = [
    "entry_number", "importer", "status", "cbp_status", "claim_number", "declaration_file",
    "uploads", "updated", "message", "reason_code", "next_step",
]
FUNNEL_COLUMNS = ["stage", "entries"]
OTHER_COUNTS = ("written", "rejected", "diverted", "returned")

NEXT_STEPS = {
    lifecycle.WRITTEN: "Upload the declaration file on the CAPE tab, then run "
                       "'workbench ledger record-upload' with its claim number.",
    lifecycle.DECLARED: "Wait for CBP's result, then download Claim Details from the Claim "
                        "Status subtab and run 'workbench ledger import-results'.",
    lifecycle.ACCEPTED: "Wait for the refund; import ES-022 and REV-603 from ACE Reports to "
                        "follow it.",
    lifecycle.ACCEPTED_WITH_ERRORS: "The claim had errors on some entries; check this entry's "
                                    "line in Claim Details, then follow the refund in ES-022.",
    lifecycle.LIQUIDATED: "The refund is computed; import REV-603 to follow the payment.",
    lifecycle.SENT_TO_TREASURY: "Sent to Treasury; match it against your bank deposits.",
    lifecycle.PAID: "Paid; compare it with the estimate in 'workbench ledger reconcile'.",
    lifecycle.DIVERTED: "CBP applied the refund to a debt owed to CBP (offset); ask CBP's "
                        "Revenue Division which debt it paid.",
    lifecycle.RETURNED: "The payment bounced; fix the ACH Refund Authorization in ACE (see the "
                        "REV-613 report) so CBP can pay again.",
}
UNRECOGNISED_STATUS_STEP = (
    "CBP's status {text!r} is not in the workbench's list, so it is shown as received; check "
    "the claim on the Claim Status subtab.")


def next_step(state, rule=None):
    """Return the next step for an entry in plain English."""
    if state.status == lifecycle.REJECTED:
        return (rule or messages.explain(state.message)).next_step
    if state.cbp_status_text and not _status_recognised(state):
        return UNRECOGNISED_STATUS_STEP.format(text=state.cbp_status_text)
    return NEXT_STEPS[state.status]


def _status_recognised(state):
    text = state.cbp_status_text
    return messages.claim_status(text)[1] or messages.refund_status(text)[1]


def status_frame(states):
    """Return one row per entry with its status, CBP's words and the next step."""
    rows = []
    for number, state in sorted(states.items()):
        rule = messages.explain(state.message) if state.status == lifecycle.REJECTED else None
        rows.append({
            "entry_number": number,
            "importer": state.importer_key,
            "status": state.status,
            "cbp_status": state.cbp_status_text,
            "claim_number": state.claim_number,
            "declaration_file": state.declaration_file,
            "uploads": state.uploads,
            "updated": state.updated.isoformat() if state.updated else "",
            "message": state.message,
            "reason_code": rule.reason_code if rule else "",
            "next_step": next_step(state, rule),
        })
    return pd.DataFrame(rows, columns=STATUS_COLUMNS)


def funnel(states):
    """Return the funnel: entries that reached each stage (declared, accepted, liquidated, paid)."""
    order = {stage: index for index, stage in enumerate(lifecycle.FUNNEL_STAGES)}
    reached = [order[s.funnel_stage] for s in states.values() if s.funnel_stage is not None]
    counts = [sum(1 for r in reached if r >= index) for index in range(len(order))]
    return pd.DataFrame({"stage": list(lifecycle.FUNNEL_STAGES), "entries": counts},
                        columns=FUNNEL_COLUMNS)


def other_counts(states):
    """Return {status: entries} for the statuses the funnel does not show on their own."""
    return {status: sum(1 for s in states.values() if s.status == status)
            for status in OTHER_COUNTS}


def write_status(folder, states):
    """Write ``ledger_status.csv`` and ``ledger_funnel.csv`` into ``folder``; return the paths."""
    table = status_frame(states)
    stages = funnel(states)
    extra = pd.DataFrame({"stage": [f"status {name}" for name in OTHER_COUNTS],
                          "entries": list(other_counts(states).values())})
    stages = pd.concat([stages, extra], ignore_index=True)
    status_path = write_csv(folder / "ledger_status.csv", STATUS_COLUMNS,
                            table.itertuples(index=False))
    funnel_path = write_csv(folder / "ledger_funnel.csv", FUNNEL_COLUMNS,
                            stages.itertuples(index=False))
    return [status_path, funnel_path]
