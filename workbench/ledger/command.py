"""The ``workbench ledger`` command: record uploads, import CBP results, show, re-file, reconcile.

Each sub-command opens the ledger (``--ledger``, default ``workbench_ledger.duckdb`` in the
working folder), does one thing and returns the exit status: 0 when done, 2 (through
``InputError``) for an input the message names.
"""

import argparse
import datetime as dt
import logging
from pathlib import Path

from workbench.errors import InputError
from workbench.ledger import imports, reconcile, refile, status
from workbench.ledger.store import DEFAULT_LOCK_TIMEOUT, DEFAULT_PATH, Ledger

log = logging.getLogger(__name__)


def _date(text):
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD") from None


def _seconds(text):
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0 or more)")
    return value


def _common(parser):
    parser.add_argument("--ledger", type=Path, default=Path(DEFAULT_PATH),
                        help=f"the DuckDB ledger file (default: {DEFAULT_PATH} in the working "
                             f"folder)")
    parser.add_argument("--lock-timeout", type=_seconds, default=DEFAULT_LOCK_TIMEOUT,
                        metavar="SECONDS",
                        help="how long to wait while another process uses the ledger "
                             f"(default: {DEFAULT_LOCK_TIMEOUT:g})")


def add_parser(subparsers):
    """Register ``ledger`` and its sub-commands."""
    parser = subparsers.add_parser(
        "ledger", help="follow CAPE declarations: uploads, CBP results, re-filing, refunds",
        description="Keep the declaration ledger: record uploads, import CBP result files, "
                    "show status, write re-file declarations and reconcile refunds.")
    commands = parser.add_subparsers(dest="ledger_command", metavar="SUBCOMMAND", required=True)

    upload = commands.add_parser("record-upload", help="record that a declaration was uploaded")
    upload.add_argument("declaration_file", type=Path, metavar="DECLARATION_FILE")
    upload.add_argument("--claim-number", default="", help="the claim number CAPE gave the upload")
    upload.add_argument("--date", type=_date, default=None,
                        help="upload date, YYYY-MM-DD (default: today)")
    upload.add_argument("--importer", default="",
                        help="importer number, for a file that triage did not write")
    upload.add_argument("--filer-code", default="",
                        help="declaring broker's filer code, for a file that triage did not write")
    _common(upload)
    upload.set_defaults(handler=run_record_upload)

    results = commands.add_parser(
        "import-results", help="import Claim Details, ES-022 or REV-603 files")
    results.add_argument("result_files", type=Path, nargs="+", metavar="RESULT_FILE")
    _common(results)
    results.set_defaults(handler=run_import_results)

    show = commands.add_parser("status", help="show the status of every entry and the funnel")
    show.add_argument("--out", type=Path, default=None,
                      help="folder for ledger_status.csv and ledger_funnel.csv")
    _common(show)
    show.set_defaults(handler=run_status)

    again = commands.add_parser(
        "refile", help="write a declaration of rejected entries whose cause is gone")
    again.add_argument("--out", type=Path, required=True, help="new folder for the files")
    again.add_argument("--cleared", type=Path, default=None,
                       help="CSV of entry numbers whose cause of rejection you have cleared "
                            "(for example by a post-summary correction)")
    _common(again)
    again.set_defaults(handler=run_refile)

    check = commands.add_parser(
        "reconcile", help="compare the estimate with the refunds CBP reported and paid")
    check.add_argument("--estimate", type=Path, default=None,
                       help="estimate.csv from 'workbench estimate' (entry_number, principal, "
                            "interest in dollars); without it only CBP's figures are checked")
    check.add_argument("--out", type=Path, required=True, help="folder for the CSV files")
    check.add_argument("--as-of", type=_date, default=None,
                       help="the day waiting times are measured to, YYYY-MM-DD (default: today)")
    _common(check)
    check.set_defaults(handler=run_reconcile)
    return parser


