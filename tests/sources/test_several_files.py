"""Several ES-003 files in one run: identical rows read once, disagreeing rows make the entry invalid."""

import hashlib


def test_identical_rows_read_once(es003, triage):
    shared, only_first = es003.number("5MW", 8810234), es003.number("5MW", 8810242)
    first = es003.write("pull_nov.csv", [es003.entry(only_first, duty=410),
                                         es003.entry(shared, duty=2275)])
    second = es003.write("pull_dec.csv", [es003.entry(shared, duty=2275)])
    run = triage([first, second])
    assert run.rows[shared]["ieepa_duty"] == "2275.00"
    assert run.route(shared) == "cape"
    assert run.declared().count(shared) == 1
    assert run.summary["reconciliation"]["rows_duplicate_read_once"] == 2


def test_identical_rows_no_conflict_code(es003, triage):
    shared = es003.number("5MW", 8810259)
    first = es003.write("a.csv", [es003.entry(shared, duty=990)])
    second = es003.write("b.csv", [es003.entry(shared, duty=990)])
    run = triage([first, second])
    assert "CONFLICTING_INPUT_ROWS" not in run.codes(shared)


def test_disagreeing_rows_make_entry_invalid(es003, triage):
    changed, steady = es003.number("5MW", 8810267), es003.number("5MW", 8810275)
    first = es003.write("pull_early.csv", [es003.entry(changed, duty=1800),
                                           es003.entry(steady, duty=640)])
    second = es003.write("pull_late.csv", [es003.entry(changed, duty=1980),
                                           es003.entry(steady, duty=640)])
    run = triage([first, second])
    assert run.route(changed) == "invalid"
    assert "CONFLICTING_INPUT_ROWS" in run.codes(changed)
    assert changed not in run.declared()
    assert run.declared() == [steady]


def test_conflict_names_both_files(es003, triage):
    changed = es003.number("5MW", 8810283)
    first = es003.write("pull_early.csv", [es003.entry(changed, duty=1800)])
    second = es003.write("pull_late.csv", [es003.entry(changed, duty=1800, entry_type="02")])
    run = triage([first, second])
    conflict = run.exceptions_for("CONFLICTING_INPUT_ROWS")
    assert len(conflict) == 1
    assert "pull_early.csv" in conflict[0]["message"]
    assert "pull_late.csv" in conflict[0]["message"]
    assert conflict[0]["severity"] == "error"


def test_goods_value_change_is_a_conflict(es003, triage):
    changed = es003.number("5MW", 8810291)
    first = es003.write("a.csv", [es003.entry(changed, lines=[es003.ieepa(500),
                                                              es003.commodity(5000)])])
    second = es003.write("b.csv", [es003.entry(changed, lines=[es003.ieepa(500),
                                                               es003.commodity(5500)])])
    run = triage([first, second])
    assert run.route(changed) == "invalid"


def test_rows_disagreeing_within_one_file(es003, triage):
    number = es003.number("5MW", 8810309)
    rows = es003.entry(number, duty=700)
    rows[1]["Importer Number"] = es003.other_importer
    run = triage(es003.write("one.csv", [rows]))
    assert run.route(number) == "invalid"
    assert "CONFLICTING_INPUT_ROWS" in run.codes(number)


def test_entry_split_across_files_is_one_entry(es003, triage):
    number = es003.number("5MW", 8810317)
    rows = es003.entry(number, lines=[es003.ieepa(300), es003.ieepa(200, hts="99030124"),
                                      es003.commodity(3000)])
    first = es003.write("part1.csv", [rows[:1]])
    second = es003.write("part2.csv", [rows[1:]])
    run = triage([first, second])
    assert list(run.rows) == [number]
    assert run.rows[number]["ieepa_duty"] == "500.00"


def test_inputs_recorded_with_sha256(es003, triage):
    first = es003.write("a.csv", [es003.entry(es003.number("5MW", 8810325))])
    second = es003.write("b.csv", [es003.entry(es003.number("5MW", 8810333))])
    run = triage([first, second])
    recorded = {i["file"]: i["sha256"] for i in run.summary["inputs"]}
    assert recorded["a.csv"] == hashlib.sha256(first.read_bytes()).hexdigest()
    assert recorded["b.csv"] == hashlib.sha256(second.read_bytes()).hexdigest()


def test_rows_read_counts_every_file(es003, triage):
    first = es003.write("a.csv", [es003.entry(es003.number("5MW", 8810341))])
    second = es003.write("b.csv", [es003.entry(es003.number("5MW", 8810358)),
                                   es003.entry(es003.number("5MW", 8810366))])
    run = triage([first, second])
    assert [i["rows"] for i in run.summary["inputs"]] == [2, 4]
    assert run.summary["reconciliation"]["rows_in_entries"] == 6


def test_rows_without_ordinals_matched_across_files(es003, triage):
    # Without line and ordinal numbers, identical rows in two files are read once; a
    # NO_TARIFF_ORDINAL warning explains that disagreements cannot be detected.
    number = es003.number("U5B", 6720024)
    columns = [c for c in es003.columns
               if c not in ("Entry Summary Line Number", "Tariff Ordinal Number")]
    first = es003.write("flat1.csv", [es003.entry(number, duty=700)], columns=columns)
    second = es003.write("flat2.csv", [es003.entry(number, duty=700)], columns=columns)
    run = triage([first, second])
    assert run.rows[number]["ieepa_duty"] == "700.00"
    warnings = run.exceptions_for("NO_TARIFF_ORDINAL")
    assert sorted(r["file"] for r in warnings) == ["flat1.csv", "flat2.csv"]
    assert {r["severity"] for r in warnings} == {"warning"}


def test_identical_rows_within_one_file_kept(es003, triage):
    # Two identical rows in one file without ordinals may be two real lines.
    number = es003.number("U5B", 6720032)
    columns = [c for c in es003.columns
               if c not in ("Entry Summary Line Number", "Tariff Ordinal Number")]
    entry = es003.entry(number, duty=700)
    path = es003.write("flat.csv", [entry, entry], columns=columns)
    run = triage(path)
    assert run.rows[number]["ieepa_duty"] == "1400.00"
