"""The estimate of the sample data reconciles with its triage, route by route.

Runs the real triage on ``data_samples/`` (as-of 2026-12-04, as the demo does), then the
estimate on its folder. The principal per route must equal triage's IEEPA duty per route,
and the deposits must add up to the refund-path principal.
"""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from workbench.cape.run import run_triage
from workbench.money.pipeline import Request, run_estimate
from workbench.money.routes import REFUND_ROUTES

SAMPLES = Path(__file__).resolve().parents[2] / "data_samples"
pytestmark = pytest.mark.skipif(not (SAMPLES / "es003_importer1.csv").is_file(),
                                reason="sample data not generated")


@pytest.fixture(scope="module", params=["K9D", None], ids=["broker_K9D", "importer"])
def sample_run(request, tmp_path_factory):
    base = tmp_path_factory.mktemp("sample")
    run_triage(sorted(SAMPLES.glob("es003_importer*.csv")), base / "triage",
               as_of=dt.date(2026, 12, 4), filer_code=request.param,
               protests=SAMPLES / "protests.csv", drawback=SAMPLES / "drawback_designations.csv",
               rules=SAMPLES / "analyst_rules.yaml")
    result = run_estimate(Request(triage_dir=base / "triage", out_dir=base / "estimate",
                                  rules_file=SAMPLES / "analyst_rules.yaml"))
    triage_summary = json.loads((base / "triage" / "summary.json").read_text())
    return result, triage_summary


def test_principal_per_route_equals_triage(sample_run):
    result, triage_summary = sample_run
    for route, figures in triage_summary["routes"].items():
        ours = result.summary["routes"].get(route, {"principal": "0.00"})["principal"]
        assert ours == figures["ieepa_duty"], route


def test_total_principal_equals_triage_total(sample_run):
    result, triage_summary = sample_run
    total = sum(Decimal(f["ieepa_duty"]) for f in triage_summary["routes"].values())
    assert Decimal(result.summary["totals"]["ieepa_duty_paid"]) == total


def test_deposits_hold_refund_path_principal(sample_run):
    result, _ = sample_run
    refund_principal = sum((e.principal for e in result.estimates
                            if e.entry.route in REFUND_ROUTES), Decimal("0.00"))
    assert sum((g.principal for g in result.groups), Decimal("0.00")) == refund_principal


def test_sole_proprietor_gets_non_corporate_rate(sample_run):
    result, _ = sample_run
    columns = {e.rate_column for e in result.estimates if e.entry.importer_key.endswith("5072")}
    assert columns == {"non_corporate"}


def test_every_refund_entry_dated_or_explained(sample_run):
    result, _ = sample_run
    for estimate in result.estimates:
        if estimate.entry.route in REFUND_ROUTES and estimate.liquidation_date is None:
            assert "left open" in "; ".join(estimate.provisional_reasons)
