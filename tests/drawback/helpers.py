"""Builders for drawback input files: real CSV files in the layouts the command reads."""

import csv
import datetime as dt

from workbench.drawback.claim import ClaimRequest, prepare_claim

IMPORT_HEADER = [
    "Entry Summary Number", "Entry Summary Line Number", "Entry Type Code", "Importer Number",
    "Entry Date", "Import Date", "Mode of Transportation Code", "Port of Entry Code",
    "Country of Origin Code", "Tariff Ordinal Number", "HTS Number - Full",
    "Line Tariff Quantity (1)", "Line Tariff UOM (1) Code", "Line Tariff Goods Value Amount",
    "Line Tariff Duty Amount", "Entry Merchandise Processing Fee Amount",
    "Entry Harbor Maintenance Fee Amount", "Liquidation Status", "Liquidation Date",
    "Line MPF Exempt Indicator", "Line AD Duty Amount", "HTS 8-Digit Description",
    "HTS 10-Digit Description",
]
EXPORT_HEADER = [
    "Export Date", "Unique Export Identifier", "Exporter Name", "Country of Destination Code",
    "Schedule B Number", "Description", "Quantity", "Unit of Measure", "Export Value Amount",
    "Import Entry Summary Number", "Import Entry Summary Line Number", "Waiver of Prior Notice",
    "Notice of Intent Date", "Production Lot", "Disposition",
]
PRODUCTION_HEADER = [
    "Production Lot", "Production Date", "Ruling Reference", "Basis of Claim",
    "Merchandise HTS Number", "Merchandise Description", "Merchandise Quantity Used",
    "Merchandise UOM", "Merchandise Unit Value Amount", "Merchandise Source",
    "Article HTS Number", "Article Description", "Article Quantity Produced", "Article UOM",
]


def us_date(day):
    """Return MM/DD/YYYY, the ES-003 date format."""
    return day.strftime("%m/%d/%Y")


def line_rows(entry, line, import_date, hts, quantity, value, duty, *, uom="NO",
              chapter99=(), mpf="0.00", hmt="0.00", mode="40", exempt="", ad="",
              description_8="", description_10=""):
    """Return the rows of one entry summary line: the Chapter 1-97 row and its 9903 rows."""
    common = {
        "Entry Summary Number": entry, "Entry Summary Line Number": str(line),
        "Entry Type Code": "01", "Importer Number": "36-4827105A2",
        "Entry Date": us_date(import_date), "Import Date": us_date(import_date),
        "Mode of Transportation Code": mode, "Port of Entry Code": "2704",
        "Country of Origin Code": "CN", "Entry Merchandise Processing Fee Amount": mpf,
        "Entry Harbor Maintenance Fee Amount": hmt, "Liquidation Status": "LIQUIDATED",
        "Liquidation Date": "", "Line MPF Exempt Indicator": "", "Line AD Duty Amount": "",
        "HTS 8-Digit Description": description_8, "HTS 10-Digit Description": description_10,
    }
    rows = []
    for ordinal, (number, amount) in enumerate(chapter99, start=1):
        rows.append({**common, "Tariff Ordinal Number": str(ordinal),
                     "HTS Number - Full": number, "Line Tariff Quantity (1)": "",
                     "Line Tariff UOM (1) Code": "", "Line Tariff Goods Value Amount": "$0.00",
                     "Line Tariff Duty Amount": amount})
    rows.append({**common, "Tariff Ordinal Number": str(len(chapter99) + 1),
                 "HTS Number - Full": hts, "Line Tariff Quantity (1)": str(quantity),
                 "Line Tariff UOM (1) Code": uom, "Line Tariff Goods Value Amount": value,
                 "Line Tariff Duty Amount": duty, "Line MPF Exempt Indicator": exempt,
                 "Line AD Duty Amount": ad})
    return rows


def export_row(export_date, identifier, quantity, value, *, schedule_b="8516790000",
               destination="DE", uom="NO", entry="", line="", waiver="Y", notice="", lot="",
               disposition=""):
    """Return one exports row."""
    return {
        "Export Date": us_date(export_date), "Unique Export Identifier": identifier,
        "Exporter Name": "Sample Importer 1", "Country of Destination Code": destination,
        "Schedule B Number": schedule_b, "Description": "Sample goods, unused",
        "Quantity": str(quantity), "Unit of Measure": uom, "Export Value Amount": value,
        "Import Entry Summary Number": entry, "Import Entry Summary Line Number": str(line),
        "Waiver of Prior Notice": waiver, "Notice of Intent Date": notice,
        "Production Lot": lot, "Disposition": disposition,
    }


def write_rows(path, header, rows):
    """Write rows (dicts) as a CSV with ``header``; return the path."""
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def claim_for(tmp_path, import_rows, export_rows, provision, as_of=dt.date(2026, 12, 4),
              production_rows=None, **options):
    """Write the files into ``tmp_path`` and prepare the claim."""
    imports = write_rows(tmp_path / "imports.csv", IMPORT_HEADER, import_rows)
    exports = write_rows(tmp_path / "exports.csv", EXPORT_HEADER, export_rows)
    production = None
    if production_rows is not None:
        production = write_rows(tmp_path / "production.csv", PRODUCTION_HEADER,
                                production_rows)
    request = ClaimRequest(imports=(imports,), exports=exports, provision=provision,
                           as_of=as_of, production=production, **options)
    return prepare_claim(request)


def findings_of(claim, rule):
    """Return the findings of one rule code."""
    return [finding for finding in claim.findings if finding.rule == rule]
