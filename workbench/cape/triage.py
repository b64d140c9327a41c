"""The CAPE decision table: one route, its reason codes and its deadline for every entry.

The sections run in the order of CBP's Phase 1 guidance (CSMS #68340863) and its later
notices: data checks, anything to refund, entry-level exclusions, the liquidation clock,
then fixes and who may file. Up to the clock, the first section that decides an entry's route
wins; every reason that applies is still listed. The fixes section can then move a ``cape``
entry elsewhere.

Entries that no open CAPE phase accepts follow the general rule: ``protest`` while the entry
is liquidated and its 180-day protest period (19 U.S.C. 1514) is running, ``later_phase``
otherwise.
"""

import dataclasses
import datetime as dt

import pandas as pd

from workbench.rules import phases as phase_rules
from workbench.rules.chapter99 import ieepa_deactivated_from

PROTEST, LATER = "protest", "later_phase"
NOT_LIQUIDATED = ("unliquidated", "suspended", "extended", "under_review",
                  "adcvd_pending_liquidation")


@dataclasses.dataclass
class Context:
    """Everything besides the entries that a triage decision depends on."""

    as_of: dt.date
    settings: object
    clocks: object
    phases: list
    entry_types: dict
    filer_code: str = ""
    protests: frozenset = frozenset()
    drawback: frozenset = frozenset()
    ledger_states: dict = dataclasses.field(default_factory=dict)
    conflicts: dict = dataclasses.field(default_factory=dict)
    malformed: dict = dataclasses.field(default_factory=dict)


class Decisions:
    """The route, reason codes and deadline being decided for each entry."""

    def __init__(self, index):
        self.route = pd.Series("", index=index, dtype=object)
        self.codes = {}
        self.deadline = pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
        self.deadline_kind = pd.Series("", index=index, dtype=object)

    def open(self):
        """Return the mask of entries whose route is not decided yet."""
        return self.route == ""

    def flag(self, code, mask):
        """List ``code`` on every entry in ``mask``."""
        mask = mask.fillna(False).astype(bool)
        self.codes[code] = self.codes.get(code, pd.Series(False, index=mask.index)) | mask

    def decide(self, mask, route, code=None):
        """Give ``route`` to the undecided entries in ``mask`` and list ``code`` on them."""
        mask = mask.fillna(False).astype(bool) & self.open()
        if code:
            self.flag(code, mask)
        self.route[mask] = route

    def reopen(self, mask):
        """Take back the route and deadline of the entries in ``mask``."""
        self.route[mask] = ""
        self.deadline[mask] = pd.NaT
        self.deadline_kind[mask] = ""

    def set_deadline(self, mask, dates, kind):
        """Set the deadline that matters for the entries in ``mask``."""
        self.deadline[mask] = dates[mask]
        self.deadline_kind[mask] = kind

    def has(self, code):
        """Return the mask of entries that list ``code``."""
        return self.codes.get(code, pd.Series(False, index=self.route.index))


def _map_distinct(series, function):
    """Apply ``function`` once per distinct value; values it maps to None stay missing."""
    return series.map({value: function(value) for value in series.unique()})


class Facts:
    """Per-entry facts derived once from the entries and the context."""

    def __init__(self, entries, ctx):
        as_of = pd.Timestamp(ctx.as_of)
        settings = ctx.settings
        self.category = _map_distinct(entries["liquidation_key"], settings.liquidation_category)
        self.recon = _map_distinct(entries["recon_key"], settings.reconciliation_flag)
        date = entries["liquidation_date"]
        self.liquidated = (self.category == "liquidated") & date.notna() & (date <= as_of)
        self.liquidated_later = (self.category == "liquidated") & (date > as_of)
        self.date_ignored = self.category.isin(NOT_LIQUIDATED) & (date > as_of)
        self.age = (as_of - date).dt.days.where(self.liquidated)
        self.warehouse = entries["entry_type"].isin(ctx.entry_types["warehouse"])
        self.refund_after = (self.category.isin(["suspended", "extended", "under_review"])
                             | (self.warehouse & ~self.liquidated))
        self.psc_deadline = entries["entry_date"] + pd.Timedelta(days=ctx.clocks.psc_days_from_entry)
        self.cape_deadline = date + pd.Timedelta(days=ctx.clocks.cape_limit_days)
        self.protest_deadline = date + pd.Timedelta(days=ctx.clocks.protest_days)
        self.filer = entries["entry_key"].str[:3]


