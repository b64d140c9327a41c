"""Exact money arithmetic for drawback: Decimal values, four-decimal steps, cent rounding.

Two rounding modes exist because CBP's worked examples (19 CFR 190.51(b)(2)) round the MPF
relative value ratio and the per-unit MPF to four decimals, while exact arithmetic does not:

* ``cbp``: fee ratios and per-unit fees at four decimals (half-up), duties at full precision,
  and each amount rounded *down* to the cent, so a claim never exceeds 99% of what was paid
  (a claim above 99% is held until corrected, 190.51(b)(1));
* ``exact``: full precision throughout, each amount rounded half-up to the cent.

>>> to_cents(Decimal("4209.975"), "exact"), to_cents(Decimal("4209.975"), "cbp")
(Decimal('4209.98'), Decimal('4209.97'))
>>> four_places(Decimal("0.014122"))
Decimal('0.0141')
"""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

MODES = ("cbp", "exact")
CENT = Decimal("0.01")
ZERO = Decimal("0")


def four_places(value):
    """Round to four decimals, half-up (CBP's example steps)."""
    return value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def to_cents(value, mode):
    """Round an amount to the cent: down in ``cbp`` mode, half-up in ``exact`` mode."""
    if mode not in MODES:
        raise ValueError(f"unknown rounding mode {mode!r}; expected one of {MODES}")
    rounding = ROUND_DOWN if mode == "cbp" else ROUND_HALF_UP
    return value.quantize(CENT, rounding=rounding)


def half_up_cents(value):
    """Round half-up to the cent."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def step(value, mode):
    """Round an intermediate per-unit fee amount as the mode requires (4 places in cbp)."""
    return four_places(value) if mode == "cbp" else value


def cents_to_decimal(cents):
    """Return dollars as a Decimal for integer cents.

    >>> cents_to_decimal(256749)
    Decimal('2567.49')
    """
    return (Decimal(int(cents)) / 100).quantize(CENT)


def parse_quantity(text):
    """Return a non-negative Decimal quantity from text such as '2,500' or '7500.5', or None."""
    cleaned = str(text).strip().replace(",", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0:
        return None
    return value


def money_text(value):
    """Return an amount as plain text with two decimals ('22156.20')."""
    return f"{half_up_cents(value):.2f}"


def quantity_text(value):
    """Return a quantity without trailing zeros ('1500', '7500.25')."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
