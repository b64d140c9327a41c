"""Fixtures for the ledger tests: made-up CBP result files and a ledger built from them.

``sample_folder`` writes the files of ``data_samples/cbp_results/make_results.py`` into a
temporary folder, so a test may change them. ``replayed`` is a ledger built from that folder
the way the follow-up notebook builds it. ``cli`` runs ``workbench`` in process and returns
the exit status with what it printed.
"""

import importlib.util
from pathlib import Path

import pytest

from workbench import cli as workbench_cli
from workbench.identifiers.entry_number import calc_check_digit
from workbench.ledger.replay import replay_folder
from workbench.ledger.store import Ledger

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "data_samples" / "cbp_results"


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_results", SAMPLES / "make_results.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATOR = _load_generator()


def entry(serial, filer="QXZ"):
    """Return a made-up entry number with a valid check digit."""
    first_ten = f"{filer}{serial:07d}"
    return first_ten + calc_check_digit(first_ten)


def sample_entry(tag):
    """Return the entry number of a sample scenario tag such as 'E01'."""
    return GENERATOR.entry_number(tag)


def write(path, text, encoding="utf-8"):
    """Write text to ``path`` (creating folders) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def declaration(path, numbers):
    """Write a CAPE declaration file listing ``numbers``; return the path."""
    return write(path, "\n".join(["Entry Number", *sorted(numbers)]) + "\n")


def claim_details(path, rows):
    """Write a Claim Details file; ``rows`` are (entry, claim, status, error)."""
    lines = ["ENTRY_NUMBER,CLAIM_NUMBER,STATUS,ERROR_DESCRIPTION"]
    lines += [",".join(row) for row in rows]
    return write(path, "\n".join(lines) + "\n")


@pytest.fixture
def sample_folder(tmp_path):
    """Write the sample follow-up files into a fresh folder and return it."""
    folder = tmp_path / "cbp_results"
    for relative, text in GENERATOR.files().items():
        write(folder / relative, text, encoding="ascii")
    return folder


@pytest.fixture
def ledger_path(tmp_path):
    return tmp_path / "ledger.duckdb"


@pytest.fixture
def replayed(sample_folder, ledger_path):
    """Return the path of a ledger built from the sample folder."""
    with Ledger.open(ledger_path) as ledger:
        replay_folder(ledger, sample_folder)
    return ledger_path


@pytest.fixture
def cli(capsys):
    """Return a function that runs ``workbench ARGS`` in process: (status, stdout, stderr)."""

    def run(*args):
        status = workbench_cli.main([str(a) for a in args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


