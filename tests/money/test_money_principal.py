"""Principal per entry and per Chapter 99 heading."""

from decimal import Decimal

import pytest

from workbench.errors import InputError
from workbench.money.principal import (check_against_triage, principal_by_entry,
                                       principal_by_heading, totals_by)
from workbench.money.triage_folder import IeepaLine, read_triage_folder


def line(entry, hts, program, duty, heading_type="dutiable"):
    return IeepaLine(entry, "1", "1", hts, program, heading_type, Decimal(duty), Decimal(duty) > 0)


def test_only_counted_lines():
    lines = [line("E1", "99030125", "reciprocal", "10.00"),
             line("E1", "99030126", "reciprocal", "0.00", "exemption"),
             line("E2", "99030126", "reciprocal", "0.00", "exemption")]
    assert principal_by_entry(lines) == {"E1": Decimal("10.00")}


def test_heading_sums_lines_of_same_heading():
    lines = [line("E1", "99030110", "fentanyl_canada", "6060.58"),
             line("E1", "99030110", "fentanyl_canada", "6119.55"),
             line("E1", "99030125", "reciprocal", "1.00")]
    headings = principal_by_heading(lines)
    assert [(h.hts, h.lines, h.amount) for h in headings] == [
        ("99030110", 2, Decimal("12180.13")), ("99030125", 1, Decimal("1.00"))]


def test_program_totals(triage_dir):
    folder = read_triage_folder(triage_dir)
    totals = totals_by(principal_by_heading(folder.lines), lambda h: h.program)
    assert totals == {"fentanyl_china": Decimal("1000.00"), "fentanyl_mexico": Decimal("12025.50"),
                      "reciprocal": Decimal("5650.00")}


def test_fixture_principal_matches_triage(triage_dir):
    folder = read_triage_folder(triage_dir)
    check_against_triage(folder.entries, principal_by_entry(folder.lines), "entries.csv")


def test_mismatch_with_triage_rejected(triage_dir):
    folder = read_triage_folder(triage_dir)
    principal = principal_by_entry(folder.lines)
    principal["AAA00000011"] += Decimal("0.01")
    with pytest.raises(InputError, match="AAA00000011.*3000.01"):
        check_against_triage(folder.entries, principal, "entries.csv")
