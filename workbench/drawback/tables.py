"""Typed access to the drawback rule tables in ``rules/data/drawback_*.yaml``.

>>> provision("58").kind, provision("59").substitution, provision("59").usmca_barred
('unused', True, True)
>>> limits().refund_rate
Decimal('0.99')
>>> charge_rule("section_232").reason
'Sec. 232: drawback barred by proclamation'
"""

import dataclasses
import functools
from decimal import Decimal

from workbench.errors import InputError
from workbench.rules import load_table

TABLE_NAMES = ("drawback_charges", "drawback_provisions", "drawback_limits", "chapter99")


@dataclasses.dataclass(frozen=True)
class Provision:
    """One drawback provision code and the rules it brings."""

    code: str
    label: str
    statute: str
    regulation: str
    kind: str
    substitution: bool
    supported: bool
    other_rule: bool
    usmca_barred: bool
    confidence: str

    @property
    def election(self):
        """Return the line election this provision fixes: 'substitution' or 'direct'."""
        return "substitution" if self.substitution else "direct"


@dataclasses.dataclass(frozen=True)
class ChargeRule:
    """Drawback eligibility of one kind of charge."""

    kind: str
    eligible: bool
    accounting_class: str
    provision_kinds: tuple
    cape_sensitive: bool
    reason: str
    source: str


@dataclasses.dataclass(frozen=True)
class Limits:
    """Rates and time limits of drawback claims."""

    refund_rate: Decimal
    claim_filing_years: int
    export_within_years: int
    manufacture_within_years: int
    retail_return_substitution_days: int
    notice_of_intent_working_days: int
    usmca_countries: tuple
    mpf_decimal_places: int


@functools.lru_cache(maxsize=None)
def provision(code):
    """Return the ``Provision`` for a two-digit code; raise ``InputError`` for an unknown code."""
    rows = load_table("drawback_provisions")["provisions"]
    code = str(code).strip().zfill(2)
    if code not in rows:
        raise InputError(
            f"--provision {code}: unknown drawback provision code; known codes: "
            f"{', '.join(sorted(rows))}")
    row = rows[code]
    return Provision(
        code=code, label=row["label"], statute=row["statute"], regulation=row["regulation"],
        kind=row["kind"], substitution=bool(row["substitution"]),
        supported=bool(row["supported"]), other_rule=bool(row.get("other_rule", False)),
        usmca_barred=bool(row.get("usmca_barred", False)), confidence=row["confidence"])


@functools.lru_cache(maxsize=None)
def charge_rule(kind):
    """Return the ``ChargeRule`` of a charge kind (ordinary_duty, section_301, mpf, ...)."""
    row = load_table("drawback_charges")["charges"][kind]
    return ChargeRule(
        kind=kind, eligible=bool(row["eligible"]), accounting_class=str(row["accounting_class"]),
        provision_kinds=tuple(row.get("provision_kinds", ())),
        cape_sensitive=bool(row.get("cape_sensitive", False)), reason=row.get("reason", ""),
        source=row["source"])


@functools.lru_cache(maxsize=None)
def limits():
    """Return the ``Limits`` of drawback claims."""
    values = {key: spec["value"] for key, spec in load_table("drawback_limits")["limits"].items()}
    return Limits(
        refund_rate=Decimal(str(values["refund_rate"])),
        claim_filing_years=int(values["claim_filing_years"]),
        export_within_years=int(values["export_within_years"]),
        manufacture_within_years=int(values["manufacture_within_years"]),
        retail_return_substitution_days=int(values["retail_return_substitution_days"]),
        notice_of_intent_working_days=int(values["notice_of_intent_working_days"]),
        usmca_countries=tuple(values["usmca_countries"]),
        mpf_decimal_places=int(values["mpf_decimal_places"]))


def accounting_classes():
    """Return {class code: charge name}, e.g. {'364': 'duty', ...}, in class order."""
    rows = load_table("drawback_charges")["accounting_classes"]
    return {code: rows[code]["charge"] for code in sorted(rows)}


def ieepa_charge_kind(program):
    """Return the charge kind of an IEEPA program, or 'ieepa_unknown'."""
    return load_table("drawback_charges")["ieepa_programs"].get(program, "ieepa_unknown")


def extra_chapter99_kind(hts):
    """Return the charge kind of a Chapter 99 number by the extra prefixes, or None."""
    for kind, prefixes in load_table("drawback_charges")["extra_chapter99_prefixes"].items():
        if hts[:6] in prefixes:
            return kind
    return None
