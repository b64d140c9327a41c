"""Whole-file scenarios, one per kind of fault users hit, each with its own invented data.

Each test builds a small ES-003 pull with the fault, runs the triage and checks every entry's
route, required and forbidden reason codes, deadline and the sets of entries per declaration
file. Single rules are tested on their own in the other files. These tests check that the rules
still give the right outcome when they meet in one file.
"""

import datetime as dt

import pytest

MONDAY = dt.date(2026, 11, 30)


def _expect(run, number, route, codes=(), forbidden=(), deadline=None, duty=None):
    row = run.rows[number]
    assert row["route"] == route, number
    assert set(codes) <= run.codes(number), number
    assert set(forbidden) & run.codes(number) == set(), number
    if deadline is not None:
        assert row["deadline"] == deadline, number
    if duty is not None:
        assert row["ieepa_duty"] == duty, number


def _deadline(as_of, age, days):
    """Return the ISO date ``days`` after a liquidation ``age`` days before ``as_of``."""
    return (as_of - dt.timedelta(days=age) + dt.timedelta(days=days)).isoformat()


def _groups(run, pattern="cape_declaration_*.csv"):
    return sorted(sorted(p.read_text(encoding="ascii").splitlines()[1:])
                  for p in run.files(pattern))


def test_excel_resaved_export(es003, triage):
    e1 = es003.number("007", 6203318)      # loses two zeros: 9 digits
    e2 = es003.number("UVA", 6203326)      # wrapped as ="..."
    e4 = es003.number("UVA", 6203334)
    e5 = es003.number("007", 6203342)      # loses two zeros, liquidated 63 days before
    entries = [
        es003.entry(e1.lstrip("0"), entry_type="1", entry_date="1/6/2026", duty=2210),
        es003.entry(f'="{e2}"', entry_type="1", entry_date="2/2/2026", duty=4115.5),
        es003.entry("3.10482E+10", entry_type="1", entry_date="1/20/2026", duty=990),
        es003.entry(e4, entry_type="1", entry_date="12/1/2025",
                    lines=[es003.ieepa(1730), es003.commodity(17300, hts="709593000")]),
        es003.entry(e5.lstrip("0"), entry_type="1", entry_date="7/7/2025", duty=880,
                    status="LIQUIDATED", liquidation_date="9/28/2026"),
    ]
    path = es003.write("resaved.csv", entries, bom=True, newline="\r\n")
    run = triage(path, as_of=MONDAY)

    _expect(run, e1, "cape", duty="2210.00")
    _expect(run, e2, "cape", duty="4115.50")
    _expect(run, "3.10482E+10", "invalid", codes=["INVALID_ENTRY_NUMBER"])
    _expect(run, e4, "cape", duty="1730.00")
    _expect(run, e5, "cape", forbidden=["LIQUIDATED_OVER_80_DAYS"], deadline="2026-12-17")
    assert run.rows[e1]["entry_type"] == "01"
    assert _groups(run) == [sorted([e1, e2, e4, e5])]
    assert "31048200000" not in run.declared()
    warnings = {r["value"] for r in run.exceptions if r["severity"] == "warning"}
    assert {e1.lstrip("0"), e5.lstrip("0")} <= warnings
    errors = {r["value"] for r in run.exceptions if r["severity"] == "error"}
    assert "3.10482E+10" in errors


def test_exemption_headings_with_zero_duty(es003, triage):
    a, b, c, d, e = (es003.number("P9C", n) for n in (1050213, 1050221, 1050239, 1050247,
                                                       1050254))
    entries = [
        es003.entry(a, country="CA", lines=[es003.ieepa(0, hts="99030114"),
                                            es003.commodity(8800)]),
        es003.entry(b, country="VN", lines=[es003.ieepa(0, hts="99030132"),
                                            es003.commodity(3100)]),
        es003.entry(c, lines=[es003.ieepa(1450, hts="99030124", line=1),
                              es003.commodity(14500, line=1),
                              es003.ieepa(0, hts="99030132", line=2),
                              es003.commodity(900, line=2)]),
        es003.entry(d, lines=[es003.commodity(2600, duty=78)]),
        es003.entry(e, country="CA", lines=[es003.ieepa(0, hts="99030114", line=1),
                                            es003.commodity(2000, line=1),
                                            es003.ieepa(1225, hts="99030110", line=2),
                                            es003.commodity(3500, line=2)]),
    ]
    run = triage(es003.write("es003.csv", entries), as_of=MONDAY)
    _expect(run, a, "no_refund", codes=["ZERO_IEEPA_DUTY"], duty="0.00")
    _expect(run, b, "no_refund", codes=["ZERO_IEEPA_DUTY"], duty="0.00")
    _expect(run, c, "cape", duty="1450.00")
    _expect(run, d, "no_refund", codes=["NO_IEEPA_LINE"])
    _expect(run, e, "cape", duty="1225.00")
    assert _groups(run) == [sorted([c, e])]


