"""The tables of a prepared claim, each a (header, rows) pair ready for CSV and XLSX.

Money is written as plain dollars with two decimals (``22156.20``), quantities without
trailing zeros and dates as YYYY-MM-DD, so every file compares equal between runs.
"""

from workbench.drawback import checks, tables
from workbench.drawback.amounts import money_text, quantity_text
from workbench.drawback.price import CLASSES
from workbench.findings import COLUMNS as FINDING_COLUMNS

CLASS_COLUMNS = ["duty_364", "taxes_365", "hmt_398", "mpf_399"]


def claim_lines(claim):
    """Return one row per designation: import line, export, quantities, amount per class."""
    header = ["claim_line", "provision", "method", "election", "import_entry_number",
              "import_line_number", "import_date", "import_hts_number", "import_quantity",
              "import_uom", "entered_value", "designated_quantity", "export_identifier",
              "export_date", "destination", "schedule_b_number", "export_quantity",
              "export_uom", "comparison_value_per_unit", "production_lot", "lesser_of_factor",
              *CLASS_COLUMNS, "total", "ace_maximum", "filing_deadline"]
    rows = []
    for number, priced in enumerate(claim.priced[claim.mode], start=1):
        rows.append(_claim_line(number, claim, priced))
    return header, rows


def _claim_line(number, claim, priced):
    d, line, export = priced.designation, priced.designation.line, priced.designation.export
    exported = d.article_quantity if d.article_quantity is not None else d.quantity
    comparison = money_text(d.comparison_value) if d.comparison_value is not None else ""
    return [number, claim.provision.code, d.method, d.election, line.entry_number,
            line.line_number, line.import_date.isoformat(), line.hts,
            quantity_text(line.quantity), line.uom, money_text(line.entered_value),
            quantity_text(d.quantity), export.export_id, export.export_date.isoformat(),
            export.destination, export.schedule_b, quantity_text(exported), export.uom,
            comparison, d.production_lot, f"{priced.factor:.4f}",
            *[money_text(priced.amounts[c]) for c in CLASSES], money_text(priced.total),
            money_text(sum(priced.maximum.values())),
            checks.filing_deadline(line.import_date).isoformat()]


def amounts_by_class(claim):
    """Return the totals per ACE accounting class in both modes and the mode used."""
    header = ["accounting_class", "charge", "amount", "amount_cbp", "amount_exact",
              "ace_maximum"]
    names = tables.accounting_classes()
    used, cbp, exact = claim.totals(), claim.totals("cbp"), claim.totals("exact")
    maximum = _maximum_totals(claim)
    rows = [[c, names[c], money_text(used[c]), money_text(cbp[c]), money_text(exact[c]),
             money_text(maximum[c])] for c in CLASSES]
    rows.append(["all", "total", money_text(claim.total()), money_text(claim.total("cbp")),
                 money_text(claim.total("exact")), money_text(sum(maximum.values()))])
    return header, rows


def _maximum_totals(claim):
    totals = {c: 0 for c in CLASSES}
    for priced in claim.priced[claim.mode]:
        for c in CLASSES:
            totals[c] += priced.maximum[c]
    return totals


def designated_import_lines(claim):
    """Return each designated import line once, with the data a claim reports per line."""
    header = ["import_entry_number", "import_line_number", "import_date", "importer_number",
              "hts_number", "quantity", "uom", "entered_value", "duty_paid", "mpf_entry",
              "hmt_entry", "designated_quantity", "quantity_left", "election"]
    lines, designated = {}, {}
    for d in claim.designations:
        lines[d.line.key] = d.line
        designated[d.line.key] = designated.get(d.line.key, 0) + d.quantity
    ledger = claim.ledger.left()
    rows = []
    for key in sorted(lines):
        line = lines[key]
        quantity, left, election = ledger[key]
        rows.append([line.entry_number, line.line_number, line.import_date.isoformat(),
                     line.importer_number, line.hts, quantity_text(line.quantity), line.uom,
                     money_text(line.entered_value),
                     money_text(sum(c.amount for c in line.charges)),
                     money_text(line.entry_mpf), money_text(line.entry_hmt),
                     quantity_text(designated[key]), quantity_text(left), election or ""])
    return header, rows


def designated_exports(claim):
    """Return each export with a designation once, with its proof-of-export data."""
    header = ["export_identifier", "export_date", "disposition", "exporter", "destination",
              "schedule_b_number", "description", "quantity", "uom", "export_value",
              "waiver_of_prior_notice", "notice_of_intent_date", "production_lot"]
    seen, rows = set(), []
    for d in claim.designations:
        export = d.export
        if (export.file, export.row) in seen:
            continue
        seen.add((export.file, export.row))
        rows.append([export.export_id, export.export_date.isoformat(), export.disposition,
                     export.exporter, export.destination, export.schedule_b,
                     export.description, quantity_text(export.quantity), export.uom,
                     money_text(export.value), "Y" if export.waiver else "",
                     export.notice_date.isoformat() if export.notice_date else "",
                     export.production_lot])
    return header, rows


def traceability(claim):
    """Return the chain import line -> designation -> export, one row per designation."""
    header = ["import_entry_number", "import_line_number", "import_date", "import_hts_number",
              "designated_quantity", "import_uom", "election", "method", "production_lot",
              "export_identifier", "export_date", "disposition", "destination",
              "export_quantity", "export_uom", "refund"]
    rows = []
    for priced in claim.priced[claim.mode]:
        d = priced.designation
        exported = d.article_quantity if d.article_quantity is not None else d.quantity
        rows.append([d.line.entry_number, d.line.line_number, d.line.import_date.isoformat(),
                     d.line.hts, quantity_text(d.quantity), d.line.uom, d.election, d.method,
                     d.production_lot, d.export.export_id, d.export.export_date.isoformat(),
                     d.export.disposition, d.export.destination, quantity_text(exported),
                     d.export.uom, money_text(priced.total)])
    return header, rows


