"""Row conservation: every input row ends in exactly one entry, one duplicate read once, or one rejection."""

import pytest


@pytest.fixture
def mixed_inputs(es003):
    """Two files: 7 rows in entries, 2 duplicates, 1 ragged row and 1 row without entry number."""
    a, b, c = (es003.number("R8M", n) for n in (7700216, 7700224, 7700232))
    first = es003.text([es003.entry(a), es003.entry(b), es003.entry("", lines=[es003.ieepa(9)])]).splitlines()
    first.append(first[1] + ",stray")
    second = es003.text([es003.entry(b), es003.entry(c, lines=[es003.ieepa(40), es003.ieepa(25, hts="99030124"),
                                                                   es003.commodity(400)])]).splitlines()
    return (es003.write_text("first.csv", "\n".join(first) + "\n"),
            es003.write_text("second.csv", "\n".join(second) + "\n"))


def test_summary_balances(triage, mixed_inputs):
    run = triage(list(mixed_inputs), rows=11)
    check = run.summary["reconciliation"]
    assert check["rows_in_entries"] == 7
    assert check["rows_duplicate_read_once"] == 2
    assert check["rows_rejected"] == 2


def test_per_file_accounting(triage, mixed_inputs):
    run = triage(list(mixed_inputs), rows=11)
    first, second = run.summary["inputs"]
    assert (first["rows"], first["rows_in_entries"], first["rows_rejected"]) == (6, 4, 2)
    assert (second["rows"], second["rows_duplicate_read_once"]) == (5, 2)
    assert first["rows_balanced"] is True
    assert second["rows_balanced"] is True


def test_each_rejected_row_has_an_exception(triage, mixed_inputs):
    run = triage(list(mixed_inputs), rows=11)
    rejected = [r for r in run.exceptions if r["rule"] in ("MALFORMED_INPUT_ROW",
                                                           "MISSING_ENTRY_NUMBER")]
    assert len(rejected) == run.summary["reconciliation"]["rows_rejected"]


def test_entries_counted_once_per_route(triage, mixed_inputs):
    run = triage(list(mixed_inputs), rows=11)
    routed = sum(r["entries"] for r in run.summary["routes"].values())
    assert routed == len(run.rows) == run.summary["entries"]


def test_cli_prints_reconciliation(run_cli, mixed_inputs, tmp_path):
    result = run_cli("triage", *mixed_inputs, "--as-of", "2026-11-16", "--out", tmp_path / "o")
    assert result.returncode == 0
    assert "11 read" in result.stdout
    assert "balanced" in result.stdout
    assert "NOT BALANCED" not in result.stdout


def test_cli_prints_routes_and_files(es003, run_cli, tmp_path):
    number = es003.number("R8M", 7700240)
    path = es003.write("es003.csv", [es003.entry(number, duty=2345.67)])
    result = run_cli("triage", path, "--as-of", "2026-11-16", "--out", tmp_path / "o")
    assert "$2,345.67" in result.stdout
    assert "cape_declaration_001.csv" in result.stdout
    assert "exceptions.csv" in result.stdout
