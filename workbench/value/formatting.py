"""Text forms of the claim value figures: dollars, rates and days.

Point estimates are Decimals rounded half up to the cent. Monte Carlo figures are floats and
are rounded to the dollar, because they are estimates.

>>> dollars(Decimal("1234567.895")), dollars(Decimal("-20"))
('$1,234,567.90', '-$20.00')
>>> whole_dollars(1234.5), rate(Decimal("0.045")), days(Decimal("34.25"))
('$1,235', '4.5%', '34.3 days')
"""

from decimal import ROUND_HALF_UP, Decimal

from workbench.value.model import cents


def dollars(value):
    """Format a Decimal amount as dollars and cents, minus sign before the dollar sign."""
    amount = cents(value)
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,.2f}"


def whole_dollars(value):
    """Format a float estimate to the dollar (half up)."""
    amount = _decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,.0f}"


def rate(value):
    """Format a fraction as a percentage with one decimal."""
    percent = (_decimal(value) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{percent}%"


def days(value):
    """Format a number of days with one decimal."""
    return f"{_decimal(value).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)} days"


def _decimal(value):
    """Return a Decimal as it is and a float through its shortest repr (0.1 stays 0.1)."""
    return value if isinstance(value, Decimal) else Decimal(repr(float(value)))
