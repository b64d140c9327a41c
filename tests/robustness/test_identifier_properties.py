"""Property-based tests of the identifier validators on arbitrary and on valid text.

Any text a spreadsheet can hold may reach the validators, so on arbitrary input they either
return or raise ``ValidationError``, never another exception. Valid numbers survive a
round trip through ``format`` and ``compact``. The entry-number check digit catches every
substitution of one digit by another.
"""

import re
import string

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from workbench.identifiers import entry_number, hts, importer_number
from workbench.identifiers.exceptions import ValidationError

# Bounded so the whole file runs in a few seconds on two cores.
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as a damaged spreadsheet cell may hold it: any characters, and often near-identifiers.
any_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=string.ascii_letters + string.digits + " -.=\"'\t", max_size=16),
    st.text(alphabet="0123456789\u0660\u0661\u00b2\u2013\u2212Ee+.,", max_size=14),
)

ENTRY_ALPHABET = string.ascii_uppercase + string.digits


@st.composite
def valid_entry_numbers(draw):
    """Draw a valid 11-character entry number (any filer code but 000)."""
    filer = draw(st.text(alphabet=ENTRY_ALPHABET, min_size=3, max_size=3)
                 .filter(lambda code: code != "000"))
    transaction = draw(st.text(alphabet=string.digits, min_size=7, max_size=7))
    first_ten = filer + transaction
    return first_ten + entry_number.calc_check_digit(first_ten)


def _only_validation_errors(function, value):
    try:
        return function(value)
    except ValidationError:
        return None


# Entry numbers

@FAST
@given(any_text)
@example("12E45678901")
@example('="ZZZ-0000002-9"')
@example("\u0661" * 11)
def test_entry_number_functions_never_crash(value):
    entry_number.compact(value)
    entry_number.is_valid(value)
    entry_number.is_scientific_notation(value)
    entry_number.repair_lost_zeros(value)
    entry_number.filer_code(value)
    entry_number.format(value)
    _only_validation_errors(entry_number.validate, value)
    _only_validation_errors(entry_number.validate_shape, value)


@FAST
@given(any_text)
def test_entry_number_validate_returns_ascii_shape(value):
    result = _only_validation_errors(entry_number.validate, value)
    if result is not None:
        assert re.fullmatch(r"[A-Z0-9]{3}[0-9]{8}", result)
        assert entry_number.is_valid(value)


@FAST
@given(any_text)
def test_entry_number_repair_gives_valid_number(value):
    repaired = entry_number.repair_lost_zeros(value)
    if repaired is not None:
        assert entry_number.is_valid(repaired)
        assert repaired.endswith(entry_number.compact(value))


@FAST
@given(valid_entry_numbers())
def test_entry_number_round_trip(number):
    printed = entry_number.format(number)
    assert re.fullmatch(r"[A-Z0-9]{3}-[0-9]{7}-[0-9]", printed)
    assert entry_number.compact(printed) == number
    assert entry_number.validate(printed) == number
    assert entry_number.validate(printed.lower()) == number
    assert entry_number.validate(f' ="{printed}" ') == number


@FAST
@given(valid_entry_numbers(), st.data())
def test_check_digit_catches_digit_substitution(number, data):
    positions = [i for i, char in enumerate(number) if char.isdigit()]
    position = data.draw(st.sampled_from(positions))
    replacement = data.draw(st.sampled_from(string.digits).filter(lambda d: d != number[position]))
    damaged = number[:position] + replacement + number[position + 1:]
    if damaged[:3] == "000":
        return
    assert not entry_number.is_valid(damaged)


@pytest.mark.parametrize("position", range(11))
def test_check_digit_catches_every_digit_at_position(position):
    # Exhaustive at each position for one all-digit number, beside the random cases above.
    number = "3160012345" + entry_number.calc_check_digit("3160012345")
    for replacement in string.digits:
        if replacement == number[position]:
            continue
        damaged = number[:position] + replacement + number[position + 1:]
        assert not entry_number.is_valid(damaged), damaged


# HTS numbers

