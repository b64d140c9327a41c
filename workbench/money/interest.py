"""Interest on an excess deposit under 19 U.S.C. 1505(c), quarter by quarter.

Interest runs from the deposit date to the liquidation or reliquidation date at the
overpayment rate of each quarter (26 U.S.C. 6621). With principal P, days d_q in quarter q,
annual rate r_q and year basis B:

* simple: I = P * sum(r_q * d_q / B)
* daily compounding (26 U.S.C. 6622, the default): I = P * (prod((1 + r_q / B) ** d_q) - 1)

The result is rounded once, half up to the cent. Days in a quarter without a rate earn
nothing here and are listed as open, so the figure is then a lower bound.

$3,000.00 deposited on 2025-07-15 and reliquidated on 2026-03-20 (248 days at 6% corporate):

>>> from workbench.money.rates import shipped_rates
>>> period = dict(principal=Decimal("3000.00"), start=dt.date(2025, 7, 15),
...               end=dt.date(2026, 3, 20), rates=shipped_rates(), column="corporate")
>>> accrue(**period, method=Method(compounding="simple")).amount
Decimal('122.30')
>>> accrue(**period).amount
Decimal('124.82')
"""

import calendar
import dataclasses
import datetime as dt
from decimal import Decimal

from workbench.money.amounts import ZERO, round_cents, working_context
from workbench.money.quarters import split_by_quarter
from workbench.rules import load_table

COMPOUNDING = ("daily", "simple")
YEAR_BASES = ("365", "actual")


@dataclasses.dataclass(frozen=True)
class LargeCorporateTier:
    """The lower IRS rate on the part of a corporate overpayment above a threshold."""

    threshold: Decimal
    points_below_corporate: Decimal
    source: str

    @classmethod
    def load(cls):
        """Read the tier from the ``interest_rates`` table."""
        row = load_table("interest_rates")["corporate_large_overpayment"]
        return cls(Decimal(str(row["threshold_dollars"])),
                   Decimal(str(row["points_below_corporate"])), row["source"])


@dataclasses.dataclass(frozen=True)
class Method:
    """Interest counting method: compounding, year basis and the optional corporate tier."""

    compounding: str = "daily"
    year_basis: str = "365"
    large_corporate_tier: LargeCorporateTier = None

    def __post_init__(self):
        if self.compounding not in COMPOUNDING:
            raise ValueError(f"compounding {self.compounding!r}: use daily or simple")
        if self.year_basis not in YEAR_BASES:
            raise ValueError(f"year basis {self.year_basis!r}: use 365 or actual")

    def days_in_year(self, year):
        """Return the divisor of the annual rate for days in ``year``."""
        if self.year_basis == "actual" and calendar.isleap(year):
            return 366
        return 365

    def describe(self):
        """Return the method in words, for the summary."""
        basis = "365-day year" if self.year_basis == "365" else "actual days in the year (366 in leap years)"
        text = f"{self.compounding} compounding, {basis}"
        if self.compounding == "simple":
            text = f"simple interest, {basis}"
        if self.large_corporate_tier:
            text += (f", corporate rate {self.large_corporate_tier.points_below_corporate} points "
                     f"lower above ${self.large_corporate_tier.threshold:,}")
        return text


@dataclasses.dataclass(frozen=True)
class QuarterPart:
    """The interest earned in one quarter of the period.

    ``percent`` is the column's annual rate, or None when the quarter has no rate (open).
    ``exact`` is unrounded; ``amount`` is the cents this quarter adds to the rounded total.
    """

    quarter: object
    start: dt.date
    end: dt.date
    days: int
    percent: Decimal
    status: str
    source: str
    exact: Decimal
    amount: Decimal

    @property
    def is_open(self):
        return self.percent is None


@dataclasses.dataclass(frozen=True)
class Interest:
    """Interest on one principal over one period, with the quarters it used."""

    principal: Decimal
    start: dt.date
    end: dt.date
    column: str
    method: Method
    parts: tuple
    exact: Decimal
    amount: Decimal

    @property
    def days(self):
        return sum(part.days for part in self.parts)

    @property
    def open_quarters(self):
        """Return the quarters without a rate, whose interest is not in ``amount``."""
        return tuple(part.quarter for part in self.parts if part.is_open)

    @property
    def complete(self):
        return not self.open_quarters

    def statuses(self):
        """Return the rate statuses used, such as {'published', 'inferred'}."""
        return {part.status for part in self.parts}

    def rate_quarters_text(self):
        """Return the quarters, rates and days used, such as ``2025Q3 6% 78d inferred``."""
        return "; ".join(_part_text(part, self) for part in self.parts)


