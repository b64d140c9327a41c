"""Write a prepared claim into an output folder.

Files: ``claim_lines.csv``, ``claim_summary.json``, ``claim_workbook.xlsx`` with one CSV per
sheet in ``claim_workbook/``, ``traceability.csv``, ``expiring_imports.csv``,
``unmatched_exports.csv``, ``excluded_charges.csv``, ``designations_left.csv`` and
``exceptions.csv``. Every file is written atomically through ``workbench.outputs`` (CSV cells
neutralised against spreadsheet formulas), and the same inputs give byte-identical files.
"""

import logging
import re
from pathlib import Path

from workbench import __version__
from workbench.drawback import reports, tables
from workbench.drawback.amounts import money_text, quantity_text
from workbench.drawback.workbook import workbook_bytes
from workbench.outputs import atomic_write_bytes, sha256_file, write_csv, write_json
from workbench.rules import table_versions

log = logging.getLogger(__name__)

TOP_LEVEL = {
    "claim_lines.csv": reports.claim_lines,
    "traceability.csv": reports.traceability,
    "expiring_imports.csv": reports.expiring_imports,
    "unmatched_exports.csv": reports.unmatched_exports,
    "excluded_charges.csv": reports.excluded_charges,
    "designations_left.csv": reports.designations_left,
    "exceptions.csv": reports.exceptions,
}


def write_claim(claim, out):
    """Write every output file of ``claim`` into the folder ``out``; return the paths."""
    out = Path(out)
    paths = []
    for name, build in TOP_LEVEL.items():
        header, rows = build(claim)
        paths.append(write_csv(out / name, header, rows))
    sheets = [(title, *build(claim)) for title, build in reports.SHEETS]
    paths.append(atomic_write_bytes(out / "claim_workbook.xlsx", workbook_bytes(sheets)))
    for title, header, rows in sheets:
        paths.append(write_csv(out / "claim_workbook" / f"{_slug(title)}.csv", header, rows))
    paths.append(write_json(out / "claim_summary.json", summary(claim)))
    log.info("wrote %d files into %s", len(paths), out)
    return paths


def _slug(title):
    return re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")


def summary(claim):
    """Return the claim summary: totals per class, mode, provision, deadline, lines left."""
    deadline = claim.deadline()
    request = claim.request
    return {
        "provision": claim.provision.code,
        "provision_label": claim.provision.label,
        "statute": claim.provision.statute,
        "as_of": request.as_of.isoformat(),
        "method": request.method or ("substitution" if claim.provision.substitution
                                     else "direct"),
        "rounding_mode": claim.mode,
        "rounding_requested": request.rounding or "lower of cbp and exact, per amount",
        "totals_by_class": _class_totals(claim, None),
        "total": money_text(claim.total()),
        "totals_by_mode": {mode: {"by_class": _class_totals(claim, mode),
                                  "total": money_text(claim.total(mode))}
                           for mode in ("cbp", "exact", "lower")},
        "filing_deadline": deadline.isoformat() if deadline else None,
        "designations": len(claim.designations),
        "designations_left": _left(claim),
        "unmatched_exports": len(claim.unmatched),
        "findings": {"errors": claim.findings.count("error"),
                     "warnings": claim.findings.count("warning"),
                     "by_rule": claim.findings.by_rule()},
        "inputs": _inputs(request),
        "rule_tables": table_versions(list(tables.TABLE_NAMES)),
        "workbench_version": __version__,
        "transmission": "not transmitted: file through ABI (a broker or certified software)",
        "known_gaps": reports.known_gaps(claim),
    }


def _class_totals(claim, mode):
    names = tables.accounting_classes()
    return {code: {"charge": names[code], "amount": money_text(amount)}
            for code, amount in claim.totals(mode).items()}


def _left(claim):
    return [{"import_entry_number": key[0], "import_line_number": key[1],
             "quantity": quantity_text(quantity), "quantity_left": quantity_text(left),
             "election": election}
            for key, (quantity, left, election) in claim.ledger.left().items()]


def _inputs(request):
    named = [("imports", path) for path in request.imports]
    named += [(role, getattr(request, role)) for role in
              ("exports", "production", "designations", "cape_status")]
    return [{"role": role, "file": Path(path).name,
             "sha256": sha256_file(path) if Path(path).is_file() else None}
            for role, path in named if path]
