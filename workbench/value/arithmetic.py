"""The two kinds of arithmetic one value formula runs on: exact Decimals and float arrays.

The point estimate runs the formula once on Decimals, so money stays exact. The Monte Carlo
runs the same formula once on numpy arrays of floats, one element per draw. The formula calls
``where``, ``maximum`` and ``minimum`` and converts data figures with ``number`` instead of
using Python's ``if``, ``max`` and ``min``, so both kinds give the same result for the same
inputs.

>>> EXACT.maximum(Decimal("2"), EXACT.number(3))
Decimal('3')
>>> ARRAYS.where(ARRAYS.number([1.0, 5.0]) > 2, 1.0, 0.0).tolist()
[0.0, 1.0]
"""

from decimal import Decimal

import numpy as np


class ExactArithmetic:
    """Decimal scalars; a condition is a Python bool."""

    @staticmethod
    def number(value):
        return value if isinstance(value, Decimal) else Decimal(str(value))

    @staticmethod
    def where(condition, if_true, if_false):
        return if_true if condition else if_false

    maximum = staticmethod(max)
    minimum = staticmethod(min)


class ArrayArithmetic:
    """numpy float arrays, one element per Monte Carlo draw; a condition is a bool array."""

    @staticmethod
    def number(value):
        if isinstance(value, np.ndarray):
            return value
        if isinstance(value, (list, tuple)):
            return np.asarray(value, dtype=float)
        return float(value)

    where = staticmethod(np.where)
    maximum = staticmethod(np.maximum)
    minimum = staticmethod(np.minimum)


EXACT = ExactArithmetic()
ARRAYS = ArrayArithmetic()
