"""Data checks: entries whose data cannot be trusted are routed invalid and kept out of declarations."""

import pytest


def _run(es003, triage, entries, name="es003.csv", **options):
    return triage(es003.write(name, entries), **options)


def test_filer_code_000_invalid(es003, triage):
    number = es003.number("000", 7315208)
    run = _run(es003, triage, [es003.entry(number)])
    assert run.route(number) == "invalid"
    assert run.codes(number) >= {"INVALID_ENTRY_NUMBER"}
    assert run.declared() == []


def test_special_character_invalid(es003, triage):
    run = _run(es003, triage, [es003.entry("8RT#3105527")])
    assert run.route("8RT#3105527") == "invalid"
    assert "INVALID_ENTRY_NUMBER" in run.codes("8RT#3105527")
    assert run.rows["8RT#3105527"]["filer_code"] == ""


def test_invalid_entry_keeps_value_as_found(es003, triage):
    run = _run(es003, triage, [es003.entry("8rt-31055")])
    assert list(run.rows) == ["8rt-31055"]


def test_check_digit_mismatch_invalid(es003, triage):
    good = es003.number("T9V", 5100214)
    bad = es003.bad_check_digit(es003.number("T9V", 5100222))
    run = _run(es003, triage, [es003.entry(bad, duty=2600), es003.entry(good, duty=900)])
    assert run.route(bad) == "invalid"
    assert "CHECK_DIGIT_MISMATCH" in run.codes(bad)
    assert run.declared() == [good]


def test_check_digit_mismatch_error_row(es003, triage):
    bad = es003.bad_check_digit(es003.number("T9V", 5100230))
    run = _run(es003, triage, [es003.entry(bad)])
    rows = run.exceptions_for("CHECK_DIGIT_MISMATCH")
    assert [r["value"] for r in rows] == [bad]
    assert rows[0]["severity"] == "error"
    assert "confirmed_check_digit_overrides" in rows[0]["message"]


def test_check_digit_override_declares(es003, triage):
    good = es003.number("T9V", 5100248)
    bad = es003.bad_check_digit(es003.number("T9V", 5100255))
    dashed = f"{bad[:3]}-{bad[3:10]}-{bad[10]}".lower()
    rules = es003.write_text("rules.yaml", f'confirmed_check_digit_overrides: ["{dashed}"]\n')
    run = _run(es003, triage, [es003.entry(bad, duty=2600), es003.entry(good, duty=900)],
               rules=str(rules))
    assert run.route(bad) == "cape"
    assert "CHECK_DIGIT_MISMATCH" in run.codes(bad)
    assert run.rows[bad]["ieepa_duty"] == "2600.00"
    assert sorted(run.declared()) == sorted([bad, good])


def test_check_digit_override_is_warning(es003, triage):
    bad = es003.bad_check_digit(es003.number("T9V", 5100263))
    rules = es003.write_text("rules.yaml", f"confirmed_check_digit_overrides:\n  - '{bad}'\n")
    run = _run(es003, triage, [es003.entry(bad)], rules=str(rules))
    rows = run.exceptions_for("CHECK_DIGIT_MISMATCH")
    assert [r["severity"] for r in rows] == ["warning"]
    assert "confirmed" in run.rows[bad]["message"]


def test_override_of_other_entry_changes_nothing(es003, triage):
    bad = es003.bad_check_digit(es003.number("T9V", 5100271))
    other = es003.bad_check_digit(es003.number("T9V", 5100289))
    rules = es003.write_text("rules.yaml", f"confirmed_check_digit_overrides: ['{other}']\n")
    run = _run(es003, triage, [es003.entry(bad)], rules=str(rules))
    assert run.route(bad) == "invalid"


def test_blank_importer_invalid(es003, triage):
    number = es003.number("T9V", 5100297)
    run = _run(es003, triage, [es003.entry(number, importer="")])
    assert run.route(number) == "invalid"
    assert "INVALID_IMPORTER_NUMBER" in run.codes(number)
    assert run.exceptions_for("INVALID_IMPORTER_NUMBER")[0]["severity"] == "error"


def test_odd_importer_format_warned(es003, triage):
    number = es003.number("T9V", 5100305)
    run = _run(es003, triage, [es003.entry(number, importer="31-4728105OZ")])
    assert run.route(number) == "cape"
    assert run.exceptions_for("INVALID_IMPORTER_FORMAT")[0]["severity"] == "warning"


def test_liquidation_before_entry_invalid(es003, triage):
    number = es003.number("T9V", 5100313)
    entry = es003.entry(number, entry_date="10/20/2025", status="LIQUIDATED",
                        liquidation_date="10/01/2025")
    run = _run(es003, triage, [entry])
    assert run.route(number) == "invalid"
    assert "INVALID_DATE" in run.codes(number)
    assert "before the entry date" in run.exceptions_for("INVALID_DATE")[0]["message"]


def test_entry_date_after_as_of_invalid(es003, triage):
    number = es003.number("T9V", 5100321)
    entry = es003.entry(number, entry_date="01/20/2026")
    run = _run(es003, triage, [entry], as_of=es003.as_of.replace(year=2026, month=1, day=12))
    assert run.route(number) == "invalid"
    assert "INVALID_DATE" in run.codes(number)


def test_liquidation_after_as_of_not_invalid(es003, triage):
    number = es003.number("T9V", 5100339)
    entry = es003.entry(number, status="LIQUIDATED", liquidation_date="12/02/2026")
    run = _run(es003, triage, [entry])
    assert "INVALID_DATE" not in run.codes(number)


