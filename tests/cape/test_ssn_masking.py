"""SSN-form importer numbers never appear unmasked in any output file, folder name or printed message."""

import pytest

SSN = "987-65-4321"
BARE = "987654320"
# Text that would reveal either number: the dashed and bare forms, and the dashed first five
# digits (a hexadecimal SHA-256 may contain any bare digit run, never a dash).
REVEALING = ["987-65-4321", "987654321", "987-65-4320", "987654320", "987-65"]


def _leaks(folder, extra_text=""):
    """Return {place: revealing text} for every file, file name and the extra text."""
    found = {}
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        hits = [r for r in REVEALING if r in name]
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            hits += [r for r in REVEALING if r in text]
        if hits:
            found[name] = hits
    hits = [r for r in REVEALING if r in extra_text]
    if hits:
        found["printed output"] = hits
    return found


@pytest.fixture
def ssn_entries(es003):
    """Entries of two SSN-form importers across several routes."""
    numbers = [es003.number("S7J", n) for n in (4800210, 4800228, 4800236, 4800244, 4800251)]
    entries = [
        es003.entry(numbers[0], importer=SSN),
        es003.entry(numbers[1], importer=SSN, status="LIQUIDATED",
                    liquidation_date=es003.days_before(120)),
        es003.entry(numbers[2], importer=BARE, lines=[es003.commodity(100)]),
        es003.entry(numbers[3], importer=BARE, status="ON HOLD Z"),
        es003.entry(numbers[4], importer=f" {SSN} ", lines=[es003.ieepa("12..00")]),
    ]
    return numbers, entries


def test_ssn_masked_in_every_file(es003, triage, ssn_entries):
    _, entries = ssn_entries
    run = triage(es003.write("es003.csv", entries))
    assert _leaks(run.out) == {}


def test_ssn_masked_in_triage_csv(es003, triage, ssn_entries):
    numbers, entries = ssn_entries
    run = triage(es003.write("es003.csv", entries))
    assert run.rows[numbers[0]]["importer_number"] == "***-**-4321"
    assert run.rows[numbers[2]]["importer_number"] == "***-**-4320"


def test_ssn_masked_in_printed_output(es003, run_cli, ssn_entries, tmp_path):
    _, entries = ssn_entries
    path = es003.write("es003.csv", entries)
    out = tmp_path / "out"
    result = run_cli("-v", "triage", path, "--as-of", "2026-11-16", "--out", out)
    assert result.returncode == 0
    assert _leaks(out, result.stdout + result.stderr) == {}


def test_ssn_masked_in_conflict_between_files(es003, triage):
    number = es003.number("S7J", 4800269)
    first = es003.write("a.csv", [es003.entry(number, importer=SSN)])
    second = es003.write("b.csv", [es003.entry(number, importer="987-65-4329")])
    run = triage([first, second])
    assert run.route(number) == "invalid"
    assert _leaks(run.out) == {}


def test_ssn_masked_in_rejected_row(es003, triage):
    # A stray delimiter before the importer column shifts the SSN into another cell.
    number = es003.number("S7J", 4800277)
    text = es003.text([es003.entry(number, importer=SSN)])
    lines = text.splitlines()
    cells = lines[1].split(",")
    cells.insert(2, "X")
    lines[1] = ",".join(cells)
    run = triage(es003.write_text("es003.csv", "\n".join(lines) + "\n"))
    assert run.exceptions_for("MALFORMED_INPUT_ROW") != []
    assert _leaks(run.out) == {}


def test_ssn_masked_in_short_rejected_row(es003, triage):
    number = es003.number("S7J", 4800285)
    text = es003.text([es003.entry(number, importer=SSN)])
    lines = text.splitlines()
    lines[2] = ",".join(lines[2].split(",")[:5])
    run = triage(es003.write_text("es003.csv", "\n".join(lines) + "\n"))
    assert _leaks(run.out) == {}


def test_ssn_in_formula_wrapper_masked(es003, triage):
    number, other = es003.number("S7J", 4800293), es003.number("S7J", 4800301)
    entries = [es003.entry(number, importer=f'="{SSN}"'), es003.entry(other, importer=SSN)]
    run = triage(es003.write("es003.csv", entries))
    assert _leaks(run.out) == {}
    assert run.rows[number]["importer_number"] == "***-**-4321"


def test_ssn_masked_in_summary_settings(es003, triage, ssn_entries):
    _, entries = ssn_entries
    rules = es003.write_text("rules.yaml",
                             f"interest_rate_column_by_importer: {{'{SSN}': non-corporate}}\n")
    run = triage(es003.write("es003.csv", entries), rules=str(rules))
    assert _leaks(run.out) == {}


def test_ssn_masked_in_rules_error(es003, run_cli, ssn_entries, tmp_path):
    _, entries = ssn_entries
    path = es003.write("es003.csv", entries)
    rules = es003.write_text("rules.yaml",
                             f"interest_rate_column_by_importer: {{'{SSN}': both}}\n")
    result = run_cli("triage", path, "--as-of", "2026-11-16", "--out", tmp_path / "out",
                     "--rules", rules)
    assert result.returncode == 2
    assert _leaks(tmp_path / "out", result.stdout + result.stderr) == {}
