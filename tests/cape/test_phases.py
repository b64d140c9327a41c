"""CAPE phases as data: rows switched on and off by the rules file, each open from its effective date."""

import datetime as dt

FINALLY_LIQUIDATED_ON = ("cape_phases:\n"
                         "  finally_liquidated:\n"
                         "    enabled: true\n"
                         "    source: 'CSMS test notice 2026-08-03 (analyst copy)'\n")


def _liquidated(es003, days, transaction):
    number = es003.number("F6R", transaction)
    return number, es003.entry(number, entry_date="09/02/2025", status="LIQUIDATED",
                               liquidation_date=es003.days_before(days))


def test_finally_liquidated_off_by_default(es003, triage):
    number, entry = _liquidated(es003, 100, 6100218)
    run = triage(es003.write("es003.csv", [entry]))
    assert run.route(number) == "protest"


def test_finally_liquidated_switched_on(es003, triage):
    late, later = _liquidated(es003, 100, 6100226), _liquidated(es003, 220, 6100234)
    rules = es003.write_text("rules.yaml", FINALLY_LIQUIDATED_ON)
    run = triage(es003.write("es003.csv", [late[1], later[1]]), rules=str(rules))
    assert run.route(late[0]) == "cape"
    assert run.route(later[0]) == "cape"
    assert "LIQUIDATED_OVER_80_DAYS" in run.codes(late[0])
    assert sorted(run.declared()) == sorted([late[0], later[0]])


def test_finally_liquidated_source_recorded(es003, triage):
    number, entry = _liquidated(es003, 100, 6100242)
    rules = es003.write_text("rules.yaml", FINALLY_LIQUIDATED_ON)
    run = triage(es003.write("es003.csv", [entry]), rules=str(rules))
    phases = {p["id"]: p for p in run.summary["cape_phases"]}
    assert phases["finally_liquidated"]["enabled"] is True
    assert phases["finally_liquidated"]["open_on_as_of"] is True
    assert phases["finally_liquidated"]["source"] == "CSMS test notice 2026-08-03 (analyst copy)"


def test_switched_on_phase_waits_for_effective_date(es003, triage):
    # The finally-liquidated row is effective from 2026-07-31; switching it on does not open
    # it earlier.
    as_of = dt.date(2026, 7, 20)
    number = es003.number("F6R", 6100259)
    entry = es003.entry(number, entry_date="09/02/2025", status="LIQUIDATED",
                        liquidation_date=es003.days_before(100, as_of=as_of))
    rules = es003.write_text("rules.yaml", FINALLY_LIQUIDATED_ON)
    run = triage(es003.write("es003.csv", [entry]), rules=str(rules), as_of=as_of)
    assert run.route(number) == "protest"


def test_finally_liquidated_without_source_exits_2(es003, run_cli, tmp_path):
    number, entry = _liquidated(es003, 100, 6100267)
    path = es003.write("es003.csv", [entry])
    rules = es003.write_text("phase_rules.yaml",
                             "cape_phases:\n  finally_liquidated: {enabled: true}\n")
    result = run_cli("triage", path, "--as-of", "2026-11-16", "--out", tmp_path / "out",
                     "--rules", rules)
    assert result.returncode == 2
    assert "phase_rules.yaml" in result.stderr
    assert "cape_phases" in result.stderr
    assert "finally_liquidated" in result.stderr
    assert "source" in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []


def test_phase_1_switched_off(es003, triage):
    number = es003.number("F6R", 6100275)
    rules = es003.write_text("rules.yaml", "cape_phases: {phase_1: {enabled: false}}\n")
    run = triage(es003.write("es003.csv", [es003.entry(number)]), rules=str(rules))
    assert run.route(number) == "later_phase"
    assert run.declared() == []


def test_reconciliation_phase_switched_off(es003, triage):
    number = es003.number("F6R", 6100283)
    rules = es003.write_text("rules.yaml", "cape_phases: {reconciliation: {enabled: false}}\n")
    entry = es003.entry(number, **{"Reconciliation Indicator": "Y"})
    run = triage(es003.write("es003.csv", [entry]), rules=str(rules))
    assert run.route(number) == "later_phase"
    assert "RECON_FLAGGED" in run.codes(number)


def test_summary_lists_phase_rows(es003, triage):
    run = triage(es003.write("es003.csv", [es003.entry(es003.number("F6R", 6100291))]))
    phases = {p["id"]: p for p in run.summary["cape_phases"]}
    assert set(phases) == {"phase_1", "reconciliation", "finally_liquidated"}
    assert phases["phase_1"]["open_on_as_of"] is True
    assert phases["finally_liquidated"]["open_on_as_of"] is False


def test_summary_records_rule_table_versions(es003, triage):
    run = triage(es003.write("es003.csv", [es003.entry(es003.number("F6R", 6100309))]))
    tables = run.summary["rule_tables"]
    assert {"chapter99", "cape_phases", "clocks"} <= set(tables)
    assert all(t["version"] for t in tables.values())
