"""Dollar amounts and rates as exact decimals.

Money in the estimate is a ``decimal.Decimal``, never a float. Each entry's interest is
rounded once, half up to the cent. Sums add the rounded figures, so a printed total equals
the sum of the printed rows.

>>> parse_dollars("3000.00") + parse_dollars("0.5")
Decimal('3000.50')
>>> round_cents(Decimal("122.305")), format_dollars(Decimal("7"))
(Decimal('122.31'), '7.00')
>>> parse_percent("6.5%")
Decimal('6.5')
"""

import decimal
import re
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

# Digits kept while accruing interest: far more than the cents need, so daily compounding
# over years loses nothing before the single rounding at the end.
WORKING_PRECISION = 40

_DOLLARS = re.compile(r"^-?\d+(\.\d{1,2})?$")
_PERCENT = re.compile(r"^\d+(\.\d+)?$")


def working_context():
    """Return a decimal context for interest arithmetic (40 significant digits)."""
    return decimal.localcontext(prec=WORKING_PRECISION)


def round_cents(value):
    """Round a dollar amount half up to the cent."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def format_dollars(value):
    """Return the amount with exactly two decimals, as the output files print it."""
    return str(round_cents(value))


def parse_dollars(text):
    """Return the amount in ``text`` (digits, optional minus sign, at most two decimals).

    Raise ``ValueError`` for anything else, such as thousands separators or a currency sign.
    """
    value = str(text).strip()
    if not _DOLLARS.match(value):
        raise ValueError(f"{text!r} is not an amount in dollars with at most two decimals")
    return Decimal(value).quantize(CENT)


def parse_percent(text):
    """Return the annual rate in ``text`` as a percentage, such as 7 or 6.5 (a trailing % is allowed).

    Raise ``ValueError`` unless the value is at least 0 and below 100.
    """
    value = str(text).strip().removesuffix("%").strip()
    if not _PERCENT.match(value) or Decimal(value) >= 100:
        raise ValueError(f"{text!r} is not a percentage from 0 to below 100, such as 7 or 6.5")
    return Decimal(value)
