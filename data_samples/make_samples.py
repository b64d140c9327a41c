"""Write the synthetic sample data that the demo, the notebooks and the tests use.

The script writes, into one folder:

* one ES-003 "Entry Summary Line Tariff Details" export per importer (``es003_*.csv``), in
  the ACE column names and value formats, covering entries from February 2025 to June 2026;
* ``protests.csv`` and ``drawback_designations.csv``, the optional ``--protests`` and
  ``--drawback`` inputs of ``workbench triage``;
* ``analyst_rules.yaml``, a ``--rules`` file;
* ``expected_routes.csv``: for every entry, the route and main reason code it was built to get
  when triaged with ``--as-of 2026-12-04 --filer-code K9D`` and the three side files above.

Each entry is built from a scenario, such as an unliquidated entry, one liquidated 84 to 175
days before the as-of date, or an excluded entry type. The expected route therefore comes from
how the entry was made, not from running the workbench. One export is written the way Excel
re-saves a CSV file (byte order mark, CRLF, lost leading zeros, M/D/YYYY dates) and carries a
few damaged values, so that the loader's repairs and exceptions are exercised.

Every filer code, entry number, importer number and name is made up. HTS numbers, duty rates
and amounts are illustrative. The output depends only on SEED, so two runs write
byte-identical files.

Usage: python data_samples/make_samples.py [--out DIR]
"""

import argparse
import csv
import dataclasses
import datetime as dt
import io
import random
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

# Lets the script run from a checkout where the workbench package is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from workbench.identifiers.entry_number import calc_check_digit  # noqa: E402

SEED = 20261204
AS_OF = dt.date(2026, 12, 4)

BROKER_FILER = "K9D"          # the declarant of the demo (--filer-code)
BORDER_BROKER_FILER = "008"   # a second broker Sample Importer 2 used for land-border entries
COURIER_FILER = "592"         # an express courier that filed one entry for Sample Importer 2

IEEPA_LAST_ENTRY_DATE = dt.date(2026, 2, 23)
SECTION_122_FIRST_ENTRY_DATE = dt.date(2026, 2, 24)

# Federal holidays between the earliest and the latest protest deadline in the samples.
# check_entries rejects a protest deadline on one of them or on a weekend.
FEDERAL_HOLIDAYS = {
    dt.date(2026, 12, 25), dt.date(2027, 1, 1), dt.date(2027, 1, 18), dt.date(2027, 2, 15),
    dt.date(2027, 5, 31),
}

ES003_COLUMNS = [
    "Entry Summary Number", "Entry Summary Line Number", "Entry Type Code", "Importer Number",
    "Importer Name", "Port of Entry Code", "Entry Date", "Entry Summary Date",
    "Country of Origin Code", "Tariff Ordinal Number", "HTS Number - Full",
    "Line Tariff Goods Value Amount", "Line Tariff Duty Amount", "Liquidation Status",
    "Liquidation Date", "Reconciliation Indicator",
]

CENT = Decimal("0.01")


# --- Products and the Chapter 99 numbers they carry ------------------------------------------

@dataclasses.dataclass(frozen=True)
class Product:
    """A Chapter 1-97 article and the flags that decide its Chapter 99 numbers."""

    hts: str
    mfn_rate: Decimal
    section_301: tuple = None      # (heading, rate) for products of China
    section_232: str = None        # steel or aluminum derivative heading
    annex_ii: bool = False         # exempt from the reciprocal tariff (9903.01.32)
    usmca_eligible: bool = False   # may qualify for USMCA when from Canada or Mexico


def _product(hts, mfn, section_301=None, rate_301=None, **flags):
    heading_301 = (section_301, Decimal(rate_301)) if section_301 else None
    return Product(hts, Decimal(mfn), heading_301, **flags)


LIST_3 = "99038803"    # Section 301, list 3, 25%
LIST_4A = "99038815"   # Section 301, list 4A, 7.5%

HOME_GOODS = {
    "CN": [
        _product("9403608081", "0", LIST_3, "0.25"),
        _product("3924905650", "0.034", LIST_3, "0.25"),
        _product("7323999080", "0.034", LIST_3, "0.25"),
        _product("6302600020", "0.091", LIST_4A, "0.075"),
        _product("8509400045", "0.042", LIST_3, "0.25"),
        _product("9503000090", "0"),
    ],
    "VN": [
        _product("9403608081", "0"),
        _product("9503000090", "0"),
        _product("6302600020", "0.091"),
        _product("4409104000", "0", annex_ii=True),
    ],
    "MX": [
        _product("9403608081", "0", usmca_eligible=True),
        _product("6912004810", "0.098", usmca_eligible=True),
    ],
    "IN": [
        _product("6302319020", "0.067"),
        _product("5701109000", "0.027"),
        _product("4409104000", "0", annex_ii=True),
    ],
    "BR": [
        _product("9403608081", "0"),
        _product("6912004810", "0.098"),
    ],
    "DE": [
        _product("8509400045", "0.042"),
        _product("7013499060", "0.05"),
    ],
}

