"""The marimo claim value app, driven in headless Chromium, shows what the package computes.

The test serves ``notebooks/claim_value_app.py`` with ``marimo run`` on a free loopback port
over the sample-data triage and opens it in Debian's Chromium through Playwright. It changes
the specialist's quote and checks that the displayed figures and recommendation are exactly
those ``workbench.value`` computes for the new input. Requests to any other address are aborted.
"""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from workbench.value.analysis import analyse
from workbench.value.formatting import dollars
from workbench.value.inputs import read_claim_data
from workbench.value.parameters import load_parameters

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium tries to reach outside hosts.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
APP = Path(__file__).resolve().parents[2] / "notebooks" / "claim_value_app.py"
START_TIMEOUT = 90
UPDATE_TIMEOUT_MS = 60_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed at /usr/bin/chromium "
           "(as root: apt-get update && apt-get install -y chromium)")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url, process, log):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"marimo exited with {process.returncode}: "
                               f"{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.25)
    raise TimeoutError(f"marimo did not answer on {url} within {START_TIMEOUT} s")


@pytest.fixture(scope="module")
def app_url(sample_triage, tmp_path_factory):
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = tmp_path_factory.mktemp("marimo") / "marimo.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "marimo", "run", str(APP), "--headless", "--host",
             "127.0.0.1", "--port", str(port), "--no-token", "--",
             "--triage", str(sample_triage)],
            stdout=output, stderr=subprocess.STDOUT, cwd=APP.parent.parent)
    try:
        wait_until_serving(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def page(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
            app_url) or route.request.url.startswith(app_url.replace("http", "ws"))
            else route.abort())
        page.goto(app_url)
        yield page
        browser.close()


def expected(sample_triage, **inputs):
    return analyse(read_claim_data(sample_triage), load_parameters(inputs))


def shown(page, test_id):
    return page.get_by_test_id(test_id)


def headline(page, recommendation):
    return page.get_by_role("heading", name=f"CAPE: {recommendation.headline}", exact=True)


def set_text(page, label, value):
    box = page.get_by_label(label)
    box.fill(value)
    box.press("Enter")


def test_app_shows_package_figures(page, sample_triage):
    from playwright.sync_api import expect

    analysis = expected(sample_triage)
    expect(shown(page, "cape-specialist-net")).to_have_text(
        dollars(analysis.cape.specialist.net), timeout=UPDATE_TIMEOUT_MS)
    expect(shown(page, "cape-in-house-net")).to_have_text(dollars(analysis.cape.in_house.net))
    expect(shown(page, "cape-break-even-fee")).to_have_text(
        dollars(analysis.cape.break_even.total_fee))
    expect(headline(page, analysis.recommendations[0])).to_be_visible()


def test_fee_change_follows_model(page, sample_triage):
    from playwright.sync_api import expect

    before = expected(sample_triage)
    after = expected(sample_triage, specialist_fee_per_entry=400)
    # $400 per entry is above the break-even fee per entry, so the verdict must flip.
    assert before.recommendations[0].verdict == "specialist"
    assert after.recommendations[0].verdict == "self_file_when_ready"

    expect(shown(page, "cape-specialist-net")).to_have_text(
        dollars(before.cape.specialist.net), timeout=UPDATE_TIMEOUT_MS)
    set_text(page, "Specialist fee per entry (USD)", "400")

    expect(shown(page, "cape-specialist-net")).to_have_text(
        dollars(after.cape.specialist.net), timeout=UPDATE_TIMEOUT_MS)
    expect(shown(page, "cape-in-house-net")).to_have_text(dollars(after.cape.in_house.net))
    expect(headline(page, after.recommendations[0])).to_be_visible()


def test_contingency_change_follows_model(page, sample_triage):
    from playwright.sync_api import expect

    after = expected(sample_triage, specialist_fee_per_entry=0, specialist_contingency="0.05")
    expect(shown(page, "cape-specialist-net")).to_be_visible(timeout=UPDATE_TIMEOUT_MS)
    set_text(page, "Specialist fee per entry (USD)", "0")
    set_text(page, "Specialist contingency (fraction of refund)", "0.05")

    expect(shown(page, "cape-specialist-net")).to_have_text(
        dollars(after.cape.specialist.net), timeout=UPDATE_TIMEOUT_MS)
    expect(shown(page, "cape-break-even-fee")).to_have_text(
        dollars(after.cape.break_even.total_fee))
