"""CBP's words in CAPE results, mapped to ledger statuses, reason codes and next steps.

The mapping is data (``rules/data/cbp_messages.yaml``, with a source per row). A text that the
table does not cover is never dropped: ``explain`` returns it as received with
``known=False`` and a next step that sends the analyst to CBP's own detail.

>>> explain("Entry summary is in final  liquidation status").reason_code
'LIQUIDATED_OVER_80_DAYS'
>>> explain("PSC not allowed \u2013 refund requested").remedy
'none'
>>> rule = explain("ENTRY NOT ON FILE FOR IOR")
>>> rule.known, rule.text, rule.remedy
(False, 'ENTRY NOT ON FILE FOR IOR', 'unknown')
>>> claim_status(" accepted with error(s) "), refund_status("Funds Diverted")
(('accepted_with_errors', True), ('diverted', True))
"""

import dataclasses
import functools
import re

from workbench.ledger import lifecycle
from workbench.rules import load_table

TABLE = "cbp_messages"
REMEDIES = ("resubmit", "clear_then_resubmit", "none")
UNKNOWN_NEXT_STEP = (
    "CBP's message is not in the workbench's list, so it is shown as received. Read the entry's "
    "line in Claim Details on the CAPE tab; if the cause is unclear, email "
    "IEEPARefunds@cbp.dhs.gov with the entry and claim numbers.")
NO_TEXT_NEXT_STEP = (
    "CBP gave no error text for this rejection. Open Claim Details for the claim on the CAPE tab "
    "and read the entry's line there.")
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212]")


@dataclasses.dataclass(frozen=True)
class MessageRule:
    """Meaning of a CBP error text: reason code, cause, remedy and the next step."""

    text: str
    known: bool
    reason_code: str = ""
    cause: str = ""
    remedy: str = "unknown"
    next_step: str = UNKNOWN_NEXT_STEP
    max_uploads: int | None = None
    source: str = ""


def normalise(text):
    """Return text in the form rules are matched on: upper case, single spaces, ASCII dashes.

    >>> normalise(' ="Entry  on drawback" ')
    'ENTRY ON DRAWBACK'
    """
    value = str(text or "").strip()
    wrapped = re.match(r'^=\s*"(.*)"$', value)
    if wrapped:
        value = wrapped.group(1)
    value = _DASHES.sub("-", value)
    return re.sub(r"\s+", " ", value).strip().upper()


@functools.lru_cache(maxsize=None)
def _rules():
    rules = []
    for row in load_table(TABLE)["messages"]:
        if row["remedy"] not in REMEDIES or row["kind"] not in ("exact", "contains"):
            raise ValueError(f"{TABLE}.yaml, message {row['match']!r}: invalid remedy or kind")
        rules.append(row)
    return rules


def explain(text):
    """Return the ``MessageRule`` for a CBP error text (``known=False`` when none matches)."""
    shown = str(text or "").strip()
    if not shown:
        return MessageRule(text="", known=False, remedy="unknown", next_step=NO_TEXT_NEXT_STEP)
    key = normalise(shown)
    for row in _rules():
        pattern = normalise(row["match"])
        if key == pattern or (row["kind"] == "contains" and pattern in key):
            return MessageRule(text=shown, known=True, reason_code=row["reason_code"],
                               cause=row["cause"], remedy=row["remedy"],
                               next_step=" ".join(row["next_step"].split()),
                               max_uploads=row.get("max_uploads"), source=row["source"])
    return MessageRule(text=shown, known=False)


@functools.lru_cache(maxsize=None)
def _status_table(section):
    table = {}
    for key, row in load_table(TABLE)[section].items():
        if row["status"] not in lifecycle.STATUSES:
            raise ValueError(f"{TABLE}.yaml, {section} {key!r}: unknown status {row['status']!r}")
        table[normalise(key)] = row["status"]
    return table


@functools.lru_cache(maxsize=4096)
def _status_lookup(section, text):
    return _status_table(section).get(normalise(text))


def claim_status(text):
    """Return (ledger status, recognised) for a Claim Details STATUS value.

    An unrecognised value still means CBP has the entry, so it becomes ``declared``. The
    entry is then not declared again, and the status report shows CBP's text as received.
    """
    status = _status_lookup("claim_statuses", text)
    return (status, True) if status else (lifecycle.DECLARED, False)


def refund_status(text):
    """Return (ledger status, recognised) for a REV-603 secondary status.

    Any REV-603 row means a refund exists, so an unrecognised value becomes ``liquidated``.
    """
    status = _status_lookup("refund_statuses", text)
    return (status, True) if status else (lifecycle.LIQUIDATED, False)


def timing(name):
    """Return the value of a follow-up timing setting (for example, days a refund may take)."""
    return load_table(TABLE)["timing"][name]["value"]
