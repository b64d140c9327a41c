"""plotly figures of the claim value analysis, shared by the notebook and the marimo app.

Each function takes a ``Comparison`` (or an ``Analysis``) and returns a ``go.Figure`` with
fixed titles and colours and no random ids, so a figure's JSON is the same on every run.
"""

import dataclasses
from decimal import Decimal

import numpy as np
import plotly.graph_objects as go

from workbench.charts import TEMPLATE
from workbench.value.arithmetic import EXACT
from workbench.value.model import evaluate
from workbench.value.montecarlo import percentiles
from workbench.value.options import build_options
from workbench.value.parameters import point_values

IN_HOUSE_COLOUR = "#1f77b4"
SPECIALIST_COLOUR = "#ff7f0e"
LAYOUT = dict(template=TEMPLATE, height=380, margin=dict(l=60, r=30, t=60, b=50))


def net_chart(comparison):
    """Bar chart of each option's point net, with Monte Carlo P10-P90 whiskers."""
    simulation = comparison.simulation
    names, nets, lows, highs = [], [], [], []
    for outcome, array in ((comparison.in_house, simulation.in_house_net),
                           (comparison.specialist, simulation.specialist_net)):
        spread = percentiles(array)
        net = float(outcome.net)
        names.append(outcome.label)
        nets.append(round(net, 2))
        lows.append(round(net - spread["p10"], 2))
        highs.append(round(spread["p90"] - net, 2))
    figure = go.Figure(go.Bar(
        x=names, y=nets, marker_color=[IN_HOUSE_COLOUR, SPECIALIST_COLOUR],
        error_y=dict(type="data", symmetric=False, array=highs, arrayminus=lows)))
    figure.update_layout(title=f"{comparison.name.upper()}: net recovery (bars: point "
                               f"estimate; whiskers: Monte Carlo P10-P90)",
                         yaxis_title="USD", **LAYOUT)
    return figure


def advantage_histogram(comparison, bins=40):
    """Histogram of the Monte Carlo in-house advantage (in-house net minus specialist net)."""
    advantage = comparison.simulation.advantage
    counts, edges = np.histogram(advantage, bins=bins)
    centres = [round(float(x), 2) for x in (edges[:-1] + edges[1:]) / 2]
    colours = [IN_HOUSE_COLOUR if x > 0 else SPECIALIST_COLOUR for x in centres]
    figure = go.Figure(go.Bar(x=centres, y=counts.tolist(), marker_color=colours))
    figure.update_layout(
        title=f"{comparison.name.upper()}: in-house advantage over "
              f"{comparison.simulation.draws:,} draws ({comparison.simulation.in_house_wins:.1%} "
              f"above 0)",
        xaxis_title="In-house net minus specialist net (USD)", yaxis_title="Draws",
        bargap=0.05, **LAYOUT)
    return figure


def tornado_chart(comparison):
    """Horizontal bars of the in-house advantage as each input moves across its range."""
    bars = list(reversed(comparison.sensitivity))
    base = float(comparison.advantage)
    labels = [f"{bar.label} ({bar.low_input} to {bar.high_input})" for bar in bars]
    figure = go.Figure()
    figure.add_trace(go.Bar(
        y=labels, x=[round(float(bar.at_low) - base, 2) for bar in bars], base=round(base, 2),
        orientation="h", name="input at its low end", marker_color="#9467bd"))
    figure.add_trace(go.Bar(
        y=labels, x=[round(float(bar.at_high) - base, 2) for bar in bars], base=round(base, 2),
        orientation="h", name="input at its high end", marker_color="#2ca02c"))
    figure.update_layout(
        title=f"{comparison.name.upper()}: inputs that move the in-house advantage most",
        xaxis_title="In-house net minus specialist net (USD)", barmode="overlay",
        **{**LAYOUT, "height": 120 + 40 * max(len(bars), 1),
           "margin": dict(l=380, r=30, t=60, b=50)})
    return figure


def fee_chart(analysis, steps=21):
    """Specialist net against the fee per entry (rest of the quote fixed), with the in-house net."""
    facts, params, comparison = analysis.facts, analysis.params, analysis.cape
    specialist = build_options("cape", facts, point_values(params), params, EXACT)[1]
    # Show up to twice the quoted fee, and past the break-even fee when that is higher.
    top = max(params.specialist_fee_per_entry.high * 2,
              (comparison.break_even.fee_per_entry or 0) * Decimal("1.25"), 1)
    fees = [top * i / (steps - 1) for i in range(steps)]
    nets = [round(float(evaluate(dataclasses.replace(specialist, fee_per_entry=fee)).net), 2)
            for fee in fees]
    figure = go.Figure()
    figure.add_trace(go.Scatter(x=[round(float(f), 2) for f in fees], y=nets, mode="lines",
                                name=comparison.specialist.label,
                                line=dict(color=SPECIALIST_COLOUR)))
    figure.add_hline(y=round(float(comparison.in_house.net), 2),
                     line=dict(color=IN_HOUSE_COLOUR, dash="dash", width=2), opacity=1,
                     annotation_text=comparison.in_house.label)
    if comparison.break_even.fee_per_entry is not None:
        figure.add_vline(x=round(float(comparison.break_even.fee_per_entry), 2),
                         line=dict(color="grey", dash="dot", width=2), opacity=1,
                         annotation_text="break-even")
    figure.update_layout(title="CAPE: specialist net recovery by fee per entry",
                         xaxis_title="Fee per entry (USD)", yaxis_title="USD", **LAYOUT)
    return figure
