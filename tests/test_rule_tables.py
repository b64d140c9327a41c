"""The rule tables load, carry versions and sources, and lose no text to YAML comments."""

import re
from importlib import resources

import pytest
import yaml

from workbench.rules import load_table

DATA = resources.files("workbench.rules.data")
TABLES = sorted(p.name[:-5] for p in DATA.iterdir() if p.name.endswith(".yaml"))
# A plain (unquoted) YAML scalar ends at " #": "source: CSMS #68340863" would read as "CSMS".
UNQUOTED_HASH = re.compile(r"""^\s*[\w"'./ -]+:\s+[^"'\[{|>\s#][^#"']*\s#""")


@pytest.mark.parametrize("name", TABLES)
def test_table_has_name_and_version(name):
    table = load_table(name)
    assert table["name"] == name
    assert table["version"]


@pytest.mark.parametrize("name", TABLES)
def test_no_value_cut_by_a_comment(name):
    text = DATA.joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    cut = [line for line in text.splitlines() if UNQUOTED_HASH.match(line)]
    assert cut == []


def _sources(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "source":
                yield value
            else:
                yield from _sources(value)
    elif isinstance(node, list):
        for item in node:
            yield from _sources(item)


@pytest.mark.parametrize("name", TABLES)
def test_sources_are_not_truncated(name):
    table = yaml.safe_load(DATA.joinpath(f"{name}.yaml").read_text(encoding="utf-8"))
    short = [s for s in _sources(table) if isinstance(s, str) and s.strip() in ("CSMS", "")]
    assert short == []


def test_phase_rows_have_dates_status_and_source():
    for phase_id, row in load_table("cape_phases")["phases"].items():
        assert row["effective_from"], phase_id
        assert row["status"] in ("confirmed", "announced", "unconfirmed"), phase_id
        assert len(row["source"]) > 20, phase_id


def test_unconfirmed_phase_ships_switched_off():
    phases = load_table("cape_phases")["phases"]
    assert phases["finally_liquidated"]["status"] == "unconfirmed"
    assert phases["finally_liquidated"]["enabled"] is False


def test_every_clock_has_value_and_source():
    for name, clock in load_table("clocks")["clocks"].items():
        assert "value" in clock, name
        assert clock["effective_from"], name
        assert clock["source"], name
