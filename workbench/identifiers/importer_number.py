"""Importer of record (IOR) number.

CBP Form 5106 allows three forms of importer number:

* an IRS employer identification number with a two-character suffix, ``NN-NNNNNNNXX``
  (the suffix is letters or digits, often ``00``, but never O, I or Z);
* a Social Security number, ``NNN-NN-NNNN``, for an importer without an EIN;
* a CBP-assigned number, ``YYDDPP-NNNNN`` (year, district and port, then five digits).

A Social Security number is personal data: ``mask`` keeps only its last four digits and
every output of the workbench prints it masked. A bare nine-digit number could be an SSN or an
EIN without its suffix, so it is masked too. Eleven digits without dashes could be an EIN with
suffix ``00`` or a CBP-assigned number; that value is accepted without guessing its kind.

>>> validate('12-345678900')
'12345678900'
>>> kind('123-45-6789')
'ssn'
>>> mask('123-45-6789')
'***-**-6789'
>>> validate('12-3456789OO')
Traceback (most recent call last):
    ...
workbench.identifiers.exceptions.InvalidComponent: suffix OO contains O, I or Z, which CBP does not issue
"""

import re

from workbench.identifiers.exceptions import InvalidComponent, InvalidFormat, InvalidLength

_EIN = re.compile(r"^\d{2}-\d{7}[A-Z0-9]{2}$")
_SSN = re.compile(r"^\d{3}-\d{2}-\d{4}$")
_CBP_ASSIGNED = re.compile(r"^\d{6}-\d{5}$")
_FORBIDDEN_SUFFIX_LETTERS = set("OIZ")


_WRAPPER = re.compile(r'^=\s*"(.*)"$')


def _unwrapped(number):
    text = str(number).strip()
    match = _WRAPPER.match(text)
    return match.group(1) if match else text


def compact(number):
    """Remove a spreadsheet ="..." wrapper, dashes and spaces, and uppercase the value.

    >>> compact('="987-65-4321"')
    '987654321'
    """
    return re.sub(r"[\s\-\u2013\u2014]", "", _unwrapped(number)).upper()


def _as_given(number):
    return re.sub(r"\s", "", _unwrapped(number)).upper()


def kind(number):
    """Return 'ein', 'ssn', 'cbp_assigned' or 'ein_or_cbp_assigned'; raise if none fits."""
    given = _as_given(number)
    value = compact(number)
    if not value.isascii():
        raise InvalidFormat("contains characters other than ASCII letters, digits and dashes")
    if _SSN.match(given) or (value.isdigit() and len(value) == 9):
        return "ssn"
    if _CBP_ASSIGNED.match(given):
        return "cbp_assigned"
    if _EIN.match(given):
        return "ein"
    if len(value) == 11 and value.isdigit():
        return "ein_or_cbp_assigned"
    if len(value) == 11 and value[:9].isdigit() and value[9:].isalnum():
        return "ein"
    if len(value) not in (9, 11):
        raise InvalidLength(f"has {len(value)} letters and digits, expected 9 or 11")
    raise InvalidFormat("is not an EIN with suffix, an SSN or a CBP-assigned number")


def validate(number):
    """Return the compact importer number, or raise a ValidationError naming the defect."""
    found = kind(number)
    value = compact(number)
    if found == "ein":
        suffix = value[9:]
        if _FORBIDDEN_SUFFIX_LETTERS & set(suffix):
            raise InvalidComponent(
                f"suffix {suffix} contains O, I or Z, which CBP does not issue")
    return value


def is_valid(number):
    """Tell whether the value is a valid importer number."""
    try:
        validate(number)
    except ValueError:
        return False
    return True


def is_ssn_form(number):
    """Tell whether the value could be a Social Security number and must be masked.

    >>> is_ssn_form('123456789'), is_ssn_form('52-6401938M3')
    (True, False)
    """
    given = _as_given(number)
    value = compact(number)
    return bool(_SSN.match(given)) or (value.isdigit() and len(value) == 9)


def mask(number):
    """Return the value fit to print: SSN-form numbers keep only their last four digits."""
    if is_ssn_form(number):
        return "***-**-" + compact(number)[-4:]
    return _unwrapped(number)


def folder_name(number):
    """Return a file-system name for the importer; SSN-form numbers become SSN-XXXXX1234.

    >>> folder_name('123-45-6789'), folder_name('52-6401938M3')
    ('SSN-XXXXX6789', '52-6401938M3')
    """
    if is_ssn_form(number):
        return "SSN-XXXXX" + compact(number)[-4:]
    return re.sub(r"[^A-Za-z0-9\-]", "_", _unwrapped(number)) or "unknown-importer"


def format(number):
    """Return the printed form for the number's kind; SSNs are printed masked."""
    found = kind(number)
    value = compact(number)
    if found == "ssn":
        return mask(number)
    if found == "cbp_assigned":
        return f"{value[:6]}-{value[6:]}"
    if found == "ein":
        return f"{value[:2]}-{value[2:]}"
    return value
