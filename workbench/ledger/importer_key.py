"""Importer keys: how the ledger names an importer of record without storing a personal number.

Declaration files, CBP reports and the refund estimate spell the same importer number in
different ways (``12-345678900``, ``12345678900``, or the folder name ``SSN-XXXXX6789``). The
ledger groups by one key: the compact number, or, for a number that could be a Social
Security number, the masked form with its last four digits. No raw SSN-form number is ever
written to the ledger file.

>>> normalise("12-345678900"), normalise(" 123-45-6789 "), normalise("SSN-XXXXX6789")
('12345678900', '***-**-6789', '***-**-6789')
>>> folder_for("***-**-6789"), folder_for("12345678900"), folder_for("")
('SSN-XXXXX6789', '12345678900', 'unknown-importer')

NOTE: two SSN-form importers with the same last four digits share one key, so their totals
are added together in per-importer views.
"""

import re

from workbench.identifiers import importer_number

MASK_PREFIX = "***-**-"
_FOLDER_SSN = re.compile(r"^SSN-X{5}(\d{4})(-\d+)?$", re.IGNORECASE)


def normalise(value):
    """Return the ledger key of an importer number ("" when the value is blank)."""
    text = str(value or "").strip()
    if not text:
        return ""
    folder = _FOLDER_SSN.match(text)
    if folder:
        return MASK_PREFIX + folder.group(1)
    if text.startswith(MASK_PREFIX):
        return text
    if importer_number.is_ssn_form(text):
        return importer_number.mask(text)
    return importer_number.compact(text)


def folder_for(key):
    """Return the folder name for an importer key, as the triage names importer folders."""
    if not key:
        return "unknown-importer"
    if key.startswith(MASK_PREFIX):
        return "SSN-XXXXX" + key[-4:]
    return importer_number.folder_name(key)