def test_section_122_and_301_only(es003, triage):
    a, b, c = (es003.number("KT4", n) for n in (3340211, 3340229, 3340237))
    entries = [
        es003.entry(a, entry_date="03/16/2026", country="VN",
                    lines=[es003.ieepa(1120, hts="99030301"), es003.commodity(11200)]),
        es003.entry(b, entry_date="05/04/2026",
                    lines=[es003.ieepa(2400, hts="99038815"), es003.ieepa(960, hts="99030301"),
                           es003.commodity(9600)]),
        es003.entry(c, entry_date="01/26/2026",
                    lines=[es003.ieepa(3000, hts="99038803"), es003.ieepa(1200, hts="99030124"),
                           es003.ieepa(1200, hts="99030125"), es003.commodity(12000)]),
    ]
    run = triage(es003.write("es003.csv", entries), as_of=MONDAY)
    for number in (a, b):
        _expect(run, number, "no_refund", codes=["NON_IEEPA_CHAPTER99_ONLY"],
                forbidden=["IEEPA_AFTER_CUTOFF"], duty="0.00")
    _expect(run, c, "cape", duty="2400.00")
    assert _groups(run) == [[c]]


def test_eighty_day_boundaries(es003, triage):
    # As-of Monday 2026-11-30; every protest deadline falls on a business day.
    ages = {"A": 79, "B": 80, "C": 81, "D": 180, "E": 181, "G": 12}
    numbers = {key: es003.number("B2V", 4070210 + 8 * i) for i, key in enumerate("ABCDEFG")}
    entries = [es003.entry(numbers[k], entry_date="11/17/2025",
                           status="LIQUIDATED",
                           liquidation_date=es003.days_before(days, as_of=MONDAY))
               for k, days in ages.items()]
    entries.append(es003.entry(numbers["F"], status="UNLIQUIDATED"))
    run = triage(es003.write("es003.csv", entries), as_of=MONDAY)

    _expect(run, numbers["A"], "cape", codes=["NEAR_80_DAY_LIMIT"],
            forbidden=["LIQUIDATED_OVER_80_DAYS"], deadline="2026-12-01")
    _expect(run, numbers["B"], "cape", codes=["NEAR_80_DAY_LIMIT"],
            forbidden=["LIQUIDATED_OVER_80_DAYS"], deadline="2026-11-30")
    _expect(run, numbers["C"], "protest", codes=["LIQUIDATED_OVER_80_DAYS"],
            forbidden=["PROTEST_PERIOD_EXPIRED"], deadline=_deadline(MONDAY, 81, 180))
    _expect(run, numbers["D"], "protest", codes=["LIQUIDATED_OVER_80_DAYS"],
            forbidden=["PROTEST_PERIOD_EXPIRED"], deadline="2026-11-30")
    _expect(run, numbers["E"], "later_phase",
            codes=["LIQUIDATED_OVER_80_DAYS", "PROTEST_PERIOD_EXPIRED"])
    _expect(run, numbers["F"], "cape", forbidden=["NEAR_80_DAY_LIMIT", "LIQUIDATED_OVER_80_DAYS"])
    _expect(run, numbers["G"], "cape", forbidden=["NEAR_80_DAY_LIMIT"], deadline="2027-02-06")
    assert _groups(run) == [sorted(numbers[k] for k in "ABFG")]


