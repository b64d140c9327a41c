"""Drawback amounts per ACE accounting class for one designation of import quantity.

Per unit of the import line, duty and taxes are the eligible amounts divided by the line's
units (per-unit averaging, 19 CFR 190.2). MPF is apportioned to the line by relative value and
then divided by its units (190.51(b)(2)), and HMT is apportioned the same way. On substitution
claims the lesser-of rule multiplies each per-unit amount by
``min(1, comparison value per unit / entered value per unit)``, where the comparison value
is the export value (1313(j)(2)) or the cost of the substituted merchandise (1313(b)).
The refund is 99% of the result times the designated units.

NOTE: the lesser-of rule is applied as a value ratio to every charge, which fits ad valorem
duty. For a specific or compound duty the ratio may be wrong; ACE's handling is not
published, so substitution lines carry a LESSER_OF_VALUE_RATIO warning for manual review.

CBP's MPF example 1 (190.51(b)(2)): lines of $50,000, $90,000 and $200,000, MPF $485, 1,000
of line 1's 5,000 units:

>>> from decimal import Decimal as D
>>> share = FeeShare(D(50000), D(340000), D(485), D(5000))
>>> mpf_refund(share, D(1000), D(1), "cbp"), mpf_refund(share, D(1000), D(1), "exact")
(Decimal('14.10'), Decimal('14.12'))
"""

import dataclasses
from decimal import Decimal

from workbench.drawback import tables
from workbench.drawback.amounts import ZERO, step, to_cents

ONE = Decimal("1")


@dataclasses.dataclass(frozen=True)
class FeeShare:
    """An entry-level fee and the share of it that falls on one line."""

    line_value: Decimal
    entry_value: Decimal
    fee: Decimal
    line_units: Decimal


def lesser_of_factor(entered_value_per_unit, comparison_value_per_unit):
    """Return min(1, comparison value / entered value per unit); 1 without a comparison.

    >>> lesser_of_factor(Decimal("15.00"), Decimal("9.00"))
    Decimal('0.6')
    >>> lesser_of_factor(Decimal("2.00"), Decimal("2.10"))
    Decimal('1')
    """
    if comparison_value_per_unit is None or not entered_value_per_unit:
        return ONE
    return min(ONE, comparison_value_per_unit / entered_value_per_unit)


def fee_per_unit(share, factor, mode):
    """Return the refundable fee per unit (99% included), rounded as ``mode`` requires."""
    if not share.fee or not share.entry_value or not share.line_units:
        return ZERO
    rate = tables.limits().refund_rate
    ratio = step(share.line_value / share.entry_value, mode)
    eligible_line = step(ratio * share.fee * rate, mode)
    per_unit = step(eligible_line / share.line_units, mode)
    return step(per_unit * factor, mode)


def mpf_refund(share, units, factor, mode):
    """Return the MPF (or HMT) refund on ``units`` of the line, in cents."""
    return to_cents(fee_per_unit(share, factor, mode) * units, mode)


def charge_refund(eligible_amount, line_units, units, factor, mode):
    """Return 99% of an eligible duty or tax spread per unit, times factor and units.

    Example 1 of the worked examples: $55,200 of duty on 2,500 units, 1,000 exported:

    >>> charge_refund(Decimal("55200"), Decimal(2500), Decimal(1000), ONE, "exact")
    Decimal('21859.20')
    """
    if not eligible_amount:
        return ZERO
    per_unit = eligible_amount / line_units
    return to_cents(per_unit * factor * tables.limits().refund_rate * units, mode)


def ace_maximum(eligible_amount, line_units, units, mode):
    """Return the maximum ACE allows: 99% per unit times units, without the lesser-of rule."""
    return charge_refund(eligible_amount, line_units, units, ONE, mode)


def fee_maximum(share, units, mode):
    """Return the maximum of an apportioned fee on ``units``, without the lesser-of rule."""
    return mpf_refund(share, units, ONE, mode)


def check_claimed(claimed, maximum):
    """Return (severity, message) comparing a claimed amount with the 99% maximum, or None.

    >>> check_claimed(Decimal("1000.00"), Decimal("990.00"))[0]
    'error'
    >>> check_claimed(Decimal("950.00"), Decimal("990.00"))[0]
    'warning'
    """
    if claimed > maximum:
        return ("error", f"claimed {claimed} exceeds the 99% maximum {maximum}; CBP holds the "
                         f"claim until it is corrected (19 CFR 190.51(b)(1))")
    if claimed < maximum:
        return ("warning", f"claimed {claimed} is below the 99% maximum {maximum}; CBP pays it "
                           f"as filed unless it is amended (19 CFR 190.51(b)(1))")
    return None
