"""Duty drawback: designate import lines against exports and calculate the claim.

Drawback (19 U.S.C. 1313, 19 CFR Part 190) refunds 99% of the eligible duties, taxes and fees
paid on imported goods that are exported or destroyed, or whose substitutes of the same 8-digit
HTS subheading are. The package reads the import entry summary lines, the exports or
destructions, manufacturing records and earlier designations. It designates import quantity
to each export under one provision and calculates the refund per ACE accounting class. Then it
writes a claim workbook for the broker or certified software that files the claim through
ABI. It prepares and checks the claim but never transmits it.

Flow: ``imports``/``exports``/``production``/``prior`` read files -> ``eligibility`` decides
each charge -> ``designate`` (with ``ledger`` and ``methods``) pairs exports with import lines
-> ``calculate`` prices each designation -> ``claim`` assembles the result -> ``reports`` and
``workbook`` write it; ``command`` is the ``workbench drawback`` command.
"""
