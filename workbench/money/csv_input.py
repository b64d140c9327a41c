"""Read a small CSV file the analyst supplies, with a few accepted spellings per column.

Headers are compared after trimming, lowercasing and turning spaces and dashes into
underscores, so ``Entry Number`` and ``entry-number`` both match ``entry_number``.

>>> normalise_header(" Statement Payment-Date ")
'statement_payment_date'
"""

import csv
import datetime as dt
from pathlib import Path

from workbench.errors import InputError


def normalise_header(name):
    """Return a header in the form the column aliases use."""
    return str(name).strip().lower().replace(" ", "_").replace("-", "_")


def read_rows(path, columns, required, label):
    """Return [(row number, {column: text})] from the CSV file at ``path``.

    ``columns`` maps each column name to the headers accepted for it; the ``required`` ones
    must be present. ``label`` names the file's purpose in messages, such as "payments file".
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: {label} not found")
    try:
        with open(path, newline="", encoding="utf-8-sig") as stream:
            reader = csv.DictReader(stream)
            found = _match_headers(reader.fieldnames or [], columns)
            for column in required:
                if column not in found:
                    accepted = ", ".join(columns[column])
                    raise InputError(f"{path}: column '{column}' missing from the {label}; "
                                     f"accepted headers: {accepted}")
            return [(number, {column: (row.get(header) or "").strip()
                              for column, header in found.items()})
                    for number, row in enumerate(reader, start=2)]
    except UnicodeDecodeError:
        raise InputError(f"{path}: the {label} is not UTF-8 text; save it as CSV UTF-8") from None


def _match_headers(headers, columns):
    found = {}
    for header in headers:
        for column, aliases in columns.items():
            if normalise_header(header) in aliases and column not in found:
                found[column] = header
    return found


def parse_date(text):
    """Return the date in ``text`` written YYYY-MM-DD or MM/DD/YYYY; raise ``ValueError``.

    >>> parse_date("07/15/2025"), parse_date("2025-07-15")
    (datetime.date(2025, 7, 15), datetime.date(2025, 7, 15))
    """
    for layout in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), layout).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date written YYYY-MM-DD or MM/DD/YYYY")
