"""Parse the value formats of ACE reports: money, dates and codes, one column at a time.

Money arrives as text such as ``$2,567.49`` and is kept in whole cents (int), so sums are
exact. Dates arrive as ``MM/DD/YYYY``, or ``M/D/YYYY`` after a spreadsheet round trip; the
month always comes first. Each parser returns the parsed column and a column of problems
(empty text where the value is fine), so the caller can report every bad cell by row.

>>> parse_money(pd.Series(['$2,567.49', '0', '', '12.5', '1.2.3']))[0].tolist()
[256749, 0, 0, 1250, 0]
>>> parse_dates(pd.Series(['10/2/2026', '45818', '2026-13-01']))[1].tolist()
['', 'serial', 'invalid']
"""

import datetime as dt
import re

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# re.ASCII: \d is 0-9 only, so full-width or Arabic-Indic digits are reported, not parsed.
_MONEY = re.compile(r"^\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$|^\$?\.\d{1,2}$", re.ASCII)
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+0{1,2}:00(?::00)?(?:\s*[AP]M)?)?$",
                      re.ASCII)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?$", re.ASCII)
_SERIAL = re.compile(r"^\d{1,6}(\.\d+)?$", re.ASCII)

# An amount of $10 billion or more on one tariff row is a damaged cell. Rejecting it also keeps
# the int64 sums of cents far from overflow (9.2e18 cents).
MAX_WHOLE_DOLLAR_DIGITS = 10


def parse_money(series):
    """Return (cents as int64, problem) for a column of dollar amounts.

    A blank cell is zero. Anything other than an unsigned amount below $10 billion with at
    most two decimals is a problem ('invalid') and counts as zero, so the caller must act on
    the problem column. The work is done by Arrow compute functions, whose RE2 regular
    expressions read \\d as 0-9 only, so the column is parsed without a Python loop.
    """
    if series.empty:
        return pd.Series(0, index=series.index, dtype="int64"), pd.Series("", index=series.index)
    text = series.astype(str).str.strip().str.replace(" ", "", regex=False)
    values = pa.array(text).cast(pa.string())
    digits = pc.replace_substring_regex(values, "[$,]", "")
    whole_digits = pc.utf8_length(pc.replace_substring_regex(digits, r"\..*", ""))
    ok = pc.and_(pc.or_(pc.match_substring_regex(values, _MONEY.pattern), pc.equal(values, "")),
                 pc.less_equal(whole_digits, MAX_WHOLE_DOLLAR_DIGITS))

    # "2567.4" -> "2567.400" -> "256740": pad the cents, then drop the point.
    digits = pc.if_else(pc.and_(ok, pc.not_equal(values, "")), digits, "0")
    dotted = pc.if_else(pc.match_substring(digits, "."),
                        pc.binary_join_element_wise(digits, "00", ""),
                        pc.binary_join_element_wise(digits, ".00", ""))
    cents = pc.replace_substring_regex(dotted, r"^([0-9]*)\.([0-9][0-9])[0-9]*$", r"\1\2")
    cents = pd.Series(pc.cast(cents, pa.int64()).to_numpy(), index=series.index)
    problem = pd.Series("", index=series.index).where(ok.to_numpy(zero_copy_only=False),
                                                      "invalid")
    return cents, problem


def _parse_one_date(text):
    """Return (date or None, problem) for one cell."""
    text = text.strip()
    if not text:
        return None, "blank"
    match = _US_DATE.match(text)
    if match:
        month, day, year = (int(part) for part in match.groups())
    else:
        match = _ISO_DATE.match(text)
        if not match:
            return None, "serial" if _SERIAL.match(text) else "invalid"
        year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day), ""
    except ValueError:
        return None, "invalid"


def parse_dates(series):
    """Return (dates as datetime64 with NaT, problem) for a column of dates.

    Problems: 'blank', 'serial' (a bare number: a spreadsheet serial date), 'invalid'.
    Each distinct text is parsed once, because a column contains few distinct dates.
    """
    codes, distinct = pd.factorize(series.astype(str))
    parsed = [_parse_one_date(value) for value in distinct]
    dates = pd.Series([result[0] for result in parsed], dtype=object).take(codes)
    problem = pd.Series([result[1] for result in parsed]).take(codes)
    return (pd.to_datetime(dates, errors="coerce").set_axis(series.index),
            problem.set_axis(series.index))


def pad_code(series, width):
    """Restore leading zeros a spreadsheet removed from a numeric code ('1' -> '01').

    Returns (padded, changed): ``changed`` marks cells that were padded.
    """
    text = series.astype(str).str.strip()
    numeric = text.str.fullmatch(r"\d+") & (text.str.len() < width)
    return text.where(~numeric, text.str.zfill(width)), numeric


def format_cents_series(cents):
    """Return dollars with two decimals for a column of non-negative integer cents.

    >>> format_cents_series(pd.Series([256749, 5])).tolist()
    ['2567.49', '0.05']
    """
    cents = cents.astype("int64")
    return (cents // 100).astype(str) + "." + (cents % 100).astype(str).str.zfill(2)


def format_cents(cents):
    """Return dollars with two decimals for an integer number of cents.

    >>> format_cents(256749), format_cents(5)
    ('2567.49', '0.05')
    """
    sign = "-" if cents < 0 else ""
    cents = abs(int(cents))
    return f"{sign}{cents // 100}.{cents % 100:02d}"
