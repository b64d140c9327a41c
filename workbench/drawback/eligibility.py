"""Drawback eligibility of the charges on an import line, with the reason for each exclusion.

Each charge gets one decision, in the order the law sets it. First the charge table: ordinary
duty and Sections 301, 201 and 122 count, while Section 232, AD/CVD and IEEPA fentanyl duty do
not. MPF and HMT count only on unused-merchandise claims (19 CFR 191.3(a)(4)). IEEPA duty that
the entry has declared to CAPE never counts, because the same dollar is never recovered
twice. IEEPA duty of an entry with CAPE status ``none`` stays eligible, with a warning that
designating the entry makes CAPE reject it (``ENTRY ON DRAWBACK``), so CAPE should come first.

>>> decide("section_232", "unused", "none").reason
'Sec. 232: drawback barred by proclamation'
>>> decide("ieepa_reciprocal", "unused", "declared").eligible
False
>>> decision = decide("ieepa_reciprocal", "unused", "none")
>>> decision.eligible, decision.warning[:40]
(True, 'designating this entry makes CAPE reject')
"""

import dataclasses

from workbench.drawback import tables
from workbench.drawback.prior import CAPE_CLAIMED


@dataclasses.dataclass(frozen=True)
class Decision:
    """The drawback decision on one charge."""

    kind: str
    eligible: bool
    accounting_class: str
    reason: str = ""
    warning: str = ""


def decide(kind, provision_kind, cape_status):
    """Return the ``Decision`` for a charge kind on a claim of ``provision_kind``."""
    rule = tables.charge_rule(kind)
    if not rule.eligible:
        return Decision(kind, False, rule.accounting_class, rule.reason)
    if rule.provision_kinds and provision_kind not in rule.provision_kinds:
        return Decision(kind, False, rule.accounting_class, rule.reason)
    if rule.cape_sensitive:
        return _cape_decision(rule, cape_status)
    return Decision(kind, True, rule.accounting_class)


def _cape_decision(rule, cape_status):
    if cape_status in CAPE_CLAIMED:
        return Decision(rule.kind, False, rule.accounting_class,
                        f"IEEPA duty with CAPE status {cape_status}: refunded through CAPE, "
                        f"so never counted for drawback")
    if cape_status == "rejected":
        return Decision(rule.kind, True, rule.accounting_class,
                        warning="CAPE rejected this entry; its IEEPA duty is counted for "
                                "drawback; check the rejection reason first")
    return Decision(rule.kind, True, rule.accounting_class,
                    warning="designating this entry makes CAPE reject it (ENTRY ON DRAWBACK); "
                            "declare its IEEPA duty through CAPE first")


def decide_line(line, provision_kind, cape_status):
    """Return [(charge, Decision)] for every charge of an import line, fees included."""
    decisions = [(charge, decide(charge.kind, provision_kind, cape_status))
                 for charge in line.charges]
    return decisions


def fee_decisions(provision_kind):
    """Return {'mpf': Decision, 'hmt': Decision} for a claim of ``provision_kind``."""
    return {kind: decide(kind, provision_kind, "none") for kind in ("mpf", "hmt")}


def eligible_by_class(decisions):
    """Return {accounting class: eligible amount} for the duty and tax charges of a line."""
    totals = {}
    for charge, decision in decisions:
        if decision.eligible:
            totals[decision.accounting_class] = (
                totals.get(decision.accounting_class, 0) + charge.amount)
    return totals