def general_rule(decisions, facts, mask, ctx):
    """Route excluded entries: protest while the protest period runs, later_phase otherwise."""
    mask = mask.fillna(False).astype(bool) & decisions.open()
    protest = mask & facts.liquidated & (facts.age <= ctx.clocks.protest_days)
    decisions.decide(protest, PROTEST)
    decisions.set_deadline(protest, facts.protest_deadline, "protest_180_day")
    decisions.decide(mask & ~protest, LATER)


def data_checks(entries, facts, decisions, ctx):
    """Section 3.1: entries whose data cannot be trusted are routed invalid.

    Every data defect found is listed, so the analyst can fix them all at once.
    """
    state = entries["entry_state"]
    overridden = entries["entry_key"].isin(ctx.settings.confirmed_check_digit_overrides)
    as_of = pd.Timestamp(ctx.as_of)
    cutoff = pd.Timestamp(ieepa_deactivated_from())
    impossible_date = (entries["bad_entry_date"] | entries["bad_liquidation_date"]
                       | entries["early_date"] | (entries["entry_date"] > as_of)
                       | (entries["liquidation_date"] < entries["entry_date"]))
    checks = [
        ("INVALID_ENTRY_NUMBER", state == "invalid"),
        ("CHECK_DIGIT_MISMATCH", (state == "check_digit") & ~overridden),
        ("INVALID_IMPORTER_NUMBER", entries["importer_key"] == ""),
        ("CONFLICTING_INPUT_ROWS",
         entries["entry_key"].isin(ctx.conflicts) | entries["header_conflict"]),
        ("MALFORMED_INPUT_ROW", entries["entry_key"].isin(ctx.malformed)),
        ("INVALID_AMOUNT", entries["bad_amount"]),
        ("INVALID_HTS", entries["bad_hts"]),
        ("INVALID_ENTRY_TYPE", entries["bad_entry_type"]),
        ("INVALID_DATE", impossible_date),
        ("IEEPA_AFTER_CUTOFF", entries["has_ieepa_line"] & (entries["entry_date"] >= cutoff)),
        ("CANCELLED_OR_REJECTED", entries["cancelled"]),
    ]
    for code, mask in checks:
        decisions.flag(code, mask)
        decisions.decide(mask, "invalid")
    decisions.flag("CHECK_DIGIT_MISMATCH", (state == "check_digit") & overridden)


def refund_checks(entries, decisions):
    """Section 3.2: entries without a dutiable IEEPA Chapter 99 line have nothing to refund."""
    decisions.decide(~entries["has_chapter99"], "no_refund", "NO_IEEPA_LINE")
    decisions.decide(entries["has_chapter99"] & ~entries["has_ieepa_line"], "no_refund",
                     "NON_IEEPA_CHAPTER99_ONLY")
    decisions.decide(entries["has_ieepa_line"] & (entries["ieepa_cents"] == 0), "no_refund",
                     "ZERO_IEEPA_DUTY")
    decisions.flag("UNKNOWN_CHAPTER99_HEADING", entries["unknown_heading"])


def liquidation_data_checks(entries, facts, decisions, ctx):
    """Rule D6: a status the mapping does not know, or a status the date contradicts."""
    as_of = pd.Timestamp(ctx.as_of)
    unmapped = facts.category.isna()
    undated = (facts.category == "liquidated") & entries["liquidation_date"].isna()
    # A "not liquidated" status beside a liquidation date already past is a contradiction.
    # A later date may be a scheduled liquidation and is left alone.
    contradicted = (facts.category.isin(NOT_LIQUIDATED)
                    & (entries["liquidation_date"] <= as_of))
    decisions.decide(unmapped | undated | contradicted, "invalid", "MISSING_LIQUIDATION_DATA")
    decisions.decide(facts.recon.isna(), "invalid", "UNKNOWN_RECONCILIATION_INDICATOR")


def exclusions(entries, facts, decisions, ctx):
    """Section 3.3: entry-level exclusions, then entries already declared (from the ledger)."""
    excluded_type = entries["entry_type"].isin(ctx.entry_types["excluded"])
    decisions.flag("EXCLUDED_ENTRY_TYPE", excluded_type & decisions.open())
    general_rule(decisions, facts, excluded_type, ctx)

    designated = entries["entry_key"].isin(ctx.drawback)
    decisions.flag("DRAWBACK_DESIGNATED", designated & decisions.open())
    general_rule(decisions, facts, designated, ctx)

    decisions.decide(entries["entry_key"].isin(ctx.protests), LATER, "OPEN_PROTEST")
    reconciliation(entries, facts, decisions, ctx)
    decisions.decide(facts.category == "adcvd_pending_liquidation", LATER,
                     "ADCVD_PENDING_LIQUIDATION")

    # A file written but never uploaded does not count: only an upload or a CBP result does.
    declared = {key for key, state in ctx.ledger_states.items() if state.blocks_declaration}
    decisions.decide(entries["entry_key"].isin(declared), "declared", "ALREADY_DECLARED")


