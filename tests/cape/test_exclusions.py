"""Entry-level exclusions: excluded types, drawback designations, open protests, reconciliation, AD/CVD."""

import datetime as dt

import pytest

BEFORE_RECONCILIATION = dt.date(2026, 6, 10)


def _run(es003, triage, entries, **options):
    return triage(es003.write("es003.csv", entries), **options)


@pytest.mark.parametrize("entry_type", ["08", "09", "23", "47"])
def test_excluded_type_unliquidated_later_phase(es003, triage, entry_type):
    number = es003.number("G5D", 7100213)
    run = _run(es003, triage, [es003.entry(number, entry_type=entry_type)])
    assert run.route(number) == "later_phase"
    assert "EXCLUDED_ENTRY_TYPE" in run.codes(number)
    assert run.declared() == []


@pytest.mark.parametrize("entry_type", ["08", "09", "23", "47"])
def test_excluded_type_liquidated_protest(es003, triage, entry_type):
    # Liquidated 40 days ago: inside 80 days, but no open phase takes the type, so protest.
    number = es003.number("G5D", 7100221)
    entry = es003.entry(number, entry_type=entry_type, status="LIQUIDATED",
                        liquidation_date=es003.days_before(40))
    run = _run(es003, triage, [entry])
    assert run.route(number) == "protest"
    assert run.rows[number]["deadline"] == es003.iso_days_before(40 - 180)
    assert run.rows[number]["deadline_kind"] == "protest_180_day"


def test_excluded_type_past_protest_period(es003, triage):
    number = es003.number("G5D", 7100239)
    entry = es003.entry(number, entry_type="47", status="LIQUIDATED",
                        liquidation_date=es003.days_before(200))
    run = _run(es003, triage, [entry])
    assert run.route(number) == "later_phase"
    assert "PROTEST_PERIOD_EXPIRED" in run.codes(number)


@pytest.mark.parametrize("entry_type", ["01", "02", "03", "06", "11"])
def test_ordinary_types_not_excluded(es003, triage, entry_type):
    number = es003.number("G5D", 7100247)
    run = _run(es003, triage, [es003.entry(number, entry_type=entry_type)])
    assert run.route(number) == "cape"
    assert "EXCLUDED_ENTRY_TYPE" not in run.codes(number)


# Drawback designations


@pytest.fixture
def designated(es003):
    """Four designated entries (unliquidated, 47, 126 and 205 days) and one free entry."""
    numbers = [es003.number("G5D", n) for n in (7200211, 7200229, 7200237, 7200245, 7200252)]
    entries = [
        es003.entry(numbers[0], duty=5100),
        es003.entry(numbers[1], duty=4200, status="LIQUIDATED",
                    liquidation_date=es003.days_before(47)),
        es003.entry(numbers[2], duty=3300, status="LIQUIDATED",
                    liquidation_date=es003.days_before(126)),
        es003.entry(numbers[3], duty=2400, status="LIQUIDATED",
                    liquidation_date=es003.days_before(205)),
        es003.entry(numbers[4], duty=1500),
    ]
    listed = [f"{n[:3]}-{n[3:10]}-{n[10]}" for n in numbers[:4]]
    return numbers, entries, listed


def test_drawback_unliquidated_later_phase(es003, triage, designated):
    numbers, entries, listed = designated
    run = _run(es003, triage, entries, drawback=str(es003.entry_list("claim.csv", listed)))
    assert run.route(numbers[0]) == "later_phase"
    assert "DRAWBACK_DESIGNATED" in run.codes(numbers[0])


def test_drawback_inside_80_days_protest(es003, triage, designated):
    numbers, entries, listed = designated
    run = _run(es003, triage, entries, drawback=str(es003.entry_list("claim.csv", listed)))
    assert run.route(numbers[1]) == "protest"
    assert "DRAWBACK_DESIGNATED" in run.codes(numbers[1])
    assert "LIQUIDATED_OVER_80_DAYS" not in run.codes(numbers[1])
    assert run.rows[numbers[1]]["deadline"] == es003.iso_days_before(47 - 180)


def test_drawback_past_80_days_protest(es003, triage, designated):
    numbers, entries, listed = designated
    run = _run(es003, triage, entries, drawback=str(es003.entry_list("claim.csv", listed)))
    assert run.route(numbers[2]) == "protest"
    assert run.rows[numbers[2]]["deadline_kind"] == "protest_180_day"


def test_drawback_past_protest_period(es003, triage, designated):
    numbers, entries, listed = designated
    run = _run(es003, triage, entries, drawback=str(es003.entry_list("claim.csv", listed)))
    assert run.route(numbers[3]) == "later_phase"


def test_drawback_list_spares_others(es003, triage, designated):
    numbers, entries, listed = designated
    run = _run(es003, triage, entries, drawback=str(es003.entry_list("claim.csv", listed)))
    assert run.route(numbers[4]) == "cape"
    assert run.declared() == [numbers[4]]


# Open protests


