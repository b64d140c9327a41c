"""The recommendation: which way to claim, and the reasons in plain English.

For CAPE the verdict follows the point estimate and the readiness checklist:

* ``nothing_to_claim`` when no entry can be claimed now;
* ``specialist`` when the specialist nets at least as much as filing in-house;
* ``self_file`` when filing in-house nets more and every checklist item is met;
* ``self_file_when_ready`` when filing in-house nets more but checklist items are open, so
  a specialist is the safer choice until they are closed.

For drawback only the value decides: ``self_file`` or ``specialist``. The reasons give the
figures behind the verdict, the break-even fee, how often each option came out ahead in the
Monte Carlo, the input that moves the in-house advantage most, and the open checklist items.
"""

import dataclasses

from workbench.value.formatting import dollars, rate, whole_dollars
from workbench.value.readiness import open_items

HEADLINES = {
    "nothing_to_claim": "Nothing to claim now",
    "specialist": "Use a broker or specialist",
    "self_file": "Self-file",
    "self_file_when_ready": "Self-file once the open checklist items are closed; "
                            "until then use a broker or specialist",
}
# Monte Carlo shares of in-house wins between these bounds make the verdict a close call.
CLOSE_CALL = (0.35, 0.65)


@dataclasses.dataclass(frozen=True)
class Recommendation:
    """A verdict, its one-line headline and the reasons behind it."""

    comparison: str
    verdict: str
    reasons: tuple

    @property
    def headline(self):
        return HEADLINES[self.verdict]


def recommend_cape(comparison, facts, items, refund_basis):
    """Return the CAPE ``Recommendation`` from the comparison, facts and checklist items."""
    if facts.claim_entries == 0:
        return Recommendation("cape", "nothing_to_claim", (
            f"No entry is on the cape, fix_then_cape or protest route "
            f"({facts.entries} entries triaged).",))
    gaps = open_items(items)
    if comparison.advantage <= 0:
        verdict = "specialist"
    else:
        verdict = "self_file_when_ready" if gaps else "self_file"
    reasons = [_value_reason(comparison, "self-filing", "the broker or specialist"),
               _break_even_reason(comparison.break_even, comparison.specialist.fee),
               _simulation_reason(comparison)]
    reasons += _deadline_reasons(comparison, facts)
    reasons += _sensitivity_reasons(comparison)
    reasons += _readiness_reasons(gaps)
    reasons.append(f"Refunds: {refund_basis}.")
    return Recommendation("cape", verdict, tuple(reasons))


def recommend_drawback(comparison):
    """Return the drawback ``Recommendation``: the value alone decides."""
    verdict = "self_file" if comparison.advantage > 0 else "specialist"
    reasons = [_value_reason(comparison, "filing drawback with ABI software",
                             "the drawback specialist"),
               _break_even_reason(comparison.break_even, comparison.specialist.fee),
               _simulation_reason(comparison)]
    reasons += _sensitivity_reasons(comparison)
    return Recommendation("drawback", verdict, tuple(reasons))


def _value_reason(comparison, in_house_name, specialist_name):
    difference = comparison.advantage
    more_or_less = "more" if difference > 0 else "less"
    if difference == 0:
        return (f"At the point estimate, {in_house_name} and {specialist_name} net the "
                f"same, {dollars(comparison.in_house.net)}.")
    return (f"At the point estimate, {in_house_name} nets "
            f"{dollars(comparison.in_house.net)} against {dollars(comparison.specialist.net)} "
            f"with {specialist_name}: {dollars(abs(difference))} {more_or_less}.")


def _break_even_reason(result, quoted_fee):
    if result.total_fee <= 0:
        return ("The specialist would net less even at no fee, because filing in-house costs "
                "less than the specialist's delay and deadline risk.")
    text = (f"The specialist pays off only at a total fee below {dollars(result.total_fee)}; "
            f"the quote comes to {dollars(quoted_fee)}.")
    if result.below_minimum:
        return text + " The quote's minimum fee alone is above the break-even."
    parts = []
    if result.fee_per_entry is not None and result.fee_per_entry >= 0:
        parts.append(f"{dollars(result.fee_per_entry)} per entry")
    if result.contingency is not None and 0 <= result.contingency <= 1:
        parts.append(f"a contingency of {rate(result.contingency)}")
    if parts:
        text += (" With the rest of the quote unchanged, that is "
                 + " or ".join(parts) + ".")
    return text


def _simulation_reason(comparison):
    simulation = comparison.simulation
    share = simulation.in_house_wins
    text = (f"Filing in-house came out ahead in {share:.1%} of {simulation.draws:,} "
            f"simulated outcomes (seed {simulation.seed}).")
    mean = float(simulation.advantage.mean())
    if (mean > 0) != (comparison.advantage > 0):
        text += (f" The mean in-house advantage over those outcomes, {whole_dollars(mean)}, has "
                 f"the opposite sign to the point estimate, because a missed deadline loses an "
                 f"entry's whole refund once a range of days crosses it.")
    if CLOSE_CALL[0] <= share <= CLOSE_CALL[1]:
        text += " That is a close call: narrow the input ranges before deciding."
    return text


def _deadline_reasons(comparison, facts):
    if not facts.near_deadline_entries:
        return []
    return [f"{facts.near_deadline_entries} entries ({dollars(facts.near_deadline_refund)}) are "
            f"near their CAPE or protest deadline. Expected loss to missed deadlines: "
            f"{dollars(comparison.in_house.lost)} in-house, "
            f"{dollars(comparison.specialist.lost)} with the specialist."]


def _sensitivity_reasons(comparison):
    if not comparison.sensitivity:
        return []
    bar = comparison.sensitivity[0]
    return [f'The input that moves the in-house advantage most is "{bar.label}" ({bar.low_input} to '
            f"{bar.high_input} {bar.unit}): over that range the advantage runs from "
            f"{whole_dollars(bar.at_low)} to {whole_dollars(bar.at_high)}."]


def _readiness_reasons(gaps):
    if not gaps:
        return ["Every readiness checklist item is met."]
    reasons = ["Open checklist items: " + "; ".join(
        f"{item.label} ({item.status})" for item in gaps) + "."]
    if any(item.key == "ach_refund_enrollment_verified" for item in gaps):
        reasons.append("Verify ACH refund enrollment before anyone declares: without it CBP "
                       "holds the refund, whoever files.")
    return reasons
