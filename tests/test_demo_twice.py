"""The demo triage, run twice on the sample data, writes byte-identical files."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKBENCH = ROOT / ".venv" / "bin" / "workbench"
DEMO_ARGS = [
    "data_samples/es003_importer1.csv", "data_samples/es003_importer2.csv",
    "data_samples/es003_importer3.csv", "--as-of", "2026-12-04", "--filer-code", "K9D",
    "--protests", "data_samples/protests.csv",
    "--drawback", "data_samples/drawback_designations.csv",
    "--rules", "data_samples/analyst_rules.yaml",
]


def _demo(out):
    command = [str(WORKBENCH), "triage", *DEMO_ARGS, "--out", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out


def test_demo_manifests_identical(tmp_path):
    first = _demo(tmp_path / "first")
    second = _demo(tmp_path / "second")
    manifest = (first / "MANIFEST.sha256").read_bytes()
    assert manifest == (second / "MANIFEST.sha256").read_bytes()
    assert b"cape_declaration_001.csv" in manifest
    declarations = sorted(p.relative_to(first) for p in first.rglob("cape_declaration_*.csv"))
    assert declarations
    for relative in declarations:
        assert (first / relative).read_bytes() == (second / relative).read_bytes()
