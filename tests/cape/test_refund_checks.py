"""Anything to refund: only dutiable IEEPA Chapter 99 lines count; other Chapter 99 duty never does."""

import pytest


def _run(es003, triage, entries, **options):
    return triage(es003.write("es003.csv", entries), **options)


def test_no_chapter99_line(es003, triage):
    number = es003.number("N4F", 3300127)
    run = _run(es003, triage, [es003.entry(number, lines=[es003.commodity(9000, duty=310)])])
    assert run.route(number) == "no_refund"
    assert "NO_IEEPA_LINE" in run.codes(number)
    assert run.rows[number]["ieepa_duty"] == "0.00"


@pytest.mark.parametrize("hts", ["99030301", "99038815", "99038803", "99038001", "99038191",
                                 "99038501"])
def test_non_ieepa_chapter99_only(es003, triage, hts):
    number = es003.number("N4F", 3300135)
    lines = [es003.ieepa(1500, hts=hts), es003.commodity(15000)]
    run = _run(es003, triage, [es003.entry(number, lines=lines)])
    assert run.route(number) == "no_refund"
    assert "NON_IEEPA_CHAPTER99_ONLY" in run.codes(number)
    assert run.rows[number]["ieepa_duty"] == "0.00"


def test_section_122_after_cutoff_not_flagged(es003, triage):
    number = es003.number("N4F", 3300143)
    lines = [es003.ieepa(900, hts="99030301"), es003.ieepa(2250, hts="99038815"),
             es003.commodity(9000)]
    run = _run(es003, triage, [es003.entry(number, entry_date="04/14/2026", lines=lines)])
    assert run.route(number) == "no_refund"
    assert "IEEPA_AFTER_CUTOFF" not in run.codes(number)


def test_section_301_duty_not_counted(es003, triage):
    number = es003.number("N4F", 3300150)
    lines = [es003.ieepa(1875, hts="99038815"), es003.ieepa(1250, hts="99030124"),
             es003.ieepa(1250, hts="99030125"), es003.commodity(12500)]
    run = _run(es003, triage, [es003.entry(number, lines=lines)])
    assert run.route(number) == "cape"
    assert run.rows[number]["ieepa_duty"] == "2500.00"


@pytest.mark.parametrize("headings", [["99030114"], ["99030132"], ["99030219"],
                                      ["99030114", "99030132"]])
def test_exemption_only_is_zero_duty(es003, triage, headings):
    number = es003.number("N4F", 3300168)
    lines = [es003.ieepa(0, hts=h) for h in headings] + [es003.commodity(6200)]
    run = _run(es003, triage, [es003.entry(number, lines=lines)])
    assert run.route(number) == "no_refund"
    assert "ZERO_IEEPA_DUTY" in run.codes(number)


def test_exemption_beside_dutiable_line_declared(es003, triage):
    number = es003.number("N4F", 3300176)
    lines = [es003.ieepa(0, hts="99030132", line=1), es003.commodity(4000, line=1),
             es003.ieepa(700, hts="99030124", line=2), es003.ieepa(700, line=2),
             es003.commodity(7000, line=2)]
    run = _run(es003, triage, [es003.entry(number, lines=lines)])
    assert run.route(number) == "cape"
    assert run.rows[number]["ieepa_duty"] == "1400.00"
    assert "ZERO_IEEPA_DUTY" not in run.codes(number)


def test_goods_value_not_read_as_duty(es003, triage):
    number = es003.number("N4F", 3300184)
    lines = [es003.ieepa(1200, value=12000), es003.commodity(0)]
    run = _run(es003, triage, [es003.entry(number, lines=lines)])
    assert run.rows[number]["ieepa_duty"] == "1200.00"


def test_exemption_heading_with_duty_warned(es003, triage):
    number = es003.number("N4F", 3300192)
    lines = [es003.ieepa(450, hts="99030114"), es003.commodity(4500)]
    run = _run(es003, triage, [es003.entry(number, lines=lines)])
    assert run.exceptions_for("EXEMPTION_HEADING_WITH_DUTY")[0]["severity"] == "warning"
    assert run.rows[number]["ieepa_duty"] == "450.00"


@pytest.mark.parametrize("hts", ["99030199", "99030106", "99030290"])
def test_unknown_ieepa_heading_counted(es003, triage, hts):
    number = es003.number("N4F", 3300200)
    lines = [es003.ieepa(830, hts=hts), es003.commodity(8300)]
    run = _run(es003, triage, [es003.entry(number, lines=lines)])
    assert "UNKNOWN_CHAPTER99_HEADING" in run.codes(number)
    assert run.rows[number]["ieepa_duty"] == "830.00"
    assert run.route(number) == "cape"


def test_unknown_ieepa_heading_warning_row(es003, triage):
    number = es003.number("N4F", 3300218)
    lines = [es003.ieepa(830, hts="99030199"), es003.commodity(8300)]
    run = _run(es003, triage, [es003.entry(number, lines=lines)])
    rows = run.exceptions_for("UNKNOWN_CHAPTER99_HEADING")
    assert [r["severity"] for r in rows] == ["warning"]
    assert rows[0]["column"] == "HTS Number - Full"


def test_known_heading_not_unknown(es003, triage):
    number = es003.number("N4F", 3300226)
    run = _run(es003, triage, [es003.entry(number)])
    assert "UNKNOWN_CHAPTER99_HEADING" not in run.codes(number)


def test_ieepa_dollars_per_route_in_summary(es003, triage):
    cape, none = es003.number("N4F", 3300234), es003.number("N4F", 3300242)
    run = _run(es003, triage, [es003.entry(cape, duty=1234.56),
                               es003.entry(none, lines=[es003.commodity(100)])])
    routes = run.summary["routes"]
    assert routes["cape"] == {"entries": 1, "ieepa_duty": "1234.56"}
    assert routes["no_refund"] == {"entries": 1, "ieepa_duty": "0.00"}