RESTAURANT_SUPPLIES = {
    "CA": [
        _product("3923210095", "0.03", usmca_eligible=True),
        _product("4818300000", "0", usmca_eligible=True),
        _product("8418500080", "0", usmca_eligible=True),
    ],
    "MX": [
        _product("7323930045", "0.02", usmca_eligible=True),
        _product("9403200080", "0", usmca_eligible=True),
        _product("8418500080", "0", usmca_eligible=True),
    ],
    "DE": [
        _product("8419815040", "0"),
        _product("8211915000", "0.045"),
        _product("7326908688", "0.029", section_232="99038191"),
    ],
    "IN": [
        _product("8215200000", "0.033"),
        _product("6302519000", "0.067"),
    ],
    "BR": [
        _product("4419909000", "0.032"),
    ],
    "VN": [
        _product("3924105000", "0.034"),
        _product("4823700020", "0"),
    ],
    "CN": [
        _product("3923210095", "0.03", LIST_3, "0.25"),
        _product("4819100040", "0", LIST_3, "0.25"),
        _product("7323930080", "0.02", LIST_4A, "0.075"),
        _product("7326908688", "0.029", LIST_3, "0.25", section_232="99038191"),
    ],
}

# The only Chapter 01-09 article of Sample Importer 2. Excel drops its leading zero.
ROASTED_COFFEE = _product("0901210035", "0")

JEWELRY_AND_ACCESSORIES = {
    "IN": [
        _product("7113115000", "0.05"),
        _product("6214900010", "0.113"),
        _product("4420908000", "0.032"),
    ],
    "CN": [
        _product("7117199000", "0.11", LIST_4A, "0.075"),
        _product("4202229000", "0.07", LIST_3, "0.25"),
    ],
    "VN": [
        _product("4202221500", "0.16"),
    ],
    "BR": [
        _product("6403996075", "0.10"),
        _product("4203300000", "0.027"),
    ],
    "MX": [
        _product("7113115000", "0.05", usmca_eligible=True),
    ],
}


def _between(day, first, last=None):
    return day >= first and (last is None or day <= last)


def ieepa_rows(country, product, entry_date, usmca_claimed):
    """Return (heading, rate) for each IEEPA Chapter 99 number on a line, in ordinal order.

    An exemption heading has rate 0. An empty list means no IEEPA program applied to the
    country on the entry date.
    """
    rows = []
    if entry_date > IEEPA_LAST_ENTRY_DATE:
        return rows

    if country == "CN":
        if _between(entry_date, dt.date(2025, 2, 4), dt.date(2025, 3, 3)):
            rows.append(("99030120", Decimal("0.10")))
        elif _between(entry_date, dt.date(2025, 3, 4), dt.date(2025, 11, 9)):
            rows.append(("99030124", Decimal("0.20")))
        elif _between(entry_date, dt.date(2025, 11, 10)):
            rows.append(("99030124", Decimal("0.10")))
    if country == "MX" and _between(entry_date, dt.date(2025, 3, 4)):
        if usmca_claimed and entry_date >= dt.date(2025, 3, 7):
            rows.append(("99030104", Decimal("0")))
        else:
            rows.append(("99030101", Decimal("0.25")))
    if country == "CA" and _between(entry_date, dt.date(2025, 3, 4)):
        if usmca_claimed and entry_date >= dt.date(2025, 3, 7):
            rows.append(("99030114", Decimal("0")))
        elif entry_date >= dt.date(2025, 8, 1):
            rows.append(("99030110", Decimal("0.35")))
        else:
            rows.append(("99030110", Decimal("0.25")))

    rows.extend(reciprocal_rows(country, product, entry_date))

    if country == "BR" and _between(entry_date, dt.date(2025, 8, 6)):
        rows.append(("99030183", Decimal("0")) if product.section_232
                    else ("99030177", Decimal("0.40")))
    if country == "IN" and _between(entry_date, dt.date(2025, 8, 27), dt.date(2026, 2, 6)):
        # NOTE: one source ends 9903.01.84 for entries from 2026-02-07 and another gives no
        # end date. The samples follow the first.
        if product.annex_ii:
            rows.append(("99030186", Decimal("0")))
        elif product.section_232:
            rows.append(("99030187", Decimal("0")))
        else:
            rows.append(("99030184", Decimal("0.25")))
    return rows


# Country-specific reciprocal headings in force from 2025-08-07.
RECIPROCAL_FROM_AUGUST = {
    "IN": ("99030226", Decimal("0.25")),
    "VN": ("99030269", Decimal("0.20")),
    "BR": ("99030209", Decimal("0.10")),
}


def reciprocal_rows(country, product, entry_date):
    """Return the reciprocal-tariff row (EO 14257) of a line, or none for Canada and Mexico."""
    if country in ("CA", "MX") or entry_date < dt.date(2025, 4, 5):
        return []
    if product.section_232:
        return [("99030133", Decimal("0"))]
    if product.annex_ii:
        return [("99030132", Decimal("0"))]
    if country == "DE" and entry_date >= dt.date(2025, 8, 7):
        if product.mfn_rate >= Decimal("0.15"):
            return [("99030219", Decimal("0"))]
        return [("99030220", Decimal("0.15") - product.mfn_rate)]
    if country in RECIPROCAL_FROM_AUGUST and entry_date >= dt.date(2025, 8, 7):
        return [RECIPROCAL_FROM_AUGUST[country]]
    return [("99030125", Decimal("0.10"))]


