"""Generate a realistic ACE ES-003 "Entry Summary Line Tariff Details" CSV of any size.

The file has the layout ``workbench triage`` reads: one row per tariff ordinal, header-level
columns repeated on every row, money as ``$1,234.56``, dates as MM/DD/YYYY, entry numbers with
valid check digits and the liquidation columns added. Each entry has 2 to 4 rows: one to three
Chapter 99 rows (IEEPA, Section 301 or 232) and the Chapter 1-97 commodity row that carries the
goods value. Entries are drawn from a mix of cases so that a triage as of ``AS_OF`` gives every
main route: cape, fix_then_cape, protest, later_phase, no_refund and invalid.

The same seed and line count always give the same bytes.

    python benchmarks/make_es003.py --lines 100000 --seed 1 --out /tmp/es003_100k.csv

>>> import io
>>> buffer = io.StringIO()
>>> write_es003(buffer, lines=7, seed=3)
7
>>> len(buffer.getvalue().splitlines())
8
"""

import argparse
import csv
import datetime as dt
import random
import sys

from workbench.identifiers.entry_number import calc_check_digit

# The triage date the generated clocks are measured against.
AS_OF = dt.date(2026, 12, 4)

# Part of the cached file names of the benchmark; raise it when the output changes.
GENERATOR_VERSION = 1

COLUMNS = [
    "Entry Summary Number", "Entry Summary Line Number", "Entry Type Code", "Importer Number",
    "Importer Name", "Port of Entry Code", "Entry Date", "Entry Summary Date",
    "Country of Origin Code", "Tariff Ordinal Number", "HTS Number - Full",
    "Line Tariff Goods Value Amount", "Line Tariff Duty Amount", "Reconciliation Indicator",
    "Liquidation Status", "Liquidation Date",
]

FILER_CODES = ["B6Q", "ZZZ", "4KD", "M31", "T7W"]
IMPORTERS = [
    ("83-5719206D1", "Harbor Lamps Inc"), ("52-6401938M3", "Keystone Tools LLC"),
    ("27-1049386A2", "Prairie Apparel Co"), ("261504-10027", "Gulf Coast Foods"),
    ("41-8830275B7", "Lakeside Furniture Corp"),
]
PORTS = ["2704", "1001", "5301", "3901", "1303", "4601"]

# Origin -> Chapter 99 headings with their ad valorem rate; the first heading is the main one.
ORIGINS = {
    "CN": [("99030124", "0.20"), ("99030125", "0.10"), ("99038815", "0.25")],
    "MX": [("99030101", "0.25"), ("99038003", "0.25")],
    "CA": [("99030110", "0.25"), ("99038503", "0.25")],
    "IN": [("99030226", "0.25"), ("99030184", "0.25")],
    "VN": [("99030125", "0.10"), ("99038802", "0.25")],
    "BR": [("99030177", "0.40"), ("99030125", "0.10")],
}
COMMODITY_HTS = ["8516600400", "6109100012", "3924104000", "9403200090", "8708999500",
                 "8471300100", "6404199060", "7326908688", "0710809750", "3926909985"]

# Case -> weight. Each case fixes the dates and statuses that lead to one triage route.
CASES = {
    "unliquidated": 44, "liquidated_recent": 10, "liquidated_protest": 15,
    "liquidated_old": 10, "section_301_only": 6, "exemption_only": 4,
    "goods_value_on_ieepa": 5, "warehouse_suspended": 2, "excluded_type": 2,
    "bad_check_digit": 1, "liquidated_before_entry": 1,
}


def money(cents):
    """Format whole cents as ES-003 prints money: $1,234.56."""
    return f"${cents // 100:,}.{cents % 100:02d}"


def us_date(day):
    """Format a date as MM/DD/YYYY."""
    return f"{day.month:02d}/{day.day:02d}/{day.year}"


