"""Findings: one row per input problem, written to ``exceptions.csv``.

A finding names the file, the row (the spreadsheet row number, the header being row 1),
the column, the value as found, the rule code, the severity (``error`` stops the entry,
``warning`` does not) and a message that tells the analyst what to do.
"""

import dataclasses

COLUMNS = ["file", "row", "column", "value", "rule", "severity", "message"]


@dataclasses.dataclass(frozen=True)
class Finding:
    """One input problem."""

    file: str
    row: object
    column: str
    value: str
    rule: str
    severity: str
    message: str

    def as_row(self):
        """Return the values in the order of ``COLUMNS``."""
        return [self.file, "" if self.row is None else self.row, self.column, self.value,
                self.rule, self.severity, self.message]


class Findings:
    """An ordered collection of findings for one run."""

    def __init__(self):
        self.items = []

    def add(self, file, row, column, value, rule, severity, message):
        """Record one finding."""
        self.items.append(Finding(str(file), row, column, str(value), rule, severity, message))

    def add_rows(self, frame, column, rule, severity, message):
        """Record one finding per row of ``frame`` (which has ``_file``, ``_row`` and ``column``).

        ``message`` is a text or a function of the value.
        """
        for file, row, value in zip(frame["_file"], frame["_row"], frame[column]):
            text = message(value) if callable(message) else message
            self.add(file, int(row), column, value, rule, severity, text)

    def add_grouped(self, frame, column, rule, severity, message):
        """Record one finding per file and distinct value of ``column`` in ``frame``.

        A value repeated on many rows of one file is one problem. The finding points at the
        first row, and the message gives how many rows contain it. ``message`` is a text or a
        function of the value.
        """
        if frame.empty:
            return
        groups = frame.groupby(["_file", column], sort=False)["_row"].agg(["min", "count"])
        for (file, value), (first, count) in groups.iterrows():
            text = message(value) if callable(message) else message
            if count > 1:
                text = f"{text} ({count} rows, first row {first})"
            self.add(file, int(first), column, value, rule, severity, text)

    def count(self, severity=None):
        """Return the number of findings, optionally of one severity."""
        return sum(1 for f in self.items if severity is None or f.severity == severity)

    def by_rule(self):
        """Return {rule: count}, sorted by rule."""
        counts = {}
        for finding in self.items:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
        return dict(sorted(counts.items()))

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)
