"""Dates of a CAPE refund: deposit of the duty, acceptance, liquidation and the ACH deposit.

* Deposit date: the statement payment date when the analyst gives one, otherwise the entry
  summary date (or the entry date when that is missing) plus the statement delay.
* Acceptance: the date the analyst sets, otherwise the first CAPE processing day (Monday to
  Thursday, a business day) on or after the as-of date.
* Liquidation or reliquidation, by the state of the entry at acceptance. An unliquidated
  entry liquidates 45 days after acceptance. A liquidated entry is reliquidated the next
  business day after processing. Warehouse, suspended, extended, under-review and AD/CVD
  entries wait for their normal liquidation, whose date is unknown.
* ACH refund: originates on the Monday after the liquidation date and reaches the account
  one business day later.

>>> rules, days = TimingRules.load(), BusinessCalendar.load()
>>> acceptance = default_acceptance_date(dt.date(2026, 12, 4), rules, days)  # a Friday
>>> acceptance
datetime.date(2026, 12, 7)
>>> projected_liquidation("unliquidated", False, acceptance, rules, days)
(datetime.date(2027, 1, 21), 'unliquidated: acceptance + 45 days')
>>> ach_dates(dt.date(2027, 1, 21), rules, days)
(datetime.date(2027, 1, 25), datetime.date(2027, 1, 26))
"""

import dataclasses
import datetime as dt

from workbench.money.business_days import BusinessCalendar, weekday_number
from workbench.rules import load_table
from workbench.rules.clocks import Clocks

UNKNOWN_LIQUIDATION = {
    "suspended": "suspended: refund waits for the normal liquidation",
    "extended": "extended: refund waits for the normal liquidation",
    "under_review": "under review: refund waits for the normal liquidation",
    "adcvd_pending_liquidation": "AD/CVD: no refund until Commerce lifts the suspension",
    "": "liquidation status unknown",
}
WAREHOUSE = "warehouse entry: refund after the warehouse entry liquidates"


@dataclasses.dataclass(frozen=True)
class TimingRules:
    """Timing values from the ``refund_timing`` and ``clocks`` tables."""

    statement_delay_days: int
    processing_weekdays: tuple
    liquidation_after_acceptance_days: int
    reliquidation_business_days: int
    ach_origination_weekday: str
    ach_settlement_business_days: int

    @classmethod
    def load(cls):
        """Read the timing tables."""
        values = {k: v["value"] for k, v in load_table("refund_timing")["timing"].items()}
        for name in values["cape_processing_weekdays"] + [values["ach_origination_weekday"]]:
            weekday_number(name)
        return cls(
            statement_delay_days=values["statement_delay_days"],
            processing_weekdays=tuple(values["cape_processing_weekdays"]),
            liquidation_after_acceptance_days=Clocks.load().refund_after_acceptance_days,
            reliquidation_business_days=values["reliquidation_after_processing_business_days"],
            ach_origination_weekday=values["ach_origination_weekday"],
            ach_settlement_business_days=values["ach_settlement_business_days"],
        )


def default_acceptance_date(as_of, rules, days):
    """Return the first CAPE processing day on or after ``as_of``."""
    # NOTE: this assumes the declaration is filed on the as-of date and accepted the same
    # processing day; rejected uploads and CBP review push acceptance later.
    return days.on_or_after(as_of, rules.processing_weekdays)


def deposit_date(payment_date, entry_summary_date, entry_date, delay_days):
    """Return (deposit date, basis); the date is None when every input date is missing.

    >>> deposit_date(None, dt.date(2025, 7, 1), dt.date(2025, 6, 20), 14)
    (datetime.date(2025, 7, 15), 'entry summary date + 14 days')
    """
    if payment_date:
        return payment_date, "statement payment date (payments file)"
    if entry_summary_date:
        return (entry_summary_date + dt.timedelta(days=delay_days),
                f"entry summary date + {delay_days} days")
    if entry_date:
        return (entry_date + dt.timedelta(days=delay_days),
                f"entry date + {delay_days} days (no entry summary date)")
    return None, "no deposit date: entry and entry summary dates missing"


def projected_liquidation(category, warehouse, acceptance, rules, days):
    """Return (liquidation or reliquidation date or None, basis) for an entry CAPE accepts."""
    if category == "liquidated":
        # NOTE: a liquidated warehouse entry is treated like any liquidated entry; CBP's
        # guidance on warehouse withdrawals covers only unliquidated warehouse entries.
        reliquidation = days.add_business_days(acceptance, rules.reliquidation_business_days)
        return reliquidation, "liquidated: next business day after processing"
    if warehouse:
        return None, WAREHOUSE
    if category == "unliquidated":
        liquidation = acceptance + dt.timedelta(days=rules.liquidation_after_acceptance_days)
        return (liquidation,
                f"unliquidated: acceptance + {rules.liquidation_after_acceptance_days} days")
    return None, UNKNOWN_LIQUIDATION.get(category, f"liquidation status {category!r}")


def ach_dates(liquidation, rules, days):
    """Return (ACH origination date, expected deposit date) for a liquidation date."""
    origination = days.first_weekday_after(liquidation, rules.ach_origination_weekday)
    return origination, days.add_business_days(origination, rules.ach_settlement_business_days)
