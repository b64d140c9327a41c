"""Reconciliation: the refund expected from the estimate against what CBP reported and paid.

Per entry, the expected principal and interest (``estimate.csv``) are set against the
principal and interest CBP reported in ES-022 and the amounts REV-603 shows as issued,
diverted or returned. Every gap becomes a finding with the next step in plain English;
rejections carry CBP's message as received, known to the message table or not.

Amounts from reports that overlap are not added twice: per entry and refund number the
newest ES-022 row counts, and per entry, refund number and secondary status the newest
REV-603 row counts. The amount paid is what was issued less what came back.

>>> cents_text(None), cents_text(123456)
('', '1234.56')

NOTE: a refund returned and then issued again under the same refund number counts as
returned, so it shows as a missing payment until a newer REV-603 row replaces it.
"""

import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd

from workbench.errors import InputError
from workbench.identifiers import entry_number
from workbench.ledger import importer_key, lifecycle, messages
from workbench.ledger.refile import is_rejected
from workbench.outputs import write_csv
from workbench.sources import cbp_results
from workbench.sources.reader import read_table
from workbench.sources.values import format_cents

AMOUNT_COLUMNS = ["expected_principal", "expected_interest", "expected_total",
                  "reported_principal", "reported_interest", "reported_total",
                  "paid", "diverted", "returned", "outstanding", "difference_to_estimate"]
ENTRY_COLUMNS = ["entry_number", "importer", "status", "claim_number", *AMOUNT_COLUMNS,
                 "findings", "cbp_message"]
FINDING_COLUMNS = ["entry_number", "importer", "finding", "amount", "status", "cbp_message",
                   "reason_code", "next_step"]
IMPORTER_COLUMNS = ["importer", "entries", *AMOUNT_COLUMNS, "findings"]

ESTIMATE_COLUMNS = {
    "entry_number": ["entry number", "entry summary number"],
    "principal": ["principal", "estimated principal", "expected principal", "principal usd",
                  "refund principal", "principal amount"],
    "interest": ["interest", "estimated interest", "expected interest", "interest usd",
                 "refund interest", "interest amount"],
    "importer": ["importer key", "importer number", "importer", "importer of record",
                 "importer of record number", "ior"],
    "route": ["route"],
}
# Estimate rows of these triage routes are refunds the declarant follows. Rows of other routes
# (protest, later_phase, ...) are reconciled only when the ledger has the entry.
DECLARABLE_ROUTES = ("cape", "fix_then_cape", "declared")

STEPS = {
    "NOT_DECLARED": "The estimate counts on this refund but no declaration of the entry is in "
                    "the ledger. Declare it (after the post-summary correction, if triage routed "
                    "it fix_then_cape) by running triage with --ledger and uploading the file.",
    "NOT_UPLOADED": "The entry is in a declaration file that is not recorded as uploaded; upload "
                    "it on the CAPE tab and run 'workbench ledger record-upload' (or only "
                    "record-upload, if it was uploaded already).",
    "PRINCIPAL_SHORTFALL": "CBP's refund principal is below the estimate. Compare the IEEPA "
                           "lines of the entry in ES-003 with the reliquidated entry summary; if "
                           "CBP removed less duty than those lines carried, protest the "
                           "(re)liquidation within 180 days.",
    "INTEREST_SHORTFALL": "CBP's interest is below the estimate. Interest runs from the deposit "
                          "to the (re)liquidation date at the IRS overpayment rate; check the "
                          "dates and rate behind the estimate, then ask IEEPARefunds@cbp.dhs.gov "
                          "or protest within 180 days of the (re)liquidation.",
    "ABOVE_ESTIMATE": "CBP reports more than the estimate; check the estimate's duty, dates and "
                      "rate. Nothing to ask of CBP.",
    "NOT_IN_ESTIMATE": "CBP reports a refund for an entry the estimate does not list, so the "
                       "amount cannot be checked; add it to the estimate.",
    "FUNDS_DIVERTED": "CBP applied this amount to a debt owed to CBP (offset) instead of paying "
                      "it; ask CBP's Revenue Division which debt it paid and check that the "
                      "debt was yours.",
    "PAYMENT_RETURNED": "The payment came back (Check/ACH Returned). Fix the ACH Refund "
                        "Authorization on the importer's ACE account (REV-613 lists rejected "
                        "ACH refunds), then ask GMB.ACHREFUNDSUPPORT@CBP.DHS.GOV to pay again.",
    "MISSING_PAYMENT": "CBP reports a refund that REV-603 does not show as paid. Import a newer "
                       "REV-603; if none shows it issued, check the ACH Refund Authorization "
                       "(CBP holds refunds without it) and the Form 4811 notify party, who "
                       "receives the refund when named.",
    "IN_TRANSIT": "Sent to Treasury and not yet shown as issued. Refunds are grouped by importer "
                  "and liquidation date, so match the bank deposit against the group, not the "
                  "entry.",
    "REFUND_OVERDUE": "Accepted more than {days} days ago with no refund in ES-022. Import a "
                      "newer ES-022; a suspended, extended or warehouse entry is refunded only "
                      "when it liquidates, otherwise ask IEEPARefunds@cbp.dhs.gov.",
    "REPORTED_WITHOUT_DECLARATION": "CBP reports this entry, but no declaration of it is in "
                                    "the ledger. Someone else may have declared it: ask your "
                                    "broker, and check who receives the refund (CBP Form 4811 "
                                    "notify party).",
}


