"""Fixes and who may file: goods value on the IEEPA line (PSC first) and a broker declarant's filer code."""

import pytest

BROKER = "H2K"
OTHER = "9WB"


def _goods_value_entry(es003, number, **kw):
    return es003.entry(number, lines=[es003.ieepa(760, value=7600), es003.commodity(0)], **kw)


def test_goods_value_psc_window_open(es003, triage):
    number = es003.number(BROKER, 9000215)
    entry = _goods_value_entry(es003, number, entry_date="02/10/2026")
    run = triage(es003.write("es003.csv", [entry]))
    row = run.rows[number]
    assert row["route"] == "fix_then_cape"
    assert "GOODS_VALUE_ON_IEEPA_LINE" in run.codes(number)
    assert row["deadline"] == "2026-12-07"
    assert row["deadline_kind"] == "psc"
    assert row["declaration_file"] == ""
    assert run.declared() == []


def test_goods_value_warning_row(es003, triage):
    number = es003.number(BROKER, 9000223)
    run = triage(es003.write("es003.csv", [_goods_value_entry(es003, number,
                                                              entry_date="02/10/2026")]))
    rows = run.exceptions_for("GOODS_VALUE_ON_IEEPA_LINE")
    assert [r["severity"] for r in rows] == ["warning"]


@pytest.mark.parametrize("days_since_entry, route", [(300, "fix_then_cape"),
                                                     (301, "later_phase")])
def test_psc_window_boundary(es003, triage, days_since_entry, route):
    number = es003.number(BROKER, 9000231)
    entry = _goods_value_entry(es003, number, entry_date=es003.days_before(days_since_entry))
    run = triage(es003.write("es003.csv", [entry]))
    assert run.route(number) == route


def test_goods_value_psc_window_closed(es003, triage):
    number = es003.number(BROKER, 9000249)
    run = triage(es003.write("es003.csv", [_goods_value_entry(es003, number,
                                                              entry_date="11/03/2025")]))
    assert run.route(number) == "later_phase"
    assert "GOODS_VALUE_ON_IEEPA_LINE" in run.codes(number)
    assert run.declared() == []


def test_goods_value_liquidated_protest(es003, triage):
    number = es003.number(BROKER, 9000256)
    entry = _goods_value_entry(es003, number, entry_date="02/10/2026", status="LIQUIDATED",
                               liquidation_date=es003.days_before(35))
    run = triage(es003.write("es003.csv", [entry]))
    assert run.route(number) == "protest"
    assert "GOODS_VALUE_ON_IEEPA_LINE" in run.codes(number)
    assert "LIQUIDATED_OVER_80_DAYS" not in run.codes(number)
    assert run.rows[number]["deadline"] == es003.iso_days_before(35 - 180)


def test_psc_first_switched_off(es003, triage):
    number = es003.number(BROKER, 9000264)
    rules = es003.write_text("rules.yaml", "psc_first_for_goods_value_on_ieepa_line: false\n")
    entry = _goods_value_entry(es003, number, entry_date="02/10/2026")
    run = triage(es003.write("es003.csv", [entry]), rules=str(rules))
    assert run.route(number) == "cape"
    assert run.declared() == [number]


def test_goods_value_on_commodity_row_is_fine(es003, triage):
    number = es003.number(BROKER, 9000272)
    run = triage(es003.write("es003.csv", [es003.entry(number, entry_date="02/10/2026")]))
    assert run.route(number) == "cape"
    assert "GOODS_VALUE_ON_IEEPA_LINE" not in run.codes(number)


def test_goods_value_on_301_row_is_not_flagged(es003, triage):
    number = es003.number(BROKER, 9000280)
    lines = [es003.ieepa(500), es003.ieepa(1250, hts="99038815", value=5000), es003.commodity(0)]
    run = triage(es003.write("es003.csv", [es003.entry(number, lines=lines,
                                                       entry_date="02/10/2026")]))
    assert "GOODS_VALUE_ON_IEEPA_LINE" not in run.codes(number)


# Filer codes


