"""Quarterly overpayment rates: the shipped table, the analyst's overrides and an assumed rate.

Each quarter has an annual percentage per column: ``non_corporate`` and ``corporate``
(overpayments) and ``underpayment``. A quarter's ``status`` records where the rate comes
from: ``published``, ``inferred``, ``user_supplied`` (from ``--rates``) or ``assumed``
(from ``--assume-rate``). A quarter with no rate returns None, and the interest for its days
stays open.

>>> table = shipped_rates()
>>> rate = table.lookup(Quarter(2026, 1))
>>> rate.percent["corporate"], rate.status
(Decimal('6'), 'published')
>>> table.lookup(Quarter(2026, 2)) is None
True
>>> table.with_assumed(Decimal("7")).lookup(Quarter(2026, 2)).percent["corporate"]
Decimal('6')
"""

import dataclasses
from decimal import Decimal

from workbench.money.quarters import Quarter
from workbench.rules import load_table

COLUMNS = ("non_corporate", "corporate", "underpayment")

# 26 U.S.C. 6621(a)(1): the corporate overpayment rate is the federal short-term rate plus 2
# points, the non-corporate rate plus 3 points.
CORPORATE_POINTS_BELOW_NON_CORPORATE = Decimal("1")


def column_key(name):
    """Return the table key for a rate column given as ``non-corporate`` or ``non_corporate``."""
    key = str(name).strip().lower().replace("-", "_")
    if key not in COLUMNS:
        raise ValueError(f"{name!r} is not a rate column; use corporate or non-corporate")
    return key


def column_label(key):
    """Return the printed name of a rate column, such as ``non-corporate``."""
    return key.replace("_", "-")


@dataclasses.dataclass(frozen=True)
class QuarterRate:
    """The rates of one quarter, as annual percentages, with their status and source."""

    quarter: Quarter
    percent: dict
    status: str
    source: str
    confidence: str = ""

    def annual_rate(self, column):
        """Return the rate of ``column`` as a fraction (7% is 0.07), or None when not given."""
        percent = self.percent.get(column)
        return None if percent is None else percent / 100


class RateTable:
    """Rates by quarter; quarters without a rate fall back to the assumed rate, if one is set."""

    def __init__(self, rates, assumed_percent=None, not_found=None):
        self.rates = dict(rates)
        self.assumed_percent = assumed_percent
        self.not_found = dict(not_found or {})

    def lookup(self, quarter):
        """Return the ``QuarterRate`` for ``quarter``, or None when no rate is known or assumed."""
        if quarter in self.rates:
            return self.rates[quarter]
        if self.assumed_percent is not None:
            return assumed_rate(quarter, self.assumed_percent)
        return None

    def with_assumed(self, percent):
        """Return a copy in which quarters without a rate use ``percent`` (non-corporate)."""
        return RateTable(self.rates, percent, self.not_found)

    def with_overrides(self, user_rates):
        """Return a copy with ``user_rates`` added or replacing rows, and a list of what changed."""
        merged = dict(self.rates)
        changes = []
        for quarter, rate in sorted(user_rates.items()):
            old = merged.get(quarter)
            if old is not None and old.percent != rate.percent:
                changes.append(
                    f"{quarter}: rates file replaces the shipped {old.status} rates "
                    f"{_describe(old.percent)} with {_describe(rate.percent)}")
            merged[quarter] = rate
        return RateTable(merged, self.assumed_percent, self.not_found), changes


def _describe(percent):
    return ", ".join(f"{column_label(k)} {v}%" for k, v in sorted(percent.items()))


def assumed_rate(quarter, non_corporate_percent):
    """Return the rate the analyst assumed for a quarter without a published one."""
    corporate = non_corporate_percent - CORPORATE_POINTS_BELOW_NON_CORPORATE
    return QuarterRate(
        quarter=quarter,
        percent={"non_corporate": non_corporate_percent, "corporate": corporate},
        status="assumed",
        source=f"--assume-rate {non_corporate_percent} (non-corporate; corporate one point lower "
               f"under 26 U.S.C. 6621(a)(1))",
        confidence="none",
    )


def shipped_rates():
    """Return the rates of the shipped ``interest_rates`` table (not_found quarters excluded)."""
    table = load_table("interest_rates")
    rates, not_found = {}, {}
    for label, row in table["quarters"].items():
        quarter = Quarter.parse(label)
        if row["status"] == "not_found":
            not_found[quarter] = row["source"]
            continue
        percent = {column: Decimal(str(row["percent"][column])) for column in COLUMNS}
        rates[quarter] = QuarterRate(quarter, percent, row["status"], row["source"],
                                     str(row.get("confidence", "")))
    return RateTable(rates, not_found=not_found)
