"""Importer-of-record number: EIN with suffix, SSN (always masked) and CBP-assigned forms."""

import pytest

from workbench.identifiers import importer_number
from workbench.identifiers.exceptions import InvalidComponent, ValidationError


def test_ein_with_suffix_validates():
    assert importer_number.validate("31-4728105B3") == "314728105B3"


def test_ein_suffix_00_validates():
    assert importer_number.validate("31-472810500") == "31472810500"


def test_ein_kind():
    assert importer_number.kind("31-4728105B3") == "ein"


@pytest.mark.parametrize("suffix", ["OO", "O1", "1O", "I2", "2I", "Z5", "5Z"])
def test_ein_suffix_with_o_i_z_rejected(suffix):
    with pytest.raises(InvalidComponent):
        importer_number.validate(f"31-4728105{suffix}")


def test_ein_suffix_rule_applies_without_dash():
    assert importer_number.is_valid("314728105OO") is False


@pytest.mark.parametrize("value", ["31-47281", "31-4728105B", "3147-28105B3X"])
def test_wrong_length_rejected(value):
    with pytest.raises(ValidationError):
        importer_number.validate(value)


def test_ssn_kind():
    assert importer_number.kind("987-65-4321") == "ssn"


def test_ssn_validates():
    assert importer_number.is_valid("987-65-4321") is True


def test_ssn_masked():
    assert importer_number.mask("987-65-4321") == "***-**-4321"


def test_bare_nine_digits_masked():
    assert importer_number.mask("987654321") == "***-**-4321"


def test_ssn_with_spaces_masked():
    assert importer_number.mask(" 987 65 4321 ") == "***-**-4321"


def test_ein_not_masked():
    assert importer_number.mask("31-4728105B3") == "31-4728105B3"


def test_ssn_format_is_masked():
    assert importer_number.format("987-65-4321") == "***-**-4321"


def test_ssn_form_detected_for_bare_digits():
    assert importer_number.is_ssn_form("987654321") is True


def test_cbp_assigned_validates():
    assert importer_number.validate("261807-40215") == "26180740215"


def test_cbp_assigned_kind():
    assert importer_number.kind("261807-40215") == "cbp_assigned"


def test_cbp_assigned_format():
    assert importer_number.format("261807-40215") == "261807-40215"


def test_cbp_assigned_not_masked():
    assert importer_number.mask("261807-40215") == "261807-40215"


def test_eleven_digits_kind_not_guessed():
    assert importer_number.kind("26180740215") == "ein_or_cbp_assigned"


def test_ein_format_adds_dash():
    assert importer_number.format("314728105b3") == "31-4728105B3"


def test_folder_name_of_ssn():
    assert importer_number.folder_name("987-65-4321") == "SSN-XXXXX4321"


def test_folder_name_of_bare_nine_digits():
    assert importer_number.folder_name("987654321") == "SSN-XXXXX4321"


def test_folder_name_of_ein():
    assert importer_number.folder_name("31-4728105B3") == "31-4728105B3"