@pytest.mark.parametrize("entry_date, cut", [("02/24/2026", True), ("03/09/2026", True),
                                             ("02/23/2026", False)])
def test_ieepa_line_after_cutoff(es003, triage, entry_date, cut):
    number = es003.number("T9V", 5100347)
    run = _run(es003, triage, [es003.entry(number, entry_date=entry_date)])
    assert ("IEEPA_AFTER_CUTOFF" in run.codes(number)) is cut
    assert (run.route(number) == "invalid") is cut


def test_ieepa_after_cutoff_error_row(es003, triage):
    number = es003.number("T9V", 5100354)
    run = _run(es003, triage, [es003.entry(number, entry_date="03/02/2026")])
    rows = run.exceptions_for("IEEPA_AFTER_CUTOFF")
    assert [r["severity"] for r in rows] == ["error"]


@pytest.mark.parametrize("status", ["CANCELLED", "Rejected"])
def test_cancelled_or_rejected_invalid(es003, triage, status):
    number, other = es003.number("T9V", 5100362), es003.number("T9V", 5100370)
    entries = [es003.entry(number, **{"Entry Summary Status": status}),
               es003.entry(other, **{"Entry Summary Status": "ACCEPTED"})]
    run = _run(es003, triage, entries)
    assert run.route(number) == "invalid"
    assert "CANCELLED_OR_REJECTED" in run.codes(number)
    assert run.route(other) == "cape"


def test_unmapped_status_invalid(es003, triage):
    number = es003.number("T9V", 5100388)
    run = _run(es003, triage, [es003.entry(number, status="HOLD FOR AUDIT Q")])
    assert run.route(number) == "invalid"
    assert "MISSING_LIQUIDATION_DATA" in run.codes(number)
    rows = run.exceptions_for("MISSING_LIQUIDATION_DATA")
    assert rows[0]["value"] == "HOLD FOR AUDIT Q"
    assert rows[0]["severity"] == "error"
    assert run.summary["liquidation_status_values"]["HOLD FOR AUDIT Q"] == "unmapped"


def test_unmapped_status_mapped_by_rules(es003, triage):
    number = es003.number("T9V", 5100396)
    rules = es003.write_text("rules.yaml",
                             'liquidation_status_map: {"hold for audit q": under_review}\n')
    run = _run(es003, triage, [es003.entry(number, status="HOLD FOR AUDIT Q")],
               rules=str(rules))
    assert run.route(number) == "cape"
    assert "REFUND_AFTER_LIQUIDATION" in run.codes(number)
    assert "MISSING_LIQUIDATION_DATA" not in run.codes(number)
    assert run.rows[number]["liquidation_status"] == "HOLD FOR AUDIT Q"


def test_liquidated_without_date_invalid(es003, triage):
    number = es003.number("T9V", 5100404)
    run = _run(es003, triage, [es003.entry(number, status="LIQUIDATED")])
    assert run.route(number) == "invalid"
    assert "MISSING_LIQUIDATION_DATA" in run.codes(number)


def test_unmapped_status_without_refund_is_no_refund(es003, triage):
    # The liquidation check runs after "anything to refund?", so nothing to refund wins.
    number = es003.number("T9V", 5100412)
    entry = es003.entry(number, status="HOLD FOR AUDIT Q", lines=[es003.commodity(4000)])
    run = _run(es003, triage, [entry])
    assert run.route(number) == "no_refund"
    assert "NO_IEEPA_LINE" in run.codes(number)


def test_unmapped_reconciliation_indicator_invalid(es003, triage):
    number = es003.number("T9V", 5100420)
    run = _run(es003, triage, [es003.entry(number, **{"Reconciliation Indicator": "R"})])
    assert run.route(number) == "invalid"
    assert "UNKNOWN_RECONCILIATION_INDICATOR" in run.codes(number)


def test_reconciliation_indicator_mapped_by_rules(es003, triage):
    number = es003.number("T9V", 5100438)
    rules = es003.write_text("rules.yaml", "reconciliation_indicator_map: {R: not_flagged}\n")
    run = _run(es003, triage, [es003.entry(number, **{"Reconciliation Indicator": "R"})],
               rules=str(rules))
    assert run.route(number) == "cape"


def test_every_data_defect_listed(es003, triage):
    # A bad amount and an IEEPA line after the cut-off: both codes on one invalid row.
    number = es003.number("T9V", 5100446)
    entry = es003.entry(number, entry_date="03/02/2026",
                        lines=[es003.ieepa("12..5"), es003.ieepa(300, hts="99030124")])
    run = _run(es003, triage, [entry])
    assert run.codes(number) >= {"INVALID_AMOUNT", "IEEPA_AFTER_CUTOFF"}


def test_invalid_rows_have_no_declaration_file(es003, triage):
    bad = es003.bad_check_digit(es003.number("T9V", 5100453))
    run = _run(es003, triage, [es003.entry(bad)])
    assert run.rows[bad]["declaration_file"] == ""
    assert run.rows[bad]["deadline"] == ""


@pytest.mark.parametrize("entry_type", ["AB", "123", ""])
def test_entry_type_not_two_digits_invalid(es003, triage, entry_type):
    number = es003.number("T9V", 5100263)
    run = _run(es003, triage, [es003.entry(number, entry_type=entry_type)])
    assert run.route(number) == "invalid"
    assert "INVALID_ENTRY_TYPE" in run.codes(number)
    assert [r["severity"] for r in run.exceptions_for("INVALID_ENTRY_TYPE")] == ["error"]
