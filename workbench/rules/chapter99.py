"""Chapter 99 headings: which numbers are IEEPA, which add duty, and what they stand for.

The facts sit in ``data/chapter99.yaml``. This module only looks them up.

>>> family("99030124"), family("99030301"), family("8516600400")
('ieepa', 'section_122', None)
>>> heading("99030114")["type"]
'exemption'
>>> heading("99030199") is None
True
"""

import datetime as dt

from workbench.rules import load_table

TABLE = "chapter99"


def _table():
    return load_table(TABLE)


def family(hts):
    """Return the Chapter 99 family of a compact HTS number ('ieepa', 'section_301', ...).

    Returns 'chapter99_other' for another 9903 number and None outside Chapter 99.
    """
    if not hts.startswith("99"):
        return None
    for name, spec in _table()["families"].items():
        if hts[:6] in spec["prefixes"]:
            return name
    return "chapter99_other"


def heading(hts):
    """Return the rule-table row of an IEEPA heading, or None when the table does not list it."""
    key = hts[:8]
    table = _table()
    if key in table["headings"]:
        return {"heading": key, **table["headings"][key]}
    for span in table["heading_ranges"]:
        if span["first"] <= key <= span["last"]:
            return {"heading": key, **span}
    return None


def in_ieepa_ranges(hts):
    """Tell whether the number lies in the IEEPA ranges 9903.01.01-.89 and 9903.02.01-.71."""
    key = hts[:8]
    return any(first <= key <= last for first, last in _table()["families"]["ieepa"]["ranges"])


def is_known_ieepa_heading(hts):
    """Tell whether the number is an IEEPA heading that the rule table describes."""
    return family(hts) == "ieepa" and in_ieepa_ranges(hts) and heading(hts) is not None


def program(hts):
    """Return the IEEPA program of a heading (fentanyl_china, reciprocal, ...) or 'unknown'."""
    row = heading(hts)
    return row["program"] if row else "unknown"


def drawback_status(hts):
    """Return 'barred' or 'allowed' for the heading's program, or 'unknown'."""
    name = program(hts)
    programs = _table()["programs"]
    return programs[name]["drawback"] if name in programs else "unknown"


def rate_on(hts, day):
    """Return the listed additional rate (a string) of a heading on a date, or None."""
    row = heading(hts)
    if not row:
        return None
    for period in row.get("rates", []):
        start = period["effective_from"]
        end = period.get("effective_to") or dt.date.max
        if start <= day <= end:
            return str(period["rate"])
    return None


def ieepa_deactivated_from():
    """Return the first entry date on which no IEEPA heading applies (CSMS #67834313)."""
    return _table()["ieepa_deactivated_from"]
