"""The four ways to claim, each described by the same fields: who works, who pays, what fails.

CAPE can be declared in-house (a portal upload by the importer of record) or by the broker
that filed the entry summary or a specialist working with it. Drawback can be filed in-house
with ABI software or by a drawback specialist. Each ``Option`` contains numbers that are either
Decimals (the point estimate) or float arrays (one per Monte Carlo draw), built from:

* the triage ``Facts`` (entries, declarations, refunds and deadlines);
* the numeric inputs ``values`` (``point_values`` or a Monte Carlo sample);
* the analyst's readiness answers in ``params``. An unmet or unanswered item costs time or
  raises the failure probability: no ACE Portal account delays the first in-house upload,
  unverified ACH refund enrollment delays the cash whoever files, incomplete records raise
  the failure probability of both, and staff without entry experience raise the in-house one.
"""

import dataclasses

# No input makes failure certain: the probability is capped here after the uplifts are added.
MAXIMUM_FAILURE_PROBABILITY = "0.95"


@dataclasses.dataclass(frozen=True)
class Option:
    """One way to claim. Hours exclude rework, which ``model`` adds per expected failure."""

    key: str
    label: str
    deadline_groups: tuple
    fee_entries: int
    submissions: int
    internal_hours: object
    rework_hours: object
    failure_probability: object
    ready_days: object
    rework_days: object
    cash_days: object
    fee_per_entry: object
    fee_flat: object
    contingency: object
    minimum_fee: object
    outlay: object
    hourly_cost: object
    cost_of_capital: object
    loss_share: object


COMPARISONS = ("cape", "drawback")


def build_options(comparison, facts, values, params, ops):
    """Return the (in-house, specialist) options of ``comparison``, ``cape`` or ``drawback``.

    The drawback recovery is the total read from a drawback folder when there is one, else the
    analyst's ``drawback_recovery`` input.
    """
    if comparison == "cape":
        return cape_options(facts, values, params, ops)
    if comparison == "drawback":
        recovery = (values.drawback_recovery if facts.drawback_recovery is None
                    else ops.number(facts.drawback_recovery))
        return drawback_options(recovery, values, params, ops)
    raise ValueError(f"unknown comparison {comparison!r}; expected one of {COMPARISONS}")


def cape_options(facts, values, params, ops):
    """Return (in-house, specialist) CAPE options."""
    v, n = values, ops.number
    zero = n(0)
    records_uplift = zero if params.records_complete else v.incomplete_records_uplift
    cash_days = v.refund_days_after_acceptance + (
        zero if params.ach_refund_enrollment_verified else v.ach_enrollment_days)
    # NOTE: the per-entry fee is charged on every entry claimed now, protests and PSC entries
    # included, although a specialist may price protests and corrections separately.
    common = dict(
        deadline_groups=tuple((days, n(value)) for days, value in facts.deadline_groups),
        fee_entries=facts.claim_entries,
        submissions=facts.declarations,
        cash_days=cash_days,
        outlay=zero,
        hourly_cost=v.hourly_cost,
        cost_of_capital=v.cost_of_capital,
        loss_share=v.missed_deadline_loss_share,
    )
    in_house = Option(
        key="cape_self", label="Self-file CAPE",
        internal_hours=(v.self_setup_hours
                        + v.self_hours_per_declaration * n(facts.declarations)
                        + v.self_hours_per_entry * n(facts.claim_entries)
                        + v.psc_hours_per_entry * n(facts.psc_entries)
                        + v.protest_hours_per_entry * n(facts.protest_entries)),
        rework_hours=v.rework_hours_per_failure,
        failure_probability=_capped(
            v.first_failure_probability
            + v.data_finding_uplift * n(facts.data_finding_share)
            + (zero if params.staff_know_entry_logic else v.inexperience_uplift)
            + records_uplift, ops),
        ready_days=v.self_ready_days + (zero if params.ace_portal_account else v.portal_setup_days),
        rework_days=v.self_rework_days,
        fee_per_entry=zero, fee_flat=zero, contingency=zero, minimum_fee=zero,
        **common)
    specialist = Option(
        key="cape_specialist", label="Broker or specialist CAPE",
        internal_hours=v.specialist_coordination_hours,
        rework_hours=zero,
        failure_probability=_capped(v.specialist_failure_probability + records_uplift, ops),
        ready_days=v.specialist_ready_days,
        rework_days=v.specialist_rework_days,
        fee_per_entry=v.specialist_fee_per_entry, fee_flat=v.specialist_fee_flat,
        contingency=v.specialist_contingency, minimum_fee=v.specialist_minimum_fee,
        **common)
    return in_house, specialist


def drawback_options(recovery, values, params, ops):
    """Return (in-house with ABI software, specialist) drawback options for ``recovery``."""
    v, n = values, ops.number
    zero = n(0)
    # NOTE: the five-year drawback filing deadline is not modelled, so a rejected claim never
    # loses drawback here. A claim filed close to that deadline carries a risk left out.
    common = dict(
        deadline_groups=((None, n(recovery)),),
        fee_entries=0,
        submissions=params.drawback_claims,
        failure_probability=_capped(v.drawback_failure_probability, ops),
        rework_days=v.drawback_rework_days,
        cash_days=v.drawback_days_to_payment,
        hourly_cost=v.hourly_cost,
        cost_of_capital=v.cost_of_capital,
        loss_share=v.missed_deadline_loss_share,
        fee_per_entry=zero,
    )
    in_house = Option(
        key="drawback_self", label="Self-file drawback (ABI software)",
        internal_hours=(v.drawback_setup_hours
                        + v.drawback_hours_per_claim * n(params.drawback_claims)),
        rework_hours=v.drawback_rework_hours,
        ready_days=v.drawback_self_ready_days,
        fee_flat=zero, contingency=zero, minimum_fee=zero,
        outlay=v.software_upfront + v.software_annual * v.drawback_years,
        **common)
    specialist = Option(
        key="drawback_specialist", label="Drawback specialist",
        internal_hours=v.drawback_coordination_hours,
        rework_hours=zero,
        ready_days=v.drawback_specialist_ready_days,
        fee_flat=v.drawback_fee_flat, contingency=v.drawback_contingency,
        minimum_fee=v.drawback_minimum_fee,
        outlay=zero,
        **common)
    return in_house, specialist


def _capped(probability, ops):
    return ops.minimum(probability, ops.number(MAXIMUM_FAILURE_PROBABILITY))
