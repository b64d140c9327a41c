"""The sample data in data_samples/ is what make_samples.py writes, and has the shape it claims.

These checks need only the generator and the identifier module, not a triage run.
"""

import collections
import csv
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.identifiers import entry_number
from workbench.identifiers.exceptions import InvalidChecksum
from workbench.rules.settings import load_settings

SAMPLES = Path(__file__).resolve().parents[1] / "data_samples"
GENERATOR = SAMPLES / "make_samples.py"

ES003_FILES = ["es003_importer1.csv", "es003_importer2.csv", "es003_importer3.csv"]
EXCEL_RESAVED_FILE = "es003_importer2.csv"
SIDE_FILES = ["protests.csv", "drawback_designations.csv", "analyst_rules.yaml",
              "expected_routes.csv"]
GENERATED_FILES = ES003_FILES + SIDE_FILES

ES003_COLUMNS = [
    "Entry Summary Number", "Entry Summary Line Number", "Entry Type Code", "Importer Number",
    "Importer Name", "Port of Entry Code", "Entry Date", "Entry Summary Date",
    "Country of Origin Code", "Tariff Ordinal Number", "HTS Number - Full",
    "Line Tariff Goods Value Amount", "Line Tariff Duty Amount", "Liquidation Status",
    "Liquidation Date", "Reconciliation Indicator",
]

# `declared` needs a ledger of earlier declarations, which the sample data does not include.
ROUTES_IN_ONE_RUN = ["cape", "fix_then_cape", "protest", "later_phase", "other_filer",
                     "no_refund", "invalid"]
CONTRACT_ROUTES = ROUTES_IN_ONE_RUN + ["declared"]

BOM = b"\xef\xbb\xbf"


def generate(out_dir):
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(out_dir)],
                   check=True, capture_output=True)
    return out_dir


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("samples"))


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("samples_again"))


