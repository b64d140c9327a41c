"""Reading the triage folder and the analyst's payments and offsets files."""

import datetime as dt
from decimal import Decimal

import pytest

from money_fixtures import ACME, SMALL_RUN, entry, make_triage_folder
from workbench.errors import InputError
from workbench.money.importers import AmbiguousImporter, columns_by_importer, match_importer
from workbench.money.offsets import NOT_GIVEN, apply_offsets, read_offsets
from workbench.money.payments import read_payments
from workbench.money.triage_folder import read_triage_folder


def test_reads_fixture_folder(triage_dir):
    folder = read_triage_folder(triage_dir)
    assert folder.as_of == dt.date(2026, 12, 4)
    assert len(folder.entries) == len(SMALL_RUN)
    first = folder.entries[0]
    assert (first.entry_number, first.ieepa_duty, first.warehouse) == (
        "AAA00000011", Decimal("3000.00"), False)
    assert folder.route_totals["cape"] == Decimal("17300.00")


def test_invalid_route_keeps_bad_dates_as_none(triage_dir):
    invalid = [e for e in read_triage_folder(triage_dir).entries if e.route == "invalid"][0]
    assert invalid.entry_date is None


def replace_in(path, old, new):
    path.write_text(path.read_text().replace(old, new, 1))


@pytest.mark.parametrize("name, old, new, message", [
    ("entries.csv", "2025-07-15", "07/15/2025", "entries.csv: row 2, column 'entry_date'"),
    ("entries.csv", ",false,cape,", ",no,cape,", "row 2, column 'warehouse'"),
    ("entries.csv", ",unliquidated,", ",pending,", "column 'liquidation_category'"),
    ("entries.csv", ",cape,3000.00", ",cape,3000.001", "column 'ieepa_duty'"),
    ("entries.csv", ",cape,3000.00", ",nowhere,3000.00", "column 'route'"),
    ("ieepa_lines.csv", "2000.00,true", "2000.00,false", "ieepa_lines.csv: row 2, column 'counted'"),
    ("ieepa_lines.csv", "AAA00000011", "ZZZ00000011", "is not in entries.csv"),
    ("summary.json", '"as_of": "2026-12-04"', '"as_of": "soon"', "key 'as_of'"),
    ("entries.csv", "importer_key", "importer", "column 'importer_key' missing"),
])
def test_bad_triage_values_rejected(triage_dir, name, old, new, message):
    replace_in(triage_dir / name, old, new)
    with pytest.raises(InputError, match=message):
        read_triage_folder(triage_dir)


def test_entries_and_triage_must_agree(tmp_path):
    folder = make_triage_folder(tmp_path / "t")
    lines = (folder / "triage.csv").read_text().splitlines()
    (folder / "triage.csv").write_text("\n".join([lines[0]] + lines[2:] + [lines[1]]) + "\n")
    with pytest.raises(InputError, match="same order"):
        read_triage_folder(folder)


def test_route_total_mismatch_rejected(tmp_path, capsys):
    from workbench.cli import main
    folder = make_triage_folder(tmp_path / "t", route_totals={
        "protest": {"entries": 1, "ieepa_duty": "401.00"}})
    assert main(["estimate", str(folder), "--out", str(tmp_path / "out")]) == 2
    assert "route 'protest'" in capsys.readouterr().err


def test_entry_without_lines_is_zero_principal(tmp_path):
    items = [entry("AAA00000094", ACME, "no_refund", "unliquidated", "2025-08-11", [])]
    folder = read_triage_folder(make_triage_folder(tmp_path / "t", items))
    assert folder.entries[0].ieepa_duty == Decimal("0.00")


def test_payments_file(tmp_path):
    path = tmp_path / "payments.csv"
    path.write_text("entry_number,payment_date,note\nAAA00000011,2025-08-21,x\nQQQ00000011,2025-08-21,\n")
    payments, warnings = read_payments(path, {"AAA00000011"})
    assert payments == {"AAA00000011": dt.date(2025, 8, 21)}
    assert "QQQ00000011" in warnings[0]


@pytest.mark.parametrize("text, message", [
    ("entry_number,payment_date\nAAA00000011,21.08.2025\n", "row 2, column 'payment_date'"),
    ("entry_number,payment_date\nAAA00000011,2025-08-21\nAAA00000011,2025-08-22\n", "two dates"),
    ("entry_number,paid_on\nAAA00000011,2025-08-21\n", "column 'payment_date' missing"),
])
def test_payments_errors(tmp_path, text, message):
    path = tmp_path / "payments.csv"
    path.write_text(text)
    with pytest.raises(InputError, match=message):
        read_payments(path, {"AAA00000011"})


def test_offsets_summed_per_importer(tmp_path):
    path = tmp_path / "debts.csv"
    path.write_text("Importer Number,Amount Owed\n52-6401938M3,10.00\n526401938M3,5.50\n"
                    "123-45-6789,1.00\n00-0000000AA,9.99\n")
    debts, warnings = read_offsets(path, {"52-6401938M3", "***-**-6789"})
    assert debts == {"52-6401938M3": Decimal("15.50"), "***-**-6789": Decimal("1.00")}
    assert "rows 5" in warnings[0]


def test_offsets_not_given_keeps_gross():
    from workbench.money.offsets import _Group
    groups, summary = apply_offsets([_Group("A", Decimal("10.00"))], {}, offsets_given=False)
    assert (groups[0].offset, groups[0].net, groups[0].offset_status) == (None, Decimal("10.00"), NOT_GIVEN)
    assert summary == {}


def test_offset_larger_than_refunds_leaves_debt():
    from workbench.money.offsets import _Group
    groups, summary = apply_offsets([_Group("A", Decimal("10.00"))], {"A": Decimal("25.00")}, True)
    assert groups[0].net == Decimal("0.00")
    assert summary["A"]["debt_left_after_refunds"] == Decimal("15.00")


def test_importer_matching_forms():
    keys = ["52-6401938M3", "***-**-6789", "SSN-XXXXX1111"]
    assert match_importer(" 52-6401938m3 ", keys) == "52-6401938M3"
    assert match_importer("123456789", keys) == "***-**-6789"
    assert match_importer("999-88-1111", keys) == "SSN-XXXXX1111"
    assert match_importer("***-**-6789", keys) == "***-**-6789"
    assert match_importer("123-45-0000", keys) is None


def test_importer_masked_collision_is_ambiguous():
    with pytest.raises(AmbiguousImporter, match="write the importer key"):
        match_importer("123-45-6789", ["***-**-6789", "***-**-6789-2"])


def test_rate_columns_for_unknown_importer_warn():
    columns, warnings = columns_by_importer(
        {"123-45-6789": "non-corporate", "11-1111111AA": "corporate"}, ["***-**-6789"])
    assert columns == {"***-**-6789": "non_corporate"}
    assert "11-1111111AA" in warnings[0]