@pytest.fixture
def excluded_and_reconciliation(es003):
    """Types 47, 08, 09, 23; a reconciliation flag on a type 01; plain 01, 02 and 06 entries."""
    keys = "ABCDEFGH"
    numbers = {k: es003.number("2QN", 5020214 + 8 * i) for i, k in enumerate(keys)}
    second = "52-7740319R6"
    specs = {"A": ("47", "N", None), "B": ("08", "N", None), "C": ("09", "N", second),
             "D": ("23", "N", None), "E": ("01", "Y", None), "F": ("01", "N", None),
             "G": ("02", "N", None), "H": ("06", "N", second)}
    entries = [es003.entry(numbers[k], entry_type=t, importer=imp,
                           **{"Reconciliation Indicator": flag})
               for k, (t, flag, imp) in specs.items()]
    return es003.write("es003.csv", entries), numbers, second


def test_excluded_types_before_reconciliation_phase(triage, excluded_and_reconciliation):
    path, n, second = excluded_and_reconciliation
    run = triage(path, as_of=dt.date(2026, 6, 22))
    for key in "ABCD":
        _expect(run, n[key], "later_phase", codes=["EXCLUDED_ENTRY_TYPE"])
    _expect(run, n["E"], "later_phase", codes=["RECON_FLAGGED"])
    for key in "FGH":
        _expect(run, n[key], "cape", forbidden=["RECON_FLAGGED", "EXCLUDED_ENTRY_TYPE"])
    assert _groups(run) == sorted([sorted([n["F"], n["G"]]), [n["H"]]])


def test_excluded_types_after_reconciliation_phase(triage, excluded_and_reconciliation):
    path, n, second = excluded_and_reconciliation
    run = triage(path, as_of=MONDAY)
    for key in "ABCD":
        _expect(run, n[key], "later_phase", codes=["EXCLUDED_ENTRY_TYPE"])
    _expect(run, n["E"], "cape")
    assert _groups(run) == sorted([sorted([n["E"], n["F"], n["G"]]), [n["H"]]])


def test_over_9999_eligible_entries(es003, triage):
    numbers = [es003.number("6FJ", 7100000 + i) for i in range(10003)]
    run = triage(es003.write("es003_big.csv", [es003.entry(n, lines=[es003.ieepa(75)])
                                               for n in numbers]), as_of=MONDAY)
    assert [len(g) for g in _groups(run)] == [9999, 4]
    assert run.summary["routes"]["cape"]["entries"] == 10003


@pytest.fixture
def broker_pull(es003):
    own = {k: es003.number("MR7", n) for k, n in zip("ABC", (6010218, 6010226, 6010234))}
    other = {k: es003.number("3XE", n) for k, n in zip("DE", (8870211, 8870229))}
    own2 = {k: es003.number("MR7", n) for k, n in zip("FG", (6010242, 6010259))}
    second = "27-1604958W4"
    entries = [es003.entry(n) for n in [*own.values(), *other.values()]]
    entries += [es003.entry(n, importer=second, importer_name="Test Importer Two")
                for n in own2.values()]
    return es003.write("broker.csv", entries), own, other, own2, second


def test_broker_two_filer_codes_two_importers(triage, broker_pull):
    path, own, other, own2, second = broker_pull
    run = triage(path, as_of=MONDAY, filer_code="MR7")
    for number in [*own.values(), *own2.values()]:
        _expect(run, number, "cape", forbidden=["FILER_MISMATCH"])
    for number in other.values():
        _expect(run, number, "other_filer", codes=["FILER_MISMATCH"])
    assert _groups(run) == sorted([sorted(own.values()), sorted(own2.values())])
    assert _groups(run, "handoff_*.csv") == [sorted(other.values())]


def test_importer_declares_both_filer_codes(triage, broker_pull):
    path, own, other, own2, second = broker_pull
    run = triage(path, as_of=MONDAY)
    assert _groups(run) == sorted([sorted([*own.values(), *other.values()]),
                                   sorted(own2.values())])


