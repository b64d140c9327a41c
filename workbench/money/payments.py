"""Statement payment dates: the day each entry's duty was actually paid.

Entries paid on a periodic monthly statement are paid weeks after the entry summary, and
interest under 19 U.S.C. 1505(c) runs from the deposit, so a payment date given here replaces
the entry summary date as the start of interest. The file is a CSV with an entry number
column and a payment date column (YYYY-MM-DD or MM/DD/YYYY); other columns are ignored.
"""

import logging

from workbench.errors import InputError
from workbench.identifiers import entry_number
from workbench.money.csv_input import parse_date, read_rows

log = logging.getLogger(__name__)

COLUMNS = {
    "entry_number": ("entry_number", "entry_summary_number", "entry"),
    "payment_date": ("payment_date", "statement_payment_date", "paid_date", "deposit_date"),
}


def read_payments(path, known_entries):
    """Return ({entry number: payment date}, warnings) from the payments file at ``path``.

    An entry listed twice with different dates raises ``InputError``; an entry that is not
    in the triage run is skipped and named in the warnings.
    """
    payments = {}
    unknown = []
    for row, record in read_rows(path, COLUMNS, ("entry_number", "payment_date"), "payments file"):
        number = entry_number.compact(record["entry_number"])
        try:
            paid = parse_date(record["payment_date"])
        except ValueError as error:
            raise InputError(f"{path}: row {row}, column 'payment_date': {error}") from None
        if payments.get(number, paid) != paid:
            raise InputError(
                f"{path}: row {row}, column 'payment_date': entry {number} is listed with two "
                f"dates ({payments[number]} and {paid}); keep one row per entry")
        if number not in known_entries:
            unknown.append(number)
            continue
        payments[number] = paid
    log.info("read %d statement payment dates from %s", len(payments), path)
    warnings = []
    if unknown:
        warnings.append(f"payments file lists {len(unknown)} entries that are not in the triage "
                        f"run, ignored: {', '.join(sorted(set(unknown))[:10])}")
    return payments, warnings
