"""Column names of the drawback input files, beyond the ES-003 names in ``sources.columns``.

Headers are matched trimmed and case-insensitively, like the ES-003 reader does.
"""

from workbench.sources import columns as es003

# Import lines: the ES-003 layout plus these.
IMPORT_DATE = "Import Date"
MODE = "Mode of Transportation Code"
QUANTITY = "Line Tariff Quantity (1)"
UOM = "Line Tariff UOM (1) Code"
ENTRY_MPF = "Entry Merchandise Processing Fee Amount"
ENTRY_HMT = "Entry Harbor Maintenance Fee Amount"
# Optional import columns the workbench also reads.
MPF_EXEMPT = "Line MPF Exempt Indicator"
AD_DUTY = "Line AD Duty Amount"
CVD_DUTY = "Line CVD Duty Amount"
TAX = "Line Tax Amount"
DESCRIPTION_8 = "HTS 8-Digit Description"
DESCRIPTION_10 = "HTS 10-Digit Description"

IMPORT_REQUIRED = [es003.ENTRY_NUMBER, es003.LINE_NUMBER, es003.HTS, es003.DUTY,
                   es003.GOODS_VALUE, QUANTITY, UOM]

# Exports and destructions.
EXPORT_DATE = "Export Date"
EXPORT_ID = "Unique Export Identifier"
EXPORTER = "Exporter Name"
DESTINATION = "Country of Destination Code"
SCHEDULE_B = "Schedule B Number"
DESCRIPTION = "Description"
EXPORT_QUANTITY = "Quantity"
EXPORT_UOM = "Unit of Measure"
EXPORT_VALUE = "Export Value Amount"
IMPORT_ENTRY = "Import Entry Summary Number"
IMPORT_LINE = "Import Entry Summary Line Number"
WAIVER = "Waiver of Prior Notice"
NOTICE_DATE = "Notice of Intent Date"
PRODUCTION_LOT = "Production Lot"
# Optional: `export` (default), `destruction`, or `domestic` (a domestic withdrawal from the
# same inventory, counted only by the accounting methods that account for it).
DISPOSITION = "Disposition"

EXPORT_REQUIRED = [EXPORT_DATE, EXPORT_ID, DESTINATION, SCHEDULE_B, EXPORT_QUANTITY, EXPORT_UOM,
                   EXPORT_VALUE]

# Manufacturing (production) records.
LOT = "Production Lot"
PRODUCTION_DATE = "Production Date"
RULING = "Ruling Reference"
BASIS = "Basis of Claim"
MERCHANDISE_HTS = "Merchandise HTS Number"
MERCHANDISE_DESCRIPTION = "Merchandise Description"
MERCHANDISE_QUANTITY = "Merchandise Quantity Used"
MERCHANDISE_UOM = "Merchandise UOM"
MERCHANDISE_UNIT_VALUE = "Merchandise Unit Value Amount"
MERCHANDISE_SOURCE = "Merchandise Source"
ARTICLE_HTS = "Article HTS Number"
ARTICLE_DESCRIPTION = "Article Description"
ARTICLE_QUANTITY = "Article Quantity Produced"
ARTICLE_UOM = "Article UOM"

PRODUCTION_REQUIRED = [LOT, PRODUCTION_DATE, MERCHANDISE_HTS, MERCHANDISE_QUANTITY,
                       MERCHANDISE_UOM, MERCHANDISE_UNIT_VALUE, ARTICLE_QUANTITY]

# Earlier designations (claims already filed on the same import lines).
DESIGNATED_QUANTITY = "Designated Quantity"
CLAIM_NUMBER = "Drawback Claim Number"
CLAIM_DATE = "Claim Date"
CLAIM_STATUS = "Claim Status"
PROVISION = "Provision"
ELECTION = "Election"
IEEPA_CLAIMED = "IEEPA Duty Claimed Amount"

PRIOR_REQUIRED = [IMPORT_ENTRY, IMPORT_LINE, DESIGNATED_QUANTITY]

# CAPE status per entry.
CAPE_STATUS = "CAPE Status"


def missing(frame, names):
    """Return the names in ``names`` that the frame lacks."""
    return [name for name in names if name not in frame.columns]
