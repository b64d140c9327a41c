"""Declaration and hand-off files: CBP's upload format, limits, one file set per importer, reruns."""

import hashlib

import pytest

from workbench.cape.declaration import DeclarationError, declaration_bytes


@pytest.fixture
def small_run(es003, triage):
    numbers = [es003.number("L4X", n) for n in (3900213, 3900221, 3900239, 3900247)]
    # Written out of order, with one entry split over two lines.
    entries = [es003.entry(numbers[2]), es003.entry(numbers[0]), es003.entry(numbers[3]),
               es003.entry(numbers[1], lines=[es003.ieepa(200, line=1), es003.ieepa(300, line=2),
                                              es003.commodity(2000, line=2)])]
    return triage(es003.write("es003.csv", entries)), numbers


def test_one_file_for_one_importer(small_run):
    run, _ = small_run
    assert [p.relative_to(run.out).as_posix() for p in run.files()] == ["cape_declaration_001.csv"]


def test_header_is_entry_number(small_run):
    run, _ = small_run
    assert run.files()[0].read_bytes().split(b"\n")[0] == b"Entry Number"


def test_entries_sorted_without_duplicates(small_run):
    run, numbers = small_run
    assert run.declared() == sorted(numbers)


def test_ascii_lf_no_bom(small_run):
    run, _ = small_run
    data = run.files()[0].read_bytes()
    assert data.isascii()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    assert data.endswith(b"\n")


def test_no_blank_rows_no_commas(small_run):
    run, _ = small_run
    lines = run.files()[0].read_text(encoding="ascii").split("\n")[:-1]
    assert all(lines)
    assert all("," not in line for line in lines)


def test_every_row_eleven_characters(small_run):
    run, _ = small_run
    assert {len(number) for number in run.declared()} == {11}


def test_triage_rows_point_to_file(small_run):
    run, numbers = small_run
    assert {run.rows[n]["declaration_file"] for n in numbers} == {"cape_declaration_001.csv"}


def test_summary_records_files(small_run):
    run, _ = small_run
    record = run.summary["declaration_files"][0]
    assert record["path"] == "cape_declaration_001.csv"
    assert record["sha256"] == hashlib.sha256(run.files()[0].read_bytes()).hexdigest()


def test_triage_csv_contract_columns(small_run):
    run, _ = small_run
    assert run.header == run.columns


def test_triage_csv_sorted_one_row_per_entry(small_run):
    run, numbers = small_run
    assert list(run.rows) == sorted(numbers)


def test_declared_set_equals_cape_rows(es003, triage):
    cape, protest = es003.number("L4X", 3900254), es003.number("L4X", 3900262)
    none = es003.number("L4X", 3900270)
    entries = [es003.entry(cape),
               es003.entry(protest, status="LIQUIDATED", liquidation_date=es003.days_before(90)),
               es003.entry(none, lines=[es003.commodity(10)])]
    run = triage(es003.write("es003.csv", entries))
    assert run.declared() == [cape]
    assert run.rows[protest]["declaration_file"] == ""
    assert run.rows[none]["declaration_file"] == ""


def test_over_9999_entries_split(es003, triage):
    numbers = [es003.number("Y3M", 2000000 + i) for i in range(10001)]
    entries = [es003.entry(n, lines=[es003.ieepa(100)]) for n in numbers]
    run = triage(es003.write("es003_10001.csv", entries))
    files = run.files()
    counts = [len(p.read_text(encoding="ascii").splitlines()) - 1 for p in files]
    assert counts == [9999, 2]
    assert sorted(run.declared()) == sorted(numbers)
    assert len(set(run.declared())) == 10001
    assert all(p.stat().st_size < 1_000_000 for p in files)
    assert all(p.read_text(encoding="ascii").startswith("Entry Number\n") for p in files)


def test_exactly_9999_entries_one_file(es003, triage):
    numbers = [es003.number("Y3M", 3000000 + i) for i in range(9999)]
    run = triage(es003.write("es003_9999.csv", [es003.entry(n, lines=[es003.ieepa(100)])
                                                 for n in numbers]))
    assert len(run.files()) == 1


def test_declaration_bytes_refuses_10000():
    numbers = [f"Y3M{i:07d}0" for i in range(10000)]
    with pytest.raises(DeclarationError):
        declaration_bytes(numbers)


def test_declaration_bytes_refuses_bad_number():
    with pytest.raises(DeclarationError):
        declaration_bytes(["L4X-3900213-5"])


def test_declaration_bytes_refuses_empty():
    with pytest.raises(DeclarationError):
        declaration_bytes([])


# One file set per importer


@pytest.fixture
def two_importers(es003):
    first = [es003.number("L4X", n) for n in (3910211, 3910229)]
    second = [es003.number("L4X", n) for n in (3910237,)]
    entries = [es003.entry(n) for n in first]
    entries += [es003.entry(n, importer=es003.other_importer, importer_name="Test Importer Two")
                for n in second]
    return es003.write("es003.csv", entries), first, second


def test_folder_per_importer(es003, triage, two_importers):
    path, first, second = two_importers
    run = triage(path)
    folders = {p.parent.name: p for p in run.files()}
    assert set(folders) == {es003.importer, es003.other_importer}
    assert run.declared(f"{es003.importer}/cape_declaration_*.csv") == sorted(first)
    assert run.declared(f"{es003.other_importer}/cape_declaration_*.csv") == sorted(second)


def test_files_never_mix_importers(triage, two_importers):
    path, first, second = two_importers
    run = triage(path)
    for file in run.files():
        importers = {run.rows[n]["importer_number"]
                     for n in file.read_text(encoding="ascii").splitlines()[1:]}
        assert len(importers) == 1


def test_same_importer_with_and_without_dashes(es003, triage):
    # The same importer number written two ways is one importer, one file set.
    numbers = [es003.number("L4X", n) for n in (3920219, 3920227)]
    entries = [es003.entry(numbers[0], importer="31-4728105B3"),
               es003.entry(numbers[1], importer="314728105b3")]
    run = triage(es003.write("es003.csv", entries))
    assert len(run.files()) == 1


def test_ssn_importer_folder_masked(es003, triage):
    numbers = [es003.number("L4X", n) for n in (3930217, 3930225)]
    entries = [es003.entry(numbers[0], importer="987-65-4321"),
               es003.entry(numbers[1], importer=es003.other_importer)]
    run = triage(es003.write("es003.csv", entries))
    folders = sorted(p.parent.name for p in run.files())
    assert folders == sorted(["SSN-XXXXX4321", es003.other_importer])


def test_ssn_folders_collide(es003, triage):
    numbers = [es003.number("L4X", n) for n in (3940215, 3940223)]
    entries = [es003.entry(numbers[0], importer="987-65-4321"),
               es003.entry(numbers[1], importer="987-12-4321")]
    run = triage(es003.write("es003.csv", entries))
    folders = sorted(p.parent.name for p in run.files())
    assert folders == ["SSN-XXXXX4321", "SSN-XXXXX4321-2"]


def test_ssn_collision_stable_on_rerun(es003, triage):
    numbers = [es003.number("L4X", n) for n in (3940231, 3940249)]
    entries = [es003.entry(numbers[0], importer="987-65-4321"),
               es003.entry(numbers[1], importer="987-12-4321")]
    first = triage(es003.write("a.csv", entries))
    second = triage(es003.write("b.csv", entries[::-1]))
    assert first.rows[numbers[0]]["declaration_file"] == second.rows[numbers[0]]["declaration_file"]


def test_handoff_split_per_importer(es003, triage):
    own = es003.number("H2K", 3950212)
    foreign = [es003.number("9WB", 3950220), es003.number("9WB", 3950238)]
    entries = [es003.entry(own), es003.entry(foreign[0]),
               es003.entry(foreign[1], importer=es003.other_importer)]
    run = triage(es003.write("es003.csv", entries), filer_code="H2K")
    handoffs = {p.relative_to(run.out).as_posix() for p in run.files("handoff_*.csv")}
    assert handoffs == {f"{es003.importer}/handoff_9WB_001.csv",
                        f"{es003.other_importer}/handoff_9WB_001.csv"}
    assert run.declared() == [own]


def test_handoff_same_format(es003, triage):
    foreign = es003.number("9WB", 3950246)
    run = triage(es003.write("es003.csv", [es003.entry(foreign)]), filer_code="H2K")
    data = run.files("handoff_*.csv")[0].read_bytes()
    assert data == f"Entry Number\n{foreign}\n".encode("ascii")


# Reruns


def test_rerun_byte_identical(triage, two_importers):
    path = two_importers[0]
    first, second = triage(path), triage(path)
    left = {p.relative_to(first.out).as_posix(): p.read_bytes() for p in first.files()}
    right = {p.relative_to(second.out).as_posix(): p.read_bytes() for p in second.files()}
    assert left == right
    assert (first.out / "triage.csv").read_bytes() == (second.out / "triage.csv").read_bytes()


def test_input_row_order_does_not_change_files(es003, triage):
    numbers = [es003.number("L4X", n) for n in (3960210, 3960228, 3960236)]
    entries = [es003.entry(n) for n in numbers]
    first = triage(es003.write("a.csv", entries))
    second = triage(es003.write("b.csv", entries[::-1]))
    assert first.files()[0].read_bytes() == second.files()[0].read_bytes()


def test_stale_files_removed(es003, triage, tmp_path):
    out = tmp_path / "reused"
    (out / "SSN-XXXXX9999").mkdir(parents=True)
    (out / "cape_declaration_002.csv").write_text("Entry Number\nL4X39702184\n")
    (out / "SSN-XXXXX9999" / "cape_declaration_001.csv").write_text("Entry Number\nX\n")
    (out / "handoff_9WB_001.csv").write_text("Entry Number\nX\n")
    number = es003.number("L4X", 3970226)
    run = triage(es003.write("es003.csv", [es003.entry(number)]), out=out)
    assert [p.relative_to(out).as_posix() for p in run.files()] == ["cape_declaration_001.csv"]
    assert run.files("handoff_*.csv") == []


def test_rerun_with_fewer_importers_leaves_no_folder_files(es003, triage, two_importers, tmp_path):
    path, first, _ = two_importers
    out = tmp_path / "reused"
    triage(path, out=out)
    only_first = es003.write("one.csv", [es003.entry(n) for n in first])
    run = triage(only_first, out=out)
    assert [p.relative_to(out).as_posix() for p in run.files()] == ["cape_declaration_001.csv"]


def test_no_declaration_without_cape_entries(es003, triage):
    number = es003.number("L4X", 3980216)
    run = triage(es003.write("es003.csv", [es003.entry(number, lines=[es003.commodity(5)])]))
    assert run.files() == []


def test_exit_2_writes_no_declaration(es003, run_cli, tmp_path):
    number = es003.number("L4X", 3980224)
    path = es003.write("es003.csv", [es003.entry(number)])
    rules = es003.write_text("rules.yaml", "near_limit_band_days: 99\n")
    out = tmp_path / "out"
    result = run_cli("triage", path, "--as-of", "2026-11-16", "--out", out, "--rules", rules)
    assert result.returncode == 2
    assert list(out.rglob("cape_declaration_*.csv")) == []
    assert list(out.rglob("handoff_*.csv")) == []
