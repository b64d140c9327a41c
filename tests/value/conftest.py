"""Fixtures for the claim value tests: hand-built triage folders and the sample-data triage.

``write_triage`` writes the two files the value model reads from a triage folder,
``triage.csv`` (contract columns) and ``summary.json`` (as-of date, declaration files,
exception counts), so a test can state every entry, amount and deadline it relies on.
``sample_triage`` runs the real triage on the sample data in ``data_samples/`` the way its
README's demo does, once per test session.
"""

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from workbench.cape.run import run_triage

SAMPLES = Path(__file__).resolve().parents[2] / "data_samples"
TRIAGE_HEADER = ["entry_number", "importer_number", "filer_code", "entry_type", "entry_date",
                 "liquidation_status", "liquidation_date", "ieepa_duty", "route", "reason_codes",
                 "deadline", "deadline_kind", "declaration_file", "message"]


def _write_triage(folder, entries, as_of="2026-12-04", declaration_files=1, errors=0):
    """Write triage.csv and summary.json; each entry is a dict of the columns it sets."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "triage.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, TRIAGE_HEADER)
        writer.writeheader()
        for number, entry in enumerate(entries, start=1):
            row = {column: "" for column in TRIAGE_HEADER}
            row.update(entry_number=f"AAA{number:08d}", importer_number="12-3456789AB",
                       filer_code="AAA", entry_type="01", route="cape")
            row.update(entry)
            writer.writerow(row)
    summary = {"as_of": as_of,
               "declaration_files": [{"path": f"cape_declaration_{n:03d}.csv"}
                                     for n in range(1, declaration_files + 1)],
               "handoff_files": [],
               "exceptions": {"errors": errors, "warnings": 0}}
    (folder / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def write_triage():
    return _write_triage


@pytest.fixture(scope="session")
def sample_triage(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample-triage")
    run_triage(sorted(SAMPLES.glob("es003_importer*.csv")), out, as_of=dt.date(2026, 12, 4),
               filer_code="K9D", protests=SAMPLES / "protests.csv",
               drawback=SAMPLES / "drawback_designations.csv",
               rules=SAMPLES / "analyst_rules.yaml")
    return out
