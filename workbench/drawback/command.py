"""The ``workbench drawback`` command: prepare a drawback claim from ACE and export data.

``add_parser(subparsers)`` registers the command on the ``workbench`` parser and ``run(args)``
runs it: 0 when the claim was prepared (whatever it found), 2 for an input error, whose
message names the file, row or column and the fix. The command prepares and checks the claim;
it never transmits it (claims are filed through ABI by a broker or certified software).

    workbench drawback --imports imports.csv --exports exports.csv --provision 58 \\
        --as-of 2026-12-04 --out reports/drawback
"""

import argparse
import datetime as dt
import sys
from pathlib import Path

from workbench.drawback import tables
from workbench.drawback.amounts import money_text
from workbench.drawback.claim import ClaimRequest, prepare_claim
from workbench.drawback.methods import METHODS
from workbench.drawback.write import write_claim
from workbench.errors import InputError

NAME = "drawback"


def add_parser(subparsers):
    """Register ``drawback`` and its options on the ``workbench`` subparsers."""
    parser = subparsers.add_parser(
        NAME, help="prepare a duty drawback claim (designations, amounts per ACE class)",
        description=__doc__.splitlines()[0])
    _add_inputs(parser)
    _add_claim_options(parser)
    parser.set_defaults(handler=run)
    return parser


def _add_inputs(parser):
    parser.add_argument("--imports", nargs="+", required=True, metavar="FILE",
                        help="import entry summary lines: ES-003 layout plus Import Date, "
                             "quantity, unit and entry MPF/HMT (CSV, TXT or XLSX)")
    parser.add_argument("--exports", required=True, metavar="FILE",
                        help="exports and destructions, one row each")
    parser.add_argument("--production", metavar="FILE",
                        help="production records (manufacturing provisions 51 and 52)")
    parser.add_argument("--designations", metavar="FILE",
                        help="import lines designated on earlier claims (quantity, election)")
    parser.add_argument("--cape-status", metavar="PATH",
                        help="CAPE status per entry: a CSV with Entry Summary Number and CAPE "
                             "Status, or a `workbench triage` output folder")


def _add_claim_options(parser):
    parser.add_argument("--provision", required=True, metavar="NN",
                        help="drawback provision code, e.g. 58 (1313(j)(1)) or 59 (1313(j)(2))")
    parser.add_argument("--as-of", required=True, type=_date, metavar="YYYY-MM-DD",
                        help="the day the claim would be filed; every time limit is measured "
                             "to it")
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder")
    parser.add_argument("--method", choices=["direct", *METHODS],
                        help="direct identification by named import line (default) or an "
                             "accounting method of 19 CFR 191.14")
    parser.add_argument("--rounding", choices=["cbp", "exact"],
                        help="cbp: CBP's four-decimal fee steps, amounts rounded down to the "
                             "cent; exact: full precision, half-up (default: the lower of the "
                             "two for each amount)")
    parser.add_argument("--turnover-days", type=int, metavar="DAYS",
                        help="average inventory turn-over period in days "
                             "(--method low-to-high-turnover)")
    parser.add_argument("--expiring-within", type=int, default=365, metavar="DAYS",
                        help="flag import lines whose filing deadline falls within this many "
                             "days (default: 365)")


def _date(text):
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD")


def request_from(args):
    """Return the ``ClaimRequest`` for parsed arguments."""
    return ClaimRequest(
        imports=tuple(args.imports), exports=args.exports, provision=args.provision,
        as_of=args.as_of, production=args.production, designations=args.designations,
        cape_status=args.cape_status, method=args.method, rounding=args.rounding,
        turnover_days=args.turnover_days, expiring_within_days=args.expiring_within)


def run(args):
    """Prepare and write the claim; print its amounts per class, deadline and files."""
    try:
        claim = prepare_claim(request_from(args))
    except InputError as error:
        print(f"workbench drawback: error: {error}", file=sys.stderr)
        return 2
    write_claim(claim, args.out)
    print(summary_text(claim, args.out))
    return 0


def summary_text(claim, out):
    """Return the short summary printed after a run."""
    names = tables.accounting_classes()
    lines = [f"Drawback claim, provision {claim.provision.code} ({claim.provision.label}), "
             f"as of {claim.request.as_of.isoformat()}"]
    for code, amount in claim.totals().items():
        lines.append(f"  {code} {names[code]:<6} {money_text(amount):>14}")
    lines.append(f"  total      {money_text(claim.total()):>14}  (rounding: {claim.mode})")
    deadline = claim.deadline()
    lines.append(f"Filing deadline: {deadline.isoformat()} (5 years after the earliest "
                 f"designated import)" if deadline else "Filing deadline: none (no designation)")
    lines.append(f"{len(claim.designations)} designations, {len(claim.unmatched)} unmatched "
                 f"exports, {claim.findings.count('error')} errors and "
                 f"{claim.findings.count('warning')} warnings (see exceptions.csv)")
    lines.append(f"Files written to {Path(out)}: claim_lines.csv, claim_summary.json, "
                 f"claim_workbook.xlsx and the reports beside them")
    return "\n".join(lines)


def main(argv=None):
    """Run ``drawback`` without the ``workbench`` entry point: ``python -m ...command``."""
    parser = argparse.ArgumentParser(prog="workbench")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
