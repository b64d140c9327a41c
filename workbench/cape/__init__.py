"""CAPE: triage of entries for IEEPA refunds and the declaration files CBP accepts."""