@dataclasses.dataclass
class Reconciliation:
    """The three tables of a reconciliation, with money as integer cents."""

    entries: pd.DataFrame
    findings: pd.DataFrame
    importers: pd.DataFrame
    estimate_given: bool


def cents_text(cents):
    """Return dollars with two decimals, or "" for a missing amount."""
    return "" if cents is None or pd.isna(cents) else format_cents(int(cents))


@dataclasses.dataclass(frozen=True)
class Expected:
    """The refund the estimate expects for one entry; amounts in cents, None when unknown."""

    importer_key: str
    principal: int | None
    interest: int | None
    route: str = ""

    @property
    def declarable(self):
        """Tell whether the declarant is expected to declare the entry (or has declared it)."""
        return not self.route or self.route in DECLARABLE_ROUTES


def read_estimate(path):
    """Return {entry number: ``Expected``} from ``estimate.csv``."""
    path = Path(path)
    frame = read_table(path).frame
    columns = {}
    for header in frame.columns:
        key = cbp_results.header_key(header)
        for name, keys in ESTIMATE_COLUMNS.items():
            if key in keys and name not in columns:
                columns[name] = header
    missing = [name for name in ("entry_number", "principal", "interest") if name not in columns]
    if missing:
        raise InputError(f"{path.name}: missing column(s) {', '.join(missing)}; the estimate "
                         f"needs entry_number, principal and interest (dollars) per entry")

    expected = {}
    for row in frame.to_dict("records"):
        number = entry_number.compact(row[columns["entry_number"]])
        if number in expected:
            raise InputError(f"{path.name}: row {row['_row']}: entry {number} is listed twice; "
                             f"the estimate needs one row per entry")
        expected[number] = Expected(
            importer_key.normalise(row.get(columns.get("importer"), "")),
            _money(row, columns["principal"], path), _money(row, columns["interest"], path),
            str(row.get(columns.get("route"), "")).strip())
    return expected


def _money(row, column, path):
    try:
        return cbp_results.cents_from_text(row[column])
    except ValueError as error:
        raise InputError(f"{path.name}: row {row['_row']}, column {column}: {error}") from None


