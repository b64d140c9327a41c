"""The designation engine: pair each export with import quantity under one provision.

* Direct identification (1313(j)(1), 1313(c)): the export names its import entry and line.
  With an accounting method (``--method fifo`` and the others of 19 CFR 191.14), the export is
  identified with receipts of the same 8-digit subheading instead.
* Unused substitution (1313(j)(2)): import lines of the export's 8-digit subheading (first 8
  digits of the Schedule B number, 1313(j)(6)), under the "Other" rule, never for exports to
  Canada or Mexico. The oldest import is designated first, so the lines closest to their
  five-year limit are used before they expire.
* Manufacturing (1313(a), 1313(b)): the export's production lot gives the merchandise used;
  1313(a) designates the import line the lot names, 1313(b) lines of the merchandise's 8-digit
  subheading, oldest first.

Every designation passes the ledger (quantity left, one election per line) and the time
windows. A designation that fails is reported as a finding and as unmatched export quantity.
"""

import dataclasses
from decimal import Decimal

from workbench.drawback import checks
from workbench.drawback import columns as col
from workbench.drawback.amounts import quantity_text
from workbench.drawback.ledger import DesignationRejected
from workbench.drawback.methods import Receipt, Withdrawal, identify
from workbench.drawback.production import import_line_of
from workbench.identifiers import hts

ZERO = Decimal("0")


@dataclasses.dataclass(frozen=True)
class Designation:
    """Import quantity designated against one export (in the import line's unit)."""

    line: object
    export: object
    quantity: Decimal
    election: str
    method: str
    comparison_value: object = None
    production_lot: str = ""
    article_quantity: object = None


@dataclasses.dataclass(frozen=True)
class Unmatched:
    """Export quantity (in the export's unit) that no import line supports, and why."""

    export: object
    quantity: Decimal
    reason: str


