"""The assumptions and known gaps of an estimate run, one sentence each, for the summary.

Each sentence names the setting or the missing fact behind a figure and, where one exists,
the option that changes it.
"""

import collections

from workbench.money import routes
from workbench.money.offsets import NOT_GIVEN
from workbench.money.rates import column_label


def assumptions(run):
    """Return the assumptions and known gaps of ``run``, one sentence each."""
    context, request = run.context, run.request
    by_basis = collections.Counter(e.deposit_basis for e in run.estimates
                                   if e.entry.route not in routes.NOT_REFUNDED)
    lines = [
        f"Deposit date: {basis} for {count} entries." for basis, count in sorted(by_basis.items())
    ]
    if not request.payments_file:
        lines.append("No payments file given: entries paid on a periodic monthly statement were "
                     "paid later than assumed, so their interest is overstated.")
    lines += [
        f"CAPE acceptance date {context.acceptance_date.isoformat()}: {run.acceptance_basis}. "
        f"Entries on fix_then_cape are accepted only after their post-summary correction, and "
        f"declared entries may have been accepted earlier.",
        "Interest runs from the deposit date to the liquidation or reliquidation date, not to "
        "the payment date (19 U.S.C. 1505(c)); days = liquidation date - deposit date.",
        f"Interest method: {context.method.describe()}. CBP has not published its method for "
        f"IEEPA refund interest; reconcile with ACE reports ES-022 and REV-615.",
        f"Rate column: {column_label(context.default_column)} unless the rules file names the "
        f"importer; which column CBP applies to an importer is not confirmed.",
        "Interest is rounded half up to the cent per entry; totals add the rounded figures.",
        "Refunds are grouped per importer and liquidation date, as ACE pays them; the ACH refund "
        "originates on the Monday after the liquidation date and arrives one business day "
        "later. This assumes ACH refund enrollment is in place (without it CBP holds the refund) "
        "and no Form 4811 notify party receives it.",
    ]
    if context.method.large_corporate_tier:
        lines.append("The IRS rate 1.5 points lower on the part of a corporate overpayment above "
                     "$10,000 (26 U.S.C. 6621(a)(1)) is applied per entry; whether CBP applies it, "
                     "and to which amount, was not found.")
    else:
        lines.append("The IRS rate 1.5 points lower on the part of a corporate overpayment above "
                     "$10,000 (26 U.S.C. 6621(a)(1)) is not applied; whether CBP applies it was "
                     "not found.")
    if context.rates.assumed_percent is not None:
        lines.append(f"Quarters without a published rate use the assumed non-corporate rate "
                     f"{context.rates.assumed_percent}% (corporate one point lower).")
    else:
        lines.append("Quarters without a published rate earn no interest here: that interest is "
                     "left open, so the figures are lower bounds. Set --assume-rate or --rates "
                     "to fill them.")
    if context.assumed_liquidation_date:
        lines.append(f"Entries whose liquidation date is unknown are assumed to liquidate on "
                     f"{context.assumed_liquidation_date.isoformat()}.")
    else:
        lines.append("Entries whose liquidation date is unknown (warehouse, suspended, extended, "
                     "under review, AD/CVD) have no interest to liquidation and no deposit date; "
                     "interest accrued to the as-of date is shown instead.")
    if not request.offsets_file:
        lines.append(f"{NOT_GIVEN[0].upper()}{NOT_GIVEN[1:]}.")
    return lines