def test_warehouse_suspended_extended(es003, triage):
    keys = "ABCDE"
    n = {k: es003.number("W4T", 9300217 + 8 * i) for i, k in enumerate(keys)}
    entries = [
        es003.entry(n["A"], entry_type="21", entry_date="06/23/2025"),
        es003.entry(n["B"], entry_type="34"),
        es003.entry(n["C"], entry_type="03", status="SUSPENDED"),
        es003.entry(n["D"], entry_type="01", status="EXTENDED"),
        es003.entry(n["E"]),
    ]
    run = triage(es003.write("es003.csv", entries), as_of=MONDAY)
    for key in "ABCD":
        _expect(run, n[key], "cape", codes=["REFUND_AFTER_LIQUIDATION"])
    _expect(run, n["E"], "cape", forbidden=["REFUND_AFTER_LIQUIDATION"])
    assert _groups(run) == [sorted(n.values())]


def test_open_and_suspended_protests(es003, triage):
    n = {k: es003.number("J2R", 2410216 + 8 * i) for i, k in enumerate("ABCDE")}
    entries = [
        es003.entry(n["A"], status="LIQUIDATED", liquidation_date=es003.days_before(131, MONDAY)),
        es003.entry(n["B"], status="LIQUIDATED", liquidation_date=es003.days_before(58, MONDAY)),
        es003.entry(n["C"], status="LIQUIDATED", liquidation_date=es003.days_before(101, MONDAY)),
        es003.entry(n["D"]),
        es003.entry(n["E"], status="LIQUIDATED", liquidation_date=es003.days_before(37, MONDAY)),
    ]
    protests = es003.write_text("protests.csv", (
        "Entry Number,Protest Number,Protest Status,Date Filed\n"
        f"{n['A'][:3]}-{n['A'][3:10]}-{n['A'][10]},270326100112,Open,10/01/2026\n"
        f"{n['B']},270326100120,Suspended,11/02/2026\n"))
    run = triage(es003.write("es003.csv", entries), as_of=MONDAY, protests=str(protests))
    _expect(run, n["A"], "later_phase", codes=["OPEN_PROTEST"])
    _expect(run, n["B"], "later_phase", codes=["OPEN_PROTEST"])
    _expect(run, n["C"], "protest", codes=["LIQUIDATED_OVER_80_DAYS"], forbidden=["OPEN_PROTEST"],
            deadline=es003.iso_days_before(101 - 180, MONDAY))
    _expect(run, n["D"], "cape", forbidden=["OPEN_PROTEST"])
    _expect(run, n["E"], "cape", deadline=es003.iso_days_before(37 - 80, MONDAY))
    assert _groups(run) == [sorted([n["D"], n["E"]])]


def test_drawback_designated_entries(es003, triage):
    n = {k: es003.number("Z6H", 4480219 + 8 * i) for i, k in enumerate("ABCDEF")}
    liquidated = {"B": 44, "C": 230, "D": 97, "F": 25}
    entries = [es003.entry(n[k], entry_date="10/06/2025", status="LIQUIDATED" if k in liquidated
                           else "", liquidation_date=es003.days_before(liquidated[k], MONDAY)
                           if k in liquidated else "")
               for k in "ABCDEF"]
    designations = es003.write_text("designations.csv", (
        "Entry Number,Entry Summary Line Number,Drawback Claim Number,Designated Quantity\n"
        + "".join(f"{n[k]},1,Z6H99000017,40\n" for k in "ABCD")))
    run = triage(es003.write("es003.csv", entries), as_of=MONDAY, drawback=str(designations))
    _expect(run, n["A"], "later_phase", codes=["DRAWBACK_DESIGNATED"])
    _expect(run, n["B"], "protest", codes=["DRAWBACK_DESIGNATED"],
            forbidden=["LIQUIDATED_OVER_80_DAYS"], deadline=es003.iso_days_before(44 - 180, MONDAY))
    _expect(run, n["C"], "later_phase", codes=["DRAWBACK_DESIGNATED"])
    _expect(run, n["D"], "protest", codes=["DRAWBACK_DESIGNATED"],
            deadline=es003.iso_days_before(97 - 180, MONDAY))
    _expect(run, n["E"], "cape", forbidden=["DRAWBACK_DESIGNATED"])
    _expect(run, n["F"], "cape", forbidden=["DRAWBACK_DESIGNATED"])
    assert _groups(run) == [sorted([n["E"], n["F"]])]


