"""CAPE declaration files: the CSV uploaded on the CAPE tab of the ACE Portal.

CBP's template ``ACEP_CapeEntryNumberUploadTemplate`` has one column headed ``Entry Number``
and one entry number per row. CBP rejects a whole file for one avoidable defect, so each file
is written to the strictest reading of the rules. A file is ASCII with LF line ends, has no
byte order mark, blank rows or duplicates, and contains at most 9,999 entry numbers (CSMS
#68340863 as restated by brokers) in under 1 MB. Entry numbers are sorted so the same entries always give the same bytes.

>>> declaration_bytes(["ZZZ00000029", "ZZZ00000011"])
b'Entry Number\\nZZZ00000011\\nZZZ00000029\\n'
"""

import re
from pathlib import Path

from workbench.outputs import atomic_write_bytes

HEADER = "Entry Number"
MAX_ROWS = 9999
MAX_BYTES = 1_000_000
_ENTRY = re.compile(r"^[A-Z0-9]{11}$")


class DeclarationError(ValueError):
    """A declaration would break CBP's file rules; nothing is written."""


def declaration_bytes(entry_numbers):
    """Return the bytes of one declaration file for the given entry numbers."""
    numbers = sorted(set(entry_numbers))
    if not numbers:
        raise DeclarationError("a declaration needs at least one entry number")
    if len(numbers) > MAX_ROWS:
        raise DeclarationError(f"{len(numbers)} entry numbers; CAPE takes at most {MAX_ROWS}")
    bad = [n for n in numbers if not _ENTRY.match(n)]
    if bad:
        raise DeclarationError(f"not 11 upper-case letters or digits: {', '.join(bad[:3])}")
    data = ("\n".join([HEADER, *numbers]) + "\n").encode("ascii")
    if len(data) >= MAX_BYTES:
        raise DeclarationError(f"{len(data)} bytes; CAPE takes files under 1 MB")
    return data


def chunks(entry_numbers, size=MAX_ROWS):
    """Split sorted, distinct entry numbers into lists of at most ``size``."""
    numbers = sorted(set(entry_numbers))
    return [numbers[start:start + size] for start in range(0, len(numbers), size)]


def write_declarations(folder, entry_numbers, prefix="cape_declaration"):
    """Write ``prefix_001.csv``, ``prefix_002.csv``, ... into ``folder``; return the paths.

    Every file is checked before the first one is written, so a bad entry number leaves no
    file behind.
    """
    contents = [declaration_bytes(group) for group in chunks(entry_numbers)]
    folder = Path(folder)
    paths = []
    for number, data in enumerate(contents, start=1):
        paths.append(atomic_write_bytes(folder / f"{prefix}_{number:03d}.csv", data))
    return paths