def read_csv(name):
    with open(SAMPLES / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def expected_routes():
    return read_csv("expected_routes.csv")


def raw_entry_numbers(name):
    return {row["Entry Summary Number"] for row in read_csv(name)}


def triage_form(raw):
    """Return the entry number as triage.csv should show it (see the sample README)."""
    if entry_number.is_scientific_notation(raw):
        return raw
    number = entry_number.compact(raw)
    if number.isdigit() and len(number) in (9, 10):
        return number.zfill(11)
    return number


# --- Generator ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", GENERATED_FILES)
def test_generator_output_is_byte_identical(generated, regenerated, name):
    assert (regenerated / name).read_bytes() == (generated / name).read_bytes()


@pytest.mark.parametrize("name", GENERATED_FILES)
def test_checked_in_file_matches_generator(generated, name):
    # A failure means the file was edited by hand or the generator changed without a rerun:
    # run `python data_samples/make_samples.py`.
    assert (SAMPLES / name).read_bytes() == (generated / name).read_bytes()


# --- File format -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ES003_FILES)
def test_es003_header_has_ace_column_names(name):
    with open(SAMPLES / name, encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == ES003_COLUMNS


def test_excel_resaved_file_has_bom():
    assert (SAMPLES / EXCEL_RESAVED_FILE).read_bytes().startswith(BOM)


def test_excel_resaved_file_has_crlf_line_endings():
    data = (SAMPLES / EXCEL_RESAVED_FILE).read_bytes()
    assert data.count(b"\n") > 1
    assert data.count(b"\r\n") == data.count(b"\n")


@pytest.mark.parametrize("name", [n for n in GENERATED_FILES if n != EXCEL_RESAVED_FILE])
def test_clean_file_has_no_bom(name):
    assert not (SAMPLES / name).read_bytes().startswith(BOM)


@pytest.mark.parametrize("name", [n for n in GENERATED_FILES if n != EXCEL_RESAVED_FILE])
def test_clean_file_has_lf_line_endings(name):
    assert b"\r" not in (SAMPLES / name).read_bytes()


@pytest.mark.parametrize("name", [n for n in ES003_FILES if n != EXCEL_RESAVED_FILE])
def test_clean_file_keeps_two_digit_entry_types(name):
    types = {row["Entry Type Code"] for row in read_csv(name)}
    assert all(len(code) == 2 for code in types), types


@pytest.mark.parametrize("name", [n for n in ES003_FILES if n != EXCEL_RESAVED_FILE])
def test_clean_file_dates_are_mm_dd_yyyy(name):
    for row in read_csv(name):
        for column in ("Entry Date", "Entry Summary Date", "Liquidation Date"):
            if row[column]:
                assert dt.datetime.strptime(row[column], "%m/%d/%Y")
                assert len(row[column]) == 10, (column, row[column])


@pytest.mark.parametrize("name", [n for n in ES003_FILES if n != EXCEL_RESAVED_FILE])
def test_clean_file_hts_has_8_or_10_digits(name):
    for row in read_csv(name):
        hts = row["HTS Number - Full"]
        expected_length = 8 if hts.startswith("99") else 10
        assert hts.isdigit(), hts
        assert len(hts) == expected_length, hts


# --- Entry numbers -----------------------------------------------------------------------------

def test_undamaged_entry_numbers_pass_check_digit():
    damaged = {row["entry_number"] for row in expected_routes()
               if row["damage"] in ("scientific_notation", "check_digit_mismatch")}
    for name in ES003_FILES:
        for raw in raw_entry_numbers(name) - damaged:
            assert entry_number.is_valid(triage_form(raw)), (name, raw)


def test_check_digit_mismatch_entry_fails_check():
    rows = [r for r in expected_routes() if r["damage"] == "check_digit_mismatch"]
    assert len(rows) == 1
    with pytest.raises(InvalidChecksum):
        entry_number.validate(rows[0]["entry_number"])


def test_scientific_notation_entry_is_detected():
    rows = [r for r in expected_routes() if r["damage"] == "scientific_notation"]
    assert len(rows) == 1
    assert entry_number.is_scientific_notation(rows[0]["entry_number"])


def test_lost_leading_zeros_only_in_excel_file():
    for name in ES003_FILES:
        short = {raw for raw in raw_entry_numbers(name) if raw.isdigit() and len(raw) < 11}
        if name == EXCEL_RESAVED_FILE:
            assert short
            assert all(entry_number.repair_lost_zeros(raw) for raw in short)
        else:
            assert short == set()


def test_formula_wrapper_only_in_excel_file():
    for name in ES003_FILES:
        wrapped = {raw for raw in raw_entry_numbers(name) if raw.startswith('="')}
        assert len(wrapped) == (1 if name == EXCEL_RESAVED_FILE else 0), (name, wrapped)


def test_expected_routes_cover_every_entry():
    in_files = set()
    for name in ES003_FILES:
        in_files |= {triage_form(raw) for raw in raw_entry_numbers(name)}
    listed = [row["entry_number"] for row in expected_routes()]
    assert len(listed) == len(set(listed))
    assert set(listed) == in_files


# --- Routes ------------------------------------------------------------------------------------

def test_expected_routes_use_contract_routes():
    assert {row["route"] for row in expected_routes()} <= set(CONTRACT_ROUTES)


@pytest.mark.parametrize("route", ROUTES_IN_ONE_RUN)
def test_route_appears_at_least_twice(route):
    counts = collections.Counter(row["route"] for row in expected_routes())
    assert counts[route] >= 2


def test_protest_deadlines_fall_on_weekdays():
    for row in expected_routes():
        if row["route"] == "protest":
            assert dt.date.fromisoformat(row["deadline"]).weekday() < 5, row


# --- Side inputs -------------------------------------------------------------------------------

def test_protests_list_open_protest_entries():
    listed = {row["Entry Number"] for row in read_csv("protests.csv")}
    open_protest = {row["entry_number"] for row in expected_routes()
                    if row["reason_code"] == "OPEN_PROTEST"}
    assert listed == open_protest


def test_protests_are_open_or_suspended():
    # --protests takes every listed entry as an open protest, whatever the status column contains.
    assert {row["Protest Status"] for row in read_csv("protests.csv")} <= {"Open", "Suspended"}


def test_drawback_designations_list_drawback_entries():
    listed = {row["Entry Number"] for row in read_csv("drawback_designations.csv")}
    designated = {row["entry_number"] for row in expected_routes()
                  if row["reason_code"] == "DRAWBACK_DESIGNATED"}
    assert listed == designated


def test_rules_file_loads():
    settings = load_settings(SAMPLES / "analyst_rules.yaml")
    assert settings.liquidation_category("PENDING REVIEW") == "under_review"
    assert settings.near_limit_band_days == 5


def test_rules_file_lists_reconciliation_09_entries():
    settings = load_settings(SAMPLES / "analyst_rules.yaml")
    recon_filed = {row["entry_number"] for row in expected_routes()
                   if row["reason_code"] == "RECON_FILED"}
    assert settings.reconciliation_09_filed == recon_filed


def test_pending_review_status_on_one_entry():
    entries = set()
    for name in ES003_FILES:
        entries |= {row["Entry Summary Number"] for row in read_csv(name)
                    if row["Liquidation Status"] == "PENDING REVIEW"}
    assert len(entries) == 1