class EntryMaker:
    """A source of generated entries, drawn one at a time from a seeded random generator."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.serial = {code: self.rng.randrange(1_000_000, 2_000_000) for code in FILER_CODES}
        self.case_names = list(CASES)
        self.case_weights = list(CASES.values())

    def entry_number(self, corrupt=False):
        filer = self.rng.choice(FILER_CODES)
        self.serial[filer] += 1
        first_ten = f"{filer}{self.serial[filer]:07d}"
        digit = calc_check_digit(first_ten)
        if corrupt:
            digit = str((int(digit) + 1 + self.rng.randrange(9)) % 10)
        return first_ten + digit

    def day_between(self, first, last):
        return first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))

    def dates(self, case):
        """Return (entry date, liquidation status, liquidation date or None) for a case."""
        rng, day = self.rng, self.day_between
        if case == "goods_value_on_ieepa":
            # Entry date + 300 days is still after AS_OF, so a post-summary correction is open.
            return day(dt.date(2026, 2, 8), dt.date(2026, 2, 20)), "Unliquidated", None
        if case == "warehouse_suspended":
            return day(dt.date(2025, 4, 1), dt.date(2026, 1, 31)), "SUSPENDED", None
        if case in ("liquidated_recent", "liquidated_protest", "liquidated_old"):
            age = {"liquidated_recent": (0, 75), "liquidated_protest": (85, 175),
                   "liquidated_old": (190, 260)}[case]
            liquidated = AS_OF - dt.timedelta(days=rng.randint(*age))
            entered = liquidated - dt.timedelta(days=rng.randint(300, 330))
            entered = max(entered, dt.date(2025, 3, 5))
            return entered, "Liquidated", liquidated
        if case == "liquidated_before_entry":
            entered = day(dt.date(2025, 6, 1), dt.date(2026, 1, 31))
            return entered, "Liquidated", entered - dt.timedelta(days=rng.randint(5, 60))
        return day(dt.date(2025, 3, 5), dt.date(2026, 2, 20)), rng.choice(
            ["Unliquidated", "UNLIQUIDATED", ""]), None

    def entry(self, rows):
        """Return the rows of one entry with ``rows`` tariff ordinals (2 to 4)."""
        rng = self.rng
        case = rng.choices(self.case_names, self.case_weights)[0]
        number = self.entry_number(corrupt=case == "bad_check_digit")
        importer, importer_name = rng.choice(IMPORTERS)
        entry_type = {"warehouse_suspended": "21", "excluded_type": "23"}.get(case, "01")
        entered, status, liquidated = self.dates(case)
        header = [
            number, None, entry_type, importer, importer_name, rng.choice(PORTS),
            us_date(entered), us_date(entered + dt.timedelta(days=rng.randint(7, 10))),
        ]
        tail = ["N", status, us_date(liquidated) if liquidated else ""]

        two_lines = rows == 4 and rng.random() < 0.3
        line_sizes = [2, 2] if two_lines else [rows]
        out = []
        for line_number, size in enumerate(line_sizes, start=1):
            origin = rng.choice(list(ORIGINS))
            value_cents = rng.randrange(50_000, 5_000_000)
            chapter99 = self.chapter99_rows(case, origin, size - 1)
            value_on_ieepa = case == "goods_value_on_ieepa"
            for ordinal, (hts, rate) in enumerate(chapter99, start=1):
                duty = int(value_cents * float(rate))
                goods = money(value_cents) if value_on_ieepa and ordinal == 1 else "$0.00"
                out.append(header + [origin, str(ordinal), hts, goods, money(duty)] + tail)
            commodity_duty = int(value_cents * rng.choice([0, 0.025, 0.034, 0.05]))
            goods = "$0.00" if value_on_ieepa else money(value_cents)
            out.append(header + [origin, str(size), rng.choice(COMMODITY_HTS), goods,
                                 money(commodity_duty)] + tail)
            for row in out[-size:]:
                row[1] = str(line_number)
        return out

    def chapter99_rows(self, case, origin, count):
        """Return ``count`` (HTS, rate) pairs for the Chapter 99 rows of one line."""
        headings = ORIGINS[origin]
        if case == "section_301_only":
            return [("99038815", "0.25")] * 1 + [("99038802", "0.075")] * (count - 1)
        if case == "exemption_only":
            return [("99030132", "0")] + [("99038815", "0.25")] * (count - 1)
        chosen = list(headings[:count])
        while len(chosen) < count:
            chosen.append(("99038815", "0.25"))
        return chosen


def write_es003(stream, lines, seed=1):
    """Write an ES-003 CSV with exactly ``lines`` data rows to ``stream``; return ``lines``."""
    if lines < 2:
        raise ValueError("an ES-003 file needs at least 2 data rows (one entry)")
    maker = EntryMaker(seed)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    remaining = lines
    while remaining:
        size = maker.rng.choice([2, 3, 3, 4])
        if remaining - size == 1:
            size += 1 if size < 4 else -1
        size = min(size, remaining)
        writer.writerows(maker.entry(size))
        remaining -= size
    return lines


def main(argv=None):
    """Write the file named by --out and print its path and row count."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, required=True, help="number of data rows")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--out", required=True, help="path of the CSV to write")
    args = parser.parse_args(argv)
    with open(args.out, "w", encoding="utf-8", newline="") as stream:
        write_es003(stream, args.lines, args.seed)
    print(f"{args.out}: {args.lines} rows, seed {args.seed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