def section_232_rate(entry_date):
    """Return the Section 232 steel and aluminum rate: 25%, then 50% from 2025-06-04."""
    return Decimal("0.50") if entry_date >= dt.date(2025, 6, 4) else Decimal("0.25")


def chapter99_rows(country, product, entry_date, usmca_claimed):
    """Return (heading, rate, family) for every Chapter 99 number of a line, in ordinal order."""
    rows = []
    if product.section_301 and country == "CN":
        rows.append((*product.section_301, "section_301"))
    rows.extend((heading, rate, "ieepa")
                for heading, rate in ieepa_rows(country, product, entry_date, usmca_claimed))
    if product.section_232 and entry_date >= dt.date(2025, 3, 12):
        rows.append((product.section_232, section_232_rate(entry_date), "section_232"))
    section_122_applies = (
        entry_date >= SECTION_122_FIRST_ENTRY_DATE and country not in ("CA", "MX")
        and not product.section_232 and not product.annex_ii)
    if section_122_applies:
        rows.append(("99030301", Decimal("0.10"), "section_122"))
    return rows


# --- Entries ---------------------------------------------------------------------------------

@dataclasses.dataclass
class TariffRow:
    hts: str
    goods_value: Decimal
    duty: Decimal
    family: str = "commodity"


@dataclasses.dataclass
class Entry:
    """One entry summary as the generator built it, with the route it was built for."""

    importer: "Importer"
    scenario_name: str
    scenario: "Scenario"
    filer: str
    entry_type: str
    country: str
    port: str
    entry_date: dt.date
    summary_date: dt.date
    status: str
    liquidation_date: dt.date
    reconciliation: str
    lines: list
    number: str = ""
    damage: str = ""

    def ieepa_rows(self):
        return [row for line in self.lines for row in line if row.family == "ieepa"]

    def ieepa_duty(self):
        return sum((row.duty for row in self.ieepa_rows()), Decimal("0.00"))


def money(amount):
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def build_line(country, product, entry_date, value, usmca_claimed):
    """Return the tariff rows of one entry summary line: Chapter 99 rows, then the article."""
    rows = [TariffRow(heading, Decimal("0.00"), money(value * rate), family)
            for heading, rate, family in chapter99_rows(country, product, entry_date,
                                                         usmca_claimed)]
    rows.append(TariffRow(product.hts, value, money(value * product.mfn_rate)))
    return rows


