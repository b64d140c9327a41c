"""Prepare one drawback claim: read the inputs, designate, price and check.

``prepare_claim`` is what the command line and the notebook call. It returns a ``Claim`` with
the designations, their amounts per ACE accounting class in both rounding modes, the mode
used, the export quantity left unmatched, the charges left out and every finding.

Rounding is ``cbp`` or ``exact`` when the request names one. Otherwise it is ``lower``: the
lower of the two amounts per designation and class, so that the claim never exceeds the 99%
maximum computed either way.
"""

import dataclasses
import datetime as dt
import logging
from decimal import Decimal

from workbench.drawback import checks, tables
from workbench.drawback.amounts import ZERO, quantity_text
from workbench.drawback.calculate import check_claimed
from workbench.drawback.designate import Designator, Unmatched
from workbench.drawback.exports import load_exports
from workbench.drawback.imports import load_import_lines
from workbench.drawback.ledger import DesignationRejected, Ledger
from workbench.drawback.methods import METHODS
from workbench.drawback.price import CLASSES, Pricer
from workbench.drawback.prior import CAPE_CLAIMED, load_cape_status, load_prior_designations
from workbench.drawback.production import load_production
from workbench.errors import InputError
from workbench.findings import Findings

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class ClaimRequest:
    """A claim to prepare: the input files, the provision, the as-of date and the options."""

    imports: tuple
    exports: object
    provision: str
    as_of: dt.date
    production: object = None
    designations: object = None
    cape_status: object = None
    method: object = None
    rounding: object = None
    turnover_days: object = None
    expiring_within_days: int = 365


@dataclasses.dataclass(frozen=True)
class Context:
    """The claim settings the designation engine reads."""

    provision: object
    lines: list
    as_of: dt.date
    method: object
    production: object
    turnover_days: object
    per_unit_value: object


@dataclasses.dataclass
class Claim:
    """A prepared claim; amounts in ``priced[mode]`` per designation."""

    request: ClaimRequest
    provision: object
    lines: list
    exports: list
    designations: list
    unmatched: list
    priced: dict
    mode: str
    exclusions: list
    findings: Findings
    ledger: Ledger
    cape_status: dict
    pricer: Pricer

    def totals(self, mode=None):
        """Return {accounting class: amount} over the claim in ``mode`` (default: the mode used)."""
        totals = {accounting_class: ZERO for accounting_class in CLASSES}
        for priced in self.priced[mode or self.mode]:
            for accounting_class, amount in priced.amounts.items():
                totals[accounting_class] += amount
        return totals

    def total(self, mode=None):
        """Return the refund over all classes in ``mode`` (default: the mode used)."""
        return sum(self.totals(mode).values(), ZERO)

    def deadline(self):
        """Return the filing deadline: 5 years after the earliest designated import, or None."""
        dates = [d.line.import_date for d in self.designations]
        return checks.filing_deadline(min(dates)) if dates else None

    def as_prior(self):
        """Return this claim's designations as (entry, line, quantity, election, export id)."""
        return [(d.line.entry_number, d.line.line_number, d.quantity, d.election,
                 d.export.export_id) for d in self.designations]


def prepare_claim(request, earlier=()):
    """Prepare the claim described by ``request``; ``earlier`` adds in-memory designations.

    ``earlier`` takes the ``Claim.as_prior()`` rows of claims prepared before this one, so a
    notebook can chain claims on the same import lines. Raises ``InputError`` for a request
    the workbench cannot run.
    """
    provision = _validate(request)
    findings = Findings()
    lines = _load_lines(request.imports, findings)
    exports = load_exports(request.exports, findings)
    production = load_production(request.production, findings) if request.production else None
    cape_status = load_cape_status(request.cape_status, findings) if request.cape_status else {}
    ledger = Ledger({line.key: line.quantity for line in lines})
    used = _apply_earlier(request, earlier, ledger, lines, cape_status, findings)
    exports, already_used = _split_exports(exports, used, findings)

    pricer = Pricer(provision, lines, cape_status)
    context = Context(provision, lines, request.as_of, request.method, production,
                      request.turnover_days, pricer.per_unit_value)
    designations, unmatched = Designator(context, ledger, findings).run(exports)
    priced = {mode: [pricer.price(d, mode) for d in designations] for mode in ("cbp", "exact")}
    priced["lower"] = [pricer.price_lower(d) for d in designations]
    claim = Claim(request, provision, lines, exports, designations,
                  unmatched + _unmatched_used(already_used, used), priced,
                  request.rounding or "lower",
                  _exclusions(pricer, designations), findings, ledger, cape_status, pricer)
    _check_claim(claim)
    log.info("claim under provision %s: %d designations, %d unmatched exports, total %s (%s)",
             provision.code, len(designations), len(claim.unmatched), claim.total(), claim.mode)
    return claim


