"""``workbench triage``: route every entry of ES-003 exports and write CAPE declaration files."""

import datetime as dt
import os
import sys

from workbench.cape.run import ROUTES, run_triage
from workbench.errors import InputError


def iso_date(text):
    """Parse a YYYY-MM-DD option value."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"date {text!r} is not in YYYY-MM-DD form") from None


def add_parser(subparsers):
    """Register the ``triage`` command."""
    parser = subparsers.add_parser(
        "triage", help="route entries for CAPE and write declaration files",
        description="Route every entry of one or more ES-003 exports (cape, fix_then_cape, "
                    "protest, later_phase, other_filer, declared, no_refund, invalid) and write "
                    "CAPE declaration files, triage.csv, exceptions.csv and summary.json.")
    parser.add_argument("es003", nargs="+", metavar="ES003_FILE",
                        help="ES-003 export: CSV, tab-delimited TXT or XLSX")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the outputs")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="day every clock is measured to (default: today)")
    parser.add_argument("--filer-code", metavar="XXX",
                        help="declare as this broker; entries of other filers go to hand-off "
                             "files (default: declare as the importer of record)")
    parser.add_argument("--protests", metavar="FILE",
                        help="CSV of entry numbers with an open or suspended protest")
    parser.add_argument("--drawback", metavar="FILE",
                        help="CSV of entry numbers designated on drawback claims")
    parser.add_argument("--ledger", metavar="PATH",
                        help="DuckDB ledger of earlier declarations (default: none)")
    parser.add_argument("--rules", metavar="FILE",
                        help="YAML file of analyst settings over the shipped defaults")
    parser.set_defaults(handler=run)


def run(args):
    """Run the triage and print the summary; return the exit status."""
    as_of = iso_date(args.as_of) if args.as_of else dt.date.today()
    result = run_triage(args.es003, args.out, as_of=as_of, filer_code=args.filer_code,
                        protests=args.protests, drawback=args.drawback, ledger=args.ledger,
                        rules=args.rules, progress=_progress_printer(args.es003))
    print_summary(result, sys.stdout)
    return 0


# Inputs of this size take more than a few seconds, so the steps are shown as they happen.
PROGRESS_BYTES = 20_000_000


def _progress_printer(paths):
    size = sum(os.path.getsize(p) for p in paths if os.path.isfile(p))
    if size < PROGRESS_BYTES:
        return None
    return lambda text: print(text, file=sys.stderr, flush=True)


def print_summary(result, stream):
    """Print entries and IEEPA dollars per route, files written and exceptions."""
    summary = result.summary
    print(f"Triage as of {summary['as_of']}: {summary['entries']} entries, "
          f"${float(summary['ieepa_duty_total']):,.2f} IEEPA duty", file=stream)
    for route in ROUTES:
        totals = summary["routes"][route]
        if totals["entries"]:
            print(f"  {route:<14} {totals['entries']:>7} entries  "
                  f"${float(totals['ieepa_duty']):>15,.2f}", file=stream)
    check = summary["reconciliation"]
    state = "balanced" if check["rows_balanced"] and check["entries_balanced"] else "NOT BALANCED"
    print(f"Rows: {check['rows_read']} read = {check['rows_in_entries']} in entries + "
          f"{check['rows_duplicate_read_once']} duplicates read once + "
          f"{check['rows_rejected']} rejected ({state})", file=stream)
    files = [f["path"] for f in result.declaration_files]
    print(f"Declaration files: {len(files)}" + (f" ({', '.join(files[:5])}"
          f"{', ...' if len(files) > 5 else ''})" if files else ""), file=stream)
    if result.handoff_files:
        print(f"Hand-off files for other filers: {len(result.handoff_files)}", file=stream)
    errors, warnings = summary["exceptions"]["errors"], summary["exceptions"]["warnings"]
    print(f"Exceptions: {errors} errors, {warnings} warnings (exceptions.csv)", file=stream)
    print(f"Outputs in {result.out}", file=stream)
