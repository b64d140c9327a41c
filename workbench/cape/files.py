"""Declaration and hand-off files: one file set per importer, as CBP groups refunds.

With several importers in the input, each importer's files go in a folder named after its
importer number (SSN-form numbers as ``SSN-XXXXX1234``, with ``-2``, ``-3`` added when two
masked names collide). A broker declarant's own files hold only entries it filed; entries of
another filer go to ``handoff_<FILER>_NNN.csv`` for that filer or the importer of record.
"""

from pathlib import Path

from workbench.cape.declaration import write_declarations
from workbench.identifiers import importer_number
from workbench.outputs import sha256_file

# The manifest goes first, so a run stopped part-way leaves none that vouches for old files.
# ``.NAME.*.part`` files are the temporary files of a run that was killed while writing.
STALE_PATTERNS = ("MANIFEST.sha256", "cape_declaration_*.csv", "handoff_*.csv", ".*.part")


def importer_folders(importers):
    """Return {importer key: folder name} for the importers, stable across runs.

    ``importers`` maps the compact importer number to the number as shown in triage.csv.
    """
    folders, used = {}, set()
    for key in sorted(importers):
        shown = key if importer_number.is_ssn_form(key) else importers[key]
        base = importer_number.folder_name(shown)
        name, suffix = base, 2
        while name in used:
            name, suffix = f"{base}-{suffix}", suffix + 1
        used.add(name)
        folders[key] = name
    return folders


def remove_stale(out):
    """Delete declaration and hand-off files, the manifest and temporary files left in ``out``.

    Only files with the names this module writes are removed, so an upload is never made from
    a file that the current run did not produce.
    """
    out = Path(out)
    for pattern in STALE_PATTERNS:
        for path in [*out.glob(pattern), *out.glob(f"*/{pattern}")]:
            path.unlink()


def write_file_sets(out, groups, folders, prefix, labels):
    """Write one file set per (importer, filer) group; return records of the files written.

    ``groups`` maps (importer key, filer code) to entry numbers; ``labels`` maps the importer
    key to its printable label (SSN-form numbers masked). Each record has the path relative to
    ``out``, the SHA-256, the importer folder and label, the filer code and the entry numbers.
    """
    out = Path(out)
    written = []
    for (importer, filer), numbers in sorted(groups.items()):
        folder = out / folders[importer] if folders[importer] else out
        name = prefix.format(filer=filer)
        for path in write_declarations(folder, numbers, prefix=name):
            entries = path.read_text(encoding="ascii").splitlines()[1:]
            written.append({
                "path": path.relative_to(out).as_posix(), "sha256": sha256_file(path),
                "importer": folders[importer] or "", "importer_key": labels[importer],
                "filer_code": filer, "entries": entries,
            })
    return written
