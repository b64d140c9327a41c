"""Re-execute the stored notebooks in order, keeping only outputs that compare equal.

Stored outputs are those of the sample data, so nbval can compare them on every test run.

Usage, from the repository root: .venv/bin/python notebooks/refresh.py [NOTEBOOK ...]
"""

import sys
from pathlib import Path

from workbench.notebook_outputs import refresh

FOLDER = Path(__file__).resolve().parent


def main(names):
    paths = [FOLDER / name for name in names] or sorted(FOLDER.glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        refresh(path)
        print(f"refreshed {path.name}")


if __name__ == "__main__":
    main(sys.argv[1:])