def designations_left(claim):
    """Return the quantity left and the election of every import line after this claim."""
    header = ["import_entry_number", "import_line_number", "quantity", "quantity_left",
              "designated_in_this_claim", "designated_before", "election", "filing_deadline"]
    lines = {line.key: line for line in claim.lines}
    rows = []
    for key, (quantity, left, election) in claim.ledger.left().items():
        before = claim.ledger.states[key].designated_before
        rows.append([key[0], key[1], quantity_text(quantity), quantity_text(left),
                     quantity_text(quantity - left - before), quantity_text(before),
                     election or "",
                     checks.filing_deadline(lines[key].import_date).isoformat()])
    return header, rows


def expiring_imports(claim):
    """Return import lines with quantity left, by filing deadline, with the value at risk."""
    header = ["import_entry_number", "import_line_number", "import_date", "hts_number",
              "filing_deadline", "days_left", "status", "quantity_left", "uom", "election",
              "refund_per_unit", "value_at_risk"]
    as_of, window = claim.request.as_of, claim.request.expiring_within_days
    rows = []
    for line in sorted(claim.lines, key=lambda l: (l.import_date, l.key)):
        left = claim.ledger.remaining(line.key)
        if left <= 0:
            continue
        deadline = checks.filing_deadline(line.import_date)
        days = (deadline - as_of).days
        per_unit = claim.pricer.per_unit_value(line)
        rows.append([line.entry_number, line.line_number, line.import_date.isoformat(),
                     line.hts, deadline.isoformat(), days, _expiry_status(days, window),
                     quantity_text(left), line.uom, claim.ledger.election(line.key) or "",
                     f"{per_unit:.4f}", money_text(per_unit * left)])
    return header, rows


def _expiry_status(days, window):
    if days < 0:
        return "expired"
    return "expiring" if days <= window else "open"


def unmatched_exports(claim):
    """Return the export quantity no import line supports, with the reason."""
    header = ["export_identifier", "export_date", "file", "row", "destination",
              "schedule_b_number", "quantity_unmatched", "uom", "reason"]
    rows = [[u.export.export_id, u.export.export_date.isoformat(), u.export.file,
             u.export.row, u.export.destination, u.export.schedule_b,
             quantity_text(u.quantity), u.export.uom, u.reason] for u in claim.unmatched]
    return header, rows


def excluded_charges(claim):
    """Return the charges of designated lines left out of the claim, with the reason."""
    header = ["import_entry_number", "import_line_number", "charge", "hts_number", "amount",
              "reason"]
    rows = [[e.line.entry_number, e.line.line_number, e.kind, e.hts, money_text(e.amount),
             e.reason] for e in claim.exclusions]
    return header, rows


def exceptions(claim):
    """Return the findings in the exceptions.csv layout."""
    return list(FINDING_COLUMNS), [finding.as_row() for finding in claim.findings]


def known_gaps(claim):
    """Return the limits of this claim's calculation that the analyst must check by hand."""
    provision = claim.provision
    gaps = []
    if provision.confidence == "C":
        gaps.append(f"provision {provision.code} is mapped to {provision.statute} from vendor "
                    f"sources only; confirm it against the ACE Drawback CATAIR")
    if provision.substitution:
        gaps.append("lesser-of rule applied as a value ratio to every charge; specific or "
                    "compound duty needs a manual check")
    if provision.kind in ("unused", "rejected"):
        gaps.append("Form 7553 lead time counted in Monday-to-Friday days; federal holidays "
                    "are not subtracted")
    if provision.kind == "rejected":
        gaps.append("substituted retail returns (19 CFR 190.45) are not designated; rejected "
                    "merchandise is calculated by direct identification only")
    if provision.kind == "manufacturing":
        gaps.append("recovered-material value of destroyed goods (19 U.S.C. 1313(x)) and "
                    "USMCA limits (1313(n)(2)) are not calculated")
    return gaps


def header_sheet(claim):
    """Return the claim header as field/value rows: provision, dates, totals, deadline."""
    provision = claim.provision
    deadline = claim.deadline()
    importers = sorted({d.line.importer_number for d in claim.designations})
    rows = [
        ["entry_type", "47"],
        ["provision", provision.code],
        ["provision_label", provision.label],
        ["statute", provision.statute],
        ["regulation", provision.regulation],
        ["claimant_importer_numbers", "; ".join(importers)],
        ["as_of", claim.request.as_of.isoformat()],
        ["rounding_mode", claim.mode],
        ["method", claim.request.method or ("substitution" if provision.substitution
                                            else "direct")],
        ["filing_deadline", deadline.isoformat() if deadline else ""],
        ["designations", str(len(claim.designations))],
        ["total", money_text(claim.total())],
        *[[f"class_{c}", money_text(amount)] for c, amount in claim.totals().items()],
        ["transmission", "prepared for ABI filing by a broker or certified software; "
                         "the workbench does not transmit claims"],
        *[["known_gap", gap] for gap in known_gaps(claim)],
    ]
    return ["field", "value"], rows


SHEETS = [
    ("Header", header_sheet),
    ("Import Lines", designated_import_lines),
    ("Export Lines", designated_exports),
    ("Claim Lines", claim_lines),
    ("Amounts by Class", amounts_by_class),
    ("Traceability", traceability),
    ("Designations Left", designations_left),
    ("Expiring Imports", expiring_imports),
    ("Unmatched Exports", unmatched_exports),
    ("Excluded Charges", excluded_charges),
    ("Exceptions", exceptions),
]
