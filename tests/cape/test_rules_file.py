"""The analyst's --rules file: every contract key accepted, and any unknown key or bad value stops the run."""

import pytest

from workbench.rules.settings import load_settings

OVERRIDE = "T9V51002299"  # fails its check digit on purpose (the right digit is 6)


@pytest.fixture
def es003_file(es003):
    numbers = [es003.number("Q2H", n) for n in (1500217, 1500225)]
    return es003.write("es003.csv", [es003.entry(n) for n in numbers])


VALID = {
    "liquidation_status_map": 'liquidation_status_map: {"PENDING CBP REVIEW": under_review}\n',
    "reconciliation_indicator_map": "reconciliation_indicator_map: {F: flagged, '0': not_flagged}\n",
    "reconciliation_09_filed": "reconciliation_09_filed: ['Q2H-1500217-1']\n",
    "near_limit_band_days": "near_limit_band_days: 10\n",
    "psc_first_for_goods_value_on_ieepa_line": "psc_first_for_goods_value_on_ieepa_line: false\n",
    "cape_phases": ("cape_phases:\n  finally_liquidated: {enabled: true, source: 'CSMS test "
                    "notice'}\n  reconciliation: {enabled: false}\n"),
    "interest_rate_column_by_importer": ("interest_rate_column_by_importer:\n"
                                         "  '31-4728105B3': corporate\n"
                                         "  '64-9035127K8': non-corporate\n"),
    "confirmed_check_digit_overrides": f"confirmed_check_digit_overrides: ['{OVERRIDE}']\n",
}


def test_valid_cases_cover_every_key():
    assert set(VALID) == set(load_settings(None).__dataclass_fields__) - {"source"}


@pytest.mark.parametrize("key", sorted(VALID))
def test_key_accepted(es003, triage, es003_file, key):
    rules = es003.write_text("rules.yaml", VALID[key])
    run = triage(es003_file, rules=str(rules))
    assert run.summary["rules_file"]["path"] == str(rules)
    assert run.summary["settings"]["source"] == str(rules)


def test_all_keys_in_one_file(es003, triage, es003_file):
    rules = es003.write_text("rules.yaml", "".join(VALID.values()))
    run = triage(es003_file, rules=str(rules))
    settings = run.summary["settings"]
    assert settings["near_limit_band_days"] == 10
    assert settings["psc_first_for_goods_value_on_ieepa_line"] is False
    assert settings["confirmed_check_digit_overrides"] == [OVERRIDE]
    assert settings["reconciliation_09_filed"] == ["Q2H15002171"]


def test_status_map_adds_to_shipped_map():
    rules_settings = load_settings(None)
    assert rules_settings.liquidation_category("unliquidated") == "unliquidated"
    assert rules_settings.liquidation_category("") == "unliquidated"
    assert rules_settings.liquidation_category("PENDING CBP REVIEW") is None


def test_status_map_value_trimmed_case_insensitive(es003):
    rules = es003.write_text("rules.yaml", 'liquidation_status_map: {" pending cbp review ": under_review}\n')
    settings = load_settings(rules)
    assert settings.liquidation_category("PENDING CBP REVIEW") == "under_review"
    assert settings.liquidation_category("LIQUIDATED") == "liquidated"


def test_status_map_replaces_shipped_value(es003):
    rules = es003.write_text("rules.yaml", "liquidation_status_map: {EXTENDED: under_review}\n")
    assert load_settings(rules).liquidation_category("extended") == "under_review"


def test_empty_rules_file_keeps_defaults(es003, triage, es003_file):
    rules = es003.write_text("rules.yaml", "# nothing set yet\n")
    run = triage(es003_file, rules=str(rules))
    assert run.summary["settings"]["near_limit_band_days"] == 5


