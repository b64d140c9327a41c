"""Run the whole estimate: read the triage folder and the analyst's files, estimate, write.

``run_estimate`` is what ``workbench estimate`` and the refund value notebook call. It
writes into the output folder:

* ``estimate.csv``: one row per entry (principal, interest, dates, provisional flag);
* ``deposits.csv``: one row per importer and liquidation date, with the ACH dates and offsets;
* ``cash_curve.csv``: expected cash per deposit date and the running total;
* ``principal_by_heading.csv``: principal per entry and Chapter 99 heading;
* ``interest_by_quarter.csv``: interest per quarter and rate column;
* ``estimate_summary.json``: totals, reconciliation with triage, settings and assumptions.

Every file is written atomically, and a rerun on the same inputs writes identical bytes.
"""

import dataclasses
import datetime as dt
import logging
import time
from decimal import Decimal
from pathlib import Path

from workbench import outputs
from workbench.errors import InputError
from workbench.money import report, summary as summary_module
from workbench.money.amounts import ZERO, parse_percent
from workbench.money.business_days import BusinessCalendar
from workbench.money.deposits import cash_curve, group_deposits
from workbench.money.estimate import Context, estimate_entry
from workbench.money.importers import AmbiguousImporter, columns_by_importer
from workbench.money.interest import LargeCorporateTier, Method
from workbench.money.offsets import apply_offsets, read_offsets
from workbench.money.payments import read_payments
from workbench.money.principal import (check_against_triage, principal_by_entry,
                                       principal_by_heading, totals_by)
from workbench.money.rates import column_key, shipped_rates
from workbench.money.rates_file import read_rates_file
from workbench.money.timing import TimingRules, default_acceptance_date
from workbench.money.triage_folder import read_triage_folder
from workbench.rules import load_table
from workbench.rules.settings import load_settings

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Request:
    """The analyst's inputs and settings for one estimate run (None keeps the default)."""

    triage_dir: Path
    out_dir: Path
    rates_file: Path = None
    rate_column: str = "corporate"
    offsets_file: Path = None
    rules_file: Path = None
    payments_file: Path = None
    acceptance_date: dt.date = None
    statement_delay_days: int = None
    compounding: str = None
    year_basis: str = None
    assume_rate: Decimal = None
    assume_liquidation_date: dt.date = None
    large_corporate_tier: bool = False


@dataclasses.dataclass(frozen=True)
class EstimateRun:
    """Everything one run computed, for the summary, the notebook and the tests."""

    request: Request
    folder: object
    context: Context
    acceptance_basis: str
    rate_changes: list
    estimates: list
    headings: list
    groups: list
    curve: list
    offsets_by_importer: dict
    warnings: list
    summary: dict = None
    files: tuple = ()


def run_estimate(request):
    """Estimate the refund value of a triage run and write the output files; return the run."""
    started = time.monotonic()
    folder = read_triage_folder(request.triage_dir)
    context, acceptance_basis, rate_changes, warnings = _context(request, folder)

    principal = principal_by_entry(folder.lines)
    check_against_triage(folder.entries, principal, Path(request.triage_dir) / "entries.csv")
    estimates = [estimate_entry(entry, principal.get(entry.entry_number, ZERO), context)
                 for entry in folder.entries]
    _reconcile(folder, estimates, Path(request.triage_dir) / "summary.json")

    groups = group_deposits(estimates)
    debts = {}
    if request.offsets_file:
        debts, offset_warnings = read_offsets(request.offsets_file,
                                              {e.importer_key for e in folder.entries})
        warnings += offset_warnings
    groups, offsets_by_importer = apply_offsets(groups, debts, bool(request.offsets_file))

    run = EstimateRun(request, folder, context, acceptance_basis, rate_changes, estimates,
                      principal_by_heading(folder.lines), groups, cash_curve(groups),
                      offsets_by_importer, warnings)
    run = dataclasses.replace(run, summary=summary_module.build_summary(run))
    run = dataclasses.replace(run, files=write_outputs(run))
    log.info("estimated %d entries in %d deposit groups in %.1f s", len(estimates), len(groups),
             time.monotonic() - started)
    return run


