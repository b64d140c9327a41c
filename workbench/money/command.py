"""The ``workbench estimate`` command: refund value of a triage run.

It reads the folder ``workbench triage`` wrote and writes the estimate files (see
``workbench.money.pipeline``) into ``--out``, then prints a short summary. Bad input stops
the run with exit status 2 and a message naming the file, row, column and fix.
"""

import argparse
import datetime as dt
import logging
from pathlib import Path

from workbench.errors import InputError
from workbench.money.interest import COMPOUNDING, YEAR_BASES
from workbench.money.pipeline import Request, run_estimate
from workbench.money.summary import summary_text

log = logging.getLogger(__name__)


def _date(text):
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def _days(text):
    if not text.isdigit() or int(text) > 366:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days from 0 to 366")
    return int(text)


def add_parser(subparsers):
    """Register the ``estimate`` command."""
    parser = subparsers.add_parser(
        "estimate", help="estimate the refund value of a triage run",
        description="Estimate principal, interest (19 U.S.C. 1505(c)), offsets and expected ACH "
                    "deposits for the entries of a triage run.")
    _add_files(parser)
    _add_dates(parser)
    _add_interest(parser)
    parser.set_defaults(handler=run)
    return parser


def _add_files(parser):
    parser.add_argument("triage_dir", metavar="TRIAGE_DIR", type=Path,
                        help="the --out folder of workbench triage")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR",
                        help="folder for estimate.csv, deposits.csv and the summary")
    parser.add_argument("--rates", type=Path, metavar="FILE",
                        help="CSV or YAML of quarterly rates (percent) that add to or replace the "
                             "shipped table")
    parser.add_argument("--offsets", type=Path, metavar="FILE",
                        help="CSV of open debts owed to CBP: importer, amount in dollars")
    parser.add_argument("--rules", type=Path, metavar="FILE",
                        help="analyst settings YAML; interest_rate_column_by_importer sets the "
                             "rate column per importer")
    parser.add_argument("--payments", type=Path, metavar="FILE",
                        help="CSV of statement payment dates: entry number, payment date")


def _add_dates(parser):
    parser.add_argument("--acceptance-date", type=_date, metavar="YYYY-MM-DD",
                        help="assumed CAPE acceptance date (default: the first processing day, "
                             "Monday to Thursday, on or after the triage as-of date)")
    parser.add_argument("--statement-delay-days", type=_days, metavar="DAYS",
                        help="days from the entry summary date to payment when no payment date "
                             "is given (default: 0)")
    parser.add_argument("--assume-liquidation-date", type=_date, metavar="YYYY-MM-DD",
                        help="liquidation date for refund-path entries whose date is unknown "
                             "(warehouse, suspended, extended); without it their interest is "
                             "left open")


def _add_interest(parser):
    parser.add_argument("--rate-column", choices=("corporate", "non-corporate"),
                        default="corporate",
                        help="overpayment rate for importers the rules file does not name "
                             "(default: corporate, the lower)")
    parser.add_argument("--compounding", choices=COMPOUNDING,
                        help="daily compounding (26 U.S.C. 6622, the default) or simple interest")
    parser.add_argument("--year-basis", choices=YEAR_BASES,
                        help="days dividing the annual rate: 365 (default) or actual (366 in leap "
                             "years)")
    parser.add_argument("--assume-rate", metavar="PERCENT",
                        help="non-corporate annual rate in percent for quarters without a "
                             "published rate (corporate one point lower); without it their "
                             "interest is left open")
    parser.add_argument("--large-corporate-tier", action="store_true",
                        help="apply the IRS rate 1.5 points lower to the part of a corporate "
                             "overpayment above $10,000 (26 U.S.C. 6621(a)(1)); off by default")


def run(args):
    """Run the estimate for parsed ``args``; return the exit status."""
    request = Request(
        triage_dir=args.triage_dir, out_dir=args.out, rates_file=args.rates,
        rate_column=args.rate_column, offsets_file=args.offsets, rules_file=args.rules,
        payments_file=args.payments, acceptance_date=args.acceptance_date,
        statement_delay_days=args.statement_delay_days, compounding=args.compounding,
        year_basis=args.year_basis, assume_rate=args.assume_rate,
        assume_liquidation_date=args.assume_liquidation_date,
        large_corporate_tier=args.large_corporate_tier)
    if Path(args.out).resolve() == Path(args.triage_dir).resolve():
        raise InputError(f"--out {args.out}: give a folder other than the triage folder")
    result = run_estimate(request)
    print(summary_text(result))
    print(f"Wrote {', '.join(path.name for path in result.files)} to {args.out}")
    return 0