@pytest.fixture
def broker_pull(es003):
    """Entries of the broker (two importers) and of another filer."""
    own = [es003.number(BROKER, 9100213), es003.number(BROKER, 9100221)]
    own_other_importer = es003.number(BROKER, 9100239)
    foreign = [es003.number(OTHER, 4400217), es003.number(OTHER, 4400225)]
    entries = [es003.entry(n, duty=800) for n in own + foreign]
    entries.append(es003.entry(own_other_importer, importer=es003.other_importer, duty=1700,
                               importer_name="Test Importer Two"))
    path = es003.write("broker_pull.csv", entries)
    return path, own, own_other_importer, foreign


def test_broker_own_entries_declared(triage, broker_pull):
    path, own, own_other_importer, foreign = broker_pull
    run = triage(path, filer_code=BROKER)
    assert sorted(run.declared()) == sorted(own + [own_other_importer])


def test_broker_other_filer_entries(triage, broker_pull):
    path, own, _, foreign = broker_pull
    run = triage(path, filer_code=BROKER)
    for number in foreign:
        assert run.route(number) == "other_filer"
        assert "FILER_MISMATCH" in run.codes(number)
        assert OTHER in run.rows[number]["message"]


def test_broker_handoff_file(triage, broker_pull):
    path, _, _, foreign = broker_pull
    run = triage(path, filer_code=BROKER)
    handoffs = run.files(f"handoff_{OTHER}_*.csv")
    assert [p.name for p in handoffs] == [f"handoff_{OTHER}_001.csv"]
    assert sorted(run.declared(f"handoff_{OTHER}_*.csv")) == sorted(foreign)
    listed = run.rows[foreign[0]]["declaration_file"]
    assert listed.endswith(f"handoff_{OTHER}_001.csv")


def test_broker_files_never_hold_other_filer(triage, broker_pull):
    path, _, _, foreign = broker_pull
    run = triage(path, filer_code=BROKER)
    assert all(number[:3] == BROKER for number in run.declared())


def test_importer_declarant_declares_every_filer(triage, broker_pull):
    path, own, own_other_importer, foreign = broker_pull
    run = triage(path)
    assert sorted(run.declared()) == sorted(own + foreign + [own_other_importer])
    assert run.files("handoff_*.csv") == []


def test_importer_declarant_no_filer_mismatch(triage, broker_pull):
    path, _, _, foreign = broker_pull
    run = triage(path)
    assert "FILER_MISMATCH" not in run.codes(foreign[0])


def test_filer_code_option_case_insensitive(triage, broker_pull):
    path, own, own_other_importer, _ = broker_pull
    run = triage(path, filer_code=BROKER.lower())
    assert sorted(run.declared()) == sorted(own + [own_other_importer])


def test_goods_value_and_other_filer(es003, triage):
    # F1 and F3 together: the owner of the entry must correct and declare it.
    number = es003.number(OTHER, 4400233)
    entry = _goods_value_entry(es003, number, entry_date="02/10/2026")
    run = triage(es003.write("es003.csv", [entry]), filer_code=BROKER)
    assert run.route(number) == "other_filer"
    assert run.codes(number) >= {"FILER_MISMATCH", "GOODS_VALUE_ON_IEEPA_LINE"}
    assert run.declared() == []


def test_other_filer_protest_stays_protest(es003, triage):
    number = es003.number(OTHER, 4400241)
    entry = es003.entry(number, status="LIQUIDATED", liquidation_date=es003.days_before(100))
    run = triage(es003.write("es003.csv", [entry]), filer_code=BROKER)
    assert run.route(number) == "protest"


def test_summary_names_declarant(triage, broker_pull):
    path = broker_pull[0]
    run = triage(path, filer_code=BROKER)
    assert run.summary["declarant"] == {"kind": "broker", "filer_code": BROKER}


@pytest.mark.parametrize("code", ["000", "H2", "H2K4", "H-K"])
def test_bad_filer_code_option_exits_2(es003, run_cli, tmp_path, code):
    path = es003.write("es003.csv", [es003.entry(es003.number(BROKER, 9100247))])
    result = run_cli("triage", path, "--as-of", "2026-11-16", "--out", tmp_path / "out",
                     "--filer-code", code)
    assert result.returncode == 2
    assert "--filer-code" in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []
