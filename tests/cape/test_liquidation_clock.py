"""The liquidation clock: 80-day CAPE limit, warning band, 180-day protest period, refunds after liquidation."""

import datetime as dt

import pytest


def _liquidated(es003, triage, days, transaction=8100216, rules=None, **entry):
    number = es003.number("C8L", transaction)
    rows = es003.entry(number, status="LIQUIDATED", liquidation_date=es003.days_before(days),
                       **entry)
    options = {"rules": str(rules)} if rules else {}
    run = triage(es003.write("es003.csv", [rows]), **options)
    return run, number


@pytest.mark.parametrize("days", [0, 1, 45, 75])
def test_inside_80_days_below_band(es003, triage, days):
    run, number = _liquidated(es003, triage, days)
    assert run.route(number) == "cape"
    assert "NEAR_80_DAY_LIMIT" not in run.codes(number)
    assert run.rows[number]["deadline"] == es003.iso_days_before(days - 80)
    assert run.rows[number]["deadline_kind"] == "cape_80_day"


@pytest.mark.parametrize("days", [76, 79, 80])
def test_inside_default_band_warned(es003, triage, days):
    run, number = _liquidated(es003, triage, days)
    assert run.route(number) == "cape"
    assert "NEAR_80_DAY_LIMIT" in run.codes(number)
    assert "LIQUIDATED_OVER_80_DAYS" not in run.codes(number)
    assert run.rows[number]["deadline"] == es003.iso_days_before(days - 80)


def test_day_80_deadline_is_as_of(es003, triage):
    run, number = _liquidated(es003, triage, 80)
    assert run.rows[number]["deadline"] == es003.as_of.isoformat()


@pytest.mark.parametrize("days", [81, 126, 180])
def test_day_81_to_180_protest(es003, triage, days):
    run, number = _liquidated(es003, triage, days)
    assert run.route(number) == "protest"
    assert "LIQUIDATED_OVER_80_DAYS" in run.codes(number)
    assert "PROTEST_PERIOD_EXPIRED" not in run.codes(number)
    assert "NEAR_80_DAY_LIMIT" not in run.codes(number)
    assert run.rows[number]["deadline"] == es003.iso_days_before(days - 180)
    assert run.rows[number]["deadline_kind"] == "protest_180_day"
    assert run.declared() == []


def test_day_180_deadline_is_as_of(es003, triage):
    run, number = _liquidated(es003, triage, 180)
    assert run.rows[number]["deadline"] == es003.as_of.isoformat()


@pytest.mark.parametrize("days", [181, 300])
def test_past_protest_period_later_phase(es003, triage, days):
    run, number = _liquidated(es003, triage, days, entry_date="09/02/2025")
    assert run.route(number) == "later_phase"
    assert run.codes(number) >= {"LIQUIDATED_OVER_80_DAYS", "PROTEST_PERIOD_EXPIRED"}
    assert run.rows[number]["deadline_kind"] != "protest_180_day"


@pytest.mark.parametrize("days, warned", [(70, False), (71, True), (80, True)])
def test_band_of_ten_days(es003, triage, days, warned):
    rules = es003.write_text("rules.yaml", "near_limit_band_days: 10\n")
    run, number = _liquidated(es003, triage, days, rules=rules)
    assert ("NEAR_80_DAY_LIMIT" in run.codes(number)) is warned
    assert run.route(number) == "cape"


def test_band_zero_turns_warning_off(es003, triage):
    rules = es003.write_text("rules.yaml", "near_limit_band_days: 0\n")
    run, number = _liquidated(es003, triage, 80, rules=rules)
    assert "NEAR_80_DAY_LIMIT" not in run.codes(number)
    assert run.route(number) == "cape"


def test_band_of_80_days_warns_from_day_1(es003, triage):
    rules = es003.write_text("rules.yaml", "near_limit_band_days: 80\n")
    run, number = _liquidated(es003, triage, 1, rules=rules)
    assert "NEAR_80_DAY_LIMIT" in run.codes(number)


def test_band_does_not_move_80_day_limit(es003, triage):
    rules = es003.write_text("rules.yaml", "near_limit_band_days: 10\n")
    run, number = _liquidated(es003, triage, 81, rules=rules)
    assert run.route(number) == "protest"


def test_unliquidated_has_no_clock(es003, triage):
    number = es003.number("C8L", 8100224)
    run = triage(es003.write("es003.csv", [es003.entry(number, status="UNLIQUIDATED")]))
    assert run.route(number) == "cape"
    assert run.rows[number]["deadline"] == ""
    assert run.codes(number) == set()


@pytest.mark.parametrize("days_after", [1, 74])
def test_liquidated_after_as_of_is_unliquidated(es003, triage, days_after):
    run, number = _liquidated(es003, triage, -days_after)
    assert run.route(number) == "cape"
    assert run.rows[number]["deadline"] == ""
    assert run.codes(number) == set()
    assert "after" in run.rows[number]["message"]


def test_liquidated_after_past_as_of(es003, triage):
    # A rerun for an earlier as-of date: the liquidation after it had not happened yet.
    number = es003.number("C8L", 8100232)
    rows = es003.entry(number, status="LIQUIDATED", liquidation_date="10/05/2026")
    run = triage(es003.write("es003.csv", [rows]), as_of=dt.date(2026, 8, 10))
    assert run.route(number) == "cape"
    assert run.rows[number]["deadline"] == ""


def test_ages_measured_to_as_of_not_today(es003, triage):
    number = es003.number("C8L", 8100240)
    rows = es003.entry(number, status="LIQUIDATED", liquidation_date="06/01/2026")
    run = triage(es003.write("es003.csv", [rows]), as_of=dt.date(2026, 7, 1))
    assert run.route(number) == "cape"
    assert run.rows[number]["deadline"] == "2026-08-20"


def test_protest_deadline_on_saturday_noted(es003, triage):
    # As-of Monday 2026-11-16; liquidated 168 days before, the 180th day is Saturday 2026-11-28.
    run, number = _liquidated(es003, triage, 168)
    assert run.rows[number]["deadline"] == "2026-11-28"
    assert "Saturday" in run.rows[number]["message"]
    assert "business day before" in run.rows[number]["message"]


@pytest.mark.parametrize("entry_type", ["21", "31", "32", "34", "38"])
def test_warehouse_refund_after_liquidation(es003, triage, entry_type):
    number = es003.number("C8L", 8100257)
    rows = es003.entry(number, entry_type=entry_type, entry_date="07/15/2025")
    run = triage(es003.write("es003.csv", [rows]))
    assert run.route(number) == "cape"
    assert "REFUND_AFTER_LIQUIDATION" in run.codes(number)
    assert run.declared() == [number]


@pytest.mark.parametrize("status", ["SUSPENDED", "EXTENDED", "Suspended"])
def test_suspended_extended_refund_after_liquidation(es003, triage, status):
    number = es003.number("C8L", 8100265)
    rows = es003.entry(number, entry_type="03", status=status)
    run = triage(es003.write("es003.csv", [rows]))
    assert run.route(number) == "cape"
    assert "REFUND_AFTER_LIQUIDATION" in run.codes(number)
    assert "liquidates" in run.rows[number]["message"]


def test_ordinary_unliquidated_no_refund_after(es003, triage):
    number = es003.number("C8L", 8100273)
    run = triage(es003.write("es003.csv", [es003.entry(number)]))
    assert "REFUND_AFTER_LIQUIDATION" not in run.codes(number)


# Before CAPE opened


def test_as_of_before_cape_opened(es003, triage):
    waiting, liquidated = es003.number("C8L", 8100281), es003.number("C8L", 8100299)
    entries = [es003.entry(waiting),
               es003.entry(liquidated, status="LIQUIDATED", liquidation_date="03/20/2026")]
    run = triage(es003.write("es003.csv", entries), as_of=dt.date(2026, 4, 19))
    assert run.route(waiting) == "later_phase"
    assert "CAPE_NOT_OPEN" in run.codes(waiting)
    assert run.route(liquidated) == "protest"
    assert run.declared() == []


def test_as_of_cape_launch_day(es003, triage):
    number = es003.number("C8L", 8100307)
    run = triage(es003.write("es003.csv", [es003.entry(number)]), as_of=dt.date(2026, 4, 20))
    assert run.route(number) == "cape"
    assert "CAPE_NOT_OPEN" not in run.codes(number)


def test_unliquidated_status_with_later_date_warned(es003, triage):
    # A date after the as-of date beside an UNLIQUIDATED status may be a scheduled
    # liquidation: the entry is declared and the date is reported as ignored.
    number = es003.number("C8L", 8100315)
    rows = es003.entry(number, status="UNLIQUIDATED", liquidation_date="12/21/2026")
    run = triage(es003.write("es003.csv", [rows]))
    assert run.route(number) == "cape"
    ignored = run.exceptions_for("LIQUIDATION_DATE_IGNORED")
    assert [row["severity"] for row in ignored] == ["warning"]


def test_unliquidated_status_with_past_date_invalid(es003, triage):
    number = es003.number("C8L", 8100323)
    rows = es003.entry(number, status="UNLIQUIDATED", liquidation_date=es003.days_before(20))
    run = triage(es003.write("es003.csv", [rows]))
    assert run.route(number) == "invalid"
    assert "MISSING_LIQUIDATION_DATA" in run.codes(number)
