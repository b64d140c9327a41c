"""The three worked examples of the drawback rules, computed from real input files.

Example 1 is a 1313(j)(1) claim (provision 58), example 2 a 1313(j)(2) claim where the
lesser-of rule bites (59), example 3 a 1313(b) manufacturing substitution claim (52). Every
expected figure below is computed by hand in the comment above it.
"""

import datetime as dt
from decimal import Decimal

from tests.drawback.helpers import claim_for, export_row, line_rows

D = Decimal


def example_1(tmp_path, **options):
    rows = line_rows("ABC12345676", 1, dt.date(2025, 6, 2), "8516790000", 2500,
                     "$200,000.00", "$5,200.00", chapter99=[("99038803", "$50,000.00")],
                     mpf="$500.00", hmt="$250.00", mode="11")
    exports = [export_row(dt.date(2025, 11, 20), "X20251120000001", 1000, "$95,000.00",
                          entry="ABC12345676", line=1)]
    return claim_for(tmp_path, rows, exports, "58", **options)


def test_example_1_amounts_per_class(tmp_path):
    claim = example_1(tmp_path)
    totals = claim.totals()
    # (5,200 + 50,000) / 2,500 = 22.08; x 0.99 = 21.8592; x 1,000
    assert totals["364"] == D("21859.20")
    # 0.99 x 500 / 2,500 = 0.1980; x 1,000
    assert totals["399"] == D("198.00")
    # 0.99 x 250 / 2,500 = 0.0990; x 1,000
    assert totals["398"] == D("99.00")
    assert totals["365"] == D("0")
    assert claim.total() == D("22156.20")


def test_example_1_both_modes_agree(tmp_path):
    claim = example_1(tmp_path)
    assert claim.total("cbp") == D("22156.20")
    assert claim.total("exact") == D("22156.20")


def test_example_1_line_left_and_deadline(tmp_path):
    claim = example_1(tmp_path)
    quantity, left, election = claim.ledger.left()[("ABC12345676", 1)]
    assert quantity == D(2500)
    assert left == D(1500)
    assert election == "direct"
    assert claim.deadline() == dt.date(2030, 6, 2)


def test_example_1_no_lesser_of(tmp_path):
    claim = example_1(tmp_path)
    assert claim.priced["cbp"][0].factor == D(1)


def example_2(tmp_path, destination="JP", export_day=dt.date(2026, 3, 15)):
    rows = line_rows("K7Q04182031", 1, dt.date(2025, 9, 8), "8516720000", 10000,
                     "$150,000.00", "$9,000.00", chapter99=[("99038803", "$37,500.00")],
                     mpf="$500.00", mode="40", description_8="Toasters",
                     description_10="Toasters")
    exports = [export_row(export_day, "X20260315000002", 4000, "$36,000.00",
                          schedule_b="8516720000", destination=destination)]
    return claim_for(tmp_path, rows, exports, "59")


def test_example_2_lesser_of_bites(tmp_path):
    claim = example_2(tmp_path)
    totals = claim.totals()
    # (9,000 + 37,500) / 10,000 = 4.65; x min(1, 9.00 / 15.00) = 2.79; x 0.99 = 2.7621; x 4,000
    assert totals["364"] == D("11048.40")
    # 495 / 10,000 = 0.0495; x 0.60 = 0.0297; x 4,000
    assert totals["399"] == D("118.80")
    assert totals["398"] == D("0")
    assert claim.total() == D("11167.20")


def test_example_2_factor_and_maximum(tmp_path):
    claim = example_2(tmp_path)
    priced = claim.priced[claim.mode][0]
    assert priced.factor == D("0.6")
    # without the lesser-of rule: 18,414.00 + 198.00
    assert sum(priced.maximum.values()) == D("18612.00")
    assert sum(priced.maximum.values()) - claim.total() == D("7444.80")


def test_example_2_line_fixed_for_substitution(tmp_path):
    claim = example_2(tmp_path)
    quantity, left, election = claim.ledger.left()[("K7Q04182031", 1)]
    assert left == D(6000)
    assert election == "substitution"


def example_3(tmp_path, resin_cost="$2.10"):
    rows = line_rows("M4T22077312", 1, dt.date(2025, 3, 10), "3901101000", 20000,
                     "$40,000.00", "$2,600.00", uom="KG",
                     chapter99=[("99038803", "$10,000.00")], mpf="$138.56", mode="11",
                     hmt="$50.00")
    production = [{
        "Production Lot": "LOT-2026-014", "Production Date": "01/15/2026",
        "Ruling Reference": "General manufacturing ruling", "Basis of Claim": "Used in",
        "Merchandise HTS Number": "3901101000", "Merchandise Description": "Polyethylene resin",
        "Merchandise Quantity Used": "7500", "Merchandise UOM": "KG",
        "Merchandise Unit Value Amount": resin_cost, "Merchandise Source": "domestic",
        "Article HTS Number": "3923300090", "Article Description": "Containers",
        "Article Quantity Produced": "30000", "Article UOM": "NO",
    }]
    exports = [export_row(dt.date(2026, 2, 20), "X20260220000003", 30000, "$45,000.00",
                          schedule_b="3923300090", destination="BR", lot="LOT-2026-014")]
    return claim_for(tmp_path, rows, exports, "52", production_rows=production)


def test_example_3_manufacturing_substitution(tmp_path):
    claim = example_3(tmp_path)
    # 30,000 x 0.25 kg = 7,500 kg; (2,600 + 10,000) / 20,000 = 0.63; x 0.99 = 0.6237; x 7,500
    assert claim.designations[0].quantity == D(7500)
    assert claim.totals()["364"] == D("4677.75")
    assert claim.total() == D("4677.75")


def test_example_3_no_fees_on_manufacturing(tmp_path):
    claim = example_3(tmp_path)
    assert claim.totals()["399"] == D("0")
    assert claim.totals()["398"] == D("0")
    kinds = {exclusion.kind for exclusion in claim.exclusions}
    assert kinds == {"mpf", "hmt"}


def test_example_3_variant_per_mode(tmp_path):
    claim = example_3(tmp_path, resin_cost="$1.80")
    # 0.63 x (1.80 / 2.00) x 0.99 x 7,500 = 4,209.975
    assert claim.priced["exact"][0].factor == D("0.9")
    assert claim.total("exact") == D("4209.98")
    assert claim.total("cbp") == D("4209.97")
    assert claim.total() == D("4209.97")
    assert claim.mode == "lower"


def test_example_3_variant_exact_when_requested(tmp_path):
    rows = example_3(tmp_path, resin_cost="$1.80")
    assert rows.total("exact") == D("4209.98")
    claim = example_3_with_rounding(tmp_path, "exact")
    assert claim.mode == "exact"
    assert claim.total() == D("4209.98")


def example_3_with_rounding(tmp_path, rounding):
    from workbench.drawback.claim import ClaimRequest, prepare_claim

    request = ClaimRequest(imports=(tmp_path / "imports.csv",),
                           exports=tmp_path / "exports.csv", provision="52",
                           as_of=dt.date(2026, 12, 4), production=tmp_path / "production.csv",
                           rounding=rounding)
    return prepare_claim(request)
