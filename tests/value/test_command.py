"""``workbench value``: files written, the printed report and exit statuses."""

import json

from workbench.cli import main
from workbench.value.analysis import analyse_folder
from workbench.value.report import summary_text


def test_writes_outputs(sample_triage, tmp_path, capsys):
    out = tmp_path / "value"
    assert main(["value", str(sample_triage), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    expected = summary_text(analyse_folder(sample_triage))
    assert printed.startswith(expected)
    assert (out / "recommendation.txt").read_text(encoding="utf-8") == expected
    summary = json.loads((out / "value_summary.json").read_text(encoding="utf-8"))
    assert summary["comparisons"]["cape"]["monte_carlo"]["draws"] == 10000
    header = (out / "options.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("comparison,option,label,refund")


def test_parameters_file(sample_triage, tmp_path, capsys):
    params = tmp_path / "params.yaml"
    params.write_text("specialist_fee_per_entry: 150\ndraws: 500\n", encoding="utf-8")
    assert main(["value", str(sample_triage), "--out", str(tmp_path / "v"), "-f",
                 str(params)]) == 0
    expected = summary_text(analyse_folder(sample_triage, parameters_file=params))
    assert capsys.readouterr().out.startswith(expected)


def test_unknown_key_exit_2(sample_triage, tmp_path, capsys):
    params = tmp_path / "params.yaml"
    params.write_text("hourly_rate: 50\n", encoding="utf-8")
    assert main(["value", str(sample_triage), "--out", str(tmp_path / "v"), "-f",
                 str(params)]) == 2
    assert "unknown key 'hourly_rate'" in capsys.readouterr().err
    assert not (tmp_path / "v").exists()


def test_missing_triage_exit_2(tmp_path, capsys):
    assert main(["value", str(tmp_path / "none"), "--out", str(tmp_path / "v")]) == 2
    assert "summary.json: file not found" in capsys.readouterr().err
