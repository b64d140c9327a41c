"""ES-003 cells damaged on the way: repaired only when certain, reported in exceptions.csv otherwise."""

import pytest


def _one(es003, triage, name, entries, **options):
    return triage(es003.write(name, entries), **options)


# Entry numbers


def test_formula_wrapper_stripped(es003, triage):
    number = es003.number("8RT", 3105527)
    run = _one(es003, triage, "wrapped.csv", [es003.entry(f'="{number}"', duty=640)])
    assert run.route(number) == "cape"
    assert run.declared() == [number]


def test_wrapped_and_plain_rows_are_one_entry(es003, triage):
    number = es003.number("8RT", 3105527)
    rows = es003.entry(number, duty=640)
    rows[0]["Entry Summary Number"] = f'="{number}"'
    run = _one(es003, triage, "mixed.csv", [rows])
    assert list(run.rows) == [number]
    assert run.rows[number]["ieepa_duty"] == "640.00"


def test_dashes_and_lower_case_repaired(es003, triage):
    number = es003.number("8RT", 3105535)
    dashed = f"{number[:3]}-{number[3:10]}-{number[10]}".lower()
    run = _one(es003, triage, "dashed.csv", [es003.entry(f" {dashed} ", duty=310)])
    assert run.rows[number]["route"] == "cape"
    assert run.declared() == [number]


def test_scientific_notation_never_repaired(es003, triage):
    good = es003.number("8RT", 3105543)
    run = _one(es003, triage, "sci.csv", [es003.entry("4.71302E+10", duty=980),
                                          es003.entry(good, duty=120)])
    row = run.rows["4.71302E+10"]
    assert row["route"] == "invalid"
    assert "INVALID_ENTRY_NUMBER" in row["reason_codes"].split(";")
    assert run.declared() == [good]
    assert "47130200000" not in run.rows


def test_scientific_notation_error_row(es003, triage):
    run = _one(es003, triage, "sci.csv", [es003.entry("4.71302E+10", duty=980)])
    errors = [e for e in run.exceptions_for("INVALID_ENTRY_NUMBER") if e["severity"] == "error"]
    assert [e["value"] for e in errors] == ["4.71302E+10"]
    assert "export" in errors[0]["message"].lower()
    assert "Text" in errors[0]["message"]
    assert errors[0]["file"] == "sci.csv"
    assert errors[0]["row"] == "2"
    assert errors[0]["column"] == "Entry Summary Number"


def test_scientific_notation_value_that_passes_check(es003, triage):
    # 4.71302E+10 read as a float is 47130200000; if that happened to pass the check digit it
    # must still never be declared. Find such a value among a few mantissas.
    from workbench.identifiers.entry_number import is_valid
    mantissa = next(m for m in range(471302, 471402) if is_valid(f"{m}00000"))
    text = f"{mantissa / 100000:.5f}E+10"
    run = _one(es003, triage, "sci_valid.csv", [es003.entry(text, duty=500)])
    assert run.route(text) == "invalid"
    assert run.declared() == []


def test_lost_zeros_nine_digits_repaired(es003, triage):
    number = es003.number("006", 5512034)
    damaged = number.lstrip("0")
    run = _one(es003, triage, "zeros.csv", [es003.entry(damaged, duty=730)])
    assert len(damaged) == 9
    assert run.route(number) == "cape"
    assert run.declared() == [number]


def test_lost_zeros_warning_names_value_found(es003, triage):
    number = es003.number("006", 5512034)
    run = _one(es003, triage, "zeros.csv", [es003.entry(number.lstrip("0"), duty=730)])
    warnings = run.exceptions_for("ENTRY_NUMBER_ZEROS_RESTORED")
    assert [w["value"] for w in warnings] == [number.lstrip("0")]
    assert warnings[0]["severity"] == "warning"
    assert number in warnings[0]["message"]


def test_lost_zeros_ten_digits_repaired(es003, triage):
    number = es003.number("047", 2210458)
    run = _one(es003, triage, "zeros10.csv", [es003.entry(number[1:], duty=220)])
    assert run.route(number) == "cape"
    assert len(run.exceptions_for("ENTRY_NUMBER_ZEROS_RESTORED")) == 1


def test_lost_zeros_not_repaired_when_check_fails(es003, triage):
    damaged = es003.bad_check_digit(es003.number("006", 5512042)).lstrip("0")
    run = _one(es003, triage, "zeros_bad.csv", [es003.entry(damaged, duty=410)])
    assert run.route(damaged) == "invalid"
    assert run.declared() == []
    errors = run.exceptions_for("INVALID_ENTRY_NUMBER")
    assert errors[0]["severity"] == "error"
    assert "leading zeros" in errors[0]["message"]