def _context(request, folder):
    warnings = []
    settings = load_settings(request.rules_file)
    importer_keys = sorted({entry.importer_key for entry in folder.entries})
    try:
        columns, column_warnings = columns_by_importer(
            settings.interest_rate_column_by_importer, importer_keys)
    except AmbiguousImporter as error:
        raise InputError(f"{request.rules_file}: key 'interest_rate_column_by_importer': {error}") from None
    warnings += column_warnings

    rates, rate_changes = _rates(request)
    timing = TimingRules.load()
    calendar = BusinessCalendar.load()
    acceptance, acceptance_basis = _acceptance(request, folder.as_of, timing, calendar)

    payments = {}
    if request.payments_file:
        payments, payment_warnings = read_payments(
            request.payments_file, {entry.entry_number for entry in folder.entries})
        warnings += payment_warnings

    delay = request.statement_delay_days
    if delay is None:
        delay = timing.statement_delay_days
    context = Context(
        as_of=folder.as_of, acceptance_date=acceptance, rates=rates, method=_method(request),
        timing=timing, calendar=calendar, statement_delay_days=delay,
        column_by_importer=columns, default_column=_default_column(request),
        payments=payments, assumed_liquidation_date=request.assume_liquidation_date)
    return context, acceptance_basis, rate_changes, warnings


def _rates(request):
    rates, changes = shipped_rates(), []
    if request.rates_file:
        rates, changes = rates.with_overrides(read_rates_file(request.rates_file))
    if request.assume_rate is not None:
        try:
            percent = parse_percent(request.assume_rate)
        except ValueError as error:
            raise InputError(f"--assume-rate: {error}") from None
        if percent < 1:
            raise InputError(f"--assume-rate {request.assume_rate}: give the non-corporate rate, "
                             f"at least 1 (the corporate rate is one point lower)")
        rates = rates.with_assumed(percent)
    return rates, changes


def _method(request):
    defaults = load_table("interest_rates")["method"]
    tier = LargeCorporateTier.load() if request.large_corporate_tier else None
    try:
        return Method(compounding=request.compounding or defaults["compounding"]["value"],
                      year_basis=str(request.year_basis or defaults["year_basis_days"]["value"]),
                      large_corporate_tier=tier)
    except ValueError as error:
        raise InputError(f"interest method: {error}") from None


def _default_column(request):
    try:
        return column_key(request.rate_column)
    except ValueError as error:
        raise InputError(f"--rate-column: {error}") from None


def _acceptance(request, as_of, timing, calendar):
    if request.acceptance_date:
        return request.acceptance_date, "--acceptance-date"
    acceptance = default_acceptance_date(as_of, timing, calendar)
    return acceptance, (f"first CAPE processing day ({', '.join(timing.processing_weekdays)}) "
                        f"on or after the as-of date {as_of.isoformat()}")


def _reconcile(folder, estimates, source):
    """Raise ``InputError`` unless the principal per route equals triage's IEEPA duty per route."""
    ours = totals_by(estimates, lambda e: e.entry.route, lambda e: e.principal)
    for route in sorted(set(ours) | set(folder.route_totals)):
        if ours.get(route, ZERO) != folder.route_totals.get(route, ZERO):
            raise InputError(
                f"{source}: route {route!r}: ieepa_duty {folder.route_totals.get(route, ZERO)} "
                f"differs from the principal of its entries ({ours.get(route, ZERO)}); rerun "
                f"workbench triage into a new folder")


def write_outputs(run):
    """Write the output files of ``run`` into its output folder; return their paths."""
    out = Path(run.request.out_dir)
    entries = {entry.entry_number: entry for entry in run.folder.entries}
    compounding = run.context.method.compounding
    files = [
        outputs.write_csv(out / "estimate.csv", report.ESTIMATE_COLUMNS,
                          report.estimate_rows(run.estimates, run.folder.as_of, compounding)),
        outputs.write_csv(out / "deposits.csv", report.DEPOSIT_COLUMNS,
                          report.deposit_rows(run.groups)),
        outputs.write_csv(out / "cash_curve.csv", report.CURVE_COLUMNS,
                          report.curve_rows(run.curve)),
        outputs.write_csv(out / "principal_by_heading.csv", report.HEADING_COLUMNS,
                          report.heading_rows(run.headings, entries)),
        outputs.write_csv(out / "interest_by_quarter.csv", report.QUARTER_COLUMNS,
                          report.quarter_rows(report.interest_by_quarter(run.estimates))),
        outputs.write_json(out / "estimate_summary.json", run.summary),
    ]
    for path in files:
        log.info("wrote %s", path)
    return tuple(files)