def _validate(request):
    provision = tables.provision(request.provision)
    if not provision.supported:
        raise InputError(
            f"--provision {provision.code} ({provision.label}, {provision.statute}): the "
            f"workbench does not calculate this provision; supported: 51, 52, 53-56, 58, 59")
    method = request.method
    if method and method != "direct" and (provision.substitution
                                          or provision.kind == "manufacturing"):
        raise InputError(
            f"--method {method}: accounting methods identify goods for direct identification "
            f"only (19 CFR 191.14(a)); provision {provision.code} is {provision.label}, so drop "
            f"--method")
    if method and method not in ("direct", *METHODS):
        raise InputError(f"--method {method}: unknown; expected direct or one of {METHODS}")
    if method == "low-to-high-turnover" and not request.turnover_days:
        raise InputError("--method low-to-high-turnover needs --turnover-days: the established "
                         "average inventory turn-over period in days (19 CFR 191.14(c)(3)(iii))")
    if provision.kind == "manufacturing" and not request.production:
        raise InputError(f"--provision {provision.code} is a manufacturing provision; pass the "
                         f"production records with --production FILE")
    return provision


def _load_lines(paths, findings):
    lines = {}
    for path in paths:
        for line in load_import_lines(path, findings):
            if line.key in lines and lines[line.key] != line:
                findings.add(line.source_file, line.source_row, "Entry Summary Line Number",
                             line.label, "CONFLICTING_INPUT_ROWS", "error",
                             f"{line.label} differs between {lines[line.key].source} and "
                             f"{line.source}; the first is used, correct the other")
                continue
            lines.setdefault(line.key, line)
    return [lines[key] for key in sorted(lines)]


def _apply_earlier(request, earlier, ledger, lines, cape_status, findings):
    """Record earlier designations in the ledger; return {export id: claim} they used."""
    priors = load_prior_designations(request.designations, findings) if request.designations \
        else []
    used = {}
    for prior in priors:
        _record_prior(ledger, prior, findings)
        _warn_double_recovery(prior, cape_status, findings)
        if prior.export_id:
            used[prior.export_id] = prior.claim_number or "an earlier claim"
    for entry, line, quantity, election, export_id in earlier:
        ledger.record_prior((entry, line), quantity, election)
        if export_id:
            used[export_id] = "an earlier claim prepared in this session"
    return used


def _record_prior(ledger, prior, findings):
    key = (prior.entry_number, prior.line_number)
    if key not in ledger.states:
        findings.add(prior.file, prior.row, "Import Entry Summary Line Number",
                     f"{key[0]} line {key[1]}", "PRIOR_LINE_NOT_IN_IMPORTS", "warning",
                     f"entry {key[0]} line {key[1]} of an earlier claim is not in the import "
                     f"file, so its designation cannot be checked here")
        return
    try:
        ledger.record_prior(key, prior.quantity, prior.election)
    except DesignationRejected as error:
        findings.add(prior.file, prior.row, "Designated Quantity",
                     quantity_text(prior.quantity), "PRIOR_DESIGNATION_CONFLICT", "error",
                     f"earlier claim {prior.claim_number or '(no number)'}: {error}")


def _warn_double_recovery(prior, cape_status, findings):
    if prior.ieepa_claimed and cape_status.get(prior.entry_number) in CAPE_CLAIMED:
        findings.add(prior.file, prior.row, "IEEPA Duty Claimed Amount",
                     f"{prior.ieepa_claimed}", "DOUBLE_RECOVERY_RISK", "warning",
                     f"claim {prior.claim_number or '(no number)'} included IEEPA duty of entry "
                     f"{prior.entry_number}, which is also with CAPE; the same dollar must not "
                     f"be recovered twice: ask counsel before CAPE pays")


