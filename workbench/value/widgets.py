"""ipywidgets controls over the claim value model, for the Jupyter notebook.

``claim_value_panel`` returns a box of controls for the inputs an analyst changes most (staff
cost, the specialist's quote, the cost of capital and the four readiness answers) above the
results. Each change reruns ``analyse`` with the new inputs and redraws the recommendation,
the table and the charts. The controls start at the values of ``params``; the other inputs
keep the values of ``params``.

The results are widget values (an HTML widget, and an Output widget whose outputs are set
directly to Plotly JSON), not output captured while code runs: nbclient 0.11, which papermill runs
notebooks with, sometimes waits for its per-cell timeout when Plotly figures are shown inside
``interactive_output`` during the run.
"""

import html
import json

import ipywidgets as widgets
import plotly.io as pio

from workbench.errors import InputError
from workbench.value import charts
from workbench.value.analysis import analyse
from workbench.value.parameters import READINESS_ANSWERS, SPECS, with_values
from workbench.value.report import option_table

# Numeric controls: input name -> (slider minimum, slider maximum, step).
RANGE_CONTROLS = {
    "hourly_cost": (0, 300, 5),
    "specialist_fee_per_entry": (0, 1000, 1),
    "specialist_contingency": (0, 0.5, 0.005),
    "cost_of_capital": (0, 0.3, 0.005),
    "first_failure_probability": (0, 0.95, 0.01),
}
FIGURE_CONTROLS = ("specialist_fee_flat", "specialist_minimum_fee")
PLOTLY_MIME = "application/vnd.plotly.v1+json"
ANSWER_OPTIONS = [("not answered", None), ("yes", True), ("no", False)]


def claim_value_panel(data, params):
    """Return a ``VBox`` of controls bound to ``analyse(data, ...)`` and its output area."""
    controls = {name: _range_slider(name, getattr(params, name), *limits)
                for name, limits in RANGE_CONTROLS.items()}
    controls.update({name: widgets.FloatText(value=float(getattr(params, name).mid),
                                             description=SPECS[name].label,
                                             style={"description_width": "initial"})
                     for name in FIGURE_CONTROLS})
    controls.update({name: widgets.Dropdown(options=ANSWER_OPTIONS, value=getattr(params, name),
                                            description=label,
                                            style={"description_width": "initial"})
                     for name, label in READINESS_ANSWERS.items()})

    summary = widgets.HTML()
    figures = widgets.Output()

    def update(change=None):
        values = {name: control.value for name, control in controls.items()}
        try:
            analysis = analyse(data, with_values(params, **_inputs(values)))
        except InputError as error:
            summary.value = f"<p><b>Invalid input:</b> {html.escape(str(error))}</p>"
            return
        summary.value = _summary_html(analysis)
        figures.outputs = tuple(_figure_output(figure) for figure in (
            charts.net_chart(analysis.cape), charts.fee_chart(analysis),
            charts.tornado_chart(analysis.cape)))

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return widgets.VBox([widgets.VBox(list(controls.values())), summary, figures])


def _range_slider(name, span, minimum, maximum, step):
    return widgets.FloatRangeSlider(
        value=(float(span.low), float(span.high)), min=minimum, max=maximum, step=step,
        description=SPECS[name].label, continuous_update=False, readout_format=".3g",
        style={"description_width": "initial"}, layout={"width": "640px"})


def _inputs(values):
    """Turn slider tuples into [low, high] and pass the other values through.

    Slider steps add float noise (0.15000000000000002), so ends are rounded to 6 decimals.
    """
    return {name: [round(end, 6) for end in value] if isinstance(value, tuple) else value
            for name, value in values.items()}


def _figure_output(figure):
    """Return a display_data output holding the figure as Plotly JSON.

    Plotly figures display themselves instead of returning a MIME bundle, so the bundle is
    built here from the figure's JSON.
    """
    return {"output_type": "display_data", "metadata": {},
            "data": {PLOTLY_MIME: json.loads(pio.to_json(figure)), "text/plain": "Figure"}}


def _summary_html(analysis):
    """Return the recommendations and the CAPE table as HTML."""
    parts = []
    for recommendation in analysis.recommendations:
        reasons = "".join(f"<li>{html.escape(reason)}</li>" for reason in recommendation.reasons)
        parts.append(f"<h3>{recommendation.comparison.upper()}: "
                     f"{html.escape(recommendation.headline)}</h3><ul>{reasons}</ul>")
    comparison = analysis.cape
    rows = "".join(f"<tr><td>{label}</td><td>{a}</td><td>{b}</td></tr>"
                   for label, a, b in option_table(comparison))
    parts.append(f"<table><tr><th></th><th>{comparison.in_house.label}</th>"
                 f"<th>{comparison.specialist.label}</th></tr>{rows}</table>")
    return "".join(parts)
