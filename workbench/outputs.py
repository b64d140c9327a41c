"""Write output files safely: atomically, reproducibly and without spreadsheet formulas.

Every file is written to a temporary name in its folder and renamed into place, so a run
that stops half-way leaves either the old file or none, never a partial one. Human-facing
CSV and XLSX cells that a spreadsheet would execute (text starting with =, +, -, @, a tab or
a carriage return) get a leading apostrophe. The CAPE declaration files are written as raw
bytes instead: they hold only validated entry numbers.

>>> neutralise("=HYPERLINK(1)"), neutralise("-12.50"), neutralise("plain")
("'=HYPERLINK(1)", '-12.50', 'plain')
"""

import csv
import hashlib
import io
import json
import os
import re
import tempfile
from pathlib import Path

_UMASK = os.umask(0)
os.umask(_UMASK)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"^-\$?\d[\d,]*(\.\d+)?$", re.ASCII)
MANIFEST_NAME = "MANIFEST.sha256"


def neutralise(value):
    """Return a cell value that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    if not text or not text.startswith(_FORMULA_START):
        return text
    if _SIGNED_NUMBER.match(text):
        return text
    return "'" + text


def atomic_write_bytes(path, data):
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                         dir=path.parent)
    try:
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp creates files readable by the owner only
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def csv_bytes(header, rows):
    """Return UTF-8 CSV bytes (LF line ends) with every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue().encode("utf-8")


def neutralise_column(series):
    """Return the column as text with formula-like cells neutralised (vectorised ``neutralise``)."""
    text = series.astype(str)
    risky = text.str.startswith(_FORMULA_START)
    if not risky.any():
        return text
    risky[risky] = ~text[risky].str.match(_SIGNED_NUMBER)
    safe = text.copy()
    safe[risky] = "'" + text[risky]
    return safe


def write_frame(path, frame):
    """Write a data frame as a human-facing CSV: atomically, formula text neutralised."""
    safe = frame.apply(neutralise_column)
    safe.columns = [neutralise(name) for name in frame.columns]
    data = safe.to_csv(index=False, lineterminator="\n").encode("utf-8")
    return atomic_write_bytes(path, data)


def write_csv(path, header, rows):
    """Write a human-facing CSV atomically, with formula text neutralised."""
    return atomic_write_bytes(path, csv_bytes(header, rows))


def write_json(path, data):
    """Write JSON atomically with sorted keys and a final newline, so reruns compare equal."""
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    return atomic_write_bytes(path, text.encode("utf-8"))


def sha256_file(path):
    """Return the SHA-256 hex digest of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(out, paths):
    """Write ``MANIFEST.sha256`` into ``out``: the SHA-256 of each file in ``paths``.

    The format is that of GNU ``sha256sum`` (digest, two spaces, path relative to ``out``,
    sorted by path), so ``cd OUT && sha256sum -c MANIFEST.sha256`` checks a run's outputs.
    Call it after the last output file is written: a run that stopped before that has no
    manifest, provided the caller deleted the previous run's manifest before writing.
    """
    out = Path(out)
    lines = []
    for path in sorted({Path(p) for p in paths}, key=lambda p: _relative(p, out)):
        name = _relative(path, out)
        if "\n" in name or "\\" in name or name.startswith(".."):
            raise ValueError(f"{path}: cannot be listed in {MANIFEST_NAME}")
        lines.append(f"{sha256_file(path)}  {name}\n")
    return atomic_write_bytes(out / MANIFEST_NAME, "".join(lines).encode("utf-8"))


def _relative(path, folder):
    return Path(os.path.relpath(path, folder)).as_posix()
