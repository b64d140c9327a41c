"""Triage routes by outcome: refunded through CAPE, at stake beyond CAPE, or not refunded.

>>> refund_path("fix_then_cape"), refund_path("protest"), BEYOND_CAPE
(True, False, ('protest', 'later_phase'))
"""

# Entries that CAPE will refund once declared: now (cape), after a post-summary correction
# (fix_then_cape), by the other filer (other_filer), or already on a declaration (declared).
REFUND_ROUTES = ("cape", "fix_then_cape", "other_filer", "declared")

# Entries outside every open CAPE phase: a protest may still recover them, or a later phase.
BEYOND_CAPE = ("protest", "later_phase")

# Entries with nothing to recover through CAPE, or whose data cannot be trusted.
NOT_REFUNDED = ("no_refund", "invalid")

ROUTES = REFUND_ROUTES + BEYOND_CAPE + NOT_REFUNDED


def refund_path(route):
    """Tell whether entries on ``route`` are expected to be refunded through CAPE."""
    return route in REFUND_ROUTES
