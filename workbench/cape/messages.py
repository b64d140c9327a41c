"""One line of plain English per entry: what to do, by when, and why.

The message names the deadline when one applies and the fact that decided the route, in
CBP's terms, so an analyst can act on the row without looking anything up.
"""

from workbench.identifiers import entry_number

_WEEKDAY_NOTE = ("; {date} is a {day}, and whether the period runs to the next business day is "
                 "not confirmed, so file by the business day before")

# Dates in the entry facts are YYYY-MM-DD text, empty when missing. ``age`` is the number of
# days since liquidation, None when the entry was not liquidated on the as-of date.
# ``deadline_day`` names the weekend day or federal holiday a deadline falls on, else empty.


def _date(value):
    return value or ""


def _non_business_day_note(entry):
    if entry["deadline_day"]:
        return _WEEKDAY_NOTE.format(date=entry["deadline"], day=entry["deadline_day"])
    return ""


def _money(cents):
    return f"${cents / 100:,.2f}"


def _liquidated_phrase(entry):
    return f"liquidated {_date(entry['liquidation_date'])}, {entry['age']} days before the as-of date"


def _invalid(entry, codes):
    reasons = {
        "INVALID_ENTRY_NUMBER": "the entry number cannot be used as found",
        "CHECK_DIGIT_MISMATCH": "the entry number fails its check digit (confirm it in ACE, then list it under confirmed_check_digit_overrides)",
        "INVALID_IMPORTER_NUMBER": "the importer number is missing",
        "CONFLICTING_INPUT_ROWS": f"the input files disagree about this entry ({', '.join(entry['files'])}); pull it again from ACE",
        "MALFORMED_INPUT_ROW": "a row of this entry could not be read",
        "INVALID_AMOUNT": "an amount cannot be read",
        "INVALID_HTS": "an HTS number cannot be read",
        "INVALID_ENTRY_TYPE": "the entry type is not a two-digit code",
        "INVALID_DATE": "a date is missing, impossible or a spreadsheet artefact",
        "IEEPA_AFTER_CUTOFF": "it carries an IEEPA Chapter 99 line although it was entered on or after 2026-02-24, when CBP deactivated them",
        "CANCELLED_OR_REJECTED": "the entry summary is cancelled or rejected",
        "MISSING_LIQUIDATION_DATA": f"the Liquidation Status {entry['liquidation_status']!r} with date {_date(entry['liquidation_date']) or 'blank'} does not tell whether and when it liquidated (map the value with liquidation_status_map in a --rules file, or pull ES-003 again)",
        "UNKNOWN_RECONCILIATION_INDICATOR": "the Reconciliation Indicator value is not mapped (add it to reconciliation_indicator_map in a --rules file)",
    }
    found = [text for code, text in reasons.items() if code in codes]
    return "Not declared: " + "; ".join(found or ["the data cannot be trusted"]) + "; see exceptions.csv."


def _no_refund(entry, codes):
    if "ZERO_IEEPA_DUTY" in codes:
        return "Nothing to recover through CAPE: its IEEPA Chapter 99 lines are exemption headings with $0.00 duty."
    if "NON_IEEPA_CHAPTER99_ONLY" in codes:
        return "Nothing to recover through CAPE: its Chapter 99 lines are Section 122, 301, 232 or other non-IEEPA duties, which CAPE does not refund."
    return "Nothing to recover through CAPE: no Chapter 99 line."


def _cape(entry, codes):
    amount = _money(entry["ieepa_cents"])
    if "REFUND_AFTER_LIQUIDATION" in codes:
        return (f"Declare in CAPE now ({amount} IEEPA duty); CBP removes the IEEPA lines on "
                f"acceptance but pays the refund only when this warehouse, suspended, extended "
                f"or under-review entry liquidates, not 45 days after acceptance.")
    if entry["liquidated_later"]:
        return (f"Declare in CAPE now ({amount} IEEPA duty): unliquidated on the as-of date "
                f"(the input shows liquidation on {_date(entry['liquidation_date'])}, after it).")
    if entry["age"] is None or entry["age"] != entry["age"]:
        text = f"Declare in CAPE now ({amount} IEEPA duty): unliquidated."
    elif "NEAR_80_DAY_LIMIT" in codes:
        text = (f"Declare in CAPE without delay, by {_date(entry['deadline'])} ({amount} IEEPA "
                f"duty): {_liquidated_phrase(entry)}; a rejected upload could push it past the "
                f"80-day limit.")
    elif "LIQUIDATED_OVER_80_DAYS" in codes:
        text = (f"Declare in CAPE ({amount} IEEPA duty) under the finally-liquidated phase "
                f"switched on in the rules: {_liquidated_phrase(entry)}.")
    else:
        text = (f"Declare in CAPE by {_date(entry['deadline'])} ({amount} IEEPA duty): "
                f"{_liquidated_phrase(entry)}; CAPE takes entries up to 80 days after "
                f"liquidation.")
    if "RECON_FLAGGED" in codes:
        text += (" It is flagged for reconciliation and no type 09 is recorded as filed: declare "
                 "CAPE first, then file the 09 (if the 09 is due in under 30 days, file it "
                 "first).")
    if "CHECK_DIGIT_MISMATCH" in codes:
        text += " Its check digit fails, but the analyst confirmed the number in ACE."
    return text