BAD = [
    # (id, YAML text, key, value the message must name)
    ("unknown-key", "psc_first: false\n", "psc_first", "psc_first"),
    ("status-category", 'liquidation_status_map: {"ON HOLD": pending}\n',
     "liquidation_status_map", "pending"),
    ("status-not-map", "liquidation_status_map: [LIQUIDATED]\n",
     "liquidation_status_map", "LIQUIDATED"),
    ("indicator-category", "reconciliation_indicator_map: {F: yes_flag}\n",
     "reconciliation_indicator_map", "yes_flag"),
    ("recon-09-number", "reconciliation_09_filed: ['Q2H-15002']\n",
     "reconciliation_09_filed", "Q2H-15002"),
    ("recon-09-scalar", "reconciliation_09_filed: Q2H15002171\n",
     "reconciliation_09_filed", "Q2H15002171"),
    ("band-too-large", "near_limit_band_days: 81\n", "near_limit_band_days", "81"),
    ("band-negative", "near_limit_band_days: -1\n", "near_limit_band_days", "-1"),
    ("band-text", "near_limit_band_days: ten\n", "near_limit_band_days", "ten"),
    ("band-fraction", "near_limit_band_days: 2.5\n", "near_limit_band_days", "2.5"),
    ("psc-text", "psc_first_for_goods_value_on_ieepa_line: maybe\n",
     "psc_first_for_goods_value_on_ieepa_line", "maybe"),
    ("phase-unknown", "cape_phases: {phase_9: {enabled: true, source: x}}\n",
     "cape_phases", "phase_9"),
    ("phase-enabled-text", "cape_phases: {phase_1: {enabled: sometimes}}\n",
     "cape_phases", "sometimes"),
    ("phase-extra-field", "cape_phases: {phase_1: {enabled: true, opens: 2026-05-01}}\n",
     "cape_phases", "opens"),
    ("rate-column", "interest_rate_column_by_importer: {'31-4728105B3': both}\n",
     "interest_rate_column_by_importer", "both"),
    ("override-short", "confirmed_check_digit_overrides: ['T9V-51002']\n",
     "confirmed_check_digit_overrides", "T9V-51002"),
    ("override-character", "confirmed_check_digit_overrides: ['T9V#5100229']\n",
     "confirmed_check_digit_overrides", "T9V#5100229"),
]


@pytest.mark.parametrize("text, key, value", [case[1:] for case in BAD],
                         ids=[case[0] for case in BAD])
def test_bad_rules_exit_2(es003, run_cli, es003_file, tmp_path, text, key, value):
    rules = es003.write_text("analyst_settings.yaml", text)
    result = run_cli("triage", es003_file, "--as-of", "2026-11-16", "--out", tmp_path / "out",
                     "--rules", rules)
    assert result.returncode == 2
    assert "analyst_settings.yaml" in result.stderr
    assert key in result.stderr
    assert value in result.stderr
    assert list((tmp_path / "out").rglob("cape_declaration_*.csv")) == []


@pytest.mark.parametrize("text", ["near_limit_band_days: [10\n", "- near_limit_band_days\n"],
                         ids=["broken-yaml", "top-level-list"])
def test_unreadable_rules_exit_2(es003, run_cli, es003_file, tmp_path, text):
    rules = es003.write_text("analyst_settings.yaml", text)
    result = run_cli("triage", es003_file, "--as-of", "2026-11-16", "--out", tmp_path / "out",
                     "--rules", rules)
    assert result.returncode == 2
    assert "analyst_settings.yaml" in result.stderr


def test_missing_rules_file_exits_2(run_cli, es003_file, tmp_path):
    result = run_cli("triage", es003_file, "--as-of", "2026-11-16", "--out", tmp_path / "out",
                     "--rules", tmp_path / "absent.yaml")
    assert result.returncode == 2
    assert "absent.yaml" in result.stderr


def test_rate_column_recorded_per_importer(es003, triage, es003_file):
    rules = es003.write_text("rules.yaml", VALID["interest_rate_column_by_importer"])
    run = triage(es003_file, rules=str(rules))
    recorded = run.summary["settings"]["interest_rate_column_by_importer"]
    compact = {key.replace("-", ""): column for key, column in recorded.items()}
    assert compact == {"314728105B3": "corporate", "649035127K8": "non-corporate"}
