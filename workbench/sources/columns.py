"""ES-003 column names and the header variants accepted for them.

ACE names the columns of ES-003 "Entry Summary Line Tariff Details"; broker and ERP exports
use other headers for the same data. Headers are matched trimmed and case-insensitively, so
``entry summary number`` and ``Entry Summary Number`` are the same column.
"""

ENTRY_NUMBER = "Entry Summary Number"
LINE_NUMBER = "Entry Summary Line Number"
TARIFF_ORDINAL = "Tariff Ordinal Number"
ENTRY_TYPE = "Entry Type Code"
IMPORTER_NUMBER = "Importer Number"
IMPORTER_NAME = "Importer Name"
ENTRY_DATE = "Entry Date"
ENTRY_SUMMARY_DATE = "Entry Summary Date"
HTS = "HTS Number - Full"
GOODS_VALUE = "Line Tariff Goods Value Amount"
DUTY = "Line Tariff Duty Amount"
LIQUIDATION_STATUS = "Liquidation Status"
LIQUIDATION_DATE = "Liquidation Date"
RECONCILIATION_INDICATOR = "Reconciliation Indicator"
ENTRY_SUMMARY_STATUS = "Entry Summary Status"
COUNTRY_OF_ORIGIN = "Country of Origin Code"
PORT = "Port of Entry Code"

# Canonical name -> other headers seen in ACE variants and broker exports.
SYNONYMS = {
    ENTRY_NUMBER: ["Entry No", "Entry Number", "Entry_No", "Entry Summary No", "Entry #"],
    LINE_NUMBER: ["Line Number", "Entry Line Number", "Line No"],
    TARIFF_ORDINAL: ["Tariff Ordinal", "Ordinal Number"],
    ENTRY_TYPE: ["Entry Type", "Entry Type Cd"],
    IMPORTER_NUMBER: ["Importer of Record", "IOR", "Importer of Record Number", "IOR Number"],
    ENTRY_DATE: [],
    ENTRY_SUMMARY_DATE: [],
    HTS: ["HTS", "HTS Code", "HTS Number", "HTSUS Number", "Tariff Number"],
    GOODS_VALUE: ["Line Goods Value Amount", "Goods Value", "Entered Value"],
    DUTY: ["Line Tariff Amount", "Line Duty Amount", "Total Duty", "Duty Amount", "Duties Paid"],
    LIQUIDATION_STATUS: ["Liquidation Status Code", "Liq Status"],
    LIQUIDATION_DATE: ["Liq Date"],
    RECONCILIATION_INDICATOR: ["Recon Indicator", "Reconciliation Flag"],
    ENTRY_SUMMARY_STATUS: ["Summary Status"],
    IMPORTER_NAME: [],
    COUNTRY_OF_ORIGIN: ["Country of Origin"],
    PORT: ["Port Code", "Port of Entry"],
}

# Without these the entries cannot be found, valued or dated.
REQUIRED = [ENTRY_NUMBER, ENTRY_TYPE, IMPORTER_NUMBER, ENTRY_DATE, HTS, DUTY]

# Not in the default ES-003 layout: the analyst adds them in the ACE report designer.
LIQUIDATION_COLUMNS = [LIQUIDATION_STATUS, LIQUIDATION_DATE]

_LOOKUP = {}
for _canonical, _variants in SYNONYMS.items():
    for _name in [_canonical, *_variants]:
        _LOOKUP[_name.strip().lower()] = _canonical


def canonical(header):
    """Return the canonical name of a header, or the trimmed header itself when unknown.

    >>> canonical('\\ufeff entry number ')
    'Entry Summary Number'
    """
    cleaned = str(header).replace("\ufeff", "").strip()
    return _LOOKUP.get(cleaned.lower(), cleaned)
