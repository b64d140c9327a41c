"""The claim value notebook run by papermill gives the package's figures for the same inputs."""

import json
from pathlib import Path

import pytest

from workbench.value.analysis import analyse
from workbench.value.inputs import read_claim_data
from workbench.notebook_outputs import execute, strip_volatile
from workbench.value.parameters import load_parameters
from workbench.value.report import summary_data, summary_text

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "03_claim_value.ipynb"
INPUTS = {"specialist_fee_per_entry": 150, "records_complete": True, "draws": 3000}


@pytest.fixture(scope="module")
def executed(sample_triage, tmp_path_factory):
    folder = tmp_path_factory.mktemp("notebook")
    parameters = {"triage_dir": str(sample_triage), "estimate_dir": None,
                  "out_dir": str(folder / "value"), **INPUTS}
    node = execute(NOTEBOOK, folder / "executed.ipynb", parameters)
    return node, folder / "value"


def printed_output(node, marker):
    for cell in node.cells:
        if cell.cell_type == "code" and marker in cell.source:
            return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
    raise AssertionError(f"no code cell contains {marker!r}")


def test_printed_summary_matches_package(executed, sample_triage):
    node, _out = executed
    expected = summary_text(analyse(read_claim_data(sample_triage), load_parameters(INPUTS)))
    assert printed_output(node, "print(summary_text(analysis)") == expected


def test_written_summary_matches_package(executed, sample_triage):
    _node, out = executed
    expected = summary_data(analyse(read_claim_data(sample_triage), load_parameters(INPUTS)))
    written = json.loads((out / "value_summary.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(expected))


def test_stripped_notebook_has_no_run_data(executed):
    node, _out = executed
    stripped = strip_volatile(node)
    text = json.dumps(stripped)
    assert "start_time" not in text
    assert "model_id" not in text
    assert "papermill" not in stripped.metadata


def test_stored_notebook_has_no_run_data():
    text = NOTEBOOK.read_text(encoding="utf-8")
    assert "start_time" not in text
    assert "model_id" not in text
    assert "/work/" not in text
    assert "/tmp/" not in text
