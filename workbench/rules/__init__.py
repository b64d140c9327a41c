"""Rule tables: the customs rules the workbench applies, kept as dated, sourced data.

Each table is a YAML file in ``rules/data`` with a ``name``, a ``version`` and a source for
every value. A run records the versions it used, so an output can be traced to the rules
behind it.

>>> load_table("clocks")["clocks"]["protest_period_days"]["value"]
180
"""

import functools
import hashlib
from importlib import resources

import yaml

DATA_PACKAGE = "workbench.rules.data"


class RuleTableError(ValueError):
    """A rule table is missing, unreadable or lacks a required field."""


@functools.lru_cache(maxsize=None)
def _read(name):
    resource = resources.files(DATA_PACKAGE).joinpath(f"{name}.yaml")
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleTableError(f"rule table {name}.yaml not found in {DATA_PACKAGE}") from None
    table = yaml.safe_load(text)
    for field in ("name", "version"):
        if field not in table:
            raise RuleTableError(f"rule table {name}.yaml has no '{field}' field")
    table["_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return table


def load_table(name):
    """Return the parsed rule table ``name`` (cached; treat it as read-only)."""
    return _read(name)


def table_versions(names):
    """Return {table name: {version, sha256}} for the summary of a run."""
    return {
        name: {"version": load_table(name)["version"], "sha256": load_table(name)["_sha256"]}
        for name in names
    }