def reported_amounts(ledger):
    """Return per entry the reported principal and interest and the REV-603 amounts (cents)."""
    es022 = ledger.query("""
        WITH rows AS (
            SELECT e.entry_number, e.principal_cents, e.interest_cents,
                   row_number() OVER (PARTITION BY e.entry_number, e.refund_number
                                      ORDER BY e.event_id DESC) AS newest
            FROM status_events e JOIN result_files r USING (result_file_id)
            WHERE r.kind = 'es022')
        SELECT entry_number, sum(principal_cents) AS principal, sum(interest_cents) AS interest
        FROM rows WHERE newest = 1 GROUP BY entry_number""")
    rev603 = ledger.query("""
        WITH rows AS (
            SELECT e.entry_number, e.status, e.amount_cents,
                   row_number() OVER (PARTITION BY e.entry_number, e.refund_number, e.status
                                      ORDER BY e.event_id DESC) AS newest
            FROM status_events e JOIN result_files r USING (result_file_id)
            WHERE r.kind = 'rev603')
        SELECT entry_number,
               sum(amount_cents) FILTER (WHERE status = 'paid') AS issued,
               sum(amount_cents) FILTER (WHERE status = 'diverted') AS diverted,
               sum(amount_cents) FILTER (WHERE status = 'returned') AS returned,
               sum(amount_cents) FILTER (WHERE status = 'sent_to_treasury') AS sent
        FROM rows WHERE newest = 1 GROUP BY entry_number""")
    amounts = {}
    for row in es022.itertuples(index=False):
        amounts.setdefault(row.entry_number, {}).update(
            principal=_int(row.principal), interest=_int(row.interest))
    for row in rev603.itertuples(index=False):
        amounts.setdefault(row.entry_number, {}).update(
            issued=_int(row.issued), diverted=_int(row.diverted), returned=_int(row.returned),
            sent=_int(row.sent))
    return amounts


def _int(value):
    return None if value is None or pd.isna(value) else int(value)


def reconcile(ledger, estimate=None, as_of=None):
    """Return a ``Reconciliation`` of the ledger against ``estimate`` (from ``read_estimate``)."""
    as_of = as_of or dt.date.today()
    states = ledger.entry_states()
    amounts = reported_amounts(ledger)
    declared = set(ledger.query("SELECT DISTINCT entry_number FROM declaration_entries")
                   ["entry_number"])
    estimate_given = estimate is not None
    estimate = estimate or {}
    followed = {n for n, e in estimate.items() if e.declarable}
    numbers = sorted(set(states) | followed)

    entry_rows, finding_rows = [], []
    for number in numbers:
        row = _entry_row(number, states.get(number), amounts.get(number, {}),
                         estimate.get(number))
        found = _findings(row, states.get(number), number in declared, estimate_given,
                          as_of)
        row["findings"] = ";".join(f["finding"] for f in found)
        entry_rows.append(row)
        finding_rows.extend(found)

    entries = pd.DataFrame(entry_rows, columns=ENTRY_COLUMNS, dtype=object)
    findings = pd.DataFrame(finding_rows, columns=FINDING_COLUMNS, dtype=object)
    return Reconciliation(entries, findings, _importer_totals(entries), estimate_given)


def _sum(*values):
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _entry_row(number, state, amounts, expected):
    importer = state.importer_key if state else ""
    if not importer and expected:
        importer = expected.importer_key
    row = {"entry_number": number, "importer": importer,
           "status": state.status if state else "",
           "claim_number": state.claim_number if state else "",
           "cbp_message": state.message if state else ""}
    row["expected_principal"] = expected.principal if expected else None
    row["expected_interest"] = expected.interest if expected else None
    row["expected_total"] = _sum(row["expected_principal"], row["expected_interest"])
    row["reported_principal"] = amounts.get("principal")
    row["reported_interest"] = amounts.get("interest")
    row["reported_total"] = _sum(row["reported_principal"], row["reported_interest"])
    issued, returned = amounts.get("issued"), amounts.get("returned")
    row["paid"] = None if issued is None and returned is None else (issued or 0) - (returned or 0)
    row["diverted"] = amounts.get("diverted")
    row["returned"] = returned
    row["sent"] = amounts.get("sent")
    row["outstanding"] = None
    if row["reported_total"] is not None:
        row["outstanding"] = row["reported_total"] - (row["paid"] or 0) - (row["diverted"] or 0)
    row["difference_to_estimate"] = None
    if row["reported_total"] is not None and row["expected_total"] is not None:
        row["difference_to_estimate"] = row["reported_total"] - row["expected_total"]
    return row


def _finding(row, code, amount=None, step=None, reason_code=""):
    return {"entry_number": row["entry_number"], "importer": row["importer"], "finding": code,
            "amount": amount, "status": row["status"], "cbp_message": row["cbp_message"],
            "reason_code": reason_code, "next_step": step or STEPS[code]}


