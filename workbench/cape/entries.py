"""Group ES-003 tariff rows into entries: one row per entry number with what triage needs.

Header-level columns repeat on every row of an entry; when the rows of one entry disagree on
them (two importers, two entry dates) the entry is marked conflicting. Line-level facts are
summed or flagged per entry: the IEEPA principal is the duty on IEEPA Chapter 99 rows above
$0.00 (CBP requires the duty of each Chapter 99 number on its own line, CSMS #64235342).
"""

import pandas as pd

HEADER_COLUMNS = ["importer_key", "entry_type", "entry_date", "liquidation_key",
                  "liquidation_date", "recon_key"]


def _flags(rows, earliest):
    ieepa = rows["family"] == "ieepa"
    flags = pd.DataFrame({
        "entry_key": rows["entry_key"],
        "ieepa_cents": rows["duty_cents"].where(ieepa & (rows["duty_cents"] > 0), 0),
        "has_chapter99": rows["family"] != "",
        "has_ieepa_line": ieepa,
        "has_other_chapter99": (rows["family"] != "") & ~ieepa,
        "unknown_heading": ieepa & ~rows["known_heading"],
        "goods_value_on_ieepa": ieepa & (rows["value_cents"] > 0),
        "bad_amount": (rows["duty_problem"] != "") | (rows["value_problem"] != ""),
        "bad_hts": rows["hts_problem"] == "invalid",
        "bad_entry_date": rows["entry_date_problem"] != "",
        "bad_liquidation_date": rows["liquidation_date_problem"].isin(["serial", "invalid"]),
        "early_date": (rows["entry_date"] < pd.Timestamp(earliest))
                      | (rows["liquidation_date"] < pd.Timestamp(earliest)),
        "cancelled": rows["cancelled"],
        "repaired": rows["entry_state"] == "repaired",
    })
    return flags


def build_entries(rows, earliest):
    """Return one row per entry key, sorted by entry key."""
    flags = _flags(rows, earliest)
    grouped = flags.groupby("entry_key", sort=True)
    entries = grouped.agg({
        "ieepa_cents": "sum", "has_chapter99": "any", "has_ieepa_line": "any",
        "has_other_chapter99": "any", "unknown_heading": "any", "goods_value_on_ieepa": "any",
        "bad_amount": "any", "bad_hts": "any", "bad_entry_date": "any",
        "bad_liquidation_date": "any", "early_date": "any", "cancelled": "any",
        "repaired": "any",
    })

    firsts = rows.groupby("entry_key", sort=True).agg(
        entry_found=("Entry Summary Number", "first"), entry_state=("entry_state", "first"),
        importer_key=("importer_key", "first"), importer_shown=("importer_shown", "first"),
        importer_name=("Importer Name", "first"), entry_type=("entry_type", "first"),
        entry_date=("entry_date", "first"), summary_date=("summary_date", "first"),
        liquidation_status=("liquidation_status", "first"),
        liquidation_key=("liquidation_key", "first"),
        liquidation_date=("liquidation_date", "first"), recon_key=("recon_key", "first"),
        row_count=("_row", "size"), first_file=("_file", "first"), first_row=("_row", "min"),
    )
    files = rows.groupby("entry_key", sort=True)["_file"].agg(lambda f: sorted(set(f)))
    disagree = rows.groupby("entry_key", sort=True)[HEADER_COLUMNS].nunique(dropna=False)

    entries = firsts.join(entries)
    entries["files"] = files
    entries["header_conflict"] = (disagree > 1).any(axis=1)
    entries["header_conflict_columns"] = disagree.apply(
        lambda row: [c for c in HEADER_COLUMNS if row[c] > 1], axis=1)
    return entries.reset_index()
