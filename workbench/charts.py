"""Plotly figures shared by the notebooks and the HTML reports.

Notebooks show figures as Plotly's JSON mime type (``application/vnd.plotly.v1+json``). The
stored output is then the figure data itself, which is the same on every run, so nbval can
compare it. ``workbench.report`` turns it into HTML when it writes a report.
"""

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

ROUTE_ORDER = ["cape", "fix_then_cape", "protest", "later_phase", "other_filer", "declared",
               "no_refund", "invalid"]
TEMPLATE = "simple_white"


def use_stable_renderer():
    """Show figures as Plotly JSON, the output that stays the same from run to run."""
    pio.renderers.default = "plotly_mimetype"


def routes_figure(summary):
    """Return a bar chart of IEEPA dollars per route, labelled with the entry counts."""
    routes = [r for r in ROUTE_ORDER if summary["routes"][r]["entries"]]
    dollars = [float(summary["routes"][r]["ieepa_duty"]) for r in routes]
    counts = [summary["routes"][r]["entries"] for r in routes]
    figure = go.Figure(go.Bar(
        x=routes, y=dollars, text=[f"{n} entries" for n in counts], textposition="outside"))
    figure.update_layout(template=TEMPLATE, title="IEEPA duty per route",
                         yaxis_title="IEEPA duty (USD)", xaxis_title="route")
    return figure


def deadlines_figure(table, as_of, days=120):
    """Return a weekly count of deadlines in the next ``days`` days, by kind of deadline."""
    dated = table[table["deadline"] != ""].copy()
    dated["deadline"] = pd.to_datetime(dated["deadline"])
    start = pd.Timestamp(as_of)
    dated = dated[(dated["deadline"] >= start) & (dated["deadline"] <= start + pd.Timedelta(days=days))]
    figure = go.Figure()
    for kind in sorted(dated["deadline_kind"].unique()):
        chosen = dated[dated["deadline_kind"] == kind]
        weeks = chosen["deadline"].dt.to_period("W-SUN").dt.start_time
        counts = weeks.value_counts().sort_index()
        figure.add_bar(x=[d.strftime("%Y-%m-%d") for d in counts.index],
                       y=counts.tolist(), name=kind)
    figure.update_layout(template=TEMPLATE, barmode="stack",
                         title=f"Deadlines in the {days} days after {start:%Y-%m-%d}, by week",
                         xaxis_title="week starting", yaxis_title="entries")
    return figure