@pytest.fixture
def goods_value_pull(es003):
    n = {k: es003.number("E8P", 7740210 + 8 * i) for i, k in enumerate("ABCD")}
    on_ieepa = [es003.ieepa(1320, value=13200), es003.commodity(0)]
    entries = [
        es003.entry(n["A"], entry_date="02/19/2026", lines=on_ieepa),
        es003.entry(n["B"], entry_date="12/29/2025", lines=on_ieepa),
        es003.entry(n["C"], entry_date="11/10/2025", lines=on_ieepa, status="LIQUIDATED",
                    liquidation_date=es003.days_before(41, MONDAY)),
        es003.entry(n["D"], entry_date="02/19/2026"),
    ]
    return es003.write("es003.csv", entries), n


def test_goods_value_on_ieepa_line(triage, goods_value_pull):
    path, n = goods_value_pull
    run = triage(path, as_of=MONDAY)
    _expect(run, n["A"], "fix_then_cape", codes=["GOODS_VALUE_ON_IEEPA_LINE"],
            deadline="2026-12-16", duty="1320.00")
    assert run.rows[n["A"]]["deadline_kind"] == "psc"
    _expect(run, n["B"], "later_phase", codes=["GOODS_VALUE_ON_IEEPA_LINE"])
    _expect(run, n["C"], "protest", codes=["GOODS_VALUE_ON_IEEPA_LINE"],
            forbidden=["LIQUIDATED_OVER_80_DAYS"])
    _expect(run, n["D"], "cape", forbidden=["GOODS_VALUE_ON_IEEPA_LINE"])
    assert _groups(run) == [[n["D"]]]


def test_goods_value_rule_switched_off(es003, triage, goods_value_pull):
    path, n = goods_value_pull
    rules = es003.write_text("psc_off.yaml", "psc_first_for_goods_value_on_ieepa_line: false\n")
    run = triage(path, as_of=MONDAY, rules=str(rules))
    _expect(run, n["A"], "cape")
    _expect(run, n["D"], "cape")
    assert {n["A"], n["D"]} <= set(run.declared())


@pytest.fixture
def check_digit_pull(es003):
    a = es003.bad_check_digit(es003.number("V9K", 8830218))
    b, c = es003.number("V9K", 8830226), es003.number("V9K", 8830234)
    entries = [es003.entry(a, duty=2040), es003.entry(b),
               es003.entry(c, status="LIQUIDATED", liquidation_date=es003.days_before(50, MONDAY))]
    return es003.write("es003.csv", entries), a, b, c


def test_check_digit_mismatch(triage, check_digit_pull):
    path, a, b, c = check_digit_pull
    run = triage(path, as_of=MONDAY)
    _expect(run, a, "invalid", codes=["CHECK_DIGIT_MISMATCH"])
    _expect(run, b, "cape", forbidden=["CHECK_DIGIT_MISMATCH"])
    _expect(run, c, "cape", deadline=_deadline(MONDAY, 50, 80))
    assert _groups(run) == [sorted([b, c])]
    assert a in {r["value"] for r in run.exceptions if r["severity"] == "error"}


def test_check_digit_confirmed_in_ace(es003, triage, check_digit_pull):
    path, a, b, c = check_digit_pull
    rules = es003.write_text("rules.yaml", f"confirmed_check_digit_overrides:\n  - '{a}'\n")
    run = triage(path, as_of=MONDAY, rules=str(rules))
    _expect(run, a, "cape", codes=["CHECK_DIGIT_MISMATCH"], duty="2040.00")
    assert _groups(run) == [sorted([a, b, c])]


@pytest.fixture
def unknown_status_pull(es003):
    n = {k: es003.number("R3T", 3150213 + 8 * i) for i, k in enumerate("ABC")}
    entries = [es003.entry(n["A"], status="AWAITING CBP ACTN", duty=2650),
               es003.entry(n["B"], status="UNLIQUIDATED"),
               es003.entry(n["C"], status="LIQUIDATED",
                           liquidation_date=es003.days_before(29, MONDAY))]
    return es003.write("es003.csv", entries), n


def test_unknown_liquidation_status(triage, unknown_status_pull):
    path, n = unknown_status_pull
    run = triage(path, as_of=MONDAY)
    _expect(run, n["A"], "invalid", codes=["MISSING_LIQUIDATION_DATA"])
    _expect(run, n["B"], "cape", forbidden=["MISSING_LIQUIDATION_DATA", "REFUND_AFTER_LIQUIDATION"])
    _expect(run, n["C"], "cape", deadline=_deadline(MONDAY, 29, 80))
    assert "AWAITING CBP ACTN" in {r["value"] for r in run.exceptions if r["severity"] == "error"}
    assert _groups(run) == [sorted([n["B"], n["C"]])]


