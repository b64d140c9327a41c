"""Files the triage cannot use: the run stops with exit status 2, names the problem, writes no declaration."""

import pytest


@pytest.fixture
def entries(es003):
    return [es003.entry(es003.number("K3P", 2200518), duty=900),
            es003.entry(es003.number("K3P", 2200526), duty=450, status="LIQUIDATED",
                        liquidation_date=es003.days_before(30))]


def _triage(run_cli, path, out, *extra):
    return run_cli("triage", path, "--as-of", "2026-11-16", "--out", out, *extra)


def test_missing_liquidation_status(es003, run_cli, entries, tmp_path):
    columns = [c for c in es003.columns if c != "Liquidation Status"]
    path = es003.write("pull_no_status.csv", entries, columns=columns)
    result = _triage(run_cli, path, tmp_path / "out")
    assert result.returncode == 2
    assert "Liquidation Status" in result.stderr
    assert "pull_no_status.csv" in result.stderr
    assert "report designer" in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []


def test_missing_liquidation_date(es003, run_cli, entries, tmp_path):
    columns = [c for c in es003.columns if c != "Liquidation Date"]
    path = es003.write("pull_no_date.csv", entries, columns=columns)
    result = _triage(run_cli, path, tmp_path / "out")
    assert result.returncode == 2
    assert "Liquidation Date" in result.stderr
    assert "pull_no_date.csv" in result.stderr
    assert "report designer" in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []


def test_missing_both_liquidation_columns(es003, run_cli, entries, tmp_path):
    columns = [c for c in es003.columns if not c.startswith("Liquidation")]
    path = es003.write("default_layout.csv", entries, columns=columns)
    result = _triage(run_cli, path, tmp_path / "out")
    assert result.returncode == 2
    assert "Liquidation Status" in result.stderr
    assert "Liquidation Date" in result.stderr
    assert "default_layout.csv" in result.stderr
    assert "report designer" in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []


def test_second_file_missing_liquidation_columns(es003, run_cli, entries, tmp_path):
    good = es003.write("good.csv", entries[:1])
    columns = [c for c in es003.columns if not c.startswith("Liquidation")]
    bad = es003.write("default_layout.csv", entries[1:], columns=columns)
    result = run_cli("triage", good, bad, "--as-of", "2026-11-16", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "default_layout.csv" in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []


@pytest.mark.parametrize("column", ["Entry Summary Number", "Entry Type Code", "Importer Number",
                                    "Entry Date", "HTS Number - Full",
                                    "Line Tariff Duty Amount"])
def test_missing_required_column(es003, run_cli, entries, tmp_path, column):
    columns = [c for c in es003.columns if c != column]
    path = es003.write("cut.csv", entries, columns=columns)
    result = _triage(run_cli, path, tmp_path / "out")
    assert result.returncode == 2
    assert column in result.stderr
    assert "cut.csv" in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []


def test_empty_file(es003, run_cli, tmp_path):
    path = es003.write_text("empty.csv", "")
    result = _triage(run_cli, path, tmp_path / "out")
    assert result.returncode == 2
    assert "empty.csv" in result.stderr
    assert "Traceback" not in result.stderr


def test_blank_lines_only_file(es003, run_cli, tmp_path):
    path = es003.write_text("blank.csv", "\n\r\n  \n")
    result = _triage(run_cli, path, tmp_path / "out")
    assert result.returncode == 2
    assert "blank.csv" in result.stderr


def test_header_only_file(es003, run_cli, tmp_path):
    path = es003.write_text("header_only.csv", ",".join(es003.columns) + "\n")
    result = _triage(run_cli, path, tmp_path / "out")
    assert result.returncode == 2
    assert "header_only.csv" in result.stderr
    assert "no data rows" in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []


def test_duplicate_headers(es003, run_cli, entries, tmp_path):
    # "Entry Number" is a synonym of "Entry Summary Number": the file names one column twice.
    text = es003.text(entries)
    header, body = text.split("\n", 1)
    rows = [line + "," + line.split(",")[0] for line in body.splitlines()]
    path = es003.write_text("twice.csv", "\n".join([header + ",Entry Number", *rows]) + "\n")
    result = _triage(run_cli, path, tmp_path / "out")
    assert result.returncode == 2
    assert "Entry Summary Number" in result.stderr
    assert "twice.csv" in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []


def test_file_not_found(run_cli, tmp_path):
    result = _triage(run_cli, tmp_path / "nowhere.csv", tmp_path / "out")
    assert result.returncode == 2
    assert "nowhere.csv" in result.stderr


def test_binary_file(es003, run_cli, tmp_path):
    path = es003.folder / "report.csv"
    path.write_bytes(b"Entry Summary Number\x00\x01\x02\n\x00\x00")
    result = _triage(run_cli, path, tmp_path / "out")
    assert result.returncode == 2
    assert "report.csv" in result.stderr


def test_damaged_xlsx(es003, run_cli, tmp_path):
    path = es003.folder / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04not really a workbook")
    result = _triage(run_cli, path, tmp_path / "out")
    assert result.returncode == 2
    assert "broken.xlsx" in result.stderr


def test_no_row_with_entry_number(es003, run_cli, tmp_path):
    path = es003.write("no_numbers.csv", [es003.entry(""), es003.entry(" ")])
    result = _triage(run_cli, path, tmp_path / "out")
    assert result.returncode == 2
    assert "no_numbers.csv" in result.stderr
    assert "Entry Summary Number" in result.stderr


def test_every_row_ragged(es003, run_cli, tmp_path):
    text = es003.text([es003.entry(es003.number("K3P", 2200534))])
    header, *rows = text.splitlines()
    path = es003.write_text("ragged_all.csv", "\n".join([header] + [r + ",x" for r in rows]) + "\n")
    result = _triage(run_cli, path, tmp_path / "out")
    assert result.returncode == 2
    assert "ragged_all.csv" in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []
