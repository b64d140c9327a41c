"""Harmonized Tariff Schedule (HTS) number.

ACE reports print HTS numbers without dots: 8 digits for a Chapter 99 heading
(``99030125``) and 10 digits for a statistical reporting number in Chapters 1-97
(``3923900080``). Other sources print the same numbers dotted (``9903.01.25``,
``3923.90.00.80``). Chapter 99 numbers mark additional duties; their family (IEEPA,
Section 122, Section 301, Section 232) follows from the prefix, per the rule table.

>>> compact('9903.01.25')
'99030125'
>>> format('3923900080')
'3923.90.00.80'
>>> family('99030125')
'ieepa'
>>> family('9903.88.15')
'section_301'
>>> repair_lost_zero('710809750')
'0710809750'
"""

from workbench.identifiers.exceptions import InvalidFormat, InvalidLength


def compact(number):
    """Remove dots, spaces and a spreadsheet ="..." wrapper."""
    text = str(number).strip()
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    return "".join(text.split()).replace(".", "").strip("'\"")


def validate(number):
    """Return the compact HTS number of 8 or 10 digits, or raise a ValidationError."""
    value = compact(number)
    if not (value.isascii() and value.isdigit()):
        raise InvalidFormat("contains characters other than digits and dots")
    if len(value) not in (8, 10):
        raise InvalidLength(f"has {len(value)} digits, expected 8 or 10")
    return value


def is_valid(number):
    """Tell whether the value is an 8- or 10-digit HTS number."""
    try:
        validate(number)
    except ValueError:
        return False
    return True


def repair_lost_zero(number):
    """Pad a 9-digit number to 10 digits: Chapters 01-09 lose their leading zero in a spreadsheet.

    Return None when the value is not 9 digits. Only call this on a column known to hold HTS.
    """
    value = compact(number)
    if value.isascii() and value.isdigit() and len(value) == 9 and not value.startswith("99"):
        return value.zfill(10)
    return None


def is_chapter99(number):
    """Tell whether the number is a Chapter 99 (additional duty) number."""
    return compact(number).startswith("99")


def family(number):
    """Return the Chapter 99 family of the number, or None outside Chapter 99."""
    from workbench.rules import chapter99

    return chapter99.family(compact(number))


def format(number):
    """Return the dotted form: 9903.01.25 or 3923.90.00.80."""
    value = compact(number)
    if len(value) == 10:
        return f"{value[:4]}.{value[4:6]}.{value[6:8]}.{value[8:]}"
    return f"{value[:4]}.{value[4:6]}.{value[6:]}"
