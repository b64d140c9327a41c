"""Match an importer number written by the analyst to the importer keys of a triage run.

Triage labels each importer by its number as given, or ``SSN-XXXXX1234`` for a number in
Social Security form (with ``-2``, ``-3`` added when two masked numbers collide). A rules or
offsets file may name the importer by that key, by its number in any spacing or dashes, or,
for an SSN-form number, by the full number, which is matched on its last four digits.

>>> keys = ["52-6401938M3", "SSN-XXXXX6789"]
>>> match_importer("526401938m3", keys), match_importer("123-45-6789", keys)
('52-6401938M3', 'SSN-XXXXX6789')
>>> match_importer("99-9999999AA", keys) is None
True
"""

from workbench.identifiers import importer_number


class AmbiguousImporter(ValueError):
    """An SSN-form number matches more than one masked importer key."""


def match_importer(given, importer_keys):
    """Return the importer key that ``given`` names, or None when none does.

    Raise ``AmbiguousImporter`` when an SSN-form number fits several masked keys; the analyst
    must then write the key itself, such as ``SSN-XXXXX6789-2``.
    """
    text = str(given).strip()
    if text in importer_keys:
        return text
    compact = importer_number.compact(text)
    for key in importer_keys:
        if not key.startswith("SSN-") and importer_number.compact(key) == compact:
            return key
    if not importer_number.is_ssn_form(text):
        return None
    base = importer_number.folder_name(text)
    candidates = [key for key in importer_keys if key == base or _is_collision_of(key, base)]
    if len(candidates) > 1:
        raise AmbiguousImporter(
            f"{importer_number.mask(text)} matches {', '.join(sorted(candidates))}; write the "
            f"importer key itself")
    return candidates[0] if candidates else None


def _is_collision_of(key, base):
    suffix = key[len(base):]
    return key.startswith(base) and suffix.startswith("-") and suffix[1:].isdigit()