def goods_value(rng, importer, cap=None):
    low, high = importer.value_range
    if cap:
        low, high = min(low, cap // 2), min(high, cap)
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def build_lines(rng, importer, country, entry_date, claim_usmca_always, products=None,
                value_cap=None):
    """Return the lines of an entry: the given articles, or one to three from the catalog."""
    if products is None:
        catalog = importer.catalog[country]
        count = min(len(catalog), rng.choices([1, 2, 3], weights=importer.line_weights)[0])
        products = rng.sample(catalog, count)
    lines = []
    for product in products:
        claimed = product.usmca_eligible and (claim_usmca_always or rng.random() < 0.5)
        lines.append(build_line(country, product, entry_date,
                                goods_value(rng, importer, value_cap), claimed))
    return lines


def lines_fit(mode, lines):
    """Tell whether the lines have the Chapter 99 rows that a scenario's mode requires."""
    families = {row.family for line in lines for row in line if row.family != "commodity"}
    ieepa_duty = sum(row.duty for line in lines for row in line if row.family == "ieepa")
    if mode == "dutiable":
        return ieepa_duty > 0
    if mode == "exemption_only":
        return "ieepa" in families and ieepa_duty == 0
    if mode == "no_chapter99":
        return not families
    if mode == "non_ieepa_chapter99":
        return bool(families) and "ieepa" not in families
    raise ValueError(f"unknown mode {mode!r}")


def move_goods_value_to_ieepa_row(lines):
    """Key the article's goods value on the first dutiable IEEPA row, as a filer's slip would."""
    for line in lines:
        ieepa = [row for row in line if row.family == "ieepa" and row.duty > 0]
        if ieepa:
            article = line[-1]
            ieepa[0].goods_value, article.goods_value = article.goods_value, Decimal("0.00")
            return
    raise ValueError("no dutiable IEEPA row to carry the goods value")


# --- Scenarios -------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Scenario:
    """How to build an entry, and the route and main reason code triage should give it.

    ``clock`` decides the dates. ``unliquidated`` picks an entry date in ``entry_dates``.
    ``liquidated`` liquidates the entry ``ages`` days before the as-of date, on a Friday unless
    ``any_weekday`` is set. ``natural`` liquidates it on the first Friday 314 days after the
    entry summary date when that is before the as-of date. ``at_entry`` liquidates it on the
    entry summary date.
    """

    route: str
    reason: str
    mode: str = "dutiable"
    clock: str = "unliquidated"
    entry_dates: tuple = (dt.date(2025, 12, 15), IEEPA_LAST_ENTRY_DATE)
    ages: tuple = None
    any_weekday: bool = False
    entry_type: str = "01"
    status: str = None
    reconciliation: str = "N"
    filer: str = BROKER_FILER
    countries: tuple = None
    goods_value_on_ieepa_line: bool = False


def _dates(first, last):
    return (dt.date(*first), dt.date(*last))


SCENARIOS = {
    # cape
    "unliquidated": Scenario("cape", ""),
    "liquidated_14_to_70_days": Scenario("cape", "", clock="liquidated", ages=(14, 70)),
    "liquidated_77_to_80_days": Scenario(
        "cape", "NEAR_80_DAY_LIMIT", clock="liquidated", ages=(77, 80), any_weekday=True),
    "warehouse_type_21": Scenario(
        "cape", "REFUND_AFTER_LIQUIDATION", entry_type="21",
        entry_dates=_dates((2025, 5, 1), (2026, 2, 20))),
    "warehouse_withdrawal_type_32": Scenario(
        "cape", "REFUND_AFTER_LIQUIDATION", entry_type="32",
        entry_dates=_dates((2025, 6, 1), (2026, 2, 20))),
    "suspended": Scenario(
        "cape", "REFUND_AFTER_LIQUIDATION", status="SUSPENDED",
        entry_dates=_dates((2025, 4, 15), (2025, 10, 31))),
    "extended": Scenario(
        "cape", "REFUND_AFTER_LIQUIDATION", status="EXTENDED",
        entry_dates=_dates((2025, 4, 15), (2025, 10, 31))),
    "under_review_mapped_by_rules": Scenario(
        "cape", "REFUND_AFTER_LIQUIDATION", status="PENDING REVIEW",
        entry_dates=_dates((2025, 9, 1), (2025, 12, 31))),
    "reconciliation_flagged_no_09": Scenario(
        "cape", "", reconciliation="Y", entry_dates=_dates((2025, 9, 1), (2026, 2, 20))),

    # fix_then_cape: the PSC window (entry date + 300 days) closes on 2026-12-07 or later.
    "goods_value_on_ieepa_line_psc_open": Scenario(
        "fix_then_cape", "GOODS_VALUE_ON_IEEPA_LINE", goods_value_on_ieepa_line=True,
        entry_dates=_dates((2026, 2, 10), (2026, 2, 23))),

    # protest
    "liquidated_84_to_175_days": Scenario(
        "protest", "LIQUIDATED_OVER_80_DAYS", clock="liquidated", ages=(84, 175)),
    "drawback_designated_liquidated": Scenario(
        "protest", "DRAWBACK_DESIGNATED", clock="liquidated", ages=(20, 70),
        countries=("VN", "IN", "DE", "BR")),
    "excluded_type_23_liquidated": Scenario(
        "protest", "EXCLUDED_ENTRY_TYPE", clock="liquidated", ages=(84, 175), entry_type="23"),

    # later_phase
    "liquidated_over_180_days": Scenario(
        "later_phase", "PROTEST_PERIOD_EXPIRED", clock="liquidated", ages=(182, 340)),
    "informal_liquidated_at_entry": Scenario(
        "later_phase", "PROTEST_PERIOD_EXPIRED", clock="at_entry", entry_type="11",
        entry_dates=_dates((2025, 5, 1), (2026, 1, 31))),
    "excluded_type_08": Scenario(
        "later_phase", "EXCLUDED_ENTRY_TYPE", entry_type="08", countries=("MX",)),
    "excluded_type_09": Scenario("later_phase", "EXCLUDED_ENTRY_TYPE", entry_type="09"),
    "excluded_type_23": Scenario("later_phase", "EXCLUDED_ENTRY_TYPE", entry_type="23"),
    "excluded_type_47": Scenario("later_phase", "EXCLUDED_ENTRY_TYPE", entry_type="47"),
    "open_protest": Scenario(
        "later_phase", "OPEN_PROTEST", clock="liquidated", ages=(35, 230)),
    "drawback_designated_unliquidated": Scenario(
        "later_phase", "DRAWBACK_DESIGNATED", countries=("VN", "IN", "DE", "BR")),
    "reconciliation_09_on_file": Scenario(
        "later_phase", "RECON_FILED", reconciliation="Y",
        entry_dates=_dates((2025, 9, 1), (2026, 1, 31))),
    "goods_value_on_ieepa_line_psc_closed": Scenario(
        "later_phase", "GOODS_VALUE_ON_IEEPA_LINE", goods_value_on_ieepa_line=True,
        entry_dates=_dates((2025, 11, 15), (2026, 1, 23))),

    # other_filer
    "filed_by_other_broker": Scenario(
        "other_filer", "FILER_MISMATCH", filer=BORDER_BROKER_FILER, countries=("CA", "MX"),
        entry_dates=_dates((2025, 12, 1), (2026, 2, 23))),

    # no_refund
    "no_chapter99_line": Scenario(
        "no_refund", "NO_IEEPA_LINE", mode="no_chapter99", clock="natural",
        entry_dates=_dates((2025, 2, 3), (2025, 4, 4))),
    "exemption_headings_only": Scenario(
        "no_refund", "ZERO_IEEPA_DUTY", mode="exemption_only", clock="natural",
        entry_dates=_dates((2025, 4, 7), (2026, 2, 23))),
    "section_122_only": Scenario(
        "no_refund", "NON_IEEPA_CHAPTER99_ONLY", mode="non_ieepa_chapter99", clock="natural",
        entry_dates=_dates((2026, 2, 24), (2026, 6, 30))),
    "section_301_or_232_only": Scenario(
        "no_refund", "NON_IEEPA_CHAPTER99_ONLY", mode="non_ieepa_chapter99", clock="natural",
        entry_dates=_dates((2025, 2, 1), (2025, 4, 4))),

    # One damaged value each, in Sample Importer 2's Excel re-saved file (damage_excel_row).
    "scientific_notation": Scenario(
        "invalid", "INVALID_ENTRY_NUMBER", filer=COURIER_FILER, countries=("CN",)),
    "check_digit_mismatch": Scenario("invalid", "CHECK_DIGIT_MISMATCH"),
    "serial_entry_date": Scenario("invalid", "INVALID_DATE"),
    "formula_wrapper": Scenario("cape", ""),
    "chapter_09_hts": Scenario(
        "cape", "", clock="liquidated", ages=(14, 70), countries=("BR",)),
}


@dataclasses.dataclass(frozen=True)
class Importer:
    """One importer of record: its ES-003 file, catalog and how many entries per scenario."""

    key: str
    number: str
    name: str
    file_name: str
    excel_resaved: bool
    catalog: dict
    country_weights: dict
    ports: dict
    value_range: tuple
    line_weights: tuple
    scenario_counts: dict


IMPORTERS = [
    Importer(
        key="importer1", number="83-4172960B4", name="Sample Importer 1",
        file_name="es003_importer1.csv", excel_resaved=False, catalog=HOME_GOODS,
        country_weights={"CN": 45, "VN": 20, "MX": 12, "IN": 12, "BR": 6, "DE": 5},
        ports={"CN": ["2704", "2709"], "VN": ["2704", "2709"], "MX": ["2304"],
               "IN": ["1001", "4601"], "BR": ["5301"], "DE": ["1001", "4601"]},
        value_range=(2_000, 60_000), line_weights=(50, 35, 15),
        scenario_counts={
            "unliquidated": 52, "liquidated_14_to_70_days": 16, "liquidated_77_to_80_days": 3,
            "warehouse_type_21": 2, "warehouse_withdrawal_type_32": 2, "suspended": 2,
            "extended": 1, "reconciliation_flagged_no_09": 3,
            "goods_value_on_ieepa_line_psc_open": 3,
            "liquidated_84_to_175_days": 18, "drawback_designated_liquidated": 2,
            "excluded_type_23_liquidated": 1,
            "liquidated_over_180_days": 22, "excluded_type_08": 1, "excluded_type_09": 1,
            "excluded_type_23": 1, "excluded_type_47": 1, "open_protest": 3,
            "drawback_designated_unliquidated": 2, "reconciliation_09_on_file": 1,
            "goods_value_on_ieepa_line_psc_closed": 1,
            "no_chapter99_line": 4, "exemption_headings_only": 5, "section_122_only": 4,
            "section_301_or_232_only": 1,
        },
    ),
    Importer(
        key="importer2", number="46-2905813K7", name="Sample Importer 2",
        file_name="es003_importer2.csv", excel_resaved=True, catalog=RESTAURANT_SUPPLIES,
        country_weights={"CN": 30, "CA": 18, "MX": 18, "DE": 14, "IN": 8, "VN": 8, "BR": 4},
        ports={"CN": ["2704", "5301"], "CA": ["3801"], "MX": ["2304"], "DE": ["1001"],
               "IN": ["1001"], "VN": ["2704"], "BR": ["5301"]},
        value_range=(1_500, 45_000), line_weights=(45, 40, 15),
        scenario_counts={
            "unliquidated": 22, "liquidated_14_to_70_days": 8, "liquidated_77_to_80_days": 2,
            "warehouse_type_21": 1, "suspended": 1, "extended": 1,
            "goods_value_on_ieepa_line_psc_open": 2,
            "liquidated_84_to_175_days": 12, "drawback_designated_liquidated": 1,
            "liquidated_over_180_days": 14, "open_protest": 1,
            "filed_by_other_broker": 7,
            "no_chapter99_line": 3, "exemption_headings_only": 5, "section_122_only": 2,
            "section_301_or_232_only": 1,
            "scientific_notation": 1, "check_digit_mismatch": 1, "serial_entry_date": 1,
            "formula_wrapper": 1, "chapter_09_hts": 1,
        },
    ),
    Importer(
        # A sole proprietor without an EIN. The SSN-form number starts with 9, which is never
        # issued as an SSN, and its middle group 31 is outside the ranges used for ITINs.
        key="importer3", number="948-31-5072", name="Sample Importer 3",
        file_name="es003_importer3.csv", excel_resaved=False,
        catalog=JEWELRY_AND_ACCESSORIES,
        country_weights={"IN": 35, "CN": 25, "VN": 15, "BR": 15, "MX": 10},
        ports={"IN": ["4701", "0401"], "CN": ["4701"], "VN": ["4701"], "BR": ["4701"],
               "MX": ["2304"]},
        value_range=(600, 9_000), line_weights=(70, 30, 0),
        scenario_counts={
            "unliquidated": 10, "liquidated_14_to_70_days": 5, "liquidated_77_to_80_days": 1,
            "suspended": 1, "under_review_mapped_by_rules": 1,
            "goods_value_on_ieepa_line_psc_open": 1,
            "liquidated_84_to_175_days": 6, "liquidated_over_180_days": 6,
            "informal_liquidated_at_entry": 2, "open_protest": 1,
            "no_chapter99_line": 2, "exemption_headings_only": 2, "section_122_only": 2,
        },
    ),
]


# --- Dates -----------------------------------------------------------------------------------

def random_date(rng, first, last):
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def is_business_day(day):
    return day.weekday() < 5 and day not in FEDERAL_HOLIDAYS


def liquidation_date_for_age(rng, scenario):
    """Pick a liquidation date ``scenario.ages`` days before the as-of date.

    Fridays are used unless ``any_weekday`` is set. A Friday liquidation puts the protest
    deadline (liquidation + 180 days) on a Wednesday.
    """
    low, high = scenario.ages
    candidates = [AS_OF - dt.timedelta(days=age) for age in range(low, high + 1)]
    if not scenario.any_weekday:
        candidates = [day for day in candidates if day.weekday() == 4]
    return rng.choice(candidates)


def pick_dates(rng, scenario):
    """Return (entry date, entry summary date, liquidation date or None) for a scenario."""
    if scenario.clock == "liquidated":
        liquidation = liquidation_date_for_age(rng, scenario)
        summary = liquidation - dt.timedelta(days=rng.randint(305, 325))
        entry = summary - dt.timedelta(days=rng.randint(3, 9))
        return entry, summary, liquidation

    entry = random_date(rng, *scenario.entry_dates)
    if scenario.entry_type in ("11", "21"):
        summary = entry
    else:
        summary = entry + dt.timedelta(days=rng.randint(3, 9))
    if scenario.clock == "at_entry":
        return entry, summary, summary
    if scenario.clock == "natural":
        return entry, summary, natural_liquidation(summary)
    return entry, summary, None


def natural_liquidation(summary_date):
    """Return the Friday on or after entry summary date + 314 days, or None after the as-of."""
    day = summary_date + dt.timedelta(days=314)
    day += dt.timedelta(days=(4 - day.weekday()) % 7)
    return day if day < AS_OF else None


def liquidation_status(rng, scenario, liquidation_date):
    if scenario.status:
        return scenario.status
    if liquidation_date:
        return "LIQUIDATED"
    return rng.choice(["", "UNLIQUIDATED"])


# --- Building entries ------------------------------------------------------------------------

def pick_country(rng, importer, scenario):
    weights = importer.country_weights
    countries = [c for c in (scenario.countries or weights) if c in importer.catalog]
    return rng.choices(countries, weights=[weights.get(c, 1) for c in countries])[0]


def build_entry(rng, importer, name):
    """Build one entry of a scenario, retrying dates and country until its lines fit the mode."""
    scenario = SCENARIOS[name]
    for _ in range(2000):
        entry_date, summary_date, liquidation = pick_dates(rng, scenario)
        country = pick_country(rng, importer, scenario)
        if country == "CN" and _between(entry_date, dt.date(2025, 4, 9), dt.date(2025, 5, 13)):
            continue  # the 84% and 125% China rates are left out of the samples

        products, value_cap = None, None
        if name == "chapter_09_hts":
            products = [ROASTED_COFFEE]
        elif scenario.entry_type == "11":
            # An informal entry covers goods worth $2,500 or less: one line stays under it.
            products, value_cap = [rng.choice(importer.catalog[country])], 2_400
        claim_usmca_always = scenario.mode == "exemption_only"
        lines = build_lines(rng, importer, country, entry_date, claim_usmca_always, products,
                            value_cap)
        if not lines_fit(scenario.mode, lines):
            continue
        if scenario.goods_value_on_ieepa_line:
            move_goods_value_to_ieepa_row(lines)
        return Entry(
            importer=importer, scenario_name=name, scenario=scenario, filer=scenario.filer,
            entry_type=scenario.entry_type, country=country,
            port=rng.choice(importer.ports[country]), entry_date=entry_date,
            summary_date=summary_date,
            status=liquidation_status(rng, scenario, liquidation),
            liquidation_date=liquidation, reconciliation=scenario.reconciliation, lines=lines,
            damage=name if name in DAMAGE_SCENARIOS else "")
    raise RuntimeError(f"no entry fits scenario {name} for {importer.name}")


def build_entries(rng):
    """Build every importer's entries, scenario by scenario in the order of SCENARIOS."""
    entries = []
    for importer in IMPORTERS:
        for name in SCENARIOS:
            for _ in range(importer.scenario_counts.get(name, 0)):
                entries.append(build_entry(rng, importer, name))
    return entries


def with_check_digit(first_ten):
    return first_ten + calc_check_digit(first_ten)


def assign_entry_numbers(rng, entries):
    """Number each filer's entries in entry summary date order, as a filer's counter would."""
    counters = {BROKER_FILER: 472_150, BORDER_BROKER_FILER: 3_160_400, COURIER_FILER: 4_617_300}
    ordered = sorted(entries, key=lambda e: (e.summary_date, e.entry_date, e.importer.key))
    for entry in ordered:
        counters[entry.filer] += rng.randint(1, 23)
        entry.number = with_check_digit(f"{entry.filer}{counters[entry.filer]:07d}")
    for entry in entries:
        if entry.damage == "check_digit_mismatch":
            wrong = (int(entry.number[-1]) + rng.randint(1, 9)) % 10
            entry.number = entry.number[:-1] + str(wrong)


# --- Side inputs -----------------------------------------------------------------------------

def protest_rows(rng, entries):
    """Return the protests.csv rows: one open or suspended protest per open_protest entry."""
    rows = []
    for entry in entries:
        if entry.scenario_name != "open_protest":
            continue
        latest = min(entry.liquidation_date + dt.timedelta(days=170),
                     AS_OF - dt.timedelta(days=5))
        filed = random_date(rng, entry.liquidation_date + dt.timedelta(days=10), latest)
        number = f"{entry.port}{filed:%y}{rng.randint(100_000, 199_999)}"
        status = rng.choice(["Open", "Open", "Suspended"])
        rows.append([entry.number, number, status, f"{filed:%m/%d/%Y}"])
    return rows


def drawback_rows(rng, entries):
    """Return the drawback_designations.csv rows: designated lines of the drawback entries."""
    claims = {}
    counter = 913_400
    rows = []
    drawback = ("drawback_designated_liquidated", "drawback_designated_unliquidated")
    for entry in entries:
        if entry.scenario_name not in drawback:
            continue
        if entry.importer.key not in claims:
            counter += rng.randint(1, 9)
            claims[entry.importer.key] = with_check_digit(f"{BROKER_FILER}{counter:07d}")
        for line_number in range(1, len(entry.lines) + 1):
            quantity = rng.randint(2, 50) * 100
            rows.append([entry.number, str(line_number), claims[entry.importer.key],
                         str(quantity)])
    return rows


def analyst_rules_text(entries):
    recon_filed = [e.number for e in entries if e.scenario_name == "reconciliation_09_on_file"]
    listed = ", ".join(f'"{number}"' for number in recon_filed)
    sole_proprietor = next(i for i in IMPORTERS if i.key == "importer3")
    return (
        "# Analyst settings for the sample data: workbench triage --rules analyst_rules.yaml\n"
        "# Written by make_samples.py.\n"
        "\n"
        "# Sample Importer 3's file has one entry with this status; without the mapping the\n"
        "# entry is invalid (MISSING_LIQUIDATION_DATA).\n"
        "liquidation_status_map:\n"
        '  "PENDING REVIEW": under_review\n'
        "\n"
        "# The shipped default: warn on liquidated entries aged 76 to 80 days.\n"
        "near_limit_band_days: 5\n"
        "\n"
        "# Reconciliation-flagged entries whose type 09 the analyst knows is on file.\n"
        f"reconciliation_09_filed: [{listed}]\n"
        "\n"
        "# Sample Importer 3 is a sole proprietor: interest at the non-corporate rate.\n"
        "interest_rate_column_by_importer:\n"
        f'  "{sole_proprietor.number}": non-corporate\n'
    )


# --- Expected routes -------------------------------------------------------------------------

def triage_entry_number(entry):
    """Return the entry number as triage.csv shows it: 11 characters, or the damaged value."""
    if entry.damage == "scientific_notation":
        return scientific_notation(entry.number)
    return entry.number


def expected_deadline(entry):
    """Return (deadline, deadline kind) that the route implies, or blanks when none is fixed."""
    route = entry.scenario.route
    if route == "cape" and entry.liquidation_date and entry.status == "LIQUIDATED":
        return entry.liquidation_date + dt.timedelta(days=80), "cape_80_day"
    if route == "protest":
        return entry.liquidation_date + dt.timedelta(days=180), "protest_180_day"
    if route == "fix_then_cape":
        return entry.entry_date + dt.timedelta(days=300), "psc"
    return None, ""


def expected_route_rows(entries):
    rows = []
    for entry in entries:
        deadline, kind = expected_deadline(entry)
        duty = "" if entry.scenario.route == "invalid" else f"{entry.ieepa_duty():.2f}"
        rows.append([
            triage_entry_number(entry), entry.importer.file_name, entry.scenario.route,
            entry.scenario.reason, duty, deadline.isoformat() if deadline else "", kind,
            entry.scenario_name, damage_of(entry),
        ])
    return sorted(rows)


def check_entries(entries):
    """Raise AssertionError when a built entry contradicts the route it was built for."""
    numbers = [e.number for e in entries]
    assert len(numbers) == len(set(numbers)), "duplicate entry numbers"
    for entry in entries:
        route = entry.scenario.route
        if route not in ("no_refund", "invalid"):
            assert entry.ieepa_duty() > 0, entry
            assert entry.entry_date <= IEEPA_LAST_ENTRY_DATE, entry
        if entry.liquidation_date:
            assert entry.entry_date <= entry.liquidation_date <= AS_OF, entry
        age = (AS_OF - entry.liquidation_date).days if entry.liquidation_date else None
        if route == "protest":
            assert is_business_day(expected_deadline(entry)[0]), entry
            assert age <= 180, entry
        if entry.scenario.reason == "NEAR_80_DAY_LIMIT":
            assert 76 <= age <= 80, entry
        if route == "fix_then_cape":
            assert expected_deadline(entry)[0] > AS_OF, entry


# --- Excel damage ----------------------------------------------------------------------------

# Scenarios that exist only to carry one damaged value in the Excel re-saved file.
DAMAGE_SCENARIOS = {
    "scientific_notation", "check_digit_mismatch", "serial_entry_date", "formula_wrapper",
    "chapter_09_hts",
}

EXCEL_EPOCH = dt.date(1899, 12, 30)


def scientific_notation(number):
    """Return an 11-digit number as Excel shows it in a narrow column: 6 significant digits."""
    mantissa, exponent = f"{int(number):.5E}".split("E")
    return f"{mantissa.rstrip('0').rstrip('.')}E{exponent}"


def damage_of(entry):
    """Name the deliberate damage of an entry, beyond what Excel changes on every row."""
    if not entry.importer.excel_resaved:
        return ""
    if entry.number.isdigit() and entry.number.startswith("0"):
        return "lost_leading_zeros"
    return entry.damage


def excel_cell(column, value):
    """Return a cell as Excel writes it back: numbers lose leading zeros, dates become M/D/YYYY."""
    if column in ("Entry Summary Number", "Entry Type Code", "HTS Number - Full",
                  "Port of Entry Code") and value.isdigit():
        return str(int(value))
    if column in ("Entry Date", "Entry Summary Date", "Liquidation Date") and value:
        month, day, year = value.split("/")
        return f"{int(month)}/{int(day)}/{year}"
    return value


def damage_excel_row(entry, row):
    """Apply Excel's changes to one ES-003 row, then this entry's own damage."""
    cells = dict(zip(ES003_COLUMNS, row))
    cells = {column: excel_cell(column, value) for column, value in cells.items()}
    if entry.damage == "scientific_notation":
        cells["Entry Summary Number"] = scientific_notation(entry.number)
    elif entry.damage == "formula_wrapper":
        cells["Entry Summary Number"] = f'="{entry.number}"'
    elif entry.damage == "serial_entry_date":
        cells["Entry Date"] = str((entry.entry_date - EXCEL_EPOCH).days)
    return [cells[column] for column in ES003_COLUMNS]


# --- Writing ---------------------------------------------------------------------------------

def format_money(amount):
    return f"${amount:,.2f}"


def es003_rows(entry):
    """Return the ES-003 rows of an entry: one per tariff ordinal, header fields repeated."""
    liquidation = f"{entry.liquidation_date:%m/%d/%Y}" if entry.liquidation_date else ""
    header = [entry.entry_type, entry.importer.number, entry.importer.name, entry.port,
              f"{entry.entry_date:%m/%d/%Y}", f"{entry.summary_date:%m/%d/%Y}"]
    rows = []
    for line_number, line in enumerate(entry.lines, start=1):
        for ordinal, tariff in enumerate(line, start=1):
            rows.append([
                entry.number, str(line_number), *header, entry.country, str(ordinal),
                tariff.hts, format_money(tariff.goods_value), format_money(tariff.duty),
                entry.status, liquidation, entry.reconciliation,
            ])
    return rows


def csv_line(cells):
    """Join cells as Excel and ACE write CSV: quote a cell only when it contains a comma.

    The csv module would also quote the ="..." wrapper, but the tools that write it do not.
    """
    return ",".join(f'"{cell}"' if "," in cell else cell for cell in cells)


def write_es003(path, importer, entries):
    lines = [csv_line(ES003_COLUMNS)]
    for entry in sorted(entries, key=lambda e: (e.summary_date, e.number)):
        for row in es003_rows(entry):
            if importer.excel_resaved:
                row = damage_excel_row(entry, row)
            lines.append(csv_line(row))
    if importer.excel_resaved:
        text = "\ufeff" + "\r\n".join(lines) + "\r\n"
    else:
        text = "\n".join(lines) + "\n"
    path.write_bytes(text.encode("utf-8"))


def write_csv(path, header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))


