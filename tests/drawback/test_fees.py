"""MPF apportionment (19 CFR 190.51(b)(2)) in both rounding modes, with CBP's examples."""

import datetime as dt
from decimal import Decimal

from tests.drawback.helpers import claim_for, export_row, line_rows
from workbench.drawback.calculate import FeeShare, fee_per_unit, mpf_refund

D = Decimal
ONE = D(1)


def test_example_1_per_unit_rates_cbp():
    # ratios .1471 / .2647 / .5882 of $485; 99%; per unit over 5,000 / 6,000 / 10,000 units
    shares = [FeeShare(D(50000), D(340000), D(485), D(5000)),
              FeeShare(D(90000), D(340000), D(485), D(6000)),
              FeeShare(D(200000), D(340000), D(485), D(10000))]
    rates = [fee_per_unit(share, ONE, "cbp") for share in shares]
    assert rates == [D("0.0141"), D("0.0212"), D("0.0282")]


def test_example_1_claim_per_mode():
    share = FeeShare(D(50000), D(340000), D(485), D(5000))
    assert mpf_refund(share, D(1000), ONE, "cbp") == D("14.10")
    assert mpf_refund(share, D(1000), ONE, "exact") == D("14.12")


def test_example_2_exempt_line_excluded():
    # line 1 ($7,000) is MPF-exempt; lines 2 and 3 form the $2,000,000 base
    line_2 = FeeShare(D(1500000), D(2000000), D(485), D(15000))
    line_3 = FeeShare(D(500000), D(2000000), D(485), D(10000))
    assert fee_per_unit(line_2, ONE, "cbp") == D("0.0240")
    assert fee_per_unit(line_3, ONE, "cbp") == D("0.0120")
    assert mpf_refund(line_2, D(1000), ONE, "cbp") == D("24.00")
    # exact: 0.75 x 485 x 0.99 / 15,000 x 1,000 = 24.0075
    assert mpf_refund(line_2, D(1000), ONE, "exact") == D("24.01")


def test_example_2_from_files(tmp_path):
    entry, day = "B8W55300128", dt.date(2025, 6, 2)
    rows = (line_rows(entry, 1, day, "5208520000", 700, "$7,000.00", "$500.00", uom="M2",
                      mpf="$485.00", exempt="Y")
            + line_rows(entry, 2, day, "8516790000", 15000, "$1,500,000.00", "$0.00",
                        mpf="$485.00")
            + line_rows(entry, 3, day, "8516600000", 10000, "$500,000.00", "$0.00",
                        mpf="$485.00"))
    exports = [export_row(dt.date(2025, 9, 1), "X-MPF-2", 1000, "$110,000.00", entry=entry,
                          line=2)]
    claim = claim_for(tmp_path, rows, exports, "58")
    assert claim.totals("cbp")["399"] == D("24.00")
    assert claim.totals("exact")["399"] == D("24.01")
    assert claim.totals()["399"] == D("24.00")
    assert claim.mode == "lower"


def test_lesser_of_applies_to_mpf():
    share = FeeShare(D(150000), D(150000), D(500), D(10000))
    # 495 / 10,000 = 0.0495; x 0.60 = 0.0297; x 4,000
    assert mpf_refund(share, D(4000), D("0.6"), "cbp") == D("118.80")


def test_zero_fee_gives_zero():
    share = FeeShare(D(1000), D(1000), D(0), D(10))
    assert fee_per_unit(share, ONE, "exact") == D(0)
