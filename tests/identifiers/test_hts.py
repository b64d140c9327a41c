"""HTS number: dotted and undotted forms, 8 and 10 digits, the lost-zero repair, Chapter 99 families."""

import pytest

from workbench.identifiers import hts
from workbench.identifiers.exceptions import InvalidFormat, InvalidLength


def test_dotted_chapter99_compacts():
    assert hts.validate("9903.01.25") == "99030125"


def test_undotted_chapter99_validates():
    assert hts.validate("99030125") == "99030125"


def test_dotted_ten_digits_compacts():
    assert hts.validate("8471.30.01.00") == "8471300100"


def test_undotted_ten_digits_validates():
    assert hts.validate("8471300100") == "8471300100"


def test_wrapper_and_spaces_removed():
    assert hts.compact(' ="8471 30 0100" ') == "8471300100"


def test_nine_digits_invalid():
    with pytest.raises(InvalidLength):
        hts.validate("901210000")


def test_letters_invalid():
    with pytest.raises(InvalidFormat):
        hts.validate("9903.0I.25")


def test_format_ten_digits():
    assert hts.format("0901210000") == "0901.21.00.00"


def test_format_eight_digits():
    assert hts.format("99038815") == "9903.88.15"


def test_nine_digits_repaired_to_chapter_09():
    assert hts.repair_lost_zero("901210000") == "0901210000"


def test_repair_skips_chapter99_prefix():
    assert hts.repair_lost_zero("990301250") is None


def test_repair_skips_ten_digits():
    assert hts.repair_lost_zero("0901210000") is None


@pytest.mark.parametrize("number, family", [
    ("99030124", "ieepa"),
    ("9903.01.10", "ieepa"),
    ("99030226", "ieepa"),
    ("9903.02.40", "ieepa"),
    ("99030301", "section_122"),
    ("9903.88.15", "section_301"),
    ("99038803", "section_301"),
    ("99038001", "section_232"),
    ("9903.81.91", "section_232"),
    ("99038501", "section_232"),
    ("99039000", "chapter99_other"),
    ("99020000", "chapter99_other"),
])
def test_chapter99_family(number, family):
    assert hts.family(number) == family


def test_family_none_outside_chapter99():
    assert hts.family("8471300100") is None


def test_is_chapter99_on_undotted():
    assert hts.is_chapter99("99030125") is True


def test_is_chapter99_false_for_commodity():
    assert hts.is_chapter99("0901210000") is False
