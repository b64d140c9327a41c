"""The tests a designation must pass: deadlines, windows, subheading, "Other" rule, USMCA.

Each check returns None when the designation may stand, or the reason it may not, in words an
analyst can act on.

>>> import datetime as dt
>>> filing_deadline(dt.date(2021, 12, 4))
datetime.date(2026, 12, 4)
>>> timely(dt.date(2021, 12, 4), dt.date(2026, 12, 4)) is None
True
>>> timely(dt.date(2021, 12, 4), dt.date(2026, 12, 5))
'claim untimely: the claim on an import of 2021-12-04 had to be filed by 2026-12-04 (5 years, 19 U.S.C. 1313(r)(1))'
>>> same_subheading("8471300100", "8471410100")
'8-digit mismatch: import subheading 8471.30.01, export 8471.41.01 (19 CFR 190.2)'
"""

from workbench.drawback import tables
from workbench.drawback.dates import add_years, working_days_between
from workbench.identifiers import hts


def filing_deadline(import_date):
    """Return the last day to file a complete claim on goods imported on ``import_date``."""
    return add_years(import_date, tables.limits().claim_filing_years)


def timely(import_date, as_of):
    """Check that a claim filed on ``as_of`` is within 5 years of the import."""
    deadline = filing_deadline(import_date)
    if as_of <= deadline:
        return None
    return (f"claim untimely: the claim on an import of {import_date} had to be filed by "
            f"{deadline} (5 years, 19 U.S.C. 1313(r)(1))")


def export_window(import_date, export_date, as_of):
    """Check that the export follows the import, within 5 years, and precedes the claim."""
    if export_date < import_date:
        return (f"exported on {export_date}, before the import date {import_date}: goods must "
                f"be imported before they are exported (19 CFR 190.51(e)(1)(iii))")
    last = add_years(import_date, tables.limits().export_within_years)
    if export_date > last:
        return (f"exported on {export_date}, more than 5 years after the import date "
                f"{import_date} (19 CFR 190.31(b), 190.32(a))")
    if export_date > as_of:
        return (f"exported on {export_date}, after the as-of date {as_of}: the export must "
                f"precede the claim")
    return None


def manufacture_window(import_date, production_date):
    """Check that substituted merchandise was used within 5 years of import (1313(b))."""
    last = add_years(import_date, tables.limits().manufacture_within_years)
    if production_date > last:
        return (f"produced on {production_date}, more than 5 years after the import date "
                f"{import_date} (19 CFR 190.27(b))")
    return None


def usmca_destination(destination):
    """Check that a 1313(j)(2) export does not go to Canada or Mexico (1313(j)(4))."""
    if destination in tables.limits().usmca_countries:
        return (f"no 1313(j)(2) substitution drawback on exports to {destination} "
                f"(19 U.S.C. 1313(j)(4); 19 CFR 182.42(c)); claim it under direct "
                f"identification if the imported goods themselves were exported")
    return None


def same_subheading(import_hts, export_hts):
    """Check that the export's first 8 digits equal the import's (1313(j)(6) for Schedule B)."""
    if import_hts[:8] == export_hts[:8]:
        return None
    return (f"8-digit mismatch: import subheading {hts.format(import_hts[:8])}, export "
            f"{hts.format(export_hts[:8])} (19 CFR 190.2)")


def other_rule(import_hts, description_8, description_10, export_hts):
    """Apply the 1313(j)(5) "Other" rule; return a reason, None, or 'unknown'.

    When the import's 8-digit description begins with "Other", both sides must share the
    10-digit number and that 10-digit description must not begin with "Other" either.
    """
    if not description_8:
        return "unknown"
    if not description_8.strip().lower().startswith("other"):
        return None
    if export_hts != import_hts:
        return (f"the 8-digit description begins with \"Other\", so the export must share the "
                f"10-digit number {hts.format(import_hts)}; it is {hts.format(export_hts)} "
                f"(19 U.S.C. 1313(j)(5))")
    if not description_10 or description_10.strip().lower().startswith("other"):
        return (f"the 8-digit and 10-digit descriptions of {hts.format(import_hts)} begin with "
                f"\"Other\" (or the 10-digit one is missing), so it cannot be substituted "
                f"(19 U.S.C. 1313(j)(5))")
    return None


def same_unit(import_uom, export_uom):
    """Check that both sides count in the same unit of measure (19 CFR 190.51(a)(2))."""
    if import_uom == export_uom:
        return None
    return (f"unit mismatch: the import line counts in {import_uom}, the export in "
            f"{export_uom}; report the export in the import's HTS unit")


def notice_warning(export):
    """Return a warning when no waiver or timely Form 7553 covers an export, else None."""
    if export.waiver:
        return None
    if export.notice_date is None:
        return ("notice missing: no waiver of prior notice and no Notice of Intent (CBP Form "
                "7553); claim at risk of denial (19 CFR 190.35, 190.36)")
    needed = tables.limits().notice_of_intent_working_days
    days = working_days_between(export.notice_date, export.export_date)
    if days < needed:
        return (f"Notice of Intent filed {days} working days before export (Monday to Friday, "
                f"federal holidays not subtracted); at least {needed} are required (19 CFR "
                f"190.35); claim at risk of denial")
    return None