def write_samples(out_dir):
    """Build every entry from SEED and write all sample files into out_dir."""
    rng = random.Random(SEED)
    entries = build_entries(rng)
    assign_entry_numbers(rng, entries)
    check_entries(entries)

    out_dir.mkdir(parents=True, exist_ok=True)
    for importer in IMPORTERS:
        own = [e for e in entries if e.importer is importer]
        write_es003(out_dir / importer.file_name, importer, own)

    write_csv(out_dir / "protests.csv",
              ["Entry Number", "Protest Number", "Protest Status", "Date Filed"],
              protest_rows(rng, entries))
    write_csv(out_dir / "drawback_designations.csv",
              ["Entry Number", "Entry Summary Line Number", "Drawback Claim Number",
               "Designated Quantity"],
              drawback_rows(rng, entries))
    (out_dir / "analyst_rules.yaml").write_bytes(analyst_rules_text(entries).encode("utf-8"))
    write_csv(out_dir / "expected_routes.csv",
              ["entry_number", "source_file", "route", "reason_code", "ieepa_duty", "deadline",
               "deadline_kind", "scenario", "damage"],
              expected_route_rows(entries))
    return entries


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent,
                        help="folder to write the sample files into (default: data_samples/)")
    args = parser.parse_args(argv)
    entries = write_samples(args.out)
    print(f"wrote {len(entries)} entries for {len(IMPORTERS)} importers into {args.out}")


if __name__ == "__main__":
    main()