def test_check_digit_failure_not_padded_away(es003, triage):
    # 11 characters that fail the check are not "repaired" by any padding or guess.
    bad = es003.bad_check_digit(es003.number("8RT", 3105550))
    run = _one(es003, triage, "bad_digit.csv", [es003.entry(bad)])
    assert list(run.rows) == [bad]
    assert run.route(bad) == "invalid"


def test_blank_entry_number_row_rejected(es003, triage):
    number = es003.number("8RT", 3105568)
    rows = es003.entry(number, duty=300)
    orphan = es003.entry("", duty=50)
    run = _one(es003, triage, "orphan.csv", [rows, orphan])
    missing = run.exceptions_for("MISSING_ENTRY_NUMBER")
    assert len(missing) == 2
    assert missing[0]["severity"] == "error"
    assert run.summary["reconciliation"]["rows_rejected"] == 2
    assert list(run.rows) == [number]


# Codes and HTS numbers


def test_one_digit_entry_type_padded(es003, triage):
    number = es003.number("8RT", 3105576)
    run = _one(es003, triage, "type1.csv", [es003.entry(number, entry_type="1")])
    assert run.rows[number]["entry_type"] == "01"
    assert run.exceptions_for("ENTRY_TYPE_ZERO_RESTORED")[0]["severity"] == "warning"


def test_one_digit_type_8_is_excluded(es003, triage):
    number = es003.number("8RT", 3105584)
    run = _one(es003, triage, "type8.csv", [es003.entry(number, entry_type="8")])
    assert run.rows[number]["entry_type"] == "08"
    assert "EXCLUDED_ENTRY_TYPE" in run.codes(number)
    assert run.route(number) == "later_phase"


def test_wrapped_entry_type_is_excluded(es003, triage):
    # A tool that wraps identifiers as ="..." to keep zeros wraps the entry type too.
    number = es003.number("8RT", 3105592)
    run = _one(es003, triage, "type_wrapped.csv", [es003.entry(number, entry_type='="08"')])
    assert run.rows[number]["entry_type"] == "08"
    assert "EXCLUDED_ENTRY_TYPE" in run.codes(number)
    assert run.declared() == []


def test_nine_digit_hts_repaired(es003, triage):
    number = es003.number("8RT", 3105600)
    lines = [es003.ieepa(275), es003.commodity(2750, hts="901210000")]
    run = _one(es003, triage, "hts9.csv", [es003.entry(number, lines=lines)])
    assert run.route(number) == "cape"
    warnings = run.exceptions_for("HTS_ZERO_RESTORED")
    assert [w["value"] for w in warnings] == ["901210000"]
    assert warnings[0]["severity"] == "warning"


def test_dotted_hts_accepted(es003, triage):
    number = es003.number("8RT", 3105618)
    lines = [es003.ieepa(275, hts="9903.01.25"), es003.commodity(2750, hts="8471.30.01.00")]
    run = _one(es003, triage, "dotted.csv", [es003.entry(number, lines=lines)])
    assert run.route(number) == "cape"
    assert run.rows[number]["ieepa_duty"] == "275.00"


def test_bad_hts_is_invalid(es003, triage):
    number = es003.number("8RT", 3105626)
    lines = [es003.ieepa(275), es003.commodity(2750, hts="847130")]
    run = _one(es003, triage, "hts_bad.csv", [es003.entry(number, lines=lines)])
    assert run.route(number) == "invalid"
    assert "INVALID_HTS" in run.codes(number)
    assert run.exceptions_for("INVALID_HTS")[0]["value"] == "847130"


# Money


def test_money_with_dollar_and_commas(es003, triage):
    number = es003.number("8RT", 3105634)
    lines = [es003.ieepa("$2,567.49"), es003.ieepa("$1,000.01", hts="99030124"),
             es003.commodity("$25,674.90")]
    run = _one(es003, triage, "money.csv", [es003.entry(number, lines=lines)])
    assert run.rows[number]["ieepa_duty"] == "3567.50"


def test_bad_amount_is_invalid(es003, triage):
    number = es003.number("8RT", 3105642)
    lines = [es003.ieepa("$2,567.4.9"), es003.commodity(25000)]
    run = _one(es003, triage, "bad_money.csv", [es003.entry(number, lines=lines)])
    assert run.route(number) == "invalid"
    assert "INVALID_AMOUNT" in run.codes(number)
    bad = run.exceptions_for("INVALID_AMOUNT")
    assert bad[0]["value"] == "$2,567.4.9"
    assert bad[0]["column"] == "Line Tariff Duty Amount"
    assert bad[0]["severity"] == "error"


def test_negative_amount_is_invalid(es003, triage):
    number = es003.number("8RT", 3105659)
    lines = [es003.ieepa("-$125.00"), es003.commodity(25000)]
    run = _one(es003, triage, "negative.csv", [es003.entry(number, lines=lines)])
    assert run.route(number) == "invalid"


# Dates


