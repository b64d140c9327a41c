"""Side lists of entry numbers (--protests, --drawback): any entry-number header, normalised numbers."""

import pytest

from workbench.errors import InputError
from workbench.findings import Findings
from workbench.sources.entry_lists import read_entry_list


def _dashed(number):
    return f"{number[:3]}-{number[3:10]}-{number[10]}"


@pytest.mark.parametrize("header", ["Entry Number", "Entry Summary Number", "entry no"])
def test_header_variants_accepted(es003, header):
    number = es003.number("H2K", 6620415)
    path = es003.entry_list("protests.csv", [number], header=header)
    listed = read_entry_list(path, "protests", Findings())
    assert listed.numbers == frozenset({number})


def test_dashed_lower_case_numbers_normalised(es003):
    number = es003.number("H2K", 6620423)
    path = es003.entry_list("drawback.csv", [_dashed(number).lower()])
    listed = read_entry_list(path, "drawback", Findings())
    assert listed.numbers == frozenset({number})


def test_other_columns_ignored(es003):
    number = es003.number("H2K", 6620431)
    path = es003.write_text("protests.csv", "Protest Number,Entry Number,Protest Status\n"
                                            f"270126100045,{number},Open\n")
    listed = read_entry_list(path, "protests", Findings())
    assert listed.numbers == frozenset({number})


def test_missing_entry_column_is_input_error(es003):
    path = es003.write_text("protests.csv", "Protest Number,Status\n270126100045,Open\n")
    with pytest.raises(InputError, match="protests.csv"):
        read_entry_list(path, "protests", Findings())


def test_unusable_number_reported(es003):
    path = es003.entry_list("drawback.csv", ["H2K-66204"])
    findings = Findings()
    read_entry_list(path, "drawback", findings)
    rules = [f.rule for f in findings]
    assert rules == ["SIDE_FILE_INVALID_ENTRY"]


def test_protests_file_missing_column_exits_2(es003, run_cli, tmp_path):
    number = es003.number("H2K", 6620449)
    es003_path = es003.write("es003.csv", [es003.entry(number)])
    protests = es003.write_text("protests.csv", "Protest Number\n270126100045\n")
    result = run_cli("triage", es003_path, "--as-of", "2026-11-16", "--out", tmp_path / "out",
                     "--protests", protests)
    assert result.returncode == 2
    assert "protests.csv" in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []


def test_listed_entry_not_in_es003_warned(es003, triage):
    number, absent = es003.number("H2K", 6620456), es003.number("H2K", 6620464)
    path = es003.write("es003.csv", [es003.entry(number)])
    protests = es003.entry_list("protests.csv", [absent])
    run = triage(path, protests=str(protests))
    warned = run.exceptions_for("SIDE_FILE_ENTRY_NOT_IN_ES003")
    assert [w["value"] for w in warned] == [absent]
    assert warned[0]["severity"] == "warning"


def test_side_inputs_recorded(es003, triage):
    number = es003.number("H2K", 6620472)
    path = es003.write("es003.csv", [es003.entry(number)])
    drawback = es003.entry_list("designations.csv", [number])
    run = triage(path, drawback=str(drawback))
    assert [s["file"] for s in run.summary["side_inputs"]] == ["designations.csv"]
