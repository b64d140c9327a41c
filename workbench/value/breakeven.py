"""The specialist fee at which paying the specialist nets exactly what filing in-house nets.

Everything but the fee is the same whatever the specialist charges, so the break-even total fee
is the specialist's net before the fee minus the in-house net. The quote's other parts held
as given, that total corresponds to one fee per entry and one contingency rate:

    per entry   = (total - flat fee - contingency x recovered) / entries
    contingency = (total - flat fee - fee per entry x entries) / recovered

A fee below the break-even makes the specialist the better choice. A negative break-even
means the specialist nets less even when free. When the break-even total is below the
specialist's minimum fee, no per-entry fee or rate reaches it, and both are None.

>>> from workbench.value.model import Outcome
>>> in_house = Outcome("a", "A", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, net=Decimal(9000))
>>> specialist = Outcome("b", "B", 0, 0, Decimal(10000), Decimal(500), 0, 0, 0, 0, 0, 0,
...                      net=Decimal(9200))
>>> result = break_even(in_house, specialist, entries=10, fee_flat=Decimal(0),
...                     fee_per_entry=Decimal(50), contingency=Decimal(0),
...                     minimum_fee=Decimal(0))
>>> result.total_fee, result.fee_per_entry, result.contingency  # 9700 - 9000; 700 / 10
(Decimal('700'), Decimal('70'), Decimal('0.02'))
"""

import dataclasses
from decimal import Decimal


@dataclasses.dataclass(frozen=True)
class BreakEven:
    """Break-even specialist fees: in all, per entry, and as a contingency rate."""

    total_fee: Decimal
    fee_per_entry: Decimal
    contingency: Decimal
    below_minimum: bool


def break_even(in_house, specialist, entries, fee_flat, fee_per_entry, contingency,
               minimum_fee):
    """Return the ``BreakEven`` of a specialist quote against the in-house outcome."""
    total = specialist.net + specialist.fee - in_house.net
    if total < minimum_fee:
        return BreakEven(total, None, None, True)
    per_entry = ((total - fee_flat - contingency * specialist.recovered) / entries
                 if entries else None)
    rate = ((total - fee_flat - fee_per_entry * entries) / specialist.recovered
            if specialist.recovered else None)
    return BreakEven(total, per_entry, rate, False)


def break_even_of(in_house, specialist, option):
    """Return the ``BreakEven`` with the quote taken from the specialist ``Option``."""
    return break_even(in_house, specialist, option.fee_entries, option.fee_flat,
                      option.fee_per_entry, option.contingency, option.minimum_fee)
