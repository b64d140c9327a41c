"""``workbench value``: compare filing in-house with paying a broker or specialist."""

import argparse
import sys

from workbench.value.analysis import analyse_folder
from workbench.value.parameters import (
    READINESS_ANSWERS, SETTINGS, SPECS, default_value)
from workbench.value.report import summary_text, write_outputs


class ParametersHelp(argparse.Action):
    """Print every parameter with its unit, default and basis, then exit."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        print(parameters_help(), end="")
        parser.exit()


def parameters_help():
    """Return the text listing every key a parameters file may set."""
    lines = ["Numeric inputs: a number, [low, high] or {low: ..., high: ...}."]
    for name, spec in SPECS.items():
        lines.append(f"  {name}: {spec.label}; {spec.unit}; default "
                     f"{default_value(name).text()} ({spec.basis})")
    lines.append("Readiness answers: true, false or empty (not answered counts as not met).")
    lines += [f"  {name}: {label}" for name, label in READINESS_ANSWERS.items()]
    lines.append("Whole-number settings:")
    lines += [f"  {name}: default {value}" for name, value in SETTINGS.items()]
    return "\n".join(lines) + "\n"


def add_parser(subparsers):
    """Register the ``value`` command."""
    parser = subparsers.add_parser(
        "value", help="compare self-filing with a broker or specialist",
        description="Compare self-filing CAPE declarations (and drawback claims) with paying a "
                    "broker or specialist: readiness checklist, expected net recovery and time "
                    "to cash, a seeded Monte Carlo, break-even fees, sensitivity and a "
                    "recommendation. Writes value_summary.json, options.csv, readiness.csv, "
                    "sensitivity.csv and recommendation.txt.")
    parser.add_argument("triage_dir", metavar="TRIAGE_DIR",
                        help="folder written by workbench triage")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the outputs")
    parser.add_argument("-f", "--parameters", metavar="FILE",
                        help="YAML file of inputs over the defaults (see --help-parameters)")
    parser.add_argument("--estimate", metavar="DIR",
                        help="folder written by workbench estimate (principal and interest per "
                             "entry); default: principal = IEEPA duty, interest 0")
    parser.add_argument("--drawback", metavar="DIR",
                        help="folder written by workbench drawback; its claim total is the "
                             "drawback recovery (default: the drawback_recovery input)")
    parser.add_argument("--help-parameters", action=ParametersHelp,
                        help="list every parameter with its unit, default and basis, then exit")
    parser.set_defaults(handler=run)


def run(args):
    """Run the analysis, write the outputs and print the report; return the exit status."""
    analysis = analyse_folder(args.triage_dir, parameters_file=args.parameters,
                              estimate_dir=args.estimate, drawback_dir=args.drawback)
    write_outputs(analysis, args.out)
    sys.stdout.write(summary_text(analysis))
    print(f"Outputs in {args.out}")
    return 0
