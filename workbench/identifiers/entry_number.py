"""CBP entry number (entry summary number).

An entry number has 11 characters, printed ``XXX-NNNNNNN-C`` (CBP CATAIR Appendix E,
"Valid Entry Numbers"; CBP Form 7501 instructions, block 1). The first three are the filer
code, letters or digits but never ``000``. Then come a seven-digit transaction number chosen
by the filer and a check digit.

The check digit is a mod-10 sum over the first ten characters. Letters count as digits
(A-I = 1-9, J-R = 1-9, S-Z = 2-9); characters in odd positions add their value, characters in
even positions are doubled and reduced to one digit as in the Luhn scheme.

>>> validate('ZZZ-0000002-9')
'ZZZ00000029'
>>> format('abc12345676')
'ABC-1234567-6'
>>> calc_check_digit('ZZZ0000002')
'9'
>>> validate('ABC-1234567-8')
Traceback (most recent call last):
    ...
workbench.identifiers.exceptions.InvalidChecksum: check digit is 8, expected 6
>>> repair_lost_zeros('931045272')
'00931045272'

NOTE: the check-digit formula is documented in one public implementation that cites CATAIR
Appendix E and reproduces real entry numbers; the CATAIR formula text itself was not seen.
A number that fails the check is therefore kept out of declarations unless the analyst
confirms it in ACE.
"""

import re

from workbench.identifiers.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
)

_LETTER_VALUES = {
    **{letter: value for value, letter in enumerate("ABCDEFGHI", start=1)},
    **{letter: value for value, letter in enumerate("JKLMNOPQR", start=1)},
    **{letter: value for value, letter in enumerate("STUVWXYZ", start=2)},
}

# Spreadsheets wrap text that looks numeric as ="..." to keep it as text.
_FORMULA_WRAPPER = re.compile(r'^=\s*"(.*)"$')
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014\u2212]")
_SHAPE = re.compile(r"^[A-Z0-9]{3}[0-9]{8}$")
_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?E[+-]?\d+$", re.IGNORECASE)


def compact(number):
    """Remove a spreadsheet ="..." wrapper, quotes, dashes and spaces; uppercase the rest.

    >>> compact(' ="qxz-2604118-4" ')
    'QXZ26041184'
    """
    text = str(number).strip()
    wrapped = _FORMULA_WRAPPER.match(text)
    if wrapped:
        text = wrapped.group(1)
    text = text.strip().strip("'\"")
    return _SEPARATORS.sub("", text).upper()


def calc_check_digit(first_ten):
    """Return the check digit for the first ten characters of an entry number."""
    total = 0
    for position, char in enumerate(first_ten, start=1):
        value = int(char) if char.isdigit() else _LETTER_VALUES[char]
        if position % 2 == 0:
            value *= 2
            if value > 9:
                value = (value + 1) % 10
        total += value
    return str((10 - total % 10) % 10)


def check_digits_match(numbers):
    """Check many compact entry numbers at once; return a NumPy array of booleans.

    The vectorised form of comparing ``calc_check_digit(n[:10])`` with ``n[10]``, for loading
    large exports. Every number must already be 11 ASCII letters or digits.

    >>> check_digits_match(['ZZZ00000029', 'ZZZ00000028']).tolist()
    [True, False]
    """
    import numpy as np

    if len(numbers) == 0:
        return np.zeros(0, dtype=bool)
    table = np.zeros(128, dtype=np.int64)
    for char in "0123456789":
        table[ord(char)] = int(char)
    for char, value in _LETTER_VALUES.items():
        table[ord(char)] = value
    codes = np.frombuffer("".join(numbers).encode("ascii"), dtype=np.uint8).reshape(-1, 11)
    values = table[codes[:, :10]]
    doubled = values[:, 1::2] * 2
    values[:, 1::2] = np.where(doubled > 9, (doubled + 1) % 10, doubled)
    expected = (10 - values.sum(axis=1) % 10) % 10
    return expected == codes[:, 10].astype(np.int64) - ord("0")


def is_scientific_notation(number):
    """Tell whether a spreadsheet wrote the value in scientific notation (digits lost).

    >>> is_scientific_notation('8.53216E+10')
    True
    """
    return bool(_SCIENTIFIC.match(str(number).strip()))


def validate_shape(number):
    """Check everything but the check digit and return the compact form."""
    if is_scientific_notation(number):
        raise InvalidFormat("written in scientific notation, so digits are lost")
    value = compact(number)
    if not value.isalnum() or not value.isascii():
        raise InvalidFormat("contains characters other than letters and digits")
    if len(value) != 11:
        raise InvalidLength(f"has {len(value)} characters, expected 11")
    if not _SHAPE.match(value):
        raise InvalidFormat("characters 4 to 11 must be digits")
    if value[:3] == "000":
        raise InvalidComponent("filer code 000 is not allowed")
    return value


def validate(number):
    """Return the compact entry number, or raise a ValidationError naming the defect."""
    value = validate_shape(number)
    expected = calc_check_digit(value[:10])
    if value[10] != expected:
        raise InvalidChecksum(f"check digit is {value[10]}, expected {expected}")
    return value


def is_valid(number):
    """Tell whether the value is a valid entry number, check digit included."""
    try:
        validate(number)
    except ValueError:
        return False
    return True


def repair_lost_zeros(number):
    """Pad an all-digit value of 9 or 10 digits back to 11 when the result is valid.

    A spreadsheet that reads ``00931045272`` as a number keeps ``931045272``. Padding is only
    safe when the padded number passes the check digit; otherwise None is returned.

    >>> repair_lost_zeros('930988158') is None
    True
    """
    value = compact(number)
    if not value.isdigit() or len(value) not in (9, 10):
        return None
    padded = value.zfill(11)
    return padded if is_valid(padded) else None


def filer_code(number):
    """Return the filer code: the first three characters of the compact number."""
    return compact(number)[:3]


def format(number):
    """Return the entry number as printed on CBP Form 7501: XXX-NNNNNNN-C."""
    value = compact(number)
    return f"{value[:3]}-{value[3:10]}-{value[10:]}"
