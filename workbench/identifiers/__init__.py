"""Validators for the identifiers on CBP entry summaries.

Each module handles one identifier in the same five functions: ``compact`` removes
separators, ``validate`` returns the compact form or raises a ``ValidationError``,
``is_valid`` returns True or False, and ``format`` returns the printed form.
"""
