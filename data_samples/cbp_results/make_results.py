"""Write made-up CAPE follow-up files: declarations, uploads, CBP result files and an estimate.

The folder this script fills is what ``workbench.ledger.replay`` reads and what the follow-up
notebook shows:

* ``declarations/<importer>/cape_declaration_001.csv``: two uploaded declarations, one per
  importer, in CBP's one-column format;
* ``uploads.csv``: which file was uploaded on which day under which claim number;
* ``results/``: Claim Details for both claims, one ES-022 and one REV-603 pull, written with
  the header variants and spreadsheet ``="..."`` wrappers the reader accepts;
* ``estimate.csv``: the refund the estimate expected per entry (dollars).

Every entry is built from a scenario listed in ``SCENARIOS`` with the finding it was made to
produce. The scenarios cover a refund paid in full, interest short, funds diverted, a payment
returned, rejections for a fixable and a final cause, and a message the workbench does not know. Entry numbers use the
made-up filer code QXZ with valid check digits; importer numbers are made up, and the second
is in Social Security number form so that masking is exercised. Two runs write
byte-identical files.

Usage: python data_samples/cbp_results/make_results.py [--out DIR]
"""

import argparse
import csv
import io
from decimal import Decimal
import sys
from pathlib import Path

# Lets the script run from a checkout where the workbench package is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from workbench.identifiers.entry_number import calc_check_digit  # noqa: E402

FILER = "QXZ"
IMPORTERS = {1: "12-345678900", 2: "123-45-6789"}
FOLDERS = {1: "12-345678900", 2: "SSN-XXXXX6789"}
CLAIMS = {1: "CAPE0000104", 2: "CAPE0000262"}
UPLOAD_DATES = {1: "2026-05-04", 2: "2026-06-15"}

# tag, importer, claim status, error text, ES-022 (principal, interest, liquidation date),
# REV-603 rows (secondary status, amount, date), estimate (principal, interest), made to show.
SCENARIOS = [
    ("E01", 1, "Accepted", "", ("1500.00", "21.37", "06/18/2026"),
     [("Treasury Issued", "1521.37", "06/22/2026")], ("1500.00", "21.37"), "paid in full"),
    ("E02", 1, "Accepted", "", ("2400.00", "30.00", "06/18/2026"),
     [("Treasury Issued", "2430.00", "06/22/2026")], ("2400.00", "34.12"), "INTEREST_SHORTFALL"),
    ("E03", 1, "Accepted", "", ("980.00", "12.40", "06/18/2026"),
     [("Funds Diverted", "300.00", "06/22/2026"), ("Treasury Issued", "692.40", "06/22/2026")],
     ("980.00", "12.40"), "FUNDS_DIVERTED"),
    ("E04", 1, "Accepted", "", ("3200.00", "41.00", "11/19/2026"),
     [("Sent to Treasury", "3241.00", "11/23/2026")], ("3200.00", "41.00"), "IN_TRANSIT"),
    ("E05", 1, "Accepted", "", None, [], ("640.00", "9.10"), "REFUND_OVERDUE"),
    ("E06", 1, "Rejected", "ENTRY SUMMARY IS IN FINAL LIQUIDATION STATUS", None, [],
     ("1100.00", "15.00"), "REJECTED, not re-filed"),
    ("E07", 1, "Rejected", "GOODS VALUE AMOUNT MUST BE REPORTED ON THE CH 1-97", None, [],
     ("870.00", "11.00"), "REJECTED, re-filed"),
    ("E08", 1, "Failed", "Unable to Calculate Duty", None, [], ("455.50", "6.20"),
     "REJECTED, re-filed"),
    ("E09", 1, "Rejected", "ENTRY NOT ON FILE FOR IOR", None, [], ("300.00", "4.00"),
     "REJECTED with a message shown as received"),
    ("E10", 1, "Entry Summary Updated", "", ("500.00", "5.00", "06/18/2026"),
     [("Treasury Issued", "505.00", "06/22/2026")], ("500.00", "5.00"), "paid in full"),
    ("F01", 2, "Accepted", "", ("700.00", "8.00", "07/30/2026"),
     [("Treasury Issued", "708.00", "08/03/2026")], ("750.00", "8.00"), "PRINCIPAL_SHORTFALL"),
    ("F02", 2, "Accepted", "", ("1200.00", "15.00", "07/30/2026"),
     [("Treasury Issued", "1215.00", "08/03/2026"), ("Check/ACH Returned", "1215.00", "08/07/2026")],
     ("1200.00", "15.00"), "PAYMENT_RETURNED"),
    ("F03", 2, "Rejected", "ENTRY ON DRAWBACK", None, [], ("2050.00", "27.00"),
     "REJECTED, re-filed only when cleared"),
    ("F04", 2, None, "", None, [], ("333.00", "4.44"), "NOT_DECLARED"),
    ("G01", 1, None, "", ("210.00", "2.10", "06/18/2026"), [], None,
     "REPORTED_WITHOUT_DECLARATION"),
]


