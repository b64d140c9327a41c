"""HTML reports of executed notebooks, readable offline.

The report shows the outputs without the code. Plotly figures stored as JSON are rendered with
plotly.js embedded once in the page, so the report opens on a machine without internet access.
"""

import copy

import nbformat
import plotly.io as pio
from nbconvert import HTMLExporter

from workbench.outputs import atomic_write_bytes

PLOTLY_MIME = "application/vnd.plotly.v1+json"


def _with_html_figures(notebook):
    notebook = copy.deepcopy(notebook)
    number = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            figure = output.get("data", {}).get(PLOTLY_MIME)
            if figure is None:
                continue
            number += 1
            output["data"]["text/html"] = pio.to_html(
                figure, full_html=False, include_plotlyjs="inline" if number == 1 else False,
                div_id=f"figure-{number}")
            del output["data"][PLOTLY_MIME]
    return notebook


def write_html_report(notebook_path, html_path):
    """Write an HTML report of the executed notebook at ``notebook_path``."""
    notebook = nbformat.read(notebook_path, as_version=4)
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _resources = exporter.from_notebook_node(_with_html_figures(notebook))
    return atomic_write_bytes(html_path, body.encode("utf-8"))
