"""Readers for the files users bring: ACE reports, broker exports and CBP result files."""
