"""Report the cell problems of ES-003 rows to ``exceptions.csv``, one finding per problem.

A value repeated on many rows of one file is reported once, at its first row, with the number
of rows that carry it.
"""

import pandas as pd

from workbench.sources import columns as col
from workbench.sources.es003_cells import invalid_entry_message


def report_entry_numbers(rows, findings, confirmed_overrides):
    """Report restored, unusable and check-digit-failing entry numbers."""
    repaired = rows[rows["entry_state"] == "repaired"]
    keys = dict(zip(repaired[col.ENTRY_NUMBER], repaired["entry_key"]))
    findings.add_grouped(
        repaired, col.ENTRY_NUMBER, "ENTRY_NUMBER_ZEROS_RESTORED", "warning",
        lambda v: f"read as {keys[v]}: a spreadsheet dropped the leading zeros and the padded "
                  f"number passes the check digit; check it against ACE")

    invalid = rows[rows["entry_state"] == "invalid"]
    details = dict(zip(invalid[col.ENTRY_NUMBER], invalid["entry_detail"]))
    findings.add_grouped(invalid, col.ENTRY_NUMBER, "INVALID_ENTRY_NUMBER", "error",
                         lambda v: invalid_entry_message(v, details[v]))

    failing = rows[rows["entry_state"] == "check_digit"]
    overridden = failing["entry_key"].isin(confirmed_overrides)
    details = dict(zip(failing[col.ENTRY_NUMBER], failing["entry_detail"]))
    findings.add_grouped(
        failing[~overridden], col.ENTRY_NUMBER, "CHECK_DIGIT_MISMATCH", "error",
        lambda v: f"entry number {details[v]}: most likely damaged on the way from ACE, so it is "
                  f"kept out of declarations; look it up in ACE and, if it exists as written, "
                  f"list it under confirmed_check_digit_overrides in a --rules file")
    findings.add_grouped(
        failing[overridden], col.ENTRY_NUMBER, "CHECK_DIGIT_MISMATCH", "warning",
        lambda v: f"entry number {details[v]}; declared because the analyst confirmed it in ACE "
                  f"(confirmed_check_digit_overrides)")


def report_codes(rows, findings):
    """Report entry types and HTS numbers that were padded or cannot be read."""
    findings.add_grouped(rows[rows["entry_type_padded"]], col.ENTRY_TYPE,
                         "ENTRY_TYPE_ZERO_RESTORED", "warning",
                         lambda v: f"entry type read as {str(v).strip().zfill(2)}: a spreadsheet "
                                   f"dropped the leading zero")
    odd_type = ~rows["entry_type"].str.fullmatch(r"\d{2}")
    findings.add_grouped(rows[odd_type], col.ENTRY_TYPE, "INVALID_ENTRY_TYPE", "error",
                         "entry type is not a two-digit code of the CBP Form 7501 instructions "
                         "(01, 02, 06, 21, 47 ...); correct it from the entry summary")
    findings.add_grouped(rows[rows["hts_problem"] == "repaired"], col.HTS, "HTS_ZERO_RESTORED",
                         "warning", lambda v: f"HTS number read as {str(v).strip().zfill(10)}: "
                                              f"a spreadsheet dropped the leading zero of a "
                                              f"Chapter 01-09 number")
    findings.add_grouped(rows[rows["hts_problem"] == "invalid"], col.HTS, "INVALID_HTS", "error",
                         "HTS number is not 8 digits (Chapter 99) or 10 digits (Chapters 1-97); "
                         "correct it from the entry summary, so the entry can be triaged")


def report_importers(rows, findings):
    """Report missing importer numbers (an error) and unusual formats (a warning)."""
    blank = rows[rows["importer_key"] == ""]
    findings.add_grouped(blank, col.IMPORTER_NUMBER, "INVALID_IMPORTER_NUMBER", "error",
                         "importer number is missing; CAPE declarations are made per importer of "
                         "record, so add it from the entry summary")
    odd = rows[(rows["importer_key"] != "") & ~rows["importer_format_ok"]]
    odd = odd.assign(**{col.IMPORTER_NUMBER: odd["importer_shown"]})
    findings.add_grouped(odd, col.IMPORTER_NUMBER, "INVALID_IMPORTER_FORMAT", "warning",
                         "importer number is not an EIN with suffix (NN-NNNNNNNXX, suffix without "
                         "O, I or Z), an SSN or a CBP-assigned number (YYDDPP-NNNNN); check it "
                         "against the importer's CBP Form 5106")


_DATE_MESSAGES = {
    "serial": "a bare number in a date column is a spreadsheet serial date, not a date; export "
              "the report from ACE again or format the column as a MM/DD/YYYY date",
    "invalid": "not a valid MM/DD/YYYY date; correct it from ACE",
    "blank": "date is missing; pull the report again with this column filled",
}


def report_dates(rows, findings, earliest):
    """Report unreadable dates, and dates before ``earliest`` (spreadsheet artefacts)."""
    for name, column, blank_is_problem in (("entry_date", col.ENTRY_DATE, True),
                                           ("summary_date", col.ENTRY_SUMMARY_DATE, False),
                                           ("liquidation_date", col.LIQUIDATION_DATE, False)):
        problem = rows[f"{name}_problem"]
        for kind, message in _DATE_MESSAGES.items():
            if kind == "blank" and not blank_is_problem:
                continue
            findings.add_grouped(rows[problem == kind], column, "INVALID_DATE", "error", message)
        early = rows[rows[name] < pd.Timestamp(earliest)]
        findings.add_grouped(early, column, "INVALID_DATE", "error",
                             f"date before {earliest:%m/%d/%Y} is a spreadsheet artefact in an "
                             f"IEEPA-era pull; correct it from ACE")


def report_amounts(rows, findings):
    """Report goods values and duty amounts that are not unsigned dollar amounts."""
    for name, column in (("duty", col.DUTY), ("value", col.GOODS_VALUE)):
        bad = rows[rows[f"{name}_problem"] != ""]
        findings.add_grouped(bad, column, "INVALID_AMOUNT", "error",
                             "not a dollar amount such as $2,567.49 (negative and text values, "
                             "and amounts of $10 billion or more, are not expected in ES-003); "
                             "correct it from the entry summary")

    exemption_with_duty = rows[(rows["family"] == "ieepa") & (rows["heading_type"] == "exemption")
                               & (rows["duty_cents"] > 0)]
    findings.add_grouped(exemption_with_duty, col.HTS, "EXEMPTION_HEADING_WITH_DUTY", "warning",
                         "an exemption-only IEEPA heading carries duty; the duty is counted as "
                         "IEEPA principal, but check the entry summary")


def report_all(rows, findings, confirmed_overrides, earliest):
    """Report every cell problem of the rows."""
    report_entry_numbers(rows, findings, confirmed_overrides)
    report_codes(rows, findings)
    report_importers(rows, findings)
    report_dates(rows, findings, earliest)
    report_amounts(rows, findings)
