"""Counts, data findings and deadlines from a triage: the work a claim takes.

Only three routes bring money that can be claimed now: ``cape`` (declare), ``fix_then_cape``
(a post-summary correction, then a declaration) and ``protest`` (the 180-day protest period is
still running). Entries on other routes are counted for the readiness checklist but carry no
value in the model. A ``later_phase`` entry has nothing to file yet, an ``other_filer`` entry
belongs to another filer, and a ``declared`` entry was filed before. ``no_refund`` and
``invalid`` entries have nothing to recover until their data is fixed.

>>> from workbench.value.inputs import ClaimEntry
>>> entry = ClaimEntry("E1", "I1", "ABC", "cape", (), dt.date(2026, 12, 10), "cape_80_day",
...                    Decimal("100.00"), Decimal("0.00"))
>>> days_left(entry, dt.date(2026, 12, 4))
6
"""

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from decimal import Decimal

CLAIM_ROUTES = ("cape", "fix_then_cape", "protest")
# Deadlines that end the right to a refund: CAPE's 80-day limit after liquidation and the
# 180-day protest period (19 U.S.C. 1514(c)(3)). A missed PSC deadline only closes the way to
# correct the entry first, so ``psc`` deadlines are not counted as a loss.
LOSS_DEADLINES = ("cape_80_day", "protest_180_day")
# Reason codes that mark the input data of an entry as defective or doubtful.
DATA_FINDING_CODES = frozenset({
    "INVALID_ENTRY_NUMBER", "CHECK_DIGIT_MISMATCH", "INVALID_IMPORTER_NUMBER", "INVALID_DATE",
    "INVALID_AMOUNT", "INVALID_HTS", "MALFORMED_INPUT_ROW", "CONFLICTING_INPUT_ROWS",
    "IEEPA_AFTER_CUTOFF", "MISSING_LIQUIDATION_DATA", "UNKNOWN_RECONCILIATION_INDICATOR",
    "GOODS_VALUE_ON_IEEPA_LINE", "UNKNOWN_CHAPTER99_HEADING",
})
# Reason codes for entries that need more than a plain declaration: reconciliation, AD/CVD,
# warehouse or suspended liquidation, drawback, open protests, another filer, excluded types.
COMPLEX_CODES = frozenset({
    "RECON_FLAGGED", "RECON_FILED", "ADCVD_PENDING_LIQUIDATION", "REFUND_AFTER_LIQUIDATION",
    "DRAWBACK_DESIGNATED", "OPEN_PROTEST", "FILER_MISMATCH", "EXCLUDED_ENTRY_TYPE",
})


@dataclasses.dataclass(frozen=True)
class Facts:
    """Counts and amounts from one triage that the checklist and the model use."""

    as_of: dt.date
    entries: int
    claim_entries: int
    cape_entries: int
    psc_entries: int
    protest_entries: int
    importers: int
    filer_codes: int
    declarations: int
    largest_importer_claims: int
    refund: Decimal
    data_finding_entries: int
    complex_entries: int
    near_deadline_entries: int
    near_deadline_refund: Decimal
    deadline_groups: tuple
    exception_errors: int
    exception_warnings: int
    drawback_recovery: Decimal = None

    @property
    def data_finding_share(self):
        """Share of all triaged entries with a data finding, as a Decimal from 0 to 1."""
        return Decimal(self.data_finding_entries) / self.entries if self.entries else Decimal(0)


def days_left(entry, as_of):
    """Return the calendar days from ``as_of`` to the entry's deadline (None without one)."""
    return (entry.deadline - as_of).days if entry.deadline else None


def collect_facts(data, deadline_window_days):
    """Count what the triage in ``data`` shows; ``deadline_window_days`` sets "near"."""
    claims = [e for e in data.entries if e.route in CLAIM_ROUTES]
    near = [e for e in claims if _near(e, data.as_of, deadline_window_days)]
    return Facts(
        as_of=data.as_of,
        entries=len(data.entries),
        claim_entries=len(claims),
        cape_entries=sum(e.route == "cape" for e in claims),
        psc_entries=sum(e.route == "fix_then_cape" for e in claims),
        protest_entries=sum(e.route == "protest" for e in claims),
        importers=len({e.importer_number for e in data.entries}),
        filer_codes=len({e.filer_code for e in data.entries if e.filer_code}),
        declarations=_declarations(data, claims),
        largest_importer_claims=max(Counter(e.importer_number for e in claims).values(),
                                    default=0),
        refund=sum((e.refund for e in claims), Decimal("0.00")),
        data_finding_entries=sum(bool(DATA_FINDING_CODES & set(e.reason_codes))
                                 for e in data.entries),
        complex_entries=sum(bool(COMPLEX_CODES & set(e.reason_codes)) for e in data.entries),
        near_deadline_entries=len(near),
        near_deadline_refund=sum((e.refund for e in near), Decimal("0.00")),
        deadline_groups=_deadline_groups(claims, data.as_of),
        exception_errors=data.exception_errors,
        exception_warnings=data.exception_warnings,
        drawback_recovery=data.drawback_recovery,
    )


def _near(entry, as_of, window):
    if "NEAR_80_DAY_LIMIT" in entry.reason_codes:
        return True
    left = days_left(entry, as_of)
    return entry.deadline_kind in LOSS_DEADLINES and left is not None and left <= window


def _declarations(data, claims):
    """Count CAPE declarations: the triage's files, plus one per importer after its PSCs."""
    cape_importers = {e.importer_number for e in claims if e.route == "cape"}
    files = data.declaration_files or len(cape_importers)
    return files + len({e.importer_number for e in claims if e.route == "fix_then_cape"})


def _deadline_groups(claims, as_of):
    """Return ((days left or None, refund), ...) summed per distinct days left, sorted."""
    groups = defaultdict(lambda: Decimal("0.00"))
    for entry in claims:
        left = days_left(entry, as_of) if entry.deadline_kind in LOSS_DEADLINES else None
        groups[left] += entry.refund
    return tuple(sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or 0)))
