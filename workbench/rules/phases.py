"""CAPE phases as data: which entry states an open phase accepts on the as-of date.

A phase row opens its entry states when it is enabled (shipped or switched by the analyst)
and its effective date is on or before the as-of date. Adding the next CBP phase means adding
a row to ``data/cape_phases.yaml``; new entry states need a predicate in ``cape.triage``.
"""

import dataclasses

from workbench.rules import load_table

ENTRY_STATES = (
    "unliquidated", "refund_after_liquidation", "liquidated_within_limit",
    "liquidated_past_limit", "reconciliation_flagged",
)


@dataclasses.dataclass(frozen=True)
class Phase:
    """One CAPE functionality row, after the analyst's switches."""

    phase_id: str
    label: str
    effective_from: object
    status: str
    enabled: bool
    accepts: tuple
    source: str
    reconciliation_entry_types: tuple = ()

    def is_open(self, as_of):
        """Tell whether the phase accepts declarations on the as-of date."""
        return self.enabled and self.effective_from <= as_of


def load_phases(settings):
    """Return every phase row, with the analyst's enabled flags and sources applied."""
    phases = []
    for phase_id, row in load_table("cape_phases")["phases"].items():
        switch = settings.cape_phases.get(phase_id, {})
        unknown = set(row["accepts"]) - set(ENTRY_STATES)
        if unknown:
            raise ValueError(f"cape_phases.yaml, phase {phase_id}: unknown states {unknown}")
        phases.append(Phase(
            phase_id=phase_id,
            label=row["label"],
            effective_from=row["effective_from"],
            status=row["status"],
            enabled=switch.get("enabled", row["enabled"]),
            accepts=tuple(row["accepts"]),
            source=switch.get("source") or row["source"],
            reconciliation_entry_types=tuple(row.get("reconciliation_entry_types", ())),
        ))
    return phases


def open_states(phases, as_of):
    """Return the set of entry states accepted by the phases open on the as-of date."""
    return {state for phase in phases if phase.is_open(as_of) for state in phase.accepts}


def reconciliation_types(phases, as_of):
    """Return the entry types whose reconciliation-flagged entries an open phase accepts."""
    return {t for phase in phases if phase.is_open(as_of)
            for t in phase.reconciliation_entry_types}