def test_unknown_status_mapped(es003, triage, unknown_status_pull):
    path, n = unknown_status_pull
    rules = es003.write_text("rules.yaml",
                             "liquidation_status_map:\n  'AWAITING CBP ACTN': under_review\n")
    run = triage(path, as_of=MONDAY, rules=str(rules))
    _expect(run, n["A"], "cape", codes=["REFUND_AFTER_LIQUIDATION"],
            forbidden=["MISSING_LIQUIDATION_DATA"], duty="2650.00")
    assert run.rows[n["A"]]["liquidation_status"] == "AWAITING CBP ACTN"
    assert _groups(run) == [sorted(n.values())]


def test_conflicting_rows_two_files(es003, triage):
    n = {k: es003.number("F2D", 6630219 + 8 * i) for i, k in enumerate("ABCD")}
    lines = {"C1": [es003.ieepa(1500, hts="99030124"), es003.ieepa(1500),
                    es003.commodity(15000)],
             "C2": [es003.ieepa(1650, hts="99030124"), es003.ieepa(1650),
                    es003.commodity(16500)]}
    early = es003.write("pull_oct.csv", [es003.entry(n["A"]), es003.entry(n["B"], duty=2475),
                                         es003.entry(n["C"], lines=lines["C1"])])
    late = es003.write("pull_oct_nov.csv", [es003.entry(n["B"], duty=2475),
                                            es003.entry(n["C"], lines=lines["C2"]),
                                            es003.entry(n["D"])])
    run = triage([early, late], as_of=MONDAY)
    _expect(run, n["A"], "cape", forbidden=["CONFLICTING_INPUT_ROWS"])
    _expect(run, n["B"], "cape", forbidden=["CONFLICTING_INPUT_ROWS"], duty="2475.00")
    _expect(run, n["C"], "invalid", codes=["CONFLICTING_INPUT_ROWS"])
    _expect(run, n["D"], "cape")
    assert _groups(run) == [sorted([n["A"], n["B"], n["D"]])]


def test_liquidated_after_as_of_date(es003, triage):
    as_of = dt.date(2026, 9, 14)
    n = {k: es003.number("N7G", 7180214 + 8 * i) for i, k in enumerate("ABCD")}
    dates = {"A": "12/01/2026", "B": "09/15/2026", "C": es003.days_before(44, as_of),
             "D": es003.days_before(150, as_of)}
    entries = [es003.entry(n[k], entry_date="11/03/2025", status="LIQUIDATED",
                           liquidation_date=d) for k, d in dates.items()]
    run = triage(es003.write("es003.csv", entries), as_of=as_of)
    for key in "AB":
        _expect(run, n[key], "cape", forbidden=["NEAR_80_DAY_LIMIT", "LIQUIDATED_OVER_80_DAYS",
                                                "PROTEST_PERIOD_EXPIRED", "INVALID_DATE"],
                deadline="")
    _expect(run, n["C"], "cape", deadline=_deadline(as_of, 44, 80))
    _expect(run, n["D"], "protest", codes=["LIQUIDATED_OVER_80_DAYS"],
            forbidden=["PROTEST_PERIOD_EXPIRED"], deadline=_deadline(as_of, 150, 180))
    assert _groups(run) == [sorted([n["A"], n["B"], n["C"]])]


def test_rules_file_with_guessed_key(es003, run_cli, tmp_path):
    path = es003.write("es003.csv", [es003.entry(es003.number("N7G", 7180255))])
    rules = es003.write_text("my_rules.yaml", "liquidation_status_map: {'PENDING CBP REVIEW': "
                                              "under_review}\nnear_limit_warning_days: 10\n")
    result = run_cli("triage", path, "--as-of", "2026-11-30", "--out", tmp_path / "out",
                     "--rules", rules)
    assert result.returncode == 2
    assert "near_limit_warning_days" in result.stderr
    assert "my_rules.yaml" in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []
