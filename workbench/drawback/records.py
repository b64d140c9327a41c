"""The records the drawback loaders produce: import lines, charges, exports, production.

Quantities and money are ``Decimal``. An import line is one entry summary line: the
Chapter 1-97 row gives its HTS number, quantity, unit and entered value, and every row of the
line (Chapter 1-97 and Chapter 99) adds a charge.
"""

import dataclasses
import datetime as dt
from decimal import Decimal


@dataclasses.dataclass(frozen=True)
class Charge:
    """One duty, tax or fee paid on an import line, with the HTS number it was reported on."""

    kind: str
    hts: str
    amount: Decimal


@dataclasses.dataclass(frozen=True)
class ImportLine:
    """One entry summary line of an import entry."""

    entry_number: str
    line_number: int
    importer_number: str
    import_date: dt.date
    mode: str
    country_of_origin: str
    hts: str
    description_8: str
    description_10: str
    quantity: Decimal
    uom: str
    entered_value: Decimal
    mpf_exempt: bool
    charges: tuple
    entry_mpf: Decimal
    entry_hmt: Decimal
    source_file: str
    source_row: int
    fee_base_complete: bool = True

    @property
    def source(self):
        """Return 'file row N' of the line's Chapter 1-97 row."""
        return f"{self.source_file} row {self.source_row}"

    @property
    def key(self):
        """Return (entry number, line number), the key of the designation ledger."""
        return (self.entry_number, self.line_number)

    @property
    def label(self):
        """Return 'entry ABC12345676 line 1', the way messages name the line."""
        return f"entry {self.entry_number} line {self.line_number}"

    @property
    def hts8(self):
        """Return the 8-digit subheading, the level substitution matches on."""
        return self.hts[:8]

    @property
    def entered_value_per_unit(self):
        """Return the entered goods value per unit (EGVU, 19 CFR 190.2)."""
        return self.entered_value / self.quantity


@dataclasses.dataclass(frozen=True)
class ExportRecord:
    """One export, destruction or domestic withdrawal."""

    file: str
    row: int
    export_date: dt.date
    export_id: str
    exporter: str
    destination: str
    schedule_b: str
    description: str
    quantity: Decimal
    uom: str
    value: Decimal
    import_entry: str
    import_line: object
    waiver: bool
    notice_date: object
    production_lot: str
    disposition: str

    @property
    def reference(self):
        """Return the export identifier, or 'file row N' when it is blank."""
        return self.export_id or f"{self.file} row {self.row}"

    @property
    def value_per_unit(self):
        """Return the export (EEI) value per unit, or None for a zero quantity."""
        return self.value / self.quantity if self.quantity else None


@dataclasses.dataclass(frozen=True)
class ProductionRecord:
    """One production lot: merchandise used and articles produced (manufacturing claims)."""

    file: str
    row: int
    lot: str
    production_date: dt.date
    ruling: str
    basis: str
    merchandise_hts: str
    merchandise_description: str
    merchandise_quantity: Decimal
    merchandise_uom: str
    merchandise_unit_value: Decimal
    merchandise_source: str
    article_hts: str
    article_description: str
    article_quantity: Decimal
    article_uom: str


@dataclasses.dataclass(frozen=True)
class PriorDesignation:
    """A quantity of an import line already designated on an earlier claim."""

    file: str
    row: int
    entry_number: str
    line_number: int
    quantity: Decimal
    election: str
    claim_number: str
    claim_status: str
    export_id: str
    ieepa_claimed: Decimal
