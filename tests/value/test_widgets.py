"""The notebook's ipywidgets panel reruns the model when a control changes (in process)."""

import html

from workbench.value.analysis import analyse
from workbench.value.formatting import dollars
from workbench.value.inputs import read_claim_data
from workbench.value.parameters import load_parameters
from workbench.value.widgets import PLOTLY_MIME, claim_value_panel


def control(panel, description):
    controls = panel.children[0].children
    return next(c for c in controls if c.description.startswith(description))


def test_panel_starts_at_parameters(sample_triage):
    data = read_claim_data(sample_triage)
    params = load_parameters({"draws": 500})
    panel = claim_value_panel(data, params)
    summary, figures = panel.children[1], panel.children[2]
    expected = analyse(data, params)
    assert dollars(expected.cape.specialist.net) in summary.value
    assert len(figures.outputs) == 3
    assert all(PLOTLY_MIME in output["data"] for output in figures.outputs)


def test_fee_slider_reruns_model(sample_triage):
    data = read_claim_data(sample_triage)
    params = load_parameters({"draws": 500})
    panel = claim_value_panel(data, params)
    control(panel, "Specialist fee per entry").value = (400.0, 400.0)
    expected = analyse(data, load_parameters({"draws": 500, "specialist_fee_per_entry": 400}))
    summary = panel.children[1].value
    assert dollars(expected.cape.specialist.net) in summary
    assert html.escape(expected.recommendations[0].headline) in summary


def test_invalid_input_shown(sample_triage):
    panel = claim_value_panel(read_claim_data(sample_triage), load_parameters({"draws": 500}))
    control(panel, "Specialist flat fee").value = -1.0
    assert "Invalid input" in panel.children[1].value
    assert "must not be negative" in panel.children[1].value
