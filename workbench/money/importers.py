"""Match an importer number written by the analyst to the importer keys of a triage run.

Triage labels each importer by its number as given, masked when it has the form of a Social
Security number (``***-**-1234``, or ``SSN-XXXXX1234`` in folder names, either possibly with
``-2``, ``-3`` added when two masked numbers collide). A rules or offsets file may name the
importer by that key, by its number with any spacing or dashes, or, for an SSN-form number,
by the full number, which is matched on its last four digits.

>>> keys = ["52-6401938M3", "***-**-6789"]
>>> match_importer("526401938m3", keys), match_importer("123-45-6789", keys)
('52-6401938M3', '***-**-6789')
>>> match_importer("99-9999999AA", keys) is None
True
"""

import re

from workbench.identifiers import importer_number

_MASKED = re.compile(r"^(?:\*\*\*-\*\*-|SSN-XXXXX)(\d{4})(?:-\d+)?$")


class AmbiguousImporter(ValueError):
    """An SSN-form number matches more than one masked importer key."""


def match_importer(importer, importer_keys):
    """Return the importer key that ``importer`` (a number or key as written) names, or None.

    Raise ``AmbiguousImporter`` when an SSN-form number fits several masked keys; the analyst
    must then write the key itself, such as ``***-**-6789-2``.
    """
    text = str(importer).strip()
    if text in importer_keys:
        return text
    compact = importer_number.compact(text)
    for key in importer_keys:
        if not _MASKED.match(key) and importer_number.compact(key) == compact:
            return key
    if not importer_number.is_ssn_form(text):
        return None
    last_four = compact[-4:]
    candidates = [key for key in importer_keys if _masked_last_four(key) == last_four]
    if len(candidates) > 1:
        raise AmbiguousImporter(
            f"{importer_number.mask(text)} matches {', '.join(sorted(candidates))}; write the "
            f"importer key itself")
    return candidates[0] if candidates else None


def _masked_last_four(key):
    match = _MASKED.match(key)
    return match.group(1) if match else None


def columns_by_importer(mapping, importer_keys):
    """Return ({importer key: rate column key}, warnings) from the rules file's column map.

    ``mapping`` is ``interest_rate_column_by_importer`` (importer -> corporate or
    non-corporate). An importer that is not in the run is named in the warnings.
    """
    columns = {}
    warnings = []
    for importer, column in sorted(mapping.items()):
        key = match_importer(importer, importer_keys)
        if key is None:
            warnings.append(f"rules file sets the {column} rate for importer "
                            f"{importer_number.mask(importer)}, which is not in the triage run")
            continue
        columns[key] = column.replace("-", "_")
    return columns, warnings
