"""Errors that stop a run because of its input, as opposed to a defect in the workbench.

The command line turns an ``InputError`` into exit status 2 and prints its message, which
names the file (and the row, column or key where known) and the fix.
"""


class InputError(Exception):
    """An input file or setting is unusable; the message names where and how to fix it."""