def _split_exports(exports, used, findings):
    """Return (exports to designate, exports an earlier claim used): 19 U.S.C. 1313(v).

    An export supports one claim only, so an export identifier seen on an earlier claim, or
    a second time in the file, is not designated again.
    """
    kept, already_used, seen = [], [], {}
    for export in exports:
        identifier = export.export_id
        if identifier and identifier in used:
            already_used.append(export)
            continue
        if identifier and identifier in seen:
            findings.add(export.file, export.row, "Unique Export Identifier", identifier,
                         "DUPLICATE_EXPORT", "error",
                         f"export {identifier} appears again (first at row {seen[identifier]});"
                         f" an export supports one claim only (19 U.S.C. 1313(v))")
            continue
        seen[identifier] = export.row
        kept.append(export)
    return kept, already_used


def _unmatched_used(already_used, used):
    return [Unmatched(export, export.quantity,
                      f"export already supports {used[export.export_id]} (19 U.S.C. 1313(v))")
            for export in already_used]


def _exclusions(pricer, designations):
    lines = {d.line.key: d.line for d in designations}
    return [exclusion for key in sorted(lines) for exclusion in pricer.exclusions(lines[key])]


def _check_claim(claim):
    """Add the per-line warnings and check every amount against ACE's maximum."""
    for line in _designated_lines(claim):
        for warning in claim.pricer.warnings(line):
            claim.findings.add(line.source_file, line.source_row, "Entry Summary Number",
                               line.entry_number, "CAPE_FIRST", "warning",
                               f"{line.label}: {warning}")
    _notice_warnings(claim)
    _usmca_warnings(claim)
    _lesser_of_warnings(claim)
    _maximum_errors(claim)


def _designated_lines(claim):
    """Return each designated import line once, in entry and line order."""
    lines = {d.line.key: d.line for d in claim.designations}
    return [lines[key] for key in sorted(lines)]


def _notice_warnings(claim):
    if claim.provision.kind not in ("unused", "rejected"):
        return
    for export in {id(d.export): d.export for d in claim.designations}.values():
        warning = checks.notice_warning(export)
        if warning:
            claim.findings.add(export.file, export.row, "Waiver of Prior Notice",
                               export.reference, "NOTICE_MISSING", "warning", warning)


def _usmca_warnings(claim):
    """Warn on manufacturing exports to Canada or Mexico: 1313(n)(2) may cap the refund."""
    if claim.provision.kind != "manufacturing":
        return
    countries = tables.limits().usmca_countries
    for export in {id(d.export): d.export for d in claim.designations}.values():
        if export.destination in countries:
            claim.findings.add(
                export.file, export.row, "Country of Destination Code", export.destination,
                "USMCA_LIMIT", "warning",
                f"export {export.reference} to {export.destination}: drawback on goods subject "
                f"to USMCA drawback is limited to the lesser of the U.S. duty and the duty paid "
                f"in Canada or Mexico (19 U.S.C. 1313(n)(2)); the workbench does not have the "
                f"foreign duty, so check the amount by hand")


def _lesser_of_warnings(claim):
    if not claim.provision.substitution:
        return
    for line in _designated_lines(claim):
        claim.findings.add(line.source_file, line.source_row, "Line Tariff Duty Amount",
                           line.entry_number, "LESSER_OF_VALUE_RATIO", "warning",
                           f"{line.label}: the lesser-of rule was applied as a value ratio; if "
                           f"any duty on the line is specific or compound, check the amount by "
                           f"hand (ACE's method for such duty is not published)")


def _maximum_errors(claim):
    """Flag any amount above its maximum (an error) or above the exact maximum (a warning)."""
    exact = claim.priced["exact"]
    for index, priced in enumerate(claim.priced[claim.mode]):
        export = priced.designation.export
        for accounting_class in CLASSES:
            amount = priced.amounts[accounting_class]
            outcome = check_claimed(amount, priced.maximum[accounting_class])
            if outcome and outcome[0] == "error":
                claim.findings.add(export.file, export.row, f"class {accounting_class}",
                                   str(amount), "ABOVE_ACE_MAXIMUM", "error", outcome[1])
            elif amount > exact[index].maximum[accounting_class]:
                claim.findings.add(
                    export.file, export.row, f"class {accounting_class}", str(amount),
                    "ABOVE_EXACT_MAXIMUM", "warning",
                    f"{amount} is above the exact 99% maximum "
                    f"{exact[index].maximum[accounting_class]} because of CBP's four-decimal "
                    f"steps; ACE's tolerance is not published, so the default rounding (lower) "
                    f"is the safe choice")


def prepare_claims(requests):
    """Prepare claims in order, each one seeing the designations of the claims before it."""
    claims, earlier = [], []
    for request in requests:
        claim = prepare_claim(request, earlier=earlier)
        earlier = earlier + claim.as_prior()
        claims.append(claim)
    return claims
