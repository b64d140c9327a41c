"""Fixtures for the refund value tests (the folder builder is in ``money_fixtures``)."""

import pytest

from money_fixtures import make_triage_folder


@pytest.fixture
def triage_dir(tmp_path):
    """Return a triage folder of ``SMALL_RUN``."""
    return make_triage_folder(tmp_path / "triage")
