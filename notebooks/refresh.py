"""Re-execute the stored notebooks in order and drop papermill's run-time metadata.

Stored outputs are those of the sample data, so nbval can compare them on every test run.
papermill records start and end times in the notebook metadata; they change on every run
and are removed so the stored files change only when an output does.

Usage, from the repository root: .venv/bin/python notebooks/refresh.py [NOTEBOOK ...]
"""

import sys
from pathlib import Path

import nbformat
import papermill

FOLDER = Path(__file__).resolve().parent
VOLATILE_KEYS = ("papermill", "execution")


def strip_run_metadata(path):
    """Remove papermill's timing metadata from the notebook and its cells."""
    notebook = nbformat.read(path, as_version=4)
    for holder in [notebook, *notebook.cells]:
        for key in VOLATILE_KEYS:
            holder.metadata.pop(key, None)
    nbformat.write(notebook, path)


def refresh(path):
    """Execute one notebook in place from its own folder, then strip run metadata."""
    papermill.execute_notebook(str(path), str(path), cwd=str(FOLDER), kernel_name="python3",
                               progress_bar=False)
    strip_run_metadata(path)
    print(f"refreshed {path.name}")


def main(names):
    paths = [FOLDER / name for name in names] or sorted(FOLDER.glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        refresh(path)


if __name__ == "__main__":
    main(sys.argv[1:])
