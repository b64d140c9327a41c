"""Re-file declaration: rejected entries whose cause is gone, written by the CAPE writer.

CBP cannot amend a submitted declaration; corrected entries go on a new one. Each rejected
entry is judged by CBP's message (``cbp_messages.yaml``):

* ``resubmit``: the cause is on CBP's side or gone, so the entry is listed again, unless it
  was already uploaded ``max_uploads`` times;
* ``clear_then_resubmit``: listed only when the analyst names it in the ``--cleared`` file
  (after a post-summary correction, for example);
* ``none`` and any message the table does not know: not listed, with the next step.

Files are written per importer and filer code by ``cape.declaration.write_declarations``,
the writer triage uses, as ``cape_refile_NNN.csv``, and recorded in the ledger as a run of
kind ``refile``, so ``record-upload`` finds them. ``refile.csv`` lists every rejected entry
with the decision and the reason; ``refile_summary.json`` gives the counts.
"""

import dataclasses
import datetime as dt
import logging
from pathlib import Path

from workbench.cape.declaration import DeclarationError, write_declarations
from workbench.errors import InputError
from workbench.identifiers import entry_number
from workbench.ledger import importer_key, lifecycle, messages
from workbench.outputs import sha256_file, write_csv, write_json
from workbench.rules import table_versions
from workbench.sources.columns import ENTRY_NUMBER
from workbench.sources.reader import read_table

log = logging.getLogger(__name__)

PREFIX = "cape_refile"
REPORT_COLUMNS = [
    "entry_number", "importer", "filer_code", "claim_number", "uploads", "message",
    "reason_code", "remedy", "refiled", "declaration_file", "next_step",
]


@dataclasses.dataclass(frozen=True)
class RefileDecision:
    """Whether one rejected entry goes on the re-file declaration, and why."""

    entry_number: str
    importer_key: str
    filer_code: str
    claim_number: str
    uploads: int
    message: str
    reason_code: str
    remedy: str
    refile: bool
    next_step: str


@dataclasses.dataclass(frozen=True)
class RefileResult:
    """Output of ``write_refile``: every decision, the files written and the report."""

    decisions: list
    declaration_files: list
    report: Path
    cleared_not_rejected: list


def is_rejected(state):
    """Tell whether CBP's last result for the entry is a rejection with no upload since."""
    return state.status == lifecycle.REJECTED or (
        state.status == lifecycle.WRITTEN and state.last_result == lifecycle.REJECTED)


def decide(state, cleared, filer_code=""):
    """Return the ``RefileDecision`` for one rejected entry."""
    rule = messages.explain(state.message)
    refile, step = False, rule.next_step
    if rule.remedy == "resubmit":
        refile = not (rule.max_uploads and state.uploads >= rule.max_uploads)
        if not refile:
            step = (f"Already uploaded {state.uploads} times and rejected with this message, so "
                    f"it is not listed again. {rule.next_step}")
    elif rule.remedy == "clear_then_resubmit":
        refile = state.entry_number in cleared
        if refile:
            step = "Listed again because the --cleared file names it. " + rule.next_step
    return RefileDecision(state.entry_number, state.importer_key, filer_code,
                          state.claim_number, state.uploads, rule.text, rule.reason_code,
                          rule.remedy, refile, step)


def plan(states, cleared=frozenset(), filer_codes=None):
    """Return a decision for every entry whose latest CBP result is a rejection."""
    filer_codes = filer_codes or {}
    return [decide(state, cleared, filer_codes.get(state.declaration_file, ""))
            for _, state in sorted(states.items()) if is_rejected(state)]


def read_cleared(path):
    """Return the entry numbers listed in a --cleared CSV (an entry-number column, any header)."""
    frame = read_table(path).frame
    columns = [c for c in frame.columns if c not in ("_file", "_row")]
    column = ENTRY_NUMBER if ENTRY_NUMBER in columns else (columns[0] if len(columns) == 1
                                                           else None)
    if column is None:
        raise InputError(f"{Path(path).name}: no 'Entry Number' column; list one entry number "
                         f"per row under the header Entry Number")
    numbers = set()
    for row, value in zip(frame["_row"], frame[column]):
        if not str(value).strip():
            continue
        try:
            numbers.add(entry_number.validate_shape(value))
        except ValueError as error:
            raise InputError(f"{Path(path).name}: row {row}, {value!r} is not an entry number "
                             f"({error})") from None
    return frozenset(numbers)


