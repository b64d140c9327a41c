"""Every reason code and exception rule the workbench writes, in one place.

Reason codes appear in ``triage.csv`` (``reason_codes``) and, for input problems, in the
``rule`` column of ``exceptions.csv``. Their order here is the order in which they are listed
on a row. Each code has a one-line description for the reader of the output.

>>> ordered(["NEAR_80_DAY_LIMIT", "DRAWBACK_DESIGNATED"])
['DRAWBACK_DESIGNATED', 'NEAR_80_DAY_LIMIT']
"""

REASON_CODES = {
    # Data checks: the entry cannot be trusted as found.
    "INVALID_ENTRY_NUMBER": "Entry number is not 11 letters and digits with a valid filer code and 8 digits",
    "CHECK_DIGIT_MISMATCH": "Entry number fails the CATAIR Appendix E check digit",
    "INVALID_IMPORTER_NUMBER": "Importer number is missing, so the declaring account cannot be known",
    "INVALID_DATE": "A date is missing, impossible, a spreadsheet serial number or before 2018",
    "INVALID_AMOUNT": "A goods value or duty amount is not a dollar amount",
    "INVALID_HTS": "An HTS number is not 8 or 10 digits",
    "INVALID_ENTRY_TYPE": "Entry type is not a two-digit CBP Form 7501 entry type code",
    "MALFORMED_INPUT_ROW": "A row of the entry has the wrong number of cells and was not read",
    "CONFLICTING_INPUT_ROWS": "Rows for the same entry, line and tariff ordinal disagree between or within files",
    "IEEPA_AFTER_CUTOFF": "An IEEPA Chapter 99 line on an entry dated on or after 2026-02-24",
    "CANCELLED_OR_REJECTED": "The entry summary is cancelled or rejected",
    "MISSING_LIQUIDATION_DATA": "Liquidation status not in the mapping, or liquidated without a date",
    "UNKNOWN_RECONCILIATION_INDICATOR": "Reconciliation Indicator value not in the mapping",
    # Nothing to refund.
    "NO_IEEPA_LINE": "No Chapter 99 line at all",
    "NON_IEEPA_CHAPTER99_ONLY": "Chapter 99 lines, but none in the IEEPA ranges 9903.01/9903.02",
    "ZERO_IEEPA_DUTY": "IEEPA Chapter 99 lines that all carry $0.00 (exemption headings)",
    # Entry-level exclusions.
    "EXCLUDED_ENTRY_TYPE": "Entry type 08, 09, 23 or 47, which no open CAPE phase accepts",
    "DRAWBACK_DESIGNATED": "Entry designated on a drawback claim (CBP: ENTRY ON DRAWBACK)",
    "OPEN_PROTEST": "An open or suspended protest exists for the entry",
    "RECON_FLAGGED": "Entry summary flagged for reconciliation",
    "RECON_FILED": "A type 09 reconciliation is already on file for the entry",
    "ADCVD_PENDING_LIQUIDATION": "AD/CVD entry whose liquidation instructions Commerce has issued",
    "ALREADY_DECLARED": "Already on an earlier declaration that CBP did not reject",
    # Liquidation clock.
    "NEAR_80_DAY_LIMIT": "Liquidated within the last days of CAPE's 80-day limit: declare without delay",
    "LIQUIDATED_OVER_80_DAYS": "Liquidated or reliquidated more than 80 days before the as-of date",
    "PROTEST_PERIOD_EXPIRED": "More than 180 days since liquidation: the protest period is over",
    "CAPE_NOT_OPEN": "No CAPE phase was open on the as-of date (Phase 1 opened 2026-04-20)",
    "REFUND_AFTER_LIQUIDATION": "Warehouse, suspended, extended or under-review entry: refund paid when it liquidates",
    # Fixes and who may file.
    "GOODS_VALUE_ON_IEEPA_LINE": "Goods value reported on the IEEPA Chapter 99 row instead of the Chapter 1-97 row",
    "FILER_MISMATCH": "Another filer filed the entry summary; the declarant broker may not declare it",
    "UNKNOWN_CHAPTER99_HEADING": "A 9903.01 or 9903.02 number the rule table does not describe",
}

# Rules that appear only in exceptions.csv: input problems that do not decide a route.
EXCEPTION_RULES = {
    "ENTRY_NUMBER_ZEROS_RESTORED": "Leading zeros a spreadsheet removed were restored; the padded number passes the check digit",
    "ENTRY_TYPE_ZERO_RESTORED": "A one-digit entry type was padded to two digits (1 -> 01)",
    "HTS_ZERO_RESTORED": "A 9-digit HTS number was padded to 10 digits (Chapters 01-09)",
    "MISSING_ENTRY_NUMBER": "A row without an entry number cannot belong to an entry and was not read",
    "INVALID_IMPORTER_FORMAT": "Importer number is not in a CBP Form 5106 format",
    "EXEMPTION_HEADING_WITH_DUTY": "An exemption-only IEEPA heading carries duty; the duty is counted",
    "LIQUIDATION_DATE_IGNORED": "A liquidation date after the as-of date on an entry whose status is not liquidated; the status decides",
    "NO_TARIFF_ORDINAL": "Rows without line and tariff ordinal numbers cannot be matched across files",
    "SIDE_FILE_ENTRY_NOT_IN_ES003": "An entry in the protests or drawback list is not in the ES-003 input",
    "SIDE_FILE_INVALID_ENTRY": "A protests or drawback list row without a valid entry number",
}

ALL_CODES = {**REASON_CODES, **EXCEPTION_RULES}


def ordered(codes):
    """Return the codes in the documented order, so rows list them consistently."""
    order = {code: index for index, code in enumerate(REASON_CODES)}
    return sorted(set(codes), key=lambda code: order.get(code, len(order)))
