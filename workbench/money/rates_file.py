"""The analyst's rates file: quarterly rates that add to or replace the shipped table.

CSV: a header with ``quarter``, ``non_corporate`` and ``corporate`` (``underpayment`` and
``source`` optional; dashes and spaces in headers are accepted), one quarter per row. YAML: a
map of quarter to ``{percent: {non_corporate: .., corporate: ..}, source: ..}``, like the
shipped table, at the top level or under ``quarters``. Every rate read here is marked
``user_supplied``, and the estimate names it as such.
"""

import csv
from pathlib import Path

import yaml

from workbench.errors import InputError
from workbench.money.amounts import parse_percent
from workbench.money.quarters import Quarter
from workbench.money.rates import COLUMNS, QuarterRate


def read_rates_file(path):
    """Return {quarter: QuarterRate} from the CSV or YAML rates file at ``path``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: rates file not found")
    if path.suffix.lower() in (".yaml", ".yml"):
        return _read_rates_yaml(path)
    if path.suffix.lower() == ".csv":
        return _read_rates_csv(path)
    raise InputError(f"{path}: a rates file must be .csv, .yaml or .yml")


def _read_rates_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as stream:
        reader = csv.DictReader(stream)
        header = {_header_key(name): name for name in reader.fieldnames or []}
        for required in ("quarter", "non_corporate", "corporate"):
            if required not in header:
                raise InputError(
                    f"{path}: column '{required}' missing; the header needs quarter, "
                    f"non_corporate and corporate (underpayment and source are optional)")
        rates = {}
        for row_number, row in enumerate(reader, start=2):
            values = {key: (row.get(name) or "").strip() for key, name in header.items()}
            location = f"{path}: row {row_number}"
            rate = _user_rate(values, location, default_source=f"rates file {path.name}")
            if rate.quarter in rates:
                raise InputError(f"{location}, column 'quarter': {rate.quarter} is listed twice")
            rates[rate.quarter] = rate
    return rates


def _read_rates_yaml(path):
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not a readable YAML file ({error})") from None
    if isinstance(data, dict) and isinstance(data.get("quarters"), dict):
        data = data["quarters"]
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a map of quarter -> {{percent: ..., source: ...}}")
    rates = {}
    for label, row in data.items():
        location = f"{path}: quarter {label!r}"
        if not isinstance(row, dict) or not isinstance(row.get("percent"), dict):
            raise InputError(f"{location}: give 'percent: {{non_corporate: .., corporate: ..}}'")
        values = {_header_key(k): str(v) for k, v in row["percent"].items()}
        values.update(quarter=str(label), source=str(row.get("source") or ""))
        rate = _user_rate(values, location, default_source=f"rates file {path.name}")
        rates[rate.quarter] = rate
    return rates


def _header_key(name):
    return str(name).strip().lower().replace("-", "_").replace(" ", "_")


def _user_rate(values, location, default_source):
    try:
        quarter = Quarter.parse(values.get("quarter", ""))
    except ValueError as error:
        raise InputError(f"{location}, column 'quarter': {error}") from None
    percent = {}
    for column in COLUMNS:
        text = values.get(column, "")
        if not text and column == "underpayment":
            continue
        try:
            percent[column] = parse_percent(text)
        except ValueError as error:
            raise InputError(f"{location}, column '{column}': {error}") from None
    source = values.get("source") or default_source
    return QuarterRate(quarter, percent, "user_supplied", source, "user")
