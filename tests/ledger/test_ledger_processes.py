"""Real processes against one ledger file: concurrent writers, a busy file, kill -9 mid-import.

Each child process is a fresh Python running ``workbench.ledger`` functions, so DuckDB's file
lock and its recovery after a killed process are exercised for real.
"""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from tests.ledger.conftest import REPO, claim_details, entry, write
from workbench.ledger.imports import import_results
from workbench.ledger.store import Ledger, LedgerBusyError

CHILD_TIMEOUT = 120


def child(script, *args):
    """Start a Python child running ``script`` with ``args`` in sys.argv; return the Popen."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=REPO)


def wait_for(path, process, seconds=CHILD_TIMEOUT):
    """Wait until ``path`` exists; fail with the child's stderr if it ends first."""
    deadline = time.monotonic() + seconds
    while not path.exists():
        if process.poll() is not None:
            pytest.fail(f"child ended early: {process.stderr.read()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"child did not reach {path.name} within {seconds} s")
        time.sleep(0.02)


def big_claim_details(path, first_serial, count, claim):
    rows = [(entry(first_serial + i), claim, "Rejected", "INVALID HTS") for i in range(count)]
    return claim_details(path, rows)


WRITER = """
    import sys, time
    from pathlib import Path
    from workbench.ledger.store import Ledger
    from workbench.ledger.imports import import_results
    ledger_path, go, *files = sys.argv[1:]
    while not Path(go).exists():
        time.sleep(0.01)
    for path in files:
        with Ledger.open(ledger_path, timeout=120) as ledger:
            import_results(ledger, path)
    print("done")
"""


def test_two_writers_at_once(tmp_path, ledger_path):
    files = {side: [big_claim_details(tmp_path / f"{side}{n}.csv", serial, 3000, f"C{side}{n}")
                    for n, serial in enumerate(range(base, base + 12000, 3000))]
             for side, base in (("a", 1000000), ("b", 2000000))}
    with Ledger.open(ledger_path):
        pass
    go = tmp_path / "go"
    writers = [child(WRITER, ledger_path, go, *files[side]) for side in ("a", "b")]
    go.write_text("go")
    outcomes = [w.communicate(timeout=CHILD_TIMEOUT) for w in writers]

    for writer, (out, err) in zip(writers, outcomes):
        assert writer.returncode == 0, err
        assert out.strip() == "done"
    with Ledger.open(ledger_path) as ledger:
        counts = ledger.counts()
        states = ledger.entry_states()
    assert counts["result_files"] == 8
    assert counts["status_events"] == 8 * 3000
    assert len(states) == 8 * 3000
    assert {s.status for s in states.values()} == {"rejected"}


HOLDER = """
    import sys, time
    from pathlib import Path
    from workbench.ledger.store import Ledger
    ledger_path, ready, release = sys.argv[1:]
    with Ledger.open(ledger_path):
        Path(ready).write_text("holding")
        while not Path(release).exists():
            time.sleep(0.01)
"""


def test_busy_ledger_times_out_with_message(tmp_path, ledger_path):
    ready, release = tmp_path / "ready", tmp_path / "release"
    holder = child(HOLDER, ledger_path, ready, release)
    try:
        wait_for(ready, holder)
        started = time.monotonic()
        with pytest.raises(LedgerBusyError) as error:
            Ledger.open(ledger_path, timeout=1.0)
        waited = time.monotonic() - started
    finally:
        release.write_text("go")
        holder.communicate(timeout=CHILD_TIMEOUT)
    assert f"in use by process {holder.pid}" in str(error.value)
    assert "waited 1 s" in str(error.value)
    assert 0.9 <= waited < 10


def test_waiting_writer_gets_in_after_release(tmp_path, ledger_path):
    ready, release = tmp_path / "ready", tmp_path / "release"
    holder = child(HOLDER, ledger_path, ready, release)
    wait_for(ready, holder)
    path = claim_details(tmp_path / "c.csv", [(entry(4100001), "C1", "Accepted", "")])
    waiter = child(WRITER, ledger_path, ready, path)
    time.sleep(0.5)
    assert waiter.poll() is None, "the second writer must wait for the lock"
    release.write_text("go")
    out, err = waiter.communicate(timeout=CHILD_TIMEOUT)
    holder.communicate(timeout=CHILD_TIMEOUT)
    assert waiter.returncode == 0, err
    with Ledger.open(ledger_path) as ledger:
        assert ledger.counts()["result_files"] == 1


PAUSED_IMPORT = """
    import sys, time
    from pathlib import Path
    from workbench.ledger.store import Ledger
    from workbench.ledger.imports import import_results
    ledger_path, result_file, inside = sys.argv[1:]

    def pause():
        Path(inside).write_text("rows inserted, not committed")
        time.sleep(600)

    with Ledger.open(ledger_path) as ledger:
        import_results(ledger, result_file, on_events_added=pause)
"""


def test_kill_inside_import_leaves_ledger_as_before(tmp_path, ledger_path):
    first = claim_details(tmp_path / "first.csv", [(entry(4100001), "C1", "Accepted", "")])
    with Ledger.open(ledger_path) as ledger:
        import_results(ledger, first)
        before = ledger.counts()
        states_before = ledger.entry_states()
    second = big_claim_details(tmp_path / "second.csv", 3000000, 20000, "C2")

    inside = tmp_path / "inside"
    importer = child(PAUSED_IMPORT, ledger_path, second, inside)
    wait_for(inside, importer)
    os.kill(importer.pid, signal.SIGKILL)
    importer.communicate(timeout=CHILD_TIMEOUT)
    assert importer.returncode == -signal.SIGKILL

    with Ledger.open(ledger_path) as ledger:
        assert ledger.counts() == before
        assert ledger.entry_states() == states_before
        record = import_results(ledger, second)
        assert record.events_added == 20000
        assert ledger.counts()["result_files"] == 2


CLI_IMPORT = """
    import sys
    from workbench import cli
    sys.exit(cli.main(["ledger", "import-results", sys.argv[2], "--ledger", sys.argv[1]]))
"""


@pytest.mark.parametrize("delay", [0.3, 0.9, 1.6])
def test_kill_during_cli_import_is_all_or_nothing(tmp_path, ledger_path, delay):
    with Ledger.open(ledger_path):
        pass
    path = big_claim_details(tmp_path / "big.csv", 4000000, 60000, "C3")
    process = child(CLI_IMPORT, ledger_path, path)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=CHILD_TIMEOUT)

    with Ledger.open(ledger_path) as ledger:
        counts = ledger.counts()
    assert (counts["result_files"], counts["status_events"]) in [(0, 0), (1, 60000)]
