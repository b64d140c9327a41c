"""Refund value of IEEPA duties: principal, interest, offsets and expected deposits.

The estimate reads the folder ``workbench triage`` wrote. For each entry it takes the
principal from the dutiable IEEPA Chapter 99 lines, projects the liquidation or
reliquidation date from the entry's route and liquidation status, and accrues interest
under 19 U.S.C. 1505(c) from the deposit date to that date at CBP's quarterly rates. It then
groups the refunds per importer and liquidation date, as CBP pays them, applies any offsets
the analyst lists and dates the ACH deposits. ``workbench.money.pipeline.run_estimate`` runs
every step; ``workbench estimate`` is its command line.
"""
