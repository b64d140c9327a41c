"""The analyst's inputs to the claim value model: hours, costs, fees, probabilities and days.

Each numeric input is a ``Range``. Inputs with a published figure (service fees, first-upload
failure rates, refund timing) default to the range in the ``fees`` rule table. The others
default to assumptions that the analyst should replace, because no published figure exists
for in-house hours, readiness delays or the cost of capital. ``value_summary.json`` records
each input's range and basis, and ``workbench value --help-parameters`` lists them.

The four readiness answers (ACE Portal account, ACH refund enrollment, complete records, staff
who know entry logic) are ``True``, ``False`` or ``None`` for not answered. An unanswered item
counts as not met.

>>> params = load_parameters({"hourly_cost": 80, "specialist_contingency": [0.03, 0.06]})
>>> params.hourly_cost.mid, params.specialist_contingency.mid
(Decimal('80'), Decimal('0.045'))
>>> params.first_failure_probability.text()
'0.15-0.37'
>>> load_parameters({"hourly_rate": 80})
Traceback (most recent call last):
...
workbench.errors.InputError: parameters: unknown key 'hourly_rate'; valid keys are listed by workbench value --help-parameters
"""

import dataclasses
import types
from decimal import Decimal
from pathlib import Path

import yaml

from workbench.errors import InputError
from workbench.rules import load_table
from workbench.value.ranges import Range

PUBLISHED = "published"
ASSUMPTION = "assumption"


@dataclasses.dataclass(frozen=True)
class Spec:
    """Label, unit, default and upper bound of one numeric input."""

    label: str
    unit: str
    default: object
    maximum: Decimal = None

    @property
    def basis(self):
        """``published`` when the default comes from the fees table, else ``assumption``."""
        return PUBLISHED if isinstance(self.default, str) else ASSUMPTION


ONE = Decimal(1)

# Defaults given as a string name a figure in the fees rule table; lists are assumptions.
SPECS = {
    # Filing CAPE in-house.
    "hourly_cost": Spec("Staff cost per hour", "USD per hour", [60, 90]),
    "self_setup_hours": Spec("In-house setup and learning", "hours", [8, 24]),
    "self_hours_per_declaration": Spec("Prepare, upload and check one declaration", "hours", [1, 3]),
    "self_hours_per_entry": Spec("Review one entry", "hours per entry", [0.05, 0.25]),
    "psc_hours_per_entry": Spec("Prepare one post-summary correction", "hours per entry", [1, 3]),
    "protest_hours_per_entry": Spec("Prepare one protest", "hours per entry", [1, 4]),
    "rework_hours_per_failure": Spec("Rework after a failed upload", "hours per failure", [2, 8]),
    "self_ready_days": Spec("Days until the first in-house upload", "days", [5, 15]),
    "portal_setup_days": Spec("Days to open an ACE Portal account", "days", [3, 10]),
    "self_rework_days": Spec("Days to fix and re-upload in-house", "days", [3, 10]),
    "first_failure_probability": Spec("First upload fails (in-house)", "probability",
                                      "cape_declaration_failure", ONE),
    "data_finding_uplift": Spec("Failure points per point of entries with data findings",
                                "multiplier", [1, 1]),
    "inexperience_uplift": Spec("Failure uplift without staff who know entry logic",
                                "probability", [0.10, 0.10], ONE),
    "incomplete_records_uplift": Spec("Failure uplift when records are incomplete",
                                      "probability", [0.10, 0.10], ONE),
    # Paying a broker or specialist for CAPE.
    "specialist_fee_per_entry": Spec("Specialist fee per entry", "USD per entry",
                                     "cape_fee_per_entry"),
    "specialist_fee_flat": Spec("Specialist flat fee", "USD", [0, 0]),
    "specialist_contingency": Spec("Specialist contingency", "fraction of the refund", [0, 0], ONE),
    "specialist_minimum_fee": Spec("Specialist minimum fee", "USD", [0, 0]),
    # NOTE: CBP's failure counts mix declarations from brokers and from importers, and no
    # published figure separates them, so both options default to the same range.
    "specialist_failure_probability": Spec("First upload fails (specialist)", "probability",
                                           "cape_declaration_failure", ONE),
    "specialist_coordination_hours": Spec("Staff time working with the specialist", "hours",
                                          [2, 6]),
    "specialist_ready_days": Spec("Days until the specialist's first upload", "days", [3, 10]),
    "specialist_rework_days": Spec("Days for the specialist to fix and re-upload", "days",
                                   [2, 7]),
    # Either way.
    "refund_days_after_acceptance": Spec("Days from acceptance to the refund deposit", "days",
                                         "refund_days_after_acceptance"),
    "ach_enrollment_days": Spec("Days to verify ACH refund enrollment", "days", [5, 15]),
    "cost_of_capital": Spec("Cost of capital", "fraction per year", [0.05, 0.10], ONE),
    "missed_deadline_loss_share": Spec("Share of an entry's refund lost past its deadline",
                                       "fraction", [1, 1], ONE),
    # Drawback.
    "drawback_recovery": Spec("Drawback recoverable", "USD", [0, 0]),
    "drawback_years": Spec("Years of drawback claims compared", "years", [1, 1]),
    "software_upfront": Spec("Drawback software, up front", "USD", "drawback_software_upfront"),
    "software_annual": Spec("Drawback software, per year", "USD per year",
                            "drawback_software_annual"),
    "drawback_setup_hours": Spec("In-house drawback setup and learning", "hours", [40, 120]),
    "drawback_hours_per_claim": Spec("Prepare one drawback claim in-house", "hours per claim",
                                     [8, 24]),
    "drawback_failure_probability": Spec("Drawback claim rejected on first filing",
                                         "probability", [0.10, 0.30], ONE),
    "drawback_rework_hours": Spec("Rework after a rejected claim", "hours per failure", [4, 16]),
    "drawback_self_ready_days": Spec("Days until the first in-house drawback claim", "days",
                                     [30, 90]),
    "drawback_specialist_ready_days": Spec("Days until the specialist's first claim", "days",
                                           [14, 45]),
    "drawback_rework_days": Spec("Days to correct a rejected claim", "days", [7, 30]),
    "drawback_days_to_payment": Spec("Days from claim to payment", "days",
                                     "drawback_days_to_payment"),
    "drawback_contingency": Spec("Drawback specialist contingency", "fraction of the refund",
                                 "drawback_contingency", ONE),
    "drawback_fee_flat": Spec("Drawback specialist flat fee", "USD", [0, 0]),
    "drawback_minimum_fee": Spec("Drawback specialist minimum fee", "USD", [0, 0]),
    "drawback_coordination_hours": Spec("Staff time working with the drawback specialist",
                                        "hours", [8, 24]),
}