@pytest.fixture
def protested(es003):
    """Two protested entries (liquidated 118 and 35 days ago) and a free one (100 days)."""
    numbers = [es003.number("G5D", n) for n in (7300219, 7300227, 7300235)]
    entries = [
        es003.entry(numbers[0], duty=3900, status="LIQUIDATED",
                    liquidation_date=es003.days_before(118)),
        es003.entry(numbers[1], duty=6100, status="LIQUIDATED",
                    liquidation_date=es003.days_before(35)),
        es003.entry(numbers[2], duty=2900, status="LIQUIDATED",
                    liquidation_date=es003.days_before(100)),
    ]
    text = ("Entry Number,Protest Number,Protest Status\n"
            f"{numbers[0][:3]}-{numbers[0][3:10]}-{numbers[0][10]},390126100071,Open\n"
            f"{numbers[1].lower()},390126100089,Suspended\n")
    return numbers, entries, es003.write_text("protests.csv", text)


def test_open_protest_not_protested_again(es003, triage, protested):
    numbers, entries, protests = protested
    run = _run(es003, triage, entries, protests=str(protests))
    assert run.route(numbers[0]) == "later_phase"
    assert "OPEN_PROTEST" in run.codes(numbers[0])


def test_suspended_protest_inside_80_days(es003, triage, protested):
    numbers, entries, protests = protested
    run = _run(es003, triage, entries, protests=str(protests))
    assert run.route(numbers[1]) == "later_phase"
    assert "OPEN_PROTEST" in run.codes(numbers[1])
    assert numbers[1] not in run.declared()
    assert "withdrawn" in run.rows[numbers[1]]["message"]


def test_unprotested_entry_goes_to_protest(es003, triage, protested):
    numbers, entries, protests = protested
    run = _run(es003, triage, entries, protests=str(protests))
    assert run.route(numbers[2]) == "protest"
    assert "OPEN_PROTEST" not in run.codes(numbers[2])


# Reconciliation


def _recon_entry(es003, number, entry_type="01", indicator="Y"):
    return es003.entry(number, entry_type=entry_type, **{"Reconciliation Indicator": indicator})


def test_recon_flag_before_reconciliation_phase(es003, triage):
    number, plain = es003.number("G5D", 7400217), es003.number("G5D", 7400225)
    entries = [_recon_entry(es003, number), _recon_entry(es003, plain, indicator="N")]
    run = _run(es003, triage, entries, as_of=BEFORE_RECONCILIATION)
    assert run.route(number) == "later_phase"
    assert "RECON_FLAGGED" in run.codes(number)
    assert run.route(plain) == "cape"


@pytest.mark.parametrize("as_of, route", [(dt.date(2026, 6, 28), "later_phase"),
                                          (dt.date(2026, 6, 29), "cape")])
def test_reconciliation_phase_opens_2026_06_29(es003, triage, as_of, route):
    number = es003.number("G5D", 7400233)
    run = _run(es003, triage, [_recon_entry(es003, number)], as_of=as_of)
    assert run.route(number) == route


@pytest.mark.parametrize("entry_type", ["01", "02", "06"])
def test_recon_flag_after_phase_declared(es003, triage, entry_type):
    number = es003.number("G5D", 7400241)
    run = _run(es003, triage, [_recon_entry(es003, number, entry_type)])
    assert run.route(number) == "cape"
    assert run.declared() == [number]


def test_recon_flag_after_phase_message_asks_for_09(es003, triage):
    number = es003.number("G5D", 7400258)
    run = _run(es003, triage, [_recon_entry(es003, number)])
    assert "09" in run.rows[number]["message"]


def test_recon_flag_other_type_after_phase(es003, triage):
    number = es003.number("G5D", 7400266)
    run = _run(es003, triage, [_recon_entry(es003, number, "03")])
    assert run.route(number) == "later_phase"
    assert "RECON_FLAGGED" in run.codes(number)


def test_recon_09_filed(es003, triage):
    number, other = es003.number("G5D", 7400274), es003.number("G5D", 7400282)
    rules = es003.write_text("rules.yaml", f'reconciliation_09_filed: ["{number.lower()}"]\n')
    entries = [_recon_entry(es003, number), _recon_entry(es003, other)]
    run = _run(es003, triage, entries, rules=str(rules))
    assert run.route(number) == "later_phase"
    assert "RECON_FILED" in run.codes(number)
    assert run.route(other) == "cape"


def test_recon_09_filed_liquidated_protest(es003, triage):
    number = es003.number("G5D", 7400290)
    rules = es003.write_text("rules.yaml", f"reconciliation_09_filed: ['{number}']\n")
    entry = es003.entry(number, status="LIQUIDATED", liquidation_date=es003.days_before(30),
                        **{"Reconciliation Indicator": "Y"})
    run = _run(es003, triage, [entry], rules=str(rules))
    assert run.route(number) == "protest"


def test_recon_indicator_case_insensitive(es003, triage):
    number = es003.number("G5D", 7400308)
    run = _run(es003, triage, [_recon_entry(es003, number, indicator=" y ")],
               as_of=BEFORE_RECONCILIATION)
    assert "RECON_FLAGGED" in run.codes(number)


# AD/CVD


def test_adcvd_pending_liquidation(es003, triage):
    number, other = es003.number("G5D", 7500214), es003.number("G5D", 7500222)
    rules = es003.write_text("rules.yaml",
                             'liquidation_status_map: {"ADCVD INSTR ISSUED": '
                             "adcvd_pending_liquidation}\n")
    entries = [es003.entry(number, entry_type="03", status="ADCVD INSTR ISSUED"),
               es003.entry(other, entry_type="03")]
    run = _run(es003, triage, entries, rules=str(rules))
    assert run.route(number) == "later_phase"
    assert "ADCVD_PENDING_LIQUIDATION" in run.codes(number)
    assert run.declared() == [other]
