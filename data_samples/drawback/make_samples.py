"""Write the drawback sample inputs: imports, three export files, production and CAPE status.

Run from anywhere: ``python data_samples/drawback/make_samples.py``. The files are written
beside this script and are the same on every run. Entry numbers get their CATAIR Appendix E
check digit from ``workbench.identifiers.entry_number``; everything else is typed in below.
"""

import csv
from pathlib import Path

from workbench.identifiers.entry_number import calc_check_digit

HERE = Path(__file__).resolve().parent
FILER = "Q3V"
IMPORTER = "36-4827105A2"

IMPORT_HEADER = [
    "Entry Summary Number", "Entry Summary Line Number", "Entry Type Code", "Importer Number",
    "Importer Name", "Entry Date", "Import Date", "Mode of Transportation Code",
    "Port of Entry Code", "Country of Origin Code", "Tariff Ordinal Number",
    "HTS Number - Full", "Line Tariff Quantity (1)", "Line Tariff UOM (1) Code",
    "Line Tariff Goods Value Amount", "Line Tariff Duty Amount",
    "Entry Merchandise Processing Fee Amount", "Entry Harbor Maintenance Fee Amount",
    "Liquidation Status", "Liquidation Date", "HTS 8-Digit Description",
    "HTS 10-Digit Description",
]
EXPORT_HEADER = [
    "Export Date", "Unique Export Identifier", "Exporter Name", "Country of Destination Code",
    "Schedule B Number", "Description", "Quantity", "Unit of Measure", "Export Value Amount",
    "Import Entry Summary Number", "Import Entry Summary Line Number", "Waiver of Prior Notice",
    "Notice of Intent Date", "Production Lot",
]
PRODUCTION_HEADER = [
    "Production Lot", "Production Date", "Ruling Reference", "Basis of Claim",
    "Merchandise HTS Number", "Merchandise Description", "Merchandise Quantity Used",
    "Merchandise UOM", "Merchandise Unit Value Amount", "Merchandise Source",
    "Article HTS Number", "Article Description", "Article Quantity Produced", "Article UOM",
]

TOASTERS = ("Toasters", "Toasters")
PROCESSORS = ("Food grinders and processors; fruit or vegetable juice extractors", "Other")
BOLTS = ("Other screws and bolts, with or without their nuts or washers", "Bolts, of steel")
RESIN = ("Polyethylene having a specific gravity of less than 0.94", "Film grade resin")


def entry(serial):
    """Return an entry number of the sample filer with its check digit."""
    first_ten = f"{FILER}{serial:07d}"
    return first_ten + calc_check_digit(first_ten)


# entry serial, date (MM/DD/YYYY), mode, MPF, HMT, liquidation status and date, lines:
# (line, HTS, quantity, unit, value, duty, descriptions, [(Chapter 99 number, duty)])
ENTRIES = [
    (211845, "01/18/2022", "11", "$311.76", "$112.50", "LIQUIDATED", "12/02/2022", [
        (1, "8516720000", 3000, "NO", "$54,000.00", "$0.00", TOASTERS,
         [("99038815", "$4,050.00")]),
        (2, "8509400050", 1200, "NO", "$36,000.00", "$1,512.00", PROCESSORS,
         [("99038815", "$2,700.00")])]),
    (306112, "05/09/2023", "40", "$329.08", "$0.00", "LIQUIDATED", "03/22/2024", [
        (1, "8516720000", 5000, "NO", "$95,000.00", "$0.00", TOASTERS,
         [("99038803", "$23,750.00")])]),
    (402277, "03/04/2024", "40", "$374.11", "$0.00", "LIQUIDATED", "01/17/2025", [
        (1, "8516720000", 6000, "NO", "$108,000.00", "$0.00", TOASTERS,
         [("99038803", "$27,000.00")])]),
    (517730, "05/20/2025", "11", "$138.56", "$50.00", "LIQUIDATED", "04/03/2026", [
        (1, "8516720000", 2000, "NO", "$40,000.00", "$0.00", TOASTERS,
         [("99038803", "$10,000.00"), ("99030125", "$4,000.00"), ("99030124", "$8,000.00")])]),
    (521904, "08/12/2025", "11", "$242.48", "$87.50", "UNLIQUIDATED", "", [
        (1, "7318158066", 20000, "NO", "$30,000.00", "$2,550.00", BOLTS,
         [("99038191", "$15,000.00")]),
        (2, "3901101000", 20000, "KG", "$40,000.00", "$2,600.00", RESIN,
         [("99038803", "$10,000.00")])]),
    (533018, "10/02/2025", "11", "$103.92", "$37.50", "UNLIQUIDATED", "", [
        (1, "8516720000", 1500, "NO", "$30,000.00", "$0.00", TOASTERS,
         [("99038803", "$7,500.00"), ("99030125", "$3,000.00")])]),
]

