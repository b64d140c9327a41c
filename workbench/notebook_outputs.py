"""Execute a stored notebook with papermill and keep only outputs that compare equal.

Papermill records when each cell ran and the paths of the run, and ipywidgets stores widget
state under model ids that are new on every run. None of that is a result, and all of it
changes per run, so ``strip_volatile`` removes it before the executed notebook is stored for
nbval. Cells tagged ``widgets`` also lose their outputs, because their controls work only in
a live kernel. The printed figures and the Plotly JSON of the charts stay.

Usage, from the repository root, after the demo triage folder exists:
``python -m workbench.notebook_outputs notebooks/03_claim_value.ipynb``
"""

import argparse
import tempfile
from pathlib import Path

import nbformat
import papermill

CELL_KEYS = ("papermill", "execution", "collapsed", "scrolled")
# Seconds one cell may run before papermill raises, so a stuck kernel fails the run instead of
# hanging it. Every cell of the stored notebooks takes under a few seconds.
CELL_TIMEOUT = 300
NOTEBOOK_KEYS = ("papermill", "widgets")


def execute(notebook, output, parameters=None, kernel="python3"):
    """Run ``notebook`` in its own folder with papermill into ``output``; return the node."""
    notebook = Path(notebook).resolve()
    return papermill.execute_notebook(
        str(notebook), str(output), parameters=parameters or {}, cwd=str(notebook.parent),
        kernel_name=kernel, progress_bar=False, execution_timeout=CELL_TIMEOUT)


def strip_volatile(node):
    """Remove run times, paths and widget state from an executed notebook node, in place."""
    for key in NOTEBOOK_KEYS:
        node.metadata.pop(key, None)
    for cell in node.cells:
        for key in CELL_KEYS:
            cell.metadata.pop(key, None)
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
        if "widgets" in cell.metadata.get("tags", []):
            cell.outputs = []
            cell.execution_count = None
    return node


def refresh(notebook):
    """Execute ``notebook`` with its own parameters and store it with volatile data removed."""
    with tempfile.TemporaryDirectory() as folder:
        node = execute(notebook, Path(folder) / "executed.ipynb")
    nbformat.write(strip_volatile(node), str(notebook))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", nargs="?", default="notebooks/03_claim_value.ipynb")
    refresh(parser.parse_args(argv).notebook)


if __name__ == "__main__":
    main()
