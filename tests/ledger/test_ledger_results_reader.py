"""Reading CBP result files: kind by header, header variants, wrappers, refusals by name."""

import datetime as dt

import openpyxl
import pytest

from tests.ledger.conftest import entry, write
from workbench.errors import InputError
from workbench.sources import cbp_results
from workbench.sources.cbp_results import read_results

E1, E2 = entry(4100001), entry(4100002)


def test_claim_details_detected(tmp_path):
    path = write(tmp_path / "claims.csv",
                 f"ENTRY_NUMBER,CLAIM_NUMBER,STATUS,ERROR_DESCRIPTION\n"
                 f"{E1},C1,Accepted,\n{E2},C1,Rejected,ENTRY ON DRAWBACK\n")
    result = read_results(path)
    assert result.kind == "claim_details"
    assert result.frame["entry_number"].tolist() == [E1, E2]
    assert result.frame["error_description"].tolist() == ["", "ENTRY ON DRAWBACK"]
    assert len(result.sha256) == 64


@pytest.mark.parametrize("header", [
    "Entry Number,Claim Number,Status,Error Description",
    "entry_no,claim #,claim status,error message",
    "ENTRY SUMMARY NUMBER,CLAIM_NO.,STATUS,ERRORS",
    '="ENTRY_NUMBER",="CLAIM_NUMBER",="STATUS",="ERROR_DESCRIPTION"',
])
def test_claim_details_header_variants(tmp_path, header):
    path = write(tmp_path / "claims.csv", f"{header}\n{E1},C1,Accepted,\n")
    result = read_results(path)
    assert result.kind == "claim_details"
    assert result.frame["claim_number"].tolist() == ["C1"]


def test_spreadsheet_wrappers_removed(tmp_path):
    path = write(tmp_path / "claims.csv",
                 f'ENTRY_NUMBER,CLAIM_NUMBER,STATUS,ERROR_DESCRIPTION\r\n'
                 f'="{E1}",="000123",Accepted,\r\n')
    frame = read_results(path).frame
    assert frame["entry_number"].tolist() == [E1]
    assert frame["claim_number"].tolist() == ["000123"]


def test_dashed_entry_numbers_compacted(tmp_path):
    dashed = f"{E1[:3]}-{E1[3:10]}-{E1[10]}"
    path = write(tmp_path / "claims.csv",
                 f"ENTRY_NUMBER,CLAIM_NUMBER,STATUS\n{dashed},C1,Accepted\n")
    assert read_results(path).frame["entry_number"].tolist() == [E1]


def test_lost_leading_zeros_repaired(tmp_path):
    number = None
    for serial in range(1, 500):
        candidate = entry(serial, filer="009")
        if cbp_results.entry_number.repair_lost_zeros(candidate.lstrip("0")) == candidate:
            number = candidate
            break
    path = write(tmp_path / "claims.csv",
                 f"ENTRY_NUMBER,CLAIM_NUMBER,STATUS\n{number.lstrip('0')},C1,Accepted\n")
    assert read_results(path).frame["entry_number"].tolist() == [number]


def test_es022_amounts_in_cents(tmp_path):
    path = write(tmp_path / "es022.csv",
                 "Entry Summary Number,Refund Number,Liquidation Date,Principal Amount,"
                 "Interest Amount\n"
                 f'{E1},R1,06/18/2026,"$1,500.00",$21.37\n{E2},,,,\n')
    result = read_results(path)
    assert result.kind == "es022"
    assert result.frame["principal"].tolist()[0] == 150000
    assert result.frame["interest"].tolist()[0] == 2137
    assert result.frame["principal"].isna().tolist() == [False, True]
    assert result.frame["liquidation_date"].tolist() == [dt.date(2026, 6, 18), None]


def test_rev603_detected(tmp_path):
    path = write(tmp_path / "rev603.csv",
                 "Refund Number,Entry No.,IOR Number,Secondary Status,Status Date,Refund Amt\n"
                 f"R1,{E1},12-345678900,Funds Diverted,2026-06-22,(300.00)\n")
    result = read_results(path)
    assert result.kind == "rev603"
    assert result.frame["refund_amount"].tolist() == [-30000]
    assert result.frame["status_date"].tolist() == [dt.date(2026, 6, 22)]


