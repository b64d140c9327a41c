"""The analyst's settings: shipped defaults, overridden by a ``--rules`` YAML file.

Every key is optional. An unknown key, a value outside its allowed set, or an entry number
that is not 11 letters or digits stops the run (``InputError``). A setting that is silently
ignored would make the analyst trust a result it did not shape.

>>> settings = load_settings(None)
>>> settings.near_limit_band_days, settings.liquidation_category("  liquidated ")
(5, 'liquidated')
"""

import dataclasses
import datetime as dt
from pathlib import Path

import yaml

from workbench.errors import InputError
from workbench.identifiers import entry_number, importer_number
from workbench.rules import load_table

LIQUIDATION_CATEGORIES = (
    "unliquidated", "liquidated", "suspended", "extended", "under_review",
    "adcvd_pending_liquidation",
)
RECONCILIATION_VALUES = ("flagged", "not_flagged")
RATE_COLUMNS = ("corporate", "non-corporate")


@dataclasses.dataclass(frozen=True)
class Settings:
    """The settings a triage or estimate run applies, after overrides."""

    liquidation_status_map: dict
    reconciliation_indicator_map: dict
    reconciliation_09_filed: frozenset
    near_limit_band_days: int
    psc_first_for_goods_value_on_ieepa_line: bool
    cape_phases: dict
    interest_rate_column_by_importer: dict
    confirmed_check_digit_overrides: frozenset
    source: str = "shipped defaults"

    def liquidation_category(self, status):
        """Return the category of a Liquidation Status value, or None when it is not mapped."""
        return self.liquidation_status_map.get(_key(status))

    def reconciliation_flag(self, indicator):
        """Return 'flagged', 'not_flagged', or None when the value is not mapped."""
        return self.reconciliation_indicator_map.get(_key(indicator))


def _key(value):
    return str(value or "").strip().upper()


def load_settings(path):
    """Return the shipped defaults overridden by the YAML file at ``path`` (None: defaults only)."""
    defaults = load_table("analyst_defaults")["settings"]
    overrides = _read_overrides(path) if path else {}
    label = str(path) if path else "shipped defaults"

    unknown = sorted(set(overrides) - set(defaults))
    if unknown:
        raise InputError(
            f"{label}: unknown key {', '.join(repr(k) for k in unknown)}; the keys a rules "
            f"file may set are {', '.join(sorted(defaults))}")

    return Settings(
        liquidation_status_map=_status_map(defaults, overrides, label),
        reconciliation_indicator_map=_indicator_map(defaults, overrides, label),
        reconciliation_09_filed=_entry_list(overrides, "reconciliation_09_filed", label),
        near_limit_band_days=_band(defaults, overrides, label),
        psc_first_for_goods_value_on_ieepa_line=_flag(
            defaults, overrides, "psc_first_for_goods_value_on_ieepa_line", label),
        cape_phases=_phase_switches(overrides, label),
        interest_rate_column_by_importer=_rate_columns(overrides, label),
        confirmed_check_digit_overrides=_entry_list(
            overrides, "confirmed_check_digit_overrides", label),
        source=label,
    )


def _read_overrides(path):
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"{path}: rules file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not a readable YAML file ({error})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a YAML map of keys to values at the top level")
    return data


def _merged_map(defaults, overrides, key, allowed, label):
    merged = {_key(k): v for k, v in defaults[key].items()}
    given = overrides.get(key, {})
    if not isinstance(given, dict):
        raise InputError(f"{label}: key '{key}', value {given!r} must be a map of value -> "
                         f"category")
    for raw, category in given.items():
        if category not in allowed:
            raise InputError(
                f"{label}: key '{key}', value {raw!r} maps to {category!r}; allowed: "
                f"{', '.join(allowed)}")
        merged[_key(raw)] = category
    return merged


def _status_map(defaults, overrides, label):
    return _merged_map(defaults, overrides, "liquidation_status_map", LIQUIDATION_CATEGORIES,
                       label)


def _indicator_map(defaults, overrides, label):
    return _merged_map(defaults, overrides, "reconciliation_indicator_map",
                       RECONCILIATION_VALUES, label)


def _entry_list(overrides, key, label):
    values = overrides.get(key, [])
    if not isinstance(values, list):
        raise InputError(f"{label}: key '{key}', value {values!r} must be a list of entry "
                         f"numbers")
    numbers = set()
    for value in values:
        number = entry_number.compact(value)
        if len(number) != 11 or not number.isalnum():
            raise InputError(
                f"{label}: key '{key}', value {value!r} is not an entry number of 11 letters "
                f"or digits")
        numbers.add(number)
    return frozenset(numbers)


def _band(defaults, overrides, label):
    value = overrides.get("near_limit_band_days", defaults["near_limit_band_days"])
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 80:
        raise InputError(
            f"{label}: key 'near_limit_band_days', value {value!r} must be a whole number of "
            f"days from 0 to 80")
    return value


def _flag(defaults, overrides, key, label):
    value = overrides.get(key, defaults[key])
    if not isinstance(value, bool):
        raise InputError(f"{label}: key '{key}', value {value!r} must be true or false")
    return value


def _phase_switches(overrides, label):
    given = overrides.get("cape_phases", {})
    if not isinstance(given, dict):
        raise InputError(f"{label}: key 'cape_phases', value {given!r} must be a map of phase "
                         f"id -> settings")
    shipped = load_table("cape_phases")["phases"]
    switches = {}
    for phase_id, setting in given.items():
        if phase_id not in shipped:
            raise InputError(
                f"{label}: key 'cape_phases', unknown phase {phase_id!r}; known phases: "
                f"{', '.join(shipped)}")
        if not isinstance(setting, dict) or set(setting) - {"enabled", "source"}:
            raise InputError(
                f"{label}: key 'cape_phases', phase {phase_id!r}, value {setting!r}: a phase takes "
                f"only 'enabled' (true or false) and 'source'")
        enabled = setting.get("enabled", shipped[phase_id]["enabled"])
        if not isinstance(enabled, bool):
            raise InputError(
                f"{label}: key 'cape_phases', phase {phase_id!r}, value {enabled!r}: enabled must "
                f"be true or false")
        source = setting.get("source")
        if enabled and shipped[phase_id]["status"] != "confirmed" and not source:
            raise InputError(
                f"{label}: key 'cape_phases', phase {phase_id!r} ships unconfirmed; add "
                f"'source:' naming the CBP notice that shows it live before enabling it")
        switches[phase_id] = {"enabled": enabled, "source": source}
    return switches


def _rate_columns(overrides, label):
    given = overrides.get("interest_rate_column_by_importer", {})
    if not isinstance(given, dict):
        raise InputError(
            f"{label}: key 'interest_rate_column_by_importer', value {given!r} must be a map of "
            f"importer number -> corporate or non-corporate")
    for importer, column in given.items():
        if column not in RATE_COLUMNS:
            raise InputError(
                f"{label}: key 'interest_rate_column_by_importer', importer "
                f"{importer_number.mask(str(importer))!r}: value {column!r} must be corporate or "
                f"non-corporate")
    return {str(k).strip(): v for k, v in given.items()}


def settings_record(settings):
    """Return the settings as plain data for summary.json (entry lists sorted)."""
    record = dataclasses.asdict(settings)
    record["interest_rate_column_by_importer"] = {
        importer_number.mask(k): v for k, v in settings.interest_rate_column_by_importer.items()}
    for key, value in record.items():
        if isinstance(value, frozenset):
            record[key] = sorted(value)
        if isinstance(value, dt.date):
            record[key] = value.isoformat()
    return record