def entry_number(tag):
    """Return a made-up entry number with a valid check digit for a scenario tag."""
    serial = {"E": 4100000, "F": 4200000, "G": 4300000}[tag[0]] + int(tag[1:])
    first_ten = f"{FILER}{serial:07d}"
    return first_ten + calc_check_digit(first_ten)


def _csv(rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _wrap(value):
    return f'="{value}"'


def declarations():
    """Return {relative path: text} of the declaration files, one per importer."""
    files = {}
    for importer in IMPORTERS:
        numbers = sorted(entry_number(s[0]) for s in SCENARIOS if s[1] == importer and s[2])
        path = f"declarations/{FOLDERS[importer]}/cape_declaration_001.csv"
        files[path] = "\n".join(["Entry Number", *numbers]) + "\n"
    return files


def uploads():
    """Return the text of uploads.csv."""
    rows = [["declaration_file", "claim_number", "upload_date", "importer_number"]]
    for importer in IMPORTERS:
        rows.append([f"declarations/{FOLDERS[importer]}/cape_declaration_001.csv",
                     CLAIMS[importer], UPLOAD_DATES[importer], IMPORTERS[importer]])
    return _csv(rows)


def claim_details(importer):
    """Return Claim Details text for one claim.

    The second claim is written as a spreadsheet saves it: CRLF line ends, and the number
    columns as ="..." so that the spreadsheet kept them as text.
    """
    rows = [["ENTRY_NUMBER", "CLAIM_NUMBER", "STATUS", "ERROR_DESCRIPTION"]]
    for tag, owner, status, error, *_ in SCENARIOS:
        if owner == importer and status:
            rows.append([entry_number(tag), CLAIMS[importer], status, error])
    if importer == 1:
        return _csv(rows)
    lines = [",".join(rows[0])]
    lines += [",".join([_wrap(number), _wrap(claim), status, error])
              for number, claim, status, error in rows[1:]]
    return "\r\n".join(lines) + "\r\n"


def es022():
    """Return an ES-022 pull with ACE-style headers."""
    rows = [["Declaration Number", "Entry Summary Number", "Importer Number", "Refund Number",
             "Liquidation Date", "Principal Amount", "Interest Amount"]]
    for index, (tag, importer, _, _, reported, *_rest) in enumerate(SCENARIOS):
        if reported is None:
            continue
        principal, interest, liquidated = reported
        rows.append([f"D{importer:06d}", entry_number(tag), IMPORTERS[importer],
                     f"R{26000 + index:07d}", liquidated, f"${principal}", f"${interest}"])
    return _csv(rows)


def rev603():
    """Return a REV-603 pull: one row per refund and secondary status."""
    rows = [["Refund Number", "Entry No.", "IOR Number", "Secondary Status", "Status Date",
             "Refund Amt"]]
    for index, (tag, importer, _, _, _, payments, *_rest) in enumerate(SCENARIOS):
        for status, amount, day in payments:
            rows.append([f"R{26000 + index:07d}", entry_number(tag), IMPORTERS[importer],
                         status, day, f"{Decimal(amount):,.2f}"])
    return _csv(rows)


def estimate():
    """Return estimate.csv: the refund expected per entry."""
    rows = [["entry_number", "importer_number", "principal", "interest"]]
    for tag, importer, *_, expected, _purpose in SCENARIOS:
        if expected:
            rows.append([entry_number(tag), IMPORTERS[importer], *expected])
    return _csv(rows)


def scenarios():
    """Return scenarios.csv: each entry, what it was made to show."""
    rows = [["tag", "entry_number", "importer_number", "made_to_show"]]
    for tag, importer, *_, purpose in SCENARIOS:
        rows.append([tag, entry_number(tag), IMPORTERS[importer], purpose])
    return _csv(rows)


def files():
    """Return {relative path: text} of every file this script writes."""
    return {
        **declarations(),
        "uploads.csv": uploads(),
        "results/01_claim_details_CAPE0000104.csv": claim_details(1),
        "results/02_claim_details_CAPE0000262.csv": claim_details(2),
        "results/03_es022_2026-11.csv": es022(),
        "results/04_rev603_2026-11.csv": rev603(),
        "estimate.csv": estimate(),
        "scenarios.csv": scenarios(),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent,
                        help="folder to write into (default: this script's folder)")
    args = parser.parse_args(argv)
    for relative, text in files().items():
        path = args.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("ascii"))
    print(f"wrote {len(files())} files into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