def _part_text(part, interest):
    if part.is_open:
        return f"{part.quarter} no rate {part.days}d"
    text = f"{part.quarter} {part.percent.normalize():f}% {part.days}d"
    tier = interest.method.large_corporate_tier
    if tier and interest.column == "corporate" and interest.principal > tier.threshold:
        lower = max(part.percent - tier.points_below_corporate, Decimal(0))
        text += f" ({lower.normalize():f}% above ${tier.threshold:,})"
    if part.status != "published":
        text += f" {part.status}"
    return text


def accrue(principal, start, end, rates, column, method=Method()):
    """Return the ``Interest`` on ``principal`` from ``start`` to ``end`` at the ``column`` rate.

    ``rates`` is a ``RateTable``; ``column`` is ``corporate`` or ``non_corporate``. A period
    with ``end`` on or before ``start`` earns nothing.
    """
    segments = split_by_quarter(start, end)
    rates_used = [rates.lookup(segment.quarter) for segment in segments]
    with working_context():
        exact_parts = [Decimal(0)] * len(segments)
        for amount, points_off in _tranches(principal, column, method):
            fractions = [_fraction(rate, column, points_off) for rate in rates_used]
            earned = _accrue_tranche(amount, segments, fractions, method)
            exact_parts = [total + part for total, part in zip(exact_parts, earned)]
        exact = sum(exact_parts, Decimal(0))
        cents = _allocate_cents(exact_parts)
    parts = tuple(
        QuarterPart(segment.quarter, segment.start, segment.end, segment.days,
                    None if rate is None else rate.percent.get(column),
                    "not_found" if rate is None else rate.status,
                    "" if rate is None else rate.source, exact_part, cent)
        for segment, rate, exact_part, cent in zip(segments, rates_used, exact_parts, cents))
    return Interest(principal, start, end, column, method, parts, exact, round_cents(exact))


def _tranches(principal, column, method):
    """Split the principal into (amount, points below the column rate) pieces."""
    # NOTE: the IRS applies the $10,000 threshold per overpayment of a taxable period. For
    # customs refunds the unit is not known, so the threshold is applied per entry.
    tier = method.large_corporate_tier
    if tier is None or column != "corporate" or principal <= tier.threshold:
        return [(principal, Decimal(0))]
    return [(tier.threshold, Decimal(0)),
            (principal - tier.threshold, tier.points_below_corporate)]


def _fraction(rate, column, points_off):
    """Return the annual rate as a fraction, lowered by ``points_off`` points; None when open."""
    if rate is None or rate.percent.get(column) is None:
        return None
    return max(rate.percent[column] - points_off, Decimal(0)) / 100


def _accrue_tranche(amount, segments, fractions, method):
    """Return the unrounded interest each segment adds for one tranche of principal."""
    if method.compounding == "simple":
        return [_simple(amount, segment, fraction, method)
                for segment, fraction in zip(segments, fractions)]
    return _compounded(amount, segments, fractions, method)


def _simple(amount, segment, fraction, method):
    if fraction is None:
        return Decimal(0)
    return amount * fraction * segment.days / method.days_in_year(segment.quarter.year)


def _compounded(amount, segments, fractions, method):
    # NOTE: CBP has not published how it compounds IEEPA refund interest. This follows
    # 26 U.S.C. 6622: the growth factor carries over quarter boundaries, so interest earned in
    # one quarter earns interest in the next. An open quarter leaves the factor unchanged.
    factor = Decimal(1)
    earned = []
    for segment, fraction in zip(segments, fractions):
        new_factor = factor
        if fraction is not None:
            daily = 1 + fraction / method.days_in_year(segment.quarter.year)
            new_factor = factor * daily ** segment.days
        earned.append(amount * (new_factor - factor))
        factor = new_factor
    return earned


def _allocate_cents(exact_parts):
    """Round the running total, so the quarters' cents add up to the rounded interest."""
    cents = []
    running = Decimal(0)
    previous = ZERO
    for part in exact_parts:
        running += part
        rounded = round_cents(running)
        cents.append(rounded - previous)
        previous = rounded
    return cents
