"""The ``workbench`` command line: parse arguments, call the run functions, print a summary.

Each command lives in its own module, which provides ``add_parser(subparsers)`` and
``run(args)``. Exit status: 0 when the run finished, 2 for an input or usage error (the
message names the file, row, column or key and the fix), 1 for an internal error.
"""

import argparse
import importlib
import logging
import sys

from workbench import __version__
from workbench.errors import InputError

COMMAND_MODULES = [
    "workbench.cape.command",
    "workbench.ledger.command",
    "workbench.drawback.command",
    "workbench.money.command",
    "workbench.notebook_run",
    "workbench.value.command",
]


def build_parser():
    """Return the argument parser with every available command registered."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Triage IEEPA refunds for CAPE and prepare duty drawback claims from ACE "
                    "exports.")
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log each step to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def main(argv=None):
    """Run the command line and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not args.command:
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; no partial output files were left", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
