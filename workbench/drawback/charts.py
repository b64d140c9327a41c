"""Tables and Plotly figures of recoverable drawback, for the drawback notebook.

Figures use Plotly's JSON mime type (``plotly_mimetype``), whose stored output is the figure
data itself and so the same on every run.

>>> month_of(dt.date(2025, 11, 20))
'2025-11'
"""

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE = "simple_white"


def use_stable_renderer():
    """Show figures as Plotly JSON, the output that stays the same from run to run."""
    pio.renderers.default = "plotly_mimetype"


def month_of(day):
    """Return YYYY-MM of a date."""
    return day.strftime("%Y-%m")


def recoverable_lines(claims):
    """Return one row per designation of every claim: provision, export month, refund."""
    rows = []
    for claim in claims:
        for priced in claim.priced[claim.mode]:
            export = priced.designation.export
            rows.append({"provision": claim.provision.code,
                         "export_month": month_of(export.export_date),
                         "refund": float(priced.total)})
    return pd.DataFrame(rows, columns=["provision", "export_month", "refund"])


def by_month(lines):
    """Return recoverable dollars per export month (rows) and provision (columns)."""
    table = lines.pivot_table(index="export_month", columns="provision", values="refund",
                              aggfunc="sum", fill_value=0.0)
    return table.round(2).sort_index()


def by_provision(claims):
    """Return the total refund per provision and accounting class, in dollars."""
    rows = []
    for claim in claims:
        totals = claim.totals()
        rows.append({"provision": claim.provision.code, "label": claim.provision.label,
                     **{f"class_{code}": float(amount) for code, amount in totals.items()},
                     "total": float(claim.total()), "rounding": claim.mode})
    return pd.DataFrame(rows).set_index("provision")


def month_figure(table):
    """Return a stacked bar chart of recoverable dollars per export month and provision."""
    figure = go.Figure()
    for provision in table.columns:
        figure.add_bar(x=list(table.index), y=table[provision].tolist(),
                       name=f"provision {provision}")
    figure.update_layout(template=TEMPLATE, barmode="stack",
                         title="Recoverable drawback by export month",
                         xaxis_title="export month", yaxis_title="refund (USD)")
    return figure


def provision_figure(table):
    """Return a bar chart of the refund per provision."""
    figure = go.Figure(go.Bar(x=[f"{code}: {label}" for code, label in
                                 zip(table.index, table["label"])],
                              y=table["total"].tolist()))
    figure.update_layout(template=TEMPLATE, title="Recoverable drawback by provision",
                         xaxis_title="provision", yaxis_title="refund (USD)")
    return figure
