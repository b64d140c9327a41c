"""Plotly figures of the refund estimate for the refund value notebook.

Amounts are exact decimals everywhere else; the figures convert them to floats only to draw
them. Show them with ``workbench.charts.use_stable_renderer()`` so the stored output is the
same on every run.
"""

import plotly.graph_objects as go

from workbench.charts import TEMPLATE
from workbench.money.rates import column_label


def waterfall_figure(summary):
    """Return the waterfall from IEEPA duty paid to the expected net refund."""
    steps = summary["waterfall"]
    figure = go.Figure(go.Waterfall(
        x=[step["step"] for step in steps],
        y=[float(step["amount"]) for step in steps],
        measure=[step["kind"] for step in steps],
        text=[f"${float(step['amount']):,.2f}" for step in steps],
        textposition="outside",
        connector={"line": {"dash": "dot"}},
    ))
    title = "From IEEPA duty paid to expected net refund"
    if summary["interest"]["open_quarters"]:
        title += f" (interest open for {', '.join(summary['interest']['open_quarters'])})"
    figure.update_layout(template=TEMPLATE, title=title, yaxis_title="USD", showlegend=False)
    return figure


def cash_curve_figure(points):
    """Return expected deposits per date (bars) and the cumulative expected cash (line)."""
    dates = [point.date.isoformat() for point in points]
    figure = go.Figure()
    figure.add_bar(x=dates, y=[float(point.net) for point in points], name="deposits on the date")
    figure.add_scatter(x=dates, y=[float(point.cumulative_net) for point in points],
                       mode="lines+markers", line_shape="hv", name="cumulative")
    figure.update_layout(template=TEMPLATE, title="Expected ACH deposits (net of offsets)",
                         xaxis_title="expected deposit date", yaxis_title="USD")
    return figure


def interest_by_quarter_figure(quarter_totals):
    """Return the interest per quarter and rate column, with quarters without a rate marked.

    ``quarter_totals`` is ``workbench.money.report.interest_by_quarter`` of the estimates.
    """
    figure = go.Figure()
    columns = sorted({key[1] for key in quarter_totals})
    for column in columns:
        rows = [(key, total) for key, total in quarter_totals.items() if key[1] == column]
        figure.add_bar(
            x=[str(key[0]) for key, _ in rows],
            y=[0.0 if key[2] is None else float(total.interest) for key, total in rows],
            text=[f"no rate: {total.days:,} entry-days open" if key[2] is None
                  else f"{key[2].normalize():f}% {key[3]}" for key, total in rows],
            name=column_label(column))
    figure.update_layout(template=TEMPLATE, barmode="group", xaxis_title="quarter",
                         yaxis_title="interest to liquidation (USD)",
                         title="Interest by quarter and rate column")
    return figure
