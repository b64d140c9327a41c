"""Reason codes and exception rules: documented in one place, written only as documented."""

from pathlib import Path

import pytest

from workbench import codes

CONTRACT_CODES = [
    "NO_IEEPA_LINE", "ZERO_IEEPA_DUTY", "NON_IEEPA_CHAPTER99_ONLY", "EXCLUDED_ENTRY_TYPE",
    "RECON_FLAGGED", "RECON_FILED", "DRAWBACK_DESIGNATED", "OPEN_PROTEST",
    "ADCVD_PENDING_LIQUIDATION", "LIQUIDATED_OVER_80_DAYS", "PROTEST_PERIOD_EXPIRED",
    "NEAR_80_DAY_LIMIT", "CANCELLED_OR_REJECTED", "ALREADY_DECLARED", "FILER_MISMATCH",
    "INVALID_ENTRY_NUMBER", "CHECK_DIGIT_MISMATCH", "MISSING_LIQUIDATION_DATA", "INVALID_DATE",
    "CONFLICTING_INPUT_ROWS", "IEEPA_AFTER_CUTOFF", "UNKNOWN_CHAPTER99_HEADING",
    "GOODS_VALUE_ON_IEEPA_LINE", "REFUND_AFTER_LIQUIDATION",
]
TESTS = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("code", CONTRACT_CODES)
def test_contract_code_documented(code):
    assert code in codes.REASON_CODES


def test_every_code_described():
    assert [c for c, text in codes.ALL_CODES.items() if len(text) < 20] == []


@pytest.mark.parametrize("code", sorted(codes.ALL_CODES))
def test_every_code_has_a_test(code):
    # Each documented code is named in at least one test of the triage or the loader, other
    # than this file.
    sources = [p for folder in ("cape", "sources") for p in (TESTS / folder).glob("test_*.py")
               if p.name != Path(__file__).name]
    assert any(code in p.read_text(encoding="utf-8") for p in sources)


def test_codes_listed_in_documented_order(es003, triage):
    number = es003.number("U5B", 6700218)
    entry = es003.entry(number, entry_date="03/02/2026", status="LIQUIDATED",
                        lines=[es003.ieepa("12..5"), es003.ieepa(300, hts="99030199")])
    run = triage(es003.write("es003.csv", [entry]))
    listed = run.rows[number]["reason_codes"].split(";")
    assert len(listed) > 1
    assert listed == codes.ordered(listed)


@pytest.fixture
def many_problems(es003):
    """One file that sets off most reason codes and exception rules."""
    n = [es003.number("U5B", 6710000 + 8 * i) for i in range(12)]
    entries = [
        es003.entry("4.71302E+10"),
        es003.entry(es003.bad_check_digit(n[0])),
        es003.entry(n[1], entry_type="1", importer="31-4728105OZ",
                    lines=[es003.ieepa(300, hts="99030114"), es003.commodity(10, hts="901210000")]),
        es003.entry(n[2], entry_date="46001"),
        es003.entry(n[3], status="LIQUIDATED"),
        es003.entry(n[4], lines=[es003.commodity(5)]),
        es003.entry(n[5], lines=[es003.ieepa(0, hts="99030132")]),
        es003.entry(n[6], lines=[es003.ieepa(500, hts="99038815")]),
        es003.entry(n[7], entry_type="47"),
        es003.entry(n[8], status="LIQUIDATED", liquidation_date=es003.days_before(200)),
        es003.entry(n[9], entry_type="21"),
        es003.entry(n[10], lines=[es003.ieepa(100, value=1000)], entry_date="02/10/2026"),
        es003.entry("", duty=5),
    ]
    return es003.write("many.csv", entries), n


def test_triage_codes_are_documented(triage, many_problems):
    run = triage(many_problems[0])
    written = {code for number in run.rows for code in run.codes(number)}
    assert written - set(codes.REASON_CODES) == set()


def test_exception_rules_are_documented(triage, many_problems):
    run = triage(many_problems[0])
    assert {row["rule"] for row in run.exceptions} - set(codes.ALL_CODES) == set()


def test_exception_rule_without_ordinals_documented(es003, triage):
    # A broker export without line and ordinal numbers still gets a documented rule.
    number = es003.number("U5B", 6720016)
    columns = [c for c in es003.columns
               if c not in ("Entry Summary Line Number", "Tariff Ordinal Number")]
    run = triage(es003.write("flat.csv", [es003.entry(number)], columns=columns))
    assert {row["rule"] for row in run.exceptions} - set(codes.ALL_CODES) == set()


def test_exception_columns(triage, many_problems):
    run = triage(many_problems[0])
    assert list(run.exceptions[0]) == ["file", "row", "column", "value", "rule", "severity",
                                       "message"]
    assert {row["severity"] for row in run.exceptions} == {"error", "warning"}


def test_routes_are_contract_routes(triage, many_problems):
    run = triage(many_problems[0])
    routes = {row["route"] for row in run.rows.values()}
    assert routes <= {"cape", "fix_then_cape", "protest", "later_phase", "other_filer",
                      "declared", "no_refund", "invalid"}


def test_every_row_has_a_message(triage, many_problems):
    run = triage(many_problems[0])
    assert [n for n, row in run.rows.items() if not row["message"].strip()] == []


def test_deadline_always_has_kind(triage, many_problems):
    run = triage(many_problems[0])
    rows = run.rows.values()
    assert [r["entry_number"] for r in rows if r["deadline"] and not r["deadline_kind"]] == []
    assert [r["entry_number"] for r in rows if r["deadline_kind"] and not r["deadline"]] == []
