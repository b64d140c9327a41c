"""Entry number: normalising, the check digit, the filer code and the lost-zero repair."""

import pytest

from workbench.identifiers import entry_number
from workbench.identifiers.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)


@pytest.mark.parametrize("first_ten, digit", [
    ("ZZZ0000002", "9"),   # the documented worked example
    ("ZZZ0000001", "1"),
    ("ZZZ0000003", "7"),
    ("ZZZ0000004", "5"),
    ("ABC1234567", "6"),
])
def test_check_digit_documented_fixtures(first_ten, digit):
    assert entry_number.calc_check_digit(first_ten) == digit


def test_check_digit_even_position_above_nine():
    # Position 2 is 7: doubled to 14, plus 1 is 15, keep 5. Sum 0+5+0+...+0 = 5, digit 5.
    assert entry_number.calc_check_digit("0700000000") == "5"


def test_check_digit_letters_map_by_row():
    # J-R repeat A-I (J=1) and S-Z start at 2 (S=2), so each pair gives one digit.
    assert entry_number.calc_check_digit("J000000000") == entry_number.calc_check_digit("A000000000")
    assert entry_number.calc_check_digit("S000000000") == entry_number.calc_check_digit("B000000000")


def test_compact_strips_wrapper_dashes_spaces_case():
    assert entry_number.compact(' ="h2k-4410021-8" ') == "H2K44100218"


def test_compact_removes_en_and_em_dashes():
    assert entry_number.compact("H2K\u20134410021\u20148") == "H2K44100218"


def test_validate_returns_compact_form():
    assert entry_number.validate("ZZZ-0000002-9") == "ZZZ00000029"


def test_validate_rejects_failing_check_digit():
    with pytest.raises(InvalidChecksum):
        entry_number.validate("ABC-1234567-8")


def test_is_valid_false_on_failing_check_digit():
    assert entry_number.is_valid("ABC-1234567-8") is False


def test_is_valid_true_on_dashed_lower_case():
    assert entry_number.is_valid("abc-1234567-6") is True


def test_format_prints_dashed_form():
    assert entry_number.format("abc12345676") == "ABC-1234567-6"


def test_filer_code_is_first_three_characters():
    assert entry_number.filer_code("8rt-0051207-3") == "8RT"


@pytest.mark.parametrize("filer", ["047", "K35", "KP3", "KPW", "K3W", "3K5", "35K", "3KP"])
def test_every_filer_code_pattern_accepted(filer):
    # NNN, ANN, AAN, AAA, ANA, NAN, NNA, NAA
    first_ten = f"{filer}7315208"
    number = first_ten + entry_number.calc_check_digit(first_ten)
    assert entry_number.validate(number) == number


def test_filer_code_000_rejected():
    first_ten = "0007315208"
    with pytest.raises(InvalidComponent):
        entry_number.validate(first_ten + entry_number.calc_check_digit(first_ten))


@pytest.mark.parametrize("value", ["H2K441002", "H2K4410021", "H2K441002187"])
def test_wrong_length_rejected(value):
    with pytest.raises(InvalidLength):
        entry_number.validate(value)


@pytest.mark.parametrize("value", ["H2K#4410021", "H2K/4410021", "H2K.4410021"])
def test_special_characters_rejected(value):
    with pytest.raises(InvalidFormat):
        entry_number.validate(value)


def test_letters_after_filer_code_rejected():
    with pytest.raises(InvalidFormat):
        entry_number.validate("H2KA4410021")


@pytest.mark.parametrize("value", ["4.71302E+10", "4.71302e+10", "47130212345E0"])
def test_scientific_notation_rejected(value):
    with pytest.raises(InvalidFormat):
        entry_number.validate(value)


def test_scientific_notation_detected():
    assert entry_number.is_scientific_notation("4.71302E+10") is True


def test_plain_number_not_scientific_notation():
    assert entry_number.is_scientific_notation("47130212345") is False


def test_errors_are_value_errors():
    assert issubclass(ValidationError, ValueError)


def _number(filer, transaction):
    first_ten = f"{filer}{transaction:07d}"
    return first_ten + entry_number.calc_check_digit(first_ten)


def test_repair_pads_nine_digits():
    original = _number("006", 5512034)
    assert entry_number.repair_lost_zeros(original.lstrip("0")) == original


def test_repair_pads_ten_digits():
    original = _number("047", 2210458)
    assert entry_number.repair_lost_zeros(original[1:]) == original


def test_repair_refuses_when_padded_fails():
    damaged = _number("006", 5512034).lstrip("0")
    wrong = damaged[:-1] + str((int(damaged[-1]) + 1) % 10)
    assert entry_number.repair_lost_zeros(wrong) is None


def test_repair_ignores_eleven_digits():
    assert entry_number.repair_lost_zeros(_number("106", 5512034)) is None


def test_repair_ignores_letters():
    assert entry_number.repair_lost_zeros("H2K441002") is None


def test_repair_ignores_eight_digits():
    assert entry_number.repair_lost_zeros("12345678") is None