def test_xlsx_claim_details(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ENTRY_NUMBER", "CLAIM_NUMBER", "STATUS", "ERROR_DESCRIPTION"])
    sheet.append([E1, "C1", "Rejected", "INVALID HTS"])
    book.save(tmp_path / "claims.xlsx")
    result = read_results(tmp_path / "claims.xlsx")
    assert result.kind == "claim_details"
    assert result.frame["error_description"].tolist() == ["INVALID HTS"]


def test_unknown_column_named(tmp_path):
    path = write(tmp_path / "claims.csv",
                 f"ENTRY_NUMBER,CLAIM_NUMBER,STATUS,Broker Memo\n{E1},C1,Accepted,hello\n")
    with pytest.raises(InputError, match="unknown column.*'Broker Memo'"):
        read_results(path)


def test_column_of_other_layout_named(tmp_path):
    path = write(tmp_path / "claims.csv",
                 f"ENTRY_NUMBER,CLAIM_NUMBER,STATUS,Principal Amount\n{E1},C1,Accepted,1.00\n")
    with pytest.raises(InputError, match="'Principal Amount'"):
        read_results(path)


def test_empty_trailing_column_ignored(tmp_path):
    path = write(tmp_path / "claims.csv",
                 f"ENTRY_NUMBER,CLAIM_NUMBER,STATUS,\n{E1},C1,Accepted,\n")
    assert read_results(path).kind == "claim_details"


def test_no_layout_lists_requirements(tmp_path):
    path = write(tmp_path / "other.csv", f"Entry Number,Status\n{E1},Accepted\n")
    with pytest.raises(InputError) as error:
        read_results(path)
    assert "CAPE Claim Details: entry_number, claim_number, status" in str(error.value)
    assert "ES-022" in str(error.value)


def test_two_columns_same_meaning(tmp_path):
    path = write(tmp_path / "claims.csv",
                 f"ENTRY_NUMBER,CLAIM_NUMBER,STATUS,Error,Error Message\n{E1},C1,Accepted,,\n")
    with pytest.raises(InputError, match="two columns mean error_description"):
        read_results(path)


def test_invalid_entry_number_names_row(tmp_path):
    path = write(tmp_path / "claims.csv",
                 f"ENTRY_NUMBER,CLAIM_NUMBER,STATUS\n{E1},C1,Accepted\n8.53216E+10,C1,Failed\n")
    with pytest.raises(InputError, match=r"row 3 '8.53216E\+10'"):
        read_results(path)


def test_bad_money_names_row_and_column(tmp_path):
    path = write(tmp_path / "es022.csv",
                 f"Entry Number,Principal Amount,Interest Amount\n{E1},12.345,1.00\n")
    with pytest.raises(InputError, match="row 2, column principal.*more than 2 decimals"):
        read_results(path)


def test_bad_date_names_row(tmp_path):
    path = write(tmp_path / "rev603.csv",
                 f"Entry Number,Secondary Status,Refund Amount,Status Date\n"
                 f"{E1},Treasury Issued,1.00,45818\n")
    with pytest.raises(InputError, match="row 2, column status_date"):
        read_results(path)


def test_ragged_row_rejected(tmp_path):
    path = write(tmp_path / "claims.csv",
                 f"ENTRY_NUMBER,CLAIM_NUMBER,STATUS\n{E1},C1,Accepted\n{E2},C1\n")
    with pytest.raises(InputError, match="row"):
        read_results(path)


def test_failing_check_digit_kept_with_warning(tmp_path):
    damaged = E1[:10] + str((int(E1[10]) + 1) % 10)
    path = write(tmp_path / "claims.csv",
                 f"ENTRY_NUMBER,CLAIM_NUMBER,STATUS\n{damaged},C1,Accepted\n")
    result = read_results(path)
    assert result.frame["entry_number"].tolist() == [damaged]
    assert "check digit" in result.warnings[0]


@pytest.mark.parametrize("text, cents", [
    ("$1,234.56", 123456), ("-5", -500), ("(0.10)", -10), ('="7.5"', 750), (" ", None)])
def test_cents_from_text(text, cents):
    assert cbp_results.cents_from_text(text) == cents


@pytest.mark.parametrize("text", ["1.2.3", "abc", "1.234", "NaN"])
def test_cents_from_text_rejects(text):
    with pytest.raises(ValueError):
        cbp_results.cents_from_text(text)
