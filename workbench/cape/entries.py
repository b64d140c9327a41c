"""Group ES-003 tariff rows into entries: one row per entry number with what triage needs.

Header-level columns repeat on every row of an entry. When the rows of one entry disagree on
them (two importers, two entry dates), the entry is marked conflicting. Line-level facts are
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
        "ieepa_value_cents": rows["value_cents"].where(ieepa, 0),
        "bad_amount": (rows["duty_problem"] != "") | (rows["value_problem"] != ""),
        "bad_hts": rows["hts_problem"] == "invalid",
        "bad_entry_type": ~rows["entry_type"].str.fullmatch(r"\d{2}"),
        "bad_entry_date": rows["entry_date_problem"] != "",
        "bad_liquidation_date": rows["liquidation_date_problem"].isin(["serial", "invalid"]),
        "early_date": (rows["entry_date"] < pd.Timestamp(earliest))
                      | (rows["liquidation_date"] < pd.Timestamp(earliest)),
        "cancelled": rows["cancelled"],
        "repaired": rows["entry_state"] == "repaired",
    })
    return flags


def _files_per_entry(rows, keys):
    """Return the sorted list of input files per entry; most entries come from one file."""
    pairs = rows[["entry_key", "_file"]].drop_duplicates()
    several = pairs["entry_key"].duplicated(keep=False)
    files = {key: [file] for key, file in zip(pairs.loc[~several, "entry_key"],
                                              pairs.loc[~several, "_file"])}
    for key, group in pairs[several].groupby("entry_key")["_file"]:
        files[key] = sorted(group)
    return [files[key] for key in keys]


def _header_conflicts(rows):
    """Return {entry key: header columns whose rows disagree} for the entries that disagree."""
    distinct = rows[["entry_key", *HEADER_COLUMNS]].drop_duplicates()
    suspects = distinct["entry_key"].duplicated(keep=False)
    if not suspects.any():
        return {}
    counts = distinct[suspects].groupby("entry_key")[HEADER_COLUMNS].nunique(dropna=False)
    return {key: [c for c in HEADER_COLUMNS if row[c] > 1] for key, row in counts.iterrows()}


def build_entries(rows, earliest):
    """Return one row per entry key, sorted by entry key."""
    flags = _flags(rows, earliest)
    grouped = flags.groupby("entry_key", sort=True)
    entries = grouped.agg({
        "ieepa_cents": "sum", "has_chapter99": "any", "has_ieepa_line": "any",
        "has_other_chapter99": "any", "unknown_heading": "any", "goods_value_on_ieepa": "any",
        "ieepa_value_cents": "sum",
        "bad_amount": "any", "bad_hts": "any", "bad_entry_type": "any", "bad_entry_date": "any",
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
    entries = firsts.join(entries)
    entries["files"] = _files_per_entry(rows, entries.index)
    conflicting = _header_conflicts(rows)
    entries["header_conflict"] = entries.index.isin(list(conflicting))
    entries["header_conflict_columns"] = [conflicting.get(key, []) for key in entries.index]
    return entries.reset_index()