def reconciliation(entries, facts, decisions, ctx):
    """Rules X4-X6: reconciliation-flagged entries, by the phases open on the as-of date."""
    flagged = (facts.recon == "flagged") & decisions.open()
    filed = flagged & entries["entry_key"].isin(ctx.settings.reconciliation_09_filed)
    decisions.flag("RECON_FILED", filed)
    general_rule(decisions, facts, filed, ctx)

    open_states = phase_rules.open_states(ctx.phases, ctx.as_of)
    types = phase_rules.reconciliation_types(ctx.phases, ctx.as_of)
    accepted = "reconciliation_flagged" in open_states
    declarable = flagged & ~filed & accepted & entries["entry_type"].isin(types)
    decisions.flag("RECON_FLAGGED", flagged & ~filed)
    general_rule(decisions, facts, flagged & ~filed & ~declarable, ctx)


def entry_states(facts, ctx):
    """Return each entry's CAPE entry state (the names the phase table uses)."""
    limit = ctx.clocks.cape_limit_days
    state = pd.Series("unliquidated", index=facts.category.index, dtype=object)
    state[facts.refund_after] = "refund_after_liquidation"
    state[facts.liquidated & (facts.age <= limit)] = "liquidated_within_limit"
    state[facts.liquidated & (facts.age > limit)] = "liquidated_past_limit"
    return state


def liquidation_clock(entries, facts, decisions, ctx):
    """Section 3.4: the 80-day CAPE limit and the 180-day protest period."""
    limit, band = ctx.clocks.cape_limit_days, ctx.settings.near_limit_band_days
    routed = ~decisions.route.isin(["invalid", "no_refund"])
    decisions.flag("LIQUIDATED_OVER_80_DAYS", routed & (facts.age > limit))
    decisions.flag("PROTEST_PERIOD_EXPIRED", routed & (facts.age > ctx.clocks.protest_days))

    state = entry_states(facts, ctx)
    open_states = phase_rules.open_states(ctx.phases, ctx.as_of)
    decisions.flag("CAPE_NOT_OPEN", decisions.open() & (not open_states))
    accepted = state.isin(open_states) & decisions.open()
    decisions.flag("REFUND_AFTER_LIQUIDATION", accepted & (state == "refund_after_liquidation"))
    within = accepted & (state == "liquidated_within_limit")
    decisions.flag("NEAR_80_DAY_LIMIT", within & (facts.age >= limit + 1 - band) & (band > 0))
    decisions.set_deadline(within, facts.cape_deadline, "cape_80_day")
    decisions.decide(accepted, "cape")
    general_rule(decisions, facts, decisions.open(), ctx)


def fixes_and_filers(entries, facts, decisions, ctx):
    """Section 3.5: corrections needed before declaring, and who may declare."""
    defect = entries["goods_value_on_ieepa"] & ~decisions.route.isin(["invalid", "no_refund"])
    decisions.flag("GOODS_VALUE_ON_IEEPA_LINE", defect)
    if ctx.settings.psc_first_for_goods_value_on_ieepa_line:
        cape = decisions.route == "cape"
        window_open = ~facts.liquidated & (pd.Timestamp(ctx.as_of) <= facts.psc_deadline)
        fix = cape & defect & window_open
        decisions.route[fix] = "fix_then_cape"
        decisions.set_deadline(fix, facts.psc_deadline, "psc")
        closed = cape & defect & ~window_open
        decisions.reopen(closed)
        general_rule(decisions, facts, closed, ctx)

    if ctx.filer_code:
        movable = decisions.route.isin(["cape", "fix_then_cape"])
        foreign = movable & (facts.filer != ctx.filer_code)
        decisions.flag("FILER_MISMATCH", foreign)
        decisions.route[foreign] = "other_filer"


def triage(entries, ctx):
    """Return the Decisions for the entries, applying the sections in order."""
    facts = Facts(entries, ctx)
    decisions = Decisions(entries.index)
    data_checks(entries, facts, decisions, ctx)
    refund_checks(entries, decisions)
    liquidation_data_checks(entries, facts, decisions, ctx)
    exclusions(entries, facts, decisions, ctx)
    liquidation_clock(entries, facts, decisions, ctx)
    fixes_and_filers(entries, facts, decisions, ctx)
    return decisions, facts