def _findings(row, state, declared, estimate_given, as_of):
    found = []
    if state is None:
        return [_finding(row, "NOT_DECLARED", row["expected_total"])]
    found.extend(_filing_findings(row, state, declared))
    found.extend(_estimate_findings(row, estimate_given))
    found.extend(_payment_findings(row, state, as_of))
    return found


def _filing_findings(row, state, declared):
    found = []
    if not declared and state.last_result:
        found.append(_finding(row, "REPORTED_WITHOUT_DECLARATION", row["reported_total"]))
    if is_rejected(state):
        rule = messages.explain(state.message)
        found.append(_finding(row, "REJECTED", row["expected_total"], rule.next_step,
                              rule.reason_code))
    elif state.status == lifecycle.WRITTEN:
        found.append(_finding(row, "NOT_UPLOADED", row["expected_total"]))
    text = state.cbp_status_text
    if text and not (messages.claim_status(text)[1] or messages.refund_status(text)[1]):
        found.append(_finding(row, "UNRECOGNISED_STATUS", None,
                              f"CBP's status {text!r} is not in the workbench's list, so it is "
                              f"shown as received; check the claim on the Claim Status subtab."))
    return found


def _estimate_findings(row, estimate_given):
    if row["reported_total"] is None:
        return []
    if row["expected_total"] is None:
        return [_finding(row, "NOT_IN_ESTIMATE", row["reported_total"])] if estimate_given else []
    found = []
    for part, code in (("principal", "PRINCIPAL_SHORTFALL"), ("interest", "INTEREST_SHORTFALL")):
        expected, reported = row[f"expected_{part}"], row[f"reported_{part}"]
        if reported is not None and expected is not None and reported < expected:
            found.append(_finding(row, code, expected - reported))
    if row["difference_to_estimate"] is not None and row["difference_to_estimate"] > 0:
        found.append(_finding(row, "ABOVE_ESTIMATE", row["difference_to_estimate"]))
    return found


def _payment_findings(row, state, as_of):
    found = []
    if row["diverted"]:
        found.append(_finding(row, "FUNDS_DIVERTED", row["diverted"]))
    if row["returned"]:
        found.append(_finding(row, "PAYMENT_RETURNED", row["returned"]))
    # A returned payment is already listed above, so it is not also a missing one.
    missing = (row["outstanding"] or 0) - (row["returned"] or 0)
    if missing > 0:
        in_transit = state.status == lifecycle.SENT_TO_TREASURY
        found.append(_finding(row, "IN_TRANSIT" if in_transit else "MISSING_PAYMENT", missing))
    days = messages.timing("refund_expected_within_days")
    waiting = (as_of - state.updated).days if state.updated else 0
    if (state.status in (lifecycle.ACCEPTED, lifecycle.ACCEPTED_WITH_ERRORS)
            and row["reported_total"] is None and waiting > days):
        found.append(_finding(row, "REFUND_OVERDUE", None,
                              STEPS["REFUND_OVERDUE"].format(days=days)))
    return found


def _importer_totals(entries):
    rows = []
    for importer, group in entries.groupby("importer", sort=True, dropna=False):
        row = {"importer": importer, "entries": len(group)}
        for column in AMOUNT_COLUMNS:
            values = [int(v) for v in group[column] if v is not None and not pd.isna(v)]
            row[column] = sum(values) if values else None
        row["findings"] = sum(1 for text in group["findings"] for code in text.split(";") if code)
        rows.append(row)
    return pd.DataFrame(rows, columns=IMPORTER_COLUMNS, dtype=object)


def _money_rows(frame, columns, money):
    for record in frame.to_dict("records"):
        yield [cents_text(record[c]) if c in money else record[c] for c in columns]


def write_reconciliation(folder, result):
    """Write the entry, finding and importer tables as CSV into ``folder``; return the paths."""
    folder = Path(folder)
    money = set(AMOUNT_COLUMNS) | {"amount"}
    tables = [("reconciliation_entries.csv", result.entries, ENTRY_COLUMNS),
              ("reconciliation_findings.csv", result.findings, FINDING_COLUMNS),
              ("reconciliation_importers.csv", result.importers, IMPORTER_COLUMNS)]
    return [write_csv(folder / name, columns, _money_rows(frame, columns, money))
            for name, frame, columns in tables]