def run_record_upload(args):
    """Record one upload and print what changed."""
    with Ledger.open(args.ledger, timeout=args.lock_timeout) as ledger:
        record = imports.record_upload(ledger, args.declaration_file, args.claim_number,
                                       args.date, args.importer, args.filer_code)
    name = args.declaration_file.name
    if record.already_recorded:
        print(f"{name}: upload already recorded (claim {record.claim_number or 'not given'}, "
              f"{record.upload_date}); nothing changed")
        return 0
    origin = "registered now (not written by triage)" if record.registered_now else "known"
    print(f"{name}: recorded upload of {record.entries} entries on {record.upload_date}, claim "
          f"{record.claim_number or 'not given'}; file {origin}")
    if record.already_declared:
        print(f"warning: {len(record.already_declared)} entries were already with CBP (first: "
              f"{record.already_declared[0]}); CBP is likely to reject them as previously "
              f"submitted")
    return 0


def run_import_results(args):
    """Import each result file in its own transaction and print what each added."""
    with Ledger.open(args.ledger, timeout=args.lock_timeout) as ledger:
        for path in args.result_files:
            record = imports.import_results(ledger, path)
            _print_import(record)
    return 0


def _print_import(record):
    name = record.path.name
    if record.already_imported:
        print(f"{name}: already imported ({record.label}); nothing changed")
        return
    print(f"{name}: {record.label}, {record.rows} rows, {record.events_added} new status events")
    for text in record.unrecognised_statuses:
        print(f"warning: {name}: status {text!r} is not in the workbench's list; kept as "
              f"received")
    if record.entries_not_declared:
        print(f"warning: {name}: {record.entries_not_declared} entries are in no declaration "
              f"in this ledger; 'ledger reconcile' lists them")
    for text in record.warnings:
        print(f"warning: {name}: {text}")


def run_status(args):
    """Print the funnel and the counts per status; write the CSV files when --out is given."""
    with Ledger.open(args.ledger, create=False, timeout=args.lock_timeout) as ledger:
        states = ledger.entry_states()
    for row in status.funnel(states).itertuples(index=False):
        print(f"{row.stage:<12}{row.entries:>8}")
    for name, count in status.other_counts(states).items():
        print(f"{'(' + name + ')':<12}{count:>8}")
    if args.out:
        for path in status.write_status(args.out, states):
            print(f"wrote {path}")
    return 0


def run_refile(args):
    """Write the re-file declaration and report what was listed and what was not."""
    with Ledger.open(args.ledger, create=False, timeout=args.lock_timeout) as ledger:
        result = refile.write_refile(ledger, args.out, args.cleared)
    listed = sum(1 for d in result.decisions if d.refile)
    print(f"{len(result.decisions)} rejected entries, {listed} listed for re-filing")
    for item in result.declaration_files:
        print(f"wrote {item['path']} ({len(item['entries'])} entries)")
    print(f"wrote {result.report}")
    if result.cleared_not_rejected:
        print(f"warning: {len(result.cleared_not_rejected)} entries in --cleared are not "
              f"rejected in the ledger (first: {result.cleared_not_rejected[0]}); ignored")
    return 0


def run_reconcile(args):
    """Write the reconciliation tables and print the findings per kind."""
    if args.estimate is not None and not args.estimate.is_file():
        raise InputError(f"{args.estimate}: estimate file not found; run 'workbench estimate' "
                         f"first or leave out --estimate")
    expected = reconcile.read_estimate(args.estimate) if args.estimate else None
    with Ledger.open(args.ledger, create=False, timeout=args.lock_timeout) as ledger:
        result = reconcile.reconcile(ledger, expected, args.as_of)
    if expected is None:
        print("no --estimate given: expected amounts are blank and shortfalls against the "
              "estimate are not checked")
    counts = result.findings["finding"].value_counts().sort_index()
    for finding, count in counts.items():
        print(f"{finding:<30}{count:>6}")
    for path in reconcile.write_reconciliation(args.out, result):
        print(f"wrote {path}")
    return 0