def _group_folders(groups, out):
    """Return {(importer, filer): folder}: the out folder itself when there is one group."""
    if len(groups) == 1:
        return {key: out for key in groups}
    filers = {}
    for importer, filer in groups:
        filers.setdefault(importer, set()).add(filer)
    folders = {}
    for importer, filer in groups:
        name = importer_key.folder_for(importer)
        if len(filers[importer]) > 1:
            name = f"{name}_{filer or 'importer'}"
        folders[(importer, filer)] = out / name
    return folders


def _reject_old_files(out):
    old = sorted(out.rglob(f"{PREFIX}_*.csv")) if out.exists() else []
    if old:
        raise InputError(f"{out}: already contains {old[0].name}; write the re-file declaration "
                         f"into a new --out folder so no old file is uploaded by mistake")


def write_refile(ledger, out, cleared_path=None, today=None):
    """Write the re-file declaration(s) and ``refile.csv`` into ``out`` and record them."""
    out = Path(out)
    _reject_old_files(out)
    cleared = read_cleared(cleared_path) if cleared_path else frozenset()
    states = ledger.entry_states()
    filer_codes = dict(ledger.query("SELECT path, filer_code FROM declaration_files")
                       .itertuples(index=False, name=None))
    decisions = plan(states, cleared, filer_codes)
    rejected = {d.entry_number for d in decisions}
    cleared_not_rejected = sorted(cleared - rejected)

    groups = {}
    for decision in decisions:
        if decision.refile:
            groups.setdefault((decision.importer_key, decision.filer_code), []).append(
                decision.entry_number)
    written = _write_groups(groups, out)
    report = _write_report(out, decisions, written)
    _record(ledger, out, written, cleared_path, today, decisions)
    return RefileResult(decisions, written, report, cleared_not_rejected)


def _write_groups(groups, out):
    written = []
    for (importer, filer), folder in sorted(_group_folders(groups, out).items()):
        try:
            paths = write_declarations(folder, groups[(importer, filer)], prefix=PREFIX)
        except DeclarationError as error:
            raise InputError(f"re-file declaration for importer {importer or 'unknown'}: "
                             f"{error}") from None
        for path in paths:
            numbers = path.read_text(encoding="ascii").split("\n")[1:-1]
            written.append({"path": str(path), "sha256": sha256_file(path),
                            "importer_key": importer, "filer_code": filer, "entries": numbers})
    return written


def _write_report(out, decisions, written):
    file_of = {n: item["path"] for item in written for n in item["entries"]}
    rows = [[d.entry_number, d.importer_key, d.filer_code, d.claim_number, d.uploads, d.message,
             d.reason_code, d.remedy, "yes" if d.refile else "no",
             Path(file_of[d.entry_number]).name if d.entry_number in file_of else "",
             d.next_step] for d in decisions]
    return write_csv(out / "refile.csv", REPORT_COLUMNS, rows)


def _record(ledger, out, written, cleared_path, today, decisions):
    inputs = []
    if cleared_path:
        inputs.append({"path": str(cleared_path), "sha256": sha256_file(cleared_path)})
    summary = {
        "as_of": (today or dt.date.today()).isoformat(),
        "inputs": inputs,
        "rule_tables": table_versions(["cbp_messages"]),
        "rejected_entries": len(decisions),
        "refiled_entries": sum(1 for d in decisions if d.refile),
        "declaration_files": [Path(item["path"]).name for item in written],
    }
    write_json(out / "refile_summary.json", summary)
    if written:
        ledger.record_run(summary, written, kind="refile")
    log.info("re-file: %d rejected entries, %d listed in %d file(s)", len(decisions),
             summary["refiled_entries"], len(written))