def test_one_digit_month_and_day(es003, triage):
    number = es003.number("8RT", 3105667)
    entry = es003.entry(number, entry_date="1/9/2026", status="LIQUIDATED",
                        liquidation_date="9/3/2026")
    run = _one(es003, triage, "mdy.csv", [entry])
    assert run.rows[number]["liquidation_date"] == "2026-09-03"
    assert run.rows[number]["entry_date"] == "2026-01-09"
    assert run.rows[number]["deadline"] == "2026-11-22"


def test_serial_date_is_invalid(es003, triage):
    number = es003.number("8RT", 3105675)
    run = _one(es003, triage, "serial.csv", [es003.entry(number, entry_date="46001")])
    assert run.route(number) == "invalid"
    assert "INVALID_DATE" in run.codes(number)
    errors = run.exceptions_for("INVALID_DATE")
    assert errors[0]["value"] == "46001"
    assert errors[0]["column"] == "Entry Date"


def test_serial_liquidation_date_is_invalid(es003, triage):
    number = es003.number("8RT", 3105683)
    entry = es003.entry(number, status="LIQUIDATED", liquidation_date="46200")
    run = _one(es003, triage, "serial_liq.csv", [entry])
    assert run.route(number) == "invalid"
    assert "INVALID_DATE" in run.codes(number)


def test_1900_date_is_invalid(es003, triage):
    number = es003.number("8RT", 3105691)
    run = _one(es003, triage, "y1900.csv", [es003.entry(number, entry_date="01/14/1900")])
    assert run.route(number) == "invalid"
    assert "INVALID_DATE" in run.codes(number)
    assert run.exceptions_for("INVALID_DATE")[0]["value"] == "01/14/1900"


def test_impossible_calendar_date_is_invalid(es003, triage):
    number = es003.number("8RT", 3105709)
    run = _one(es003, triage, "feb30.csv", [es003.entry(number, entry_date="02/30/2026")])
    assert run.route(number) == "invalid"
    assert "INVALID_DATE" in run.codes(number)


def test_blank_entry_date_is_invalid(es003, triage):
    number = es003.number("8RT", 3105717)
    run = _one(es003, triage, "no_date.csv", [es003.entry(number, entry_date="")])
    assert run.route(number) == "invalid"
    assert "INVALID_DATE" in run.codes(number)


# Rows


def test_ragged_row_not_read(es003, triage):
    number, other = es003.number("8RT", 3105725), es003.number("8RT", 3105733)
    text = es003.text([es003.entry(number, duty=500), es003.entry(other, duty=700)])
    lines = text.splitlines()
    lines[1] = lines[1] + ",stray"
    path = es003.write_text("ragged.csv", "\n".join(lines) + "\n")
    run = triage(path)
    assert run.route(number) == "invalid"
    assert "MALFORMED_INPUT_ROW" in run.codes(number)
    assert run.route(other) == "cape"
    malformed = run.exceptions_for("MALFORMED_INPUT_ROW")
    assert [m["row"] for m in malformed] == ["2"]
    assert run.summary["reconciliation"]["rows_rejected"] == 1


def test_short_row_not_read(es003, triage):
    number = es003.number("8RT", 3105741)
    text = es003.text([es003.entry(number, duty=500)])
    lines = text.splitlines()
    lines[2] = ",".join(lines[2].split(",")[:6])
    path = es003.write_text("short.csv", "\n".join(lines) + "\n")
    run = triage(path)
    assert run.route(number) == "invalid"
    assert run.exceptions_for("MALFORMED_INPUT_ROW")[0]["row"] == "3"


def test_blank_lines_between_rows(es003, triage):
    number, other = es003.number("8RT", 3105758), es003.number("8RT", 3105766)
    text = es003.text([es003.entry(number), es003.entry(other)])
    lines = text.splitlines()
    lines.insert(3, "")
    path = es003.write_text("gaps.csv", "\n".join(lines) + "\n")
    run = triage(path)
    assert run.route(other) == "cape"
    assert run.exceptions_for("MALFORMED_INPUT_ROW") == []


def test_identical_rows_in_one_file_read_once(es003, triage):
    number = es003.number("8RT", 3105774)
    rows = es003.entry(number, duty=615)
    run = _one(es003, triage, "doubled.csv", [rows, rows])
    assert run.rows[number]["ieepa_duty"] == "615.00"
    assert run.summary["reconciliation"]["rows_duplicate_read_once"] == 2


@pytest.mark.parametrize("status", ["liquidated", " Liquidated ", "LIQUIDATED"])
def test_status_matched_trimmed_any_case(es003, triage, status):
    number = es003.number("8RT", 3105782)
    entry = es003.entry(number, status=status, liquidation_date=es003.days_before(20))
    run = _one(es003, triage, "status.csv", [entry])
    assert run.route(number) == "cape"
    assert run.rows[number]["deadline_kind"] == "cape_80_day"