# date, ITN, destination, Schedule B, description, quantity, unit, value, entry serial, line,
# waiver, notice date
DIRECT_EXPORTS = [
    ("06/14/2022", "X20220614118830", "DE", "8516720000", "Toasters, unused, original cartons",
     1000, "NO", "$24,000.00", 211845, 1, "Y", ""),
    ("09/02/2022", "X20220902118874", "GB", "8509400050", "Food processors, unused",
     400, "NO", "$16,800.00", 211845, 2, "", "08/24/2022"),
    ("11/15/2023", "X20231115204417", "AU", "8516720000", "Toasters, unused, original cartons",
     2000, "NO", "$48,000.00", 306112, 1, "Y", ""),
    ("09/30/2025", "X20250930309952", "JP", "8516720000", "Toasters, unused, original cartons",
     800, "NO", "$19,200.00", 517730, 1, "Y", ""),
    ("12/01/2025", "X20251201310406", "MX", "7318158066", "Steel bolts, unused, in bulk cartons",
     5000, "NO", "$9,000.00", 521904, 1, "", ""),
    ("01/15/2026", "X20260115311287", "JP", "8516720000", "Toasters, unused, original cartons",
     1500, "NO", "$36,000.00", 517730, 1, "Y", ""),
]
SUBSTITUTION_EXPORTS = [
    ("02/10/2026", "X20260210312045", "NL", "8516720000", "Toasters, unused, same model range",
     4000, "NO", "$64,000.00", None, "", "Y", ""),
    ("03/05/2026", "X20260305312630", "CA", "8516720000", "Toasters, unused, same model range",
     1000, "NO", "$17,000.00", None, "", "Y", ""),
    ("04/20/2026", "X20260420313318", "KR", "8509400050", "Food processors, unused",
     300, "NO", "$12,600.00", None, "", "Y", ""),
]
MANUFACTURING_EXPORTS = [
    ("05/12/2026", "X20260512314150", "BR", "3923300090", "Polyethylene containers, 0.25 kg",
     24000, "NO", "$43,200.00", None, "", "", "", "LOT-2026-031"),
]
PRODUCTION = [
    ("LOT-2026-031", "03/02/2026", "General manufacturing ruling, T.D. 81-181 style",
     "Used in", "3901101000", "Polyethylene resin, domestic", "6000", "KG", "$2.05",
     "domestic", "3923300090", "Containers, 0.25 kg each", "24000", "NO"),
]
CAPE_STATUS = [(517730, "none"), (521904, "declared"), (533018, "declared")]


def import_rows():
    for serial, day, mode, mpf, hmt, status, liquidated, lines in ENTRIES:
        for line, hts, quantity, uom, value, duty, (text8, text10), extra in lines:
            common = [entry(serial), str(line), "01", IMPORTER, "Sample Importer 1", day, day,
                      mode, "2704", "CN"]
            for ordinal, (number, amount) in enumerate(extra, start=1):
                yield common + [str(ordinal), number, "", "", "$0.00", amount, mpf, hmt, status,
                                liquidated, text8, text10]
            yield common + [str(len(extra) + 1), hts, str(quantity), uom, value, duty, mpf, hmt,
                            status, liquidated, text8, text10]


def export_rows(exports):
    for day, itn, country, schedule_b, text, quantity, uom, value, serial, line, waiver, \
            notice, *lot in exports:
        yield [day, itn, "Sample Importer 1", country, schedule_b, text, str(quantity), uom,
               value, entry(serial) if serial else "", str(line), waiver, notice,
               lot[0] if lot else ""]


def write(name, header, rows):
    with open(HERE / name, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main():
    write("imports.csv", IMPORT_HEADER, import_rows())
    write("exports_direct.csv", EXPORT_HEADER, export_rows(DIRECT_EXPORTS))
    write("exports_substitution.csv", EXPORT_HEADER, export_rows(SUBSTITUTION_EXPORTS))
    write("exports_manufacturing.csv", EXPORT_HEADER, export_rows(MANUFACTURING_EXPORTS))
    write("production.csv", PRODUCTION_HEADER, PRODUCTION)
    write("cape_status.csv", ["Entry Summary Number", "CAPE Status"],
          ([entry(serial), status] for serial, status in CAPE_STATUS))


if __name__ == "__main__":
    main()
