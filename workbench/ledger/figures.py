"""Plotly figures of the follow-up: the refund funnel and the money per importer.

Figures carry only values and labels, so their JSON is the same on every run and a notebook
that stores them can be compared by nbval.
"""

import plotly.graph_objects as go

from workbench.ledger.reconcile import cents_text

TEMPLATE = "simple_white"
MONEY_SERIES = [("expected_total", "expected (estimate)"), ("reported_total", "reported by CBP"),
                ("paid", "paid"), ("diverted", "diverted to a debt"), ("returned", "returned")]


def funnel_figure(funnel):
    """Return a funnel of entries declared, accepted, liquidated and paid."""
    figure = go.Figure(go.Funnel(y=funnel["stage"].tolist(), x=funnel["entries"].tolist(),
                                 textinfo="value+percent initial"))
    figure.update_layout(template=TEMPLATE, title="Entries by furthest stage reached")
    return figure


def importer_money_figure(importers):
    """Return grouped bars of expected, reported, paid, diverted and returned dollars per importer."""
    figure = go.Figure()
    names = importers["importer"].tolist()
    for column, label in MONEY_SERIES:
        dollars = [float(cents_text(value) or 0) for value in importers[column]]
        figure.add_bar(x=names, y=dollars, name=label)
    figure.update_layout(template=TEMPLATE, barmode="group", title="Refund per importer",
                         yaxis_title="USD", xaxis_title="importer")
    return figure