class Designator:
    """Designates import lines to exports for one claim; see the module docstring."""

    def __init__(self, context, ledger, findings):
        self.context = context
        self.ledger = ledger
        self.findings = findings
        self.lines = {line.key: line for line in context.lines}
        self.by_subheading = {}
        for line in sorted(context.lines, key=lambda l: (l.import_date, l.key)):
            self.by_subheading.setdefault(line.hts8, []).append(line)
        self.designations = []
        self.unmatched = []
        self.lot_left = {lot: record.article_quantity
                         for lot, record in (context.production or {}).items()}
        self.other_rule_unknown = set()

    def run(self, exports):
        """Designate every export; return (designations, unmatched)."""
        ordered = sorted(exports, key=lambda e: (e.export_date, e.file, e.row))
        provision = self.context.provision
        if provision.kind == "manufacturing":
            self._each(ordered, self._manufacturing)
        elif provision.substitution:
            self._each(ordered, self._substitution)
        elif self.context.method and self.context.method != "direct":
            self._by_accounting_method(ordered)
        else:
            self._each(ordered, self._direct)
        return self.designations, self.unmatched

    def _each(self, exports, handler):
        for export in exports:
            if export.disposition == "domestic":
                continue
            handler(export)

    # -- outcomes ------------------------------------------------------------------------

    def _reject(self, export, quantity, reason, column=col.IMPORT_LINE):
        self.unmatched.append(Unmatched(export, quantity, reason))
        self.findings.add(export.file, export.row, column, export.reference,
                          "DESIGNATION_REJECTED", "error",
                          f"export {export.reference}: {quantity_text(quantity)} "
                          f"{export.uom} not designated: {reason}")

    def _designate(self, export, line, quantity, method, comparison=None, lot="",
                   articles=None):
        election = self.context.provision.election
        try:
            self.ledger.designate(line.key, quantity, election)
        except DesignationRejected as error:
            self._reject(export, articles if articles is not None else quantity, str(error))
            return False
        self.designations.append(Designation(line, export, quantity, election, method,
                                             comparison, lot, articles))
        return True

    # -- direct identification -----------------------------------------------------------

    def _direct(self, export):
        if not export.import_entry:
            self._reject(export, export.quantity,
                         "no import entry and line named; direct identification needs them, "
                         "or choose an accounting method with --method", col.IMPORT_ENTRY)
            return
        line = self._named_line(export)
        if line is None:
            return
        reason = self._direct_reason(line, export)
        if reason:
            self._reject(export, export.quantity, reason)
            return
        self._designate(export, line, export.quantity, "direct")

    def _named_line(self, export):
        key = (export.import_entry, export.import_line)
        if key not in self.lines:
            self._reject(export, export.quantity,
                         f"entry {key[0]} line {key[1]} is not among the usable import lines "
                         f"(missing from the import file, or left out: see its findings)")
            return None
        return self.lines[key]

    def _direct_reason(self, line, export):
        as_of = self.context.as_of
        return (checks.timely(line.import_date, as_of)
                or checks.export_window(line.import_date, export.export_date, as_of)
                or checks.same_unit(line.uom, export.uom))

    def _by_accounting_method(self, exports):
        named = [e for e in exports if e.import_entry and e.disposition != "domestic"]
        self._each(named, self._direct)
        pooled = [e for e in exports if not e.import_entry]
        for subheading in sorted({e.schedule_b[:8] for e in pooled}):
            group = [e for e in pooled if e.schedule_b[:8] == subheading]
            self._identify_group(subheading, group)

    def _identify_group(self, subheading, exports):
        receipts = [Receipt(line.key, line.import_date, self.ledger.remaining(line.key),
                            self.context.per_unit_value(line))
                    for line in self.lines.values()
                    if line.hts8 == subheading and self.ledger.election(line.key) != "substitution"
                    and self.ledger.remaining(line.key) > 0]
        withdrawals = [Withdrawal(index, e.export_date, e.quantity,
                                  "domestic" if e.disposition == "domestic" else "export")
                       for index, e in enumerate(exports)]
        allocations = identify(self.context.method, receipts, withdrawals,
                               self.context.turnover_days)
        for allocation in allocations:
            export = exports[allocation.withdrawal_id]
            if export.disposition != "domestic":
                self._identified(export, allocation)

    def _identified(self, export, allocation):
        if allocation.receipt_id is None:
            self._reject(export, allocation.quantity,
                         f"the {self.context.method} inventory of subheading "
                         f"{export.schedule_b[:8]} has no receipt left to identify these units")
            return
        line = self.lines[allocation.receipt_id]
        reason = self._direct_reason(line, export)
        if reason:
            self._reject(export, allocation.quantity, f"identified with {line.label}: {reason}")
            return
        self._designate(export, line, allocation.quantity, self.context.method)

    # -- unused substitution -------------------------------------------------------------

    def _substitution(self, export):
        if self.context.provision.usmca_barred:
            reason = checks.usmca_destination(export.destination)
            if reason:
                self._reject(export, export.quantity, reason, col.DESTINATION)
                return
        if export.import_entry:
            self._named_substitution(export)
            return
        comparison = export.value_per_unit
        self._fill(export, export.quantity, export.schedule_b,
                   lambda line: self._substitution_reason(line, export),
                   lambda line, units: self._designate(export, line, units, "substitution",
                                                       comparison))

    def _named_substitution(self, export):
        line = self._named_line(export)
        if line is None:
            return
        reason = self._substitution_reason(line, export)
        if reason:
            self._reject(export, export.quantity, reason)
            return
        self._designate(export, line, export.quantity, "substitution", export.value_per_unit)

    def _substitution_reason(self, line, export):
        as_of = self.context.as_of
        reason = (checks.same_subheading(line.hts, export.schedule_b)
                  or self._other_rule(line, export.schedule_b)
                  or checks.export_window(line.import_date, export.export_date, as_of)
                  or checks.timely(line.import_date, as_of)
                  or checks.same_unit(line.uom, export.uom))
        return reason or self._ledger_reason(line)

    def _other_rule(self, line, export_hts):
        if not self.context.provision.other_rule:
            return None
        outcome = checks.other_rule(line.hts, line.description_8, line.description_10,
                                    export_hts)
        if outcome == "unknown":
            self._warn_other_rule_unknown(line)
            return None
        return outcome

    def _warn_other_rule_unknown(self, line):
        if line.key in self.other_rule_unknown:
            return
        self.other_rule_unknown.add(line.key)
        self.findings.add(line.source_file, line.source_row, col.DESCRIPTION_8, "",
                          "OTHER_RULE_NOT_CHECKED", "warning",
                          f"{line.label}: no HTS descriptions, so the \"Other\" rule of 19 "
                          f"U.S.C. 1313(j)(5) was not checked; add the 8- and 10-digit "
                          f"descriptions or check the subheading by hand")

    def _ledger_reason(self, line):
        election = self.ledger.election(line.key)
        if election not in (None, self.context.provision.election):
            return f"{line.label} is fixed for direct identification (19 CFR 190.51(a)(3))"
        if self.ledger.remaining(line.key) <= 0:
            return f"{line.label} has no quantity left"
        return None

    def _fill(self, export, needed, subheading, reason_of, designate, scale=None):
        """Designate the oldest lines of the subheading that pass ``reason_of`` until
        ``needed`` is covered."""
        reasons, used_up = {}, 0
        for line in self.by_subheading.get(subheading[:8], []):
            if needed <= 0:
                break
            if self.ledger.remaining(line.key) <= 0:
                used_up += 1
                continue
            reason = reason_of(line)
            if reason:
                reasons.setdefault(reason, None)
                continue
            units = min(needed, self.ledger.remaining(line.key))
            if designate(line, units):
                needed -= units
        if used_up:
            reasons[f"{used_up} lines of the subheading have no quantity left"] = None
        if needed > 0:
            quantity = needed if scale is None else needed * scale
            self._reject(export, quantity, _no_line_reason(subheading, list(reasons)))

    # -- manufacturing -------------------------------------------------------------------

    def _manufacturing(self, export):
        record = self._lot(export)
        if record is None:
            return
        merchandise = record.merchandise_quantity * export.quantity / record.article_quantity
        self.lot_left[record.lot] -= export.quantity
        if self.context.provision.substitution:
            self._manufacturing_substitution(export, record, merchandise)
        else:
            self._manufacturing_direct(export, record, merchandise)

    def _lot(self, export):
        production = self.context.production or {}
        record = production.get(export.production_lot)
        if record is None:
            self._reject(export, export.quantity,
                         f"production lot {export.production_lot or '(blank)'} is not in the "
                         f"production file", col.PRODUCTION_LOT)
            return None
        if record.article_uom and record.article_uom != export.uom:
            self._reject(export, export.quantity, checks.same_unit(record.article_uom, export.uom))
            return None
        if export.quantity > self.lot_left[record.lot]:
            self._reject(export, export.quantity,
                         f"production lot {record.lot} has only "
                         f"{quantity_text(self.lot_left[record.lot])} {export.uom} of articles "
                         f"left to export", col.PRODUCTION_LOT)
            return None
        return record

    def _manufacturing_direct(self, export, record, merchandise):
        key = import_line_of(record.merchandise_source)
        line = self.lines.get(key) if key else None
        if line is None:
            self._reject(export, export.quantity,
                         f"production lot {record.lot}: Merchandise Source "
                         f"{record.merchandise_source!r} names no usable import entry and line")
            return
        reason = (self._direct_reason_manufacturing(line, export, record))
        if reason:
            self._reject(export, export.quantity, reason)
            return
        self._designate(export, line, merchandise, "manufacturing", None, record.lot,
                        export.quantity)

    def _direct_reason_manufacturing(self, line, export, record):
        as_of = self.context.as_of
        return (checks.timely(line.import_date, as_of)
                or checks.export_window(line.import_date, export.export_date, as_of)
                or checks.same_unit(line.uom, record.merchandise_uom))

    def _manufacturing_substitution(self, export, record, merchandise):
        articles_per_unit = export.quantity / merchandise

        def reason_of(line):
            return (checks.same_subheading(line.hts, record.merchandise_hts)
                    or checks.manufacture_window(line.import_date, record.production_date)
                    or self._direct_reason_manufacturing(line, export, record)
                    or self._ledger_reason(line))

        def designate(line, units):
            return self._designate(export, line, units, "substitution",
                                   record.merchandise_unit_value, record.lot,
                                   units * articles_per_unit)

        self._fill(export, merchandise, record.merchandise_hts, reason_of, designate,
                   scale=articles_per_unit)


def _no_line_reason(subheading, reasons):
    """Return why no import line of the subheading covers the rest of an export."""
    if not reasons:
        return (f"8-digit mismatch: no import line of subheading {hts.format(subheading[:8])} "
                f"(19 CFR 190.2)")
    shown = "; ".join(reasons[:3])
    more = f"; and {len(reasons) - 3} more" if len(reasons) > 3 else ""
    return f"no import line qualifies: {shown}{more}"
