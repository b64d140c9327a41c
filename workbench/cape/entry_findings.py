"""Report entry-level defects to ``exceptions.csv`` next to the cell-level ones.

A cell problem (an unreadable date) is reported where the loader finds it. Some defects only
show once the rows of an entry are put together or the rules are applied: rows that disagree,
a liquidation status the mapping does not know, an IEEPA line after the cut-off. Those are
reported here, one finding per entry, at the entry's first row.
"""

from workbench.sources import columns as col

# code -> (column, severity, message); the message is formatted with the entry's fields.
ENTRY_FINDINGS = {
    "CONFLICTING_INPUT_ROWS": (
        col.ENTRY_NUMBER, "error",
        "rows for this entry disagree ({detail}); files: {file_list}. Pull the entry again from ACE "
        "and pass only the current pull"),
    "MISSING_LIQUIDATION_DATA": (
        col.LIQUIDATION_STATUS, "error",
        "Liquidation Status {liquidation_status!r} with Liquidation Date {liquidation_date_iso!r} "
        "does not say whether and when the entry liquidated; confirm the status in ACE and map "
        "the value with liquidation_status_map in a --rules file (values seen so far: blank, "
        "UNLIQUIDATED, LIQUIDATED, SUSPENDED, EXTENDED)"),
    "UNKNOWN_RECONCILIATION_INDICATOR": (
        col.RECONCILIATION_INDICATOR, "error",
        "Reconciliation Indicator value is not mapped; add it to reconciliation_indicator_map in "
        "a --rules file as flagged or not_flagged"),
    "IEEPA_AFTER_CUTOFF": (
        col.ENTRY_DATE, "error",
        "an IEEPA Chapter 99 line on an entry dated {entry_date_iso}, on or after 2026-02-24, "
        "when CBP deactivated every IEEPA number (CSMS #67834313); check the entry summary"),
    "CANCELLED_OR_REJECTED": (
        col.ENTRY_SUMMARY_STATUS, "error",
        "the entry summary is cancelled or rejected; CAPE rejects it (ENTRY SUMMARY IS "
        "CANCELLED/REJECTED)"),
    "GOODS_VALUE_ON_IEEPA_LINE": (
        col.GOODS_VALUE, "warning",
        "goods value is reported on an IEEPA Chapter 99 row instead of the Chapter 1-97 row; "
        "CAPE refuses the entry until a post-summary correction moves it"),
    "UNKNOWN_CHAPTER99_HEADING": (
        col.HTS, "warning",
        "a 9903.01/9903.02 number that the rule table does not describe; its duty is counted as "
        "IEEPA principal, so confirm the heading"),
}


def _date_detail(entry):
    return "; ".join(f"{column} differs" for column in entry["header_conflict_columns"]) \
        or "a tariff ordinal has different values"


def report_entry_findings(table, findings):
    """Add one finding per entry and entry-level reason code in ``ENTRY_FINDINGS``."""
    pattern = "|".join([*ENTRY_FINDINGS, "INVALID_DATE"])
    concerned = table[table["reason_codes"].str.contains(pattern, regex=True)
                      | table["liquidation_date_ignored"]]
    for entry in concerned.to_dict("records"):
        codes = set(filter(None, entry["reason_codes"].split(";")))
        for code in sorted(codes & set(ENTRY_FINDINGS)):
            column, severity, text = ENTRY_FINDINGS[code]
            value = _value(entry, code)
            detail = _date_detail(entry)
            findings.add(entry["first_file"], int(entry["first_row"]), column, value, code,
                         severity, text.format(detail=detail, file_list=", ".join(entry["files"]),
                                               **entry))
        if entry["liquidation_date_ignored"] and entry["route"] not in ("invalid", "no_refund"):
            findings.add(entry["first_file"], int(entry["first_row"]), col.LIQUIDATION_DATE,
                         entry["liquidation_date_iso"], "LIQUIDATION_DATE_IGNORED", "warning",
                         f"Liquidation Status {entry['liquidation_status']!r} says the entry is "
                         f"not liquidated; the later date is read as a scheduled liquidation and "
                         f"the status decides the route")
        if _impossible_date(entry, codes):
            findings.add(entry["first_file"], int(entry["first_row"]), col.ENTRY_DATE,
                         entry["entry_date_iso"], "INVALID_DATE", "error",
                         _impossible_date(entry, codes))


def _value(entry, code):
    """Return the value the finding is about, as found in the input."""
    if code == "MISSING_LIQUIDATION_DATA":
        return entry["liquidation_status"]
    if code == "IEEPA_AFTER_CUTOFF":
        return entry["entry_date_iso"]
    if code == "GOODS_VALUE_ON_IEEPA_LINE":
        return entry["ieepa_goods_value"]
    return entry["entry_number"]


def _impossible_date(entry, codes):
    """Return the message for a date that cannot be right on its own row's terms, or ''."""
    if "INVALID_DATE" not in codes or entry["bad_entry_date"] or entry["bad_liquidation_date"] \
            or entry["early_date"]:
        return ""
    if entry["entry_date_after_as_of"]:
        return (f"entry date {entry['entry_date_iso']} is after the as-of date; check the date "
                f"or the --as-of option")
    return (f"liquidation date {entry['liquidation_date_iso']} is before the entry date "
            f"{entry['entry_date_iso']}; correct it from ACE")
