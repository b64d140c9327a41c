"""The declaration ledger: never declare an entry twice, and follow each one to its refund.

CAPE rejects an entry declared twice as previously submitted, and CBP's results arrive in
pieces after the upload. The ledger is one DuckDB file (``workbench_ledger.duckdb`` in the
working folder unless ``--ledger`` names another) that keeps the triage runs, the declaration
files they wrote, the uploads the analyst recorded, the CBP result files imported and the
status history of every entry.

Modules, in the order data flows through them:

* ``schema``: tables and ordered migrations;
* ``store``: ``Ledger`` (open with lock retry, transactions, ``entry_states``, ``record_run``);
* ``lifecycle``: statuses and how the latest state follows from the history;
* ``imports``: ``record_upload`` and ``import_results``;
* ``messages``: CBP's statuses and error texts mapped to reason codes and next steps;
* ``status``, ``refile``, ``reconcile``: the three views the analyst acts on;
* ``command``: the ``workbench ledger`` sub-commands.
"""
