"""Atomic and reproducible outputs: a killed run leaves no partial file, two runs agree.

Every output is written to a hidden temporary name (``.NAME.XXXX.part``) and renamed into
place, and MANIFEST.sha256 is written last. After a SIGKILL at any moment, each file with an
output's name is therefore complete. A leftover temporary file keeps its hidden name until
the next run into the folder deletes it, and a folder without a manifest is an unfinished
run.

Two runs of the same inputs and settings write byte-identical files, even under different
hash seeds (set and dict order).
"""

import csv
import hashlib
import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from workbench.identifiers.entry_number import is_valid

from .es003_files import WORKBENCH, bulk_rows, run_cli, triage_args, write_export

COLUMNS_BY_FILE = {
    "triage.csv": "entry_number", "exceptions.csv": "file", "entries.csv": "entry_number",
    "ieepa_lines.csv": "entry_number",
}
TEMPORARY = re.compile(r"\..+\.part")
DECLARATION_ROW = re.compile(r"[A-Z0-9]{11}")
# Seconds after the first output file appears; 0 kills while the declarations are written.
KILL_DELAYS = [0.0, 0.15, 0.4, 0.8, 1.5]


def _sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _files(out):
    return sorted(p for p in Path(out).rglob("*") if p.is_file())


def _check_declaration(path):
    """Assert that a declaration or hand-off file follows CBP's upload rules."""
    data = path.read_bytes()
    assert data.startswith(b"Entry Number\n"), path
    assert data.endswith(b"\n"), path
    assert len(data) < 1_000_000, path
    text = data.decode("ascii")
    numbers = text.splitlines()[1:]
    assert 1 <= len(numbers) <= 9999, path
    assert all(DECLARATION_ROW.fullmatch(n) and is_valid(n) for n in numbers), path
    assert numbers == sorted(set(numbers)), path


def _check_complete(out):
    """Assert that every file present under ``out`` is whole; return the temporary files."""
    temporary = []
    for path in _files(out):
        name = path.name
        if name.endswith(".part"):
            assert TEMPORARY.fullmatch(name), f"temporary file with a visible name: {path}"
            temporary.append(path)
        elif name.startswith(("cape_declaration_", "handoff_")):
            _check_declaration(path)
        elif name in COLUMNS_BY_FILE:
            with open(path, newline="", encoding="utf-8") as stream:
                reader = csv.reader(stream)
                header = next(reader)
                assert header[0] == COLUMNS_BY_FILE[name], path
                widths = {len(row) for row in reader}
            assert widths <= {len(header)}, f"{path}: rows of other widths {widths}"
        elif name == "summary.json":
            summary = json.loads(path.read_text(encoding="utf-8"))
            assert summary["reconciliation"]["rows_balanced"] is True
        elif name == "MANIFEST.sha256":
            _check_manifest(out)
        else:
            pytest.fail(f"unexpected file {path}")
    return temporary


def _check_manifest(out):
    """Assert that the manifest lists every output file with its current SHA-256."""
    listed = {}
    for line in (Path(out) / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    present = {p.relative_to(out).as_posix() for p in _files(out)
               if p.name != "MANIFEST.sha256" and not p.name.endswith(".part")}
    assert set(listed) == present
    for name, digest in listed.items():
        assert _sha256(Path(out) / name) == digest, name


@pytest.fixture(scope="module")
def large_export(tmp_path_factory):
    """An export of 36,000 entries (about 80,000 rows) for three importers."""
    folder = tmp_path_factory.mktemp("large")
    return write_export(folder / "large.csv", bulk_rows(36_000))


def _first_file(out, timeout=300):
    """Wait until a file appears under ``out``; return False if none appears in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if out.exists() and any(True for p in out.rglob("*") if p.is_file()):
            return True
        time.sleep(0.002)
    return False


@pytest.mark.parametrize("delay", KILL_DELAYS)
def test_killed_run_leaves_no_partial_file(large_export, tmp_path, delay):
    out = tmp_path / "out"
    process = subprocess.Popen([str(WORKBENCH), *triage_args(large_export, out)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert _first_file(out), "the run wrote nothing"
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
    finally:
        _stdout, stderr = process.communicate(timeout=300)
    assert b"Traceback" not in stderr

    leftovers = _check_complete(out)
    if (out / "MANIFEST.sha256").exists():
        assert leftovers == [], "a finished run left temporary files"

    # The next run into the folder deletes the leftovers and the earlier files it replaces.
    result = run_cli(*triage_args(large_export, out))
    assert result.returncode == 0, result.stderr
    assert _check_complete(out) == []
    _check_manifest(out)


def _run_with_hash_seed(paths, out, seed, *extra):
    environment = {**os.environ, "PYTHONHASHSEED": str(seed)}
    result = subprocess.run([str(WORKBENCH), *triage_args(paths, out, *extra)],
                            capture_output=True, text=True, env=environment, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """Run the same triage twice, under different hash seeds, into two folders."""
    folder = tmp_path_factory.mktemp("twice")
    rows = bulk_rows(3000)
    first = write_export(folder / "first.csv", rows[: len(rows) // 2 + 7])
    # The second file repeats some rows, changes one (a conflict) and adds the rest.
    second_rows = rows[len(rows) // 2 - 40:]
    second_rows[3] = [*second_rows[3][:12], "$1.00", *second_rows[3][13:]]
    second = write_export(folder / "second.csv", second_rows)
    paths = [first, second]
    return (_run_with_hash_seed(paths, folder / "one", 1, "--filer-code", "ZZZ"),
            _run_with_hash_seed(paths, folder / "two", 2, "--filer-code", "ZZZ"))


def test_declarations_byte_identical(two_runs):
    one, two = two_runs
    names = sorted(p.relative_to(one).as_posix() for p in one.rglob("*.csv")
                   if p.name.startswith(("cape_declaration_", "handoff_")))
    assert names, "the run wrote no declaration file"
    assert names == sorted(p.relative_to(two).as_posix() for p in two.rglob("*.csv")
                           if p.name.startswith(("cape_declaration_", "handoff_")))
    for name in names:
        assert _sha256(one / name) == _sha256(two / name), name


def test_triage_csv_byte_identical(two_runs):
    one, two = two_runs
    assert _sha256(one / "triage.csv") == _sha256(two / "triage.csv")


def test_manifests_identical(two_runs):
    one, two = two_runs
    assert (one / "MANIFEST.sha256").read_bytes() == (two / "MANIFEST.sha256").read_bytes()


def test_manifest_lists_every_output(two_runs):
    one, _two = two_runs
    _check_manifest(one)
    names = (one / "MANIFEST.sha256").read_text(encoding="utf-8")
    for name in ("triage.csv", "exceptions.csv", "entries.csv", "ieepa_lines.csv",
                 "summary.json"):
        assert f"  {name}\n" in names


def test_manifest_checks_with_sha256sum(two_runs):
    one, _two = two_runs
    result = subprocess.run(["sha256sum", "--check", "--quiet", "MANIFEST.sha256"], cwd=one,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