@FAST
@given(any_text)
@example("\u0661" * 8)
@example("\u00b2" * 9)
def test_hts_functions_never_crash(value):
    hts.compact(value)
    hts.is_valid(value)
    hts.repair_lost_zero(value)
    hts.is_chapter99(value)
    hts.family(value)
    hts.format(value)
    _only_validation_errors(hts.validate, value)


@FAST
@given(any_text)
@example("\u0661" * 8)
def test_hts_validate_returns_ascii_digits(value):
    result = _only_validation_errors(hts.validate, value)
    if result is not None:
        assert re.fullmatch(r"[0-9]{8}|[0-9]{10}", result)


@FAST
@given(any_text)
@example("\u00b2" * 9)
def test_hts_repair_gives_ten_ascii_digits(value):
    repaired = hts.repair_lost_zero(value)
    if repaired is not None:
        assert re.fullmatch(r"0[0-9]{9}", repaired)


@FAST
@given(st.text(alphabet=string.digits, min_size=8, max_size=8)
       | st.text(alphabet=string.digits, min_size=10, max_size=10))
def test_hts_round_trip(number):
    printed = hts.format(number)
    assert hts.compact(printed) == number
    assert hts.validate(printed) == number


# Importer numbers

@FAST
@given(any_text)
@example("\u0661" * 9)
@example("987-65-4321")
def test_importer_functions_never_crash(value):
    importer_number.compact(value)
    importer_number.is_valid(value)
    importer_number.is_ssn_form(value)
    importer_number.mask(value)
    importer_number.folder_name(value)
    _only_validation_errors(importer_number.kind, value)
    _only_validation_errors(importer_number.validate, value)
    _only_validation_errors(importer_number.format, value)


@FAST
@given(any_text)
@example("\u0661" * 9)
def test_importer_validate_returns_ascii(value):
    result = _only_validation_errors(importer_number.validate, value)
    if result is not None:
        assert re.fullmatch(r"[A-Z0-9]{9}|[A-Z0-9]{11}", result)


@FAST
@given(any_text)
@example("00000000\u0660")
def test_importer_folder_name_is_safe(value):
    # One path component inside the output folder: no separator, control character or dots.
    name = importer_number.folder_name(value)
    assert re.fullmatch(r"[^/\\\x00-\x1f.]+", name)


ssn_numbers = st.text(alphabet=string.digits, min_size=9, max_size=9)


@FAST
@given(ssn_numbers, st.sampled_from(["{a}-{b}-{c}", "{a}{b}{c}", "{a} {b} {c}", " {a}-{b}-{c} "]))
def test_ssn_never_printed_whole(digits, layout):
    value = layout.format(a=digits[:3], b=digits[3:5], c=digits[5:])
    for printed in (importer_number.mask(value), importer_number.format(value),
                    importer_number.folder_name(value)):
        assert digits not in re.sub(r"\D", "", printed)
        assert printed.endswith(digits[-4:])


@FAST
@given(st.text(alphabet=string.digits, min_size=9, max_size=9),
       st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXY0123456789", min_size=2, max_size=2))
def test_ein_round_trip(digits, suffix):
    number = f"{digits[:2]}-{digits[2:]}{suffix}"
    printed = importer_number.format(number)
    assert importer_number.compact(printed) == importer_number.compact(number)
    assert importer_number.validate(printed) == importer_number.compact(number)


@FAST
@given(st.text(alphabet=string.digits, min_size=11, max_size=11))
def test_cbp_assigned_round_trip(digits):
    number = f"{digits[:6]}-{digits[6:]}"
    printed = importer_number.format(number)
    assert printed == number
    assert importer_number.validate(printed) == digits


@FAST
@given(st.lists(st.text(alphabet=ENTRY_ALPHABET, min_size=11, max_size=11), max_size=30)
       | st.lists(valid_entry_numbers(), max_size=30))
def test_vectorised_check_digits_agree(numbers):
    expected = [entry_number.calc_check_digit(number[:10]) == number[10] for number in numbers]
    assert entry_number.check_digits_match(numbers).tolist() == expected
