"""The value of one claim option: what it recovers, what it costs and when the cash arrives.

For an option whose first submission fails with probability p, over D submissions:

    lost       = sum over deadline groups of refund x loss share x P(past the deadline), where
                 P = 1 when the first upload comes after the deadline (ready days > days left),
                 P = p when only the rework after a failure pushes it past
                 (ready days + rework days > days left), and P = 0 otherwise
    recovered  = refund - lost
    hours      = internal hours + rework hours x p x D
    fee        = max(minimum fee, flat fee + fee per entry x entries + contingency x recovered)
    days       = ready days + rework days x p + cash days
    delay cost = recovered x cost of capital x days / 365
    net        = recovered - fee - outlay - hours x hourly cost - delay cost

The point estimate (``evaluate`` with the default arguments) puts the midpoint of every input
range into the formula and p for each failure. The Monte Carlo puts in one draw of every input
and the failures that happened in that draw (``failed_share`` of the D submissions, and
``urgent_failed`` for the upload that carries the entries near their deadline).

>>> from workbench.value.options import Option
>>> d = Decimal
>>> option = Option(key="x", label="Example", fee_entries=10, submissions=2,
...     deadline_groups=((5, d(1000)), (None, d(9000))), internal_hours=d(20),
...     rework_hours=d(4), failure_probability=d("0.25"), ready_days=d(3), rework_days=d(4),
...     cash_days=d(30), fee_per_entry=d(50), fee_flat=d(0), contingency=d(0),
...     minimum_fee=d(0), outlay=d(0), hourly_cost=d(100), cost_of_capital=d("0.073"),
...     loss_share=d(1))
>>> outcome = evaluate(option)
>>> outcome.lost  # 5 days left: ready on day 3, but day 7 after a failed upload
Decimal('250.00')
>>> outcome.hours, outcome.fee, outcome.days_to_cash  # 20 + 4 x 0.25 x 2; 50 x 10; 3 + 1 + 30
(Decimal('22.00'), Decimal('500.00'), Decimal('34.00'))
>>> cents(outcome.net)  # 9750 - 500 - 2200 - 9750 x 0.073 x 34 / 365
Decimal('6983.70')
"""

import dataclasses
from decimal import ROUND_HALF_UP, Decimal

from workbench.value.arithmetic import EXACT

DAYS_PER_YEAR = 365
CENT = Decimal("0.01")


@dataclasses.dataclass(frozen=True)
class Outcome:
    """The money and days of one option: Decimals, or float arrays from the Monte Carlo."""

    key: str
    label: str
    refund: object
    lost: object
    recovered: object
    fee: object
    outlay: object
    hours: object
    staff_cost: object
    delay_cost: object
    days_to_cash: object
    failure_probability: object
    net: object


def evaluate(option, ops=EXACT, failed_share=None, urgent_failed=None):
    """Return the ``Outcome`` of ``option``; failures default to their probability."""
    p = option.failure_probability
    failed_share = p if failed_share is None else failed_share
    urgent_failed = p if urgent_failed is None else urgent_failed

    refund = sum((value for _, value in option.deadline_groups), ops.number(0))
    lost = _deadline_loss(option, urgent_failed, ops)
    recovered = refund - lost

    hours = option.internal_hours + option.rework_hours * failed_share * option.submissions
    staff_cost = hours * option.hourly_cost
    fee = ops.maximum(option.minimum_fee,
                      option.fee_flat + option.fee_per_entry * option.fee_entries
                      + option.contingency * recovered)

    days = option.ready_days + option.rework_days * failed_share + option.cash_days
    delay_cost = recovered * option.cost_of_capital * days / DAYS_PER_YEAR
    net = recovered - fee - option.outlay - staff_cost - delay_cost
    return Outcome(option.key, option.label, refund, lost, recovered, fee, option.outlay,
                   hours, staff_cost, delay_cost, days, p, net)


def _deadline_loss(option, urgent_failed, ops):
    """Return the refund expected to be lost to deadlines the option misses."""
    one, zero = ops.number(1), ops.number(0)
    lost = ops.number(0)
    for days_left, value in option.deadline_groups:
        if days_left is None:
            continue
        after_rework = ops.where(option.ready_days + option.rework_days > days_left,
                                 urgent_failed, zero)
        missed = ops.where(option.ready_days > days_left, one, after_rework)
        lost = lost + value * option.loss_share * missed
    return lost


def cents(value):
    """Round a Decimal dollar amount half up to the cent."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)
