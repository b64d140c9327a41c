"""Price designations: the refund per ACE accounting class, in one rounding mode.

Classes (CSMS #44097386): 364 duty, 365 taxes, 398 HMT, 399 MPF. Each amount is rounded to
the cent per designation, and the claim totals add those rounded amounts, the way a claim
reports each designated line. ``maximum`` is the limit of the same designation computed the
same way: 99% of the line's eligible charges per unit, without the lesser-of rule.

Mode ``lower`` takes, per designation and class, the lower of the ``cbp`` and ``exact``
amounts. CBP's four-decimal fee steps can round a per-unit fee up, so neither pure mode is
always the lower one. The per-amount minimum never exceeds the maximum of either method.
"""

import dataclasses
from decimal import Decimal

from workbench.drawback import eligibility, imports, tables
from workbench.drawback.amounts import ZERO
from workbench.drawback.calculate import (
    FeeShare, ace_maximum, charge_refund, fee_maximum, fee_per_unit, lesser_of_factor,
    mpf_refund)

CLASSES = ("364", "365", "398", "399")
FEE_CLASSES = {"mpf": "399", "hmt": "398"}


@dataclasses.dataclass(frozen=True)
class Exclusion:
    """A charge of an import line left out of the claim, and why."""

    line: object
    kind: str
    hts: str
    amount: Decimal
    reason: str


@dataclasses.dataclass(frozen=True)
class Priced:
    """One designation with its refund per accounting class in one rounding mode."""

    designation: object
    mode: str
    factor: Decimal
    amounts: dict
    maximum: dict

    @property
    def total(self):
        """Return the refund over all classes."""
        return sum(self.amounts.values(), ZERO)


class Pricer:
    """Pricing of the designations of one claim, from the per-line eligibility decisions."""

    def __init__(self, provision, lines, cape_status):
        self.provision = provision
        self.cape_status = cape_status
        self.mpf_base, self.hmt_base = imports.entry_values(lines)
        self.fees = eligibility.fee_decisions(provision.kind)

    def decisions(self, line):
        """Return [(charge, Decision)] for the line's duty and tax charges."""
        status = self.cape_status.get(line.entry_number, "none")
        return eligibility.decide_line(line, self.provision.kind, status)

    def exclusions(self, line):
        """Return the ``Exclusion`` list of the line: barred charges and ineligible fees."""
        found = [Exclusion(line, charge.kind, charge.hts, charge.amount, decision.reason)
                 for charge, decision in self.decisions(line) if not decision.eligible]
        for kind, share in self.fee_shares(line).items():
            reason = self._fee_reason(kind, line)
            if reason and share.fee:
                found.append(Exclusion(line, kind, "", share.fee, reason))
        return found

    def _fee_reason(self, kind, line):
        if not self.fees[kind].eligible:
            return self.fees[kind].reason
        if not line.fee_base_complete:
            return "another line of the entry is unusable, so the fee cannot be apportioned"
        return ""

    def warnings(self, line):
        """Return the warnings of the line's eligible charges (CAPE), without repeats."""
        found = [decision.warning for _, decision in self.decisions(line) if decision.warning]
        return list(dict.fromkeys(found))

    def fee_shares(self, line):
        """Return {'mpf': FeeShare, 'hmt': FeeShare} of the line."""
        mpf_value = ZERO if line.mpf_exempt else line.entered_value
        return {
            "mpf": FeeShare(mpf_value, self.mpf_base[line.entry_number], line.entry_mpf,
                            line.quantity),
            "hmt": FeeShare(line.entered_value, self.hmt_base[line.entry_number],
                            line.entry_hmt, line.quantity),
        }

    def factor(self, designation):
        """Return the lesser-of factor: 1 unless the provision substitutes."""
        if not self.provision.substitution:
            return Decimal("1")
        return lesser_of_factor(designation.line.entered_value_per_unit,
                                designation.comparison_value)

    def price(self, designation, mode):
        """Return the ``Priced`` designation in ``mode`` ('cbp' or 'exact')."""
        line, units = designation.line, designation.quantity
        factor = self.factor(designation)
        eligible = eligibility.eligible_by_class(self.decisions(line))
        amounts, maximum = {}, {}
        for accounting_class in ("364", "365"):
            amount = eligible.get(accounting_class, ZERO)
            amounts[accounting_class] = charge_refund(amount, line.quantity, units, factor, mode)
            maximum[accounting_class] = ace_maximum(amount, line.quantity, units, mode)
        for kind, share in self.fee_shares(line).items():
            refundable = not self._fee_reason(kind, line)
            amounts[FEE_CLASSES[kind]] = (mpf_refund(share, units, factor, mode)
                                          if refundable else ZERO)
            maximum[FEE_CLASSES[kind]] = fee_maximum(share, units, mode) if refundable else ZERO
        return Priced(designation, mode, factor, amounts, maximum)

    def price_lower(self, designation):
        """Return the designation priced at the lower of the cbp and exact amount per class."""
        cbp, exact = self.price(designation, "cbp"), self.price(designation, "exact")
        amounts = {c: min(cbp.amounts[c], exact.amounts[c]) for c in CLASSES}
        maximum = {c: min(cbp.maximum[c], exact.maximum[c]) for c in CLASSES}
        return Priced(designation, "lower", cbp.factor, amounts, maximum)

    def per_unit_value(self, line):
        """Return the exact refund per unit of the line (ranks receipts for low-to-high)."""
        rate = tables.limits().refund_rate
        eligible = sum(eligibility.eligible_by_class(self.decisions(line)).values(), ZERO)
        fees = sum((fee_per_unit(share, Decimal("1"), "exact")
                    for kind, share in self.fee_shares(line).items()
                    if not self._fee_reason(kind, line)), ZERO)
        return eligible * rate / line.quantity + fees