def _exclusion(codes):
    texts = {
        "EXCLUDED_ENTRY_TYPE": "its entry type is excluded from every open CAPE phase",
        "DRAWBACK_DESIGNATED": "it is designated on a drawback claim (CBP rejects it as ENTRY ON DRAWBACK)",
        "RECON_FILED": "a type 09 reconciliation is on file for it",
        "RECON_FLAGGED": "it is flagged for reconciliation and no open CAPE phase accepts it",
        "GOODS_VALUE_ON_IEEPA_LINE": "the goods value sits on the IEEPA line and the PSC window to correct it is closed",
        "LIQUIDATED_OVER_80_DAYS": "it liquidated more than 80 days ago, outside every open CAPE phase",
        "CAPE_NOT_OPEN": "no CAPE phase was open on the as-of date",
    }
    for code, text in texts.items():
        if code in codes:
            return text
    return "no open CAPE phase accepts it"


def _protest(entry, codes):
    return (f"File a protest (CBP Form 19, 19 U.S.C. 1514) by {entry['deadline']} to keep the "
            f"{_money(entry['ieepa_cents'])} IEEPA refund open: {_exclusion(codes)}; "
            f"{_liquidated_phrase(entry)}{_non_business_day_note(entry)}.")


def _later_phase(entry, codes):
    amount = _money(entry["ieepa_cents"])
    if "OPEN_PROTEST" in codes:
        text = (f"Watch list ({amount} IEEPA duty): an open or suspended protest keeps it out of "
                f"CAPE.")
        if entry["age"] is not None and entry["age"] <= 80:
            text += (" If the protest was filed only to preserve the IEEPA refund, CBP says it "
                     "may be withdrawn and the entry declared while it is within 80 days of "
                     "liquidation.")
        return text
    if "ADCVD_PENDING_LIQUIDATION" in codes:
        return (f"Watch list ({amount} IEEPA duty): AD/CVD liquidation instructions are issued "
                f"and no open CAPE phase takes such entries.")
    if "PROTEST_PERIOD_EXPIRED" in codes:
        return (f"Watch list ({amount} IEEPA duty): {_liquidated_phrase(entry)}, so the 180-day "
                f"protest period is over; a later CAPE phase or an action at the CIT (two-year "
                f"limit, 28 U.S.C. 1581(i)) are the remaining routes.")
    return (f"Watch list ({amount} IEEPA duty): {_exclusion(codes)}; nothing to file now, "
            f"recheck when CBP opens a later phase.")


def _fix_then_cape(entry, codes):
    return (f"Correct the entry summary by post-summary correction by {_date(entry['deadline'])} "
            f"(300 days after entry; the 15-days-before-liquidation limit cannot be checked "
            f"because ES-003 has no scheduled liquidation date), then declare "
            f"{_money(entry['ieepa_cents'])}: the goods value is on the IEEPA Chapter 99 line "
            f"instead of the Chapter 1-97 line, and ACE refuses a PSC once a refund is requested.")


def _other_filer(entry, codes):
    filer = entry_number.filer_code(entry["entry_key"])
    text = (f"Eligible ({_money(entry['ieepa_cents'])} IEEPA duty), but filer {filer} filed the "
            f"entry summary: only the importer of record or filer {filer} may declare it")
    if "GOODS_VALUE_ON_IEEPA_LINE" in codes:
        text += (f", after correcting the goods value on the IEEPA line by PSC by "
                 f"{_date(entry['deadline'])} (listed in the after-PSC hand-off file)")
    return text + ". A PSC by another filer moves the entry to that filer, so confirm the owner in ACE."


def _declared(entry, codes):
    state = entry["ledger_state"]
    return (f"Already declared ({state.status} in the ledger"
            f"{', claim ' + state.claim_number if state.claim_number else ''}); follow it up and "
            f"never list it again, because CBP rejects repeats as previously submitted.")


_BY_ROUTE = {
    "invalid": _invalid, "no_refund": _no_refund, "cape": _cape, "protest": _protest,
    "later_phase": _later_phase, "fix_then_cape": _fix_then_cape, "other_filer": _other_filer,
    "declared": _declared,
}


def message(entry, codes):
    """Return the one-line message for an entry (a dict of its facts) and its reason codes."""
    text = _BY_ROUTE[entry["route"]](entry, set(codes))
    if "UNKNOWN_CHAPTER99_HEADING" in codes:
        text += (" A 9903.01/9903.02 number on it is not in the rule table; its duty is counted "
                 "as IEEPA, so check the heading.")
    if entry.get("rejected_before"):
        text += f" CBP rejected it before: {entry['rejected_before']}"
    return text
