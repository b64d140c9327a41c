"""The day counts of the CAPE, protest and post-summary correction windows.

>>> Clocks.load().cape_limit_days
80
"""

import dataclasses

from workbench.rules import load_table


@dataclasses.dataclass(frozen=True)
class Clocks:
    """Day counts read from ``data/clocks.yaml``."""

    cape_limit_days: int
    protest_days: int
    psc_days_from_entry: int
    psc_days_before_liquidation: int
    refund_after_acceptance_days: int
    earliest_plausible_date: object

    @classmethod
    def load(cls):
        """Read the clocks table."""
        values = {k: v["value"] for k, v in load_table("clocks")["clocks"].items()}
        return cls(
            cape_limit_days=values["cape_liquidation_limit_days"],
            protest_days=values["protest_period_days"],
            psc_days_from_entry=values["psc_days_from_entry"],
            psc_days_before_liquidation=values["psc_days_before_liquidation"],
            refund_after_acceptance_days=values["unliquidated_refund_after_acceptance_days"],
            earliest_plausible_date=values["earliest_plausible_date"],
        )