READINESS_ANSWERS = {
    "ace_portal_account": "ACE Portal account with importer access",
    "ach_refund_enrollment_verified": "ACH refund enrollment verified",
    "records_complete": "Records complete",
    "staff_know_entry_logic": "Staff know entry logic",
}

# Whole-number settings: the window that makes a deadline "near", the number of drawback claims
# (a count, because each claim fails or passes on its own), and the Monte Carlo seed and size.
SETTINGS = {
    "deadline_window_days": 30,
    "drawback_claims": 4,
    "seed": 20261204,
    "draws": 10000,
}


def _build_class():
    fields = [(name, Range) for name in SPECS]
    fields += [(name, object, dataclasses.field(default=None)) for name in READINESS_ANSWERS]
    fields += [(name, int, dataclasses.field(default=value)) for name, value in SETTINGS.items()]
    cls = dataclasses.make_dataclass("Parameters", fields, frozen=True)
    cls.__module__ = __name__
    cls.__doc__ = "Every input of the claim value model: ``SPECS``, readiness answers, settings."
    return cls


Parameters = _build_class()


def published_range(figure):
    """Return the range of ``figure`` in the fees rule table."""
    row = load_table("fees")["figures"][figure]
    return Range.parse([row["low"], row["high"]])


def default_value(name):
    """Return the default range of the numeric input ``name``."""
    default = SPECS[name].default
    return published_range(default) if isinstance(default, str) else Range.parse(default)


def load_parameters(values=None, path=None):
    """Return ``Parameters`` from shipped defaults, then a YAML file, then ``values``.

    Raise ``InputError`` for an unknown key or an invalid value, naming the key and its source.
    """
    fields = {name: default_value(name) for name in SPECS}
    if path is not None:
        for key, value in _read_yaml(path).items():
            fields[key] = _check(key, value, str(path))
    for key, value in (values or {}).items():
        fields[key] = _check(key, value, "parameters")
    return Parameters(**fields)


def point_values(params):
    """Return a namespace with the midpoint of every numeric input (the point estimate)."""
    return types.SimpleNamespace(**{name: getattr(params, name).mid for name in SPECS})


def with_values(params, **values):
    """Return a copy of ``params`` with the given inputs replaced and checked."""
    return dataclasses.replace(params, **{k: _check(k, v, "parameters") for k, v in values.items()})


def _read_yaml(path):
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: parameters file not found") from None
    except yaml.YAMLError as error:
        raise InputError(f"{path}: not valid YAML ({error}); fix the syntax and rerun") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping of parameter names to values")
    return data


def _check(key, value, source):
    if key in SPECS:
        return _check_range(key, value, source)
    if key in READINESS_ANSWERS:
        if value is not None and not isinstance(value, bool):
            raise InputError(f"{source}: {key} must be true, false or empty, not {value!r}")
        return value
    if key in SETTINGS:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InputError(f"{source}: {key} must be a whole number of at least 0, not {value!r}")
        if key == "draws" and value < 1:
            raise InputError(f"{source}: draws must be at least 1, not {value!r}")
        return value
    raise InputError(f"{source}: unknown key {key!r}; valid keys are listed by "
                     f"workbench value --help-parameters")


def _check_range(key, value, source):
    try:
        result = Range.parse(value)
    except ValueError as error:
        raise InputError(f"{source}: {key}: {error}; give a number, [low, high], "
                         f"'low-high' text or {{low: ..., high: ...}}") from None
    maximum = SPECS[key].maximum
    if result.low < 0:
        raise InputError(f"{source}: {key} must not be negative, got {result.text()}")
    if maximum is not None and result.high > maximum:
        raise InputError(f"{source}: {key} must be at most {maximum}, got {result.text()}")
    return result
