"""Claim value app: self-file CAPE (and drawback) or pay a broker or specialist?

A marimo app over ``workbench.value``: change the specialist's quote, staff cost, the cost of
capital or a readiness answer, and the recommendation, the figures and the charts follow. The
model lives in the package; the app only reads controls and shows results.

Serve it from the repository root, after the demo triage (and, for interest, the estimate):

    marimo run notebooks/claim_value_app.py --headless --host 127.0.0.1 --port 2718

Arguments after ``--`` choose other inputs: ``--triage DIR`` (default reports/demo/triage),
``--estimate DIR`` (a ``workbench estimate`` folder; without it the refund is the IEEPA duty,
with no interest), ``--drawback DIR`` and ``--parameters FILE`` (YAML of inputs over the
defaults).
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium", app_title="Claim value")


@app.cell
def _():
    import marimo as mo

    from workbench.errors import InputError
    from workbench.value import charts
    from workbench.value.analysis import analyse
    from workbench.value.formatting import dollars
    from workbench.value.inputs import read_claim_data
    from workbench.value.parameters import READINESS_ANSWERS, load_parameters, with_values
    from workbench.value.report import option_table
    return (InputError, READINESS_ANSWERS, analyse, charts, dollars, load_parameters, mo,
            option_table, read_claim_data, with_values)


@app.cell
def _(load_parameters, mo, read_claim_data):
    _args = mo.cli_args()
    _root = mo.notebook_dir().parent
    triage_dir = _args.get("triage") or str(_root / "reports" / "demo" / "triage")
    estimate_dir = _args.get("estimate")
    data = read_claim_data(triage_dir, estimate_dir, _args.get("drawback"))
    base_params = load_parameters(None, _args.get("parameters"))
    return base_params, data, estimate_dir, triage_dir


@app.cell
def _(mo):
    mo.md("""
    # Claim value: self-file or pay a specialist?

    Change an input and every figure below is recomputed by `workbench.value`. Numeric inputs
    take one figure (`150`) or a range (`89-350`); a range is sampled by the Monte Carlo and its
    midpoint is the point estimate. Point estimates are exact to the cent; Monte Carlo figures
    are floating-point estimates rounded to the dollar.
    """)
    return


@app.cell
def _(READINESS_ANSWERS, base_params, mo):
    def _text(name, label):
        return mo.ui.text(value=getattr(base_params, name).text(), label=label)

    fee_per_entry = _text("specialist_fee_per_entry", "Specialist fee per entry (USD)")
    fee_flat = _text("specialist_fee_flat", "Specialist flat fee (USD)")
    contingency = _text("specialist_contingency", "Specialist contingency (fraction of refund)")
    minimum_fee = _text("specialist_minimum_fee", "Specialist minimum fee (USD)")
    hourly_cost = _text("hourly_cost", "Staff cost (USD per hour)")
    cost_of_capital = _text("cost_of_capital", "Cost of capital (fraction per year)")
    _choices = {"not answered": None, "yes": True, "no": False}
    _names = {value: key for key, value in _choices.items()}
    answers = mo.ui.dictionary({
        name: mo.ui.dropdown(options=_choices, value=_names[getattr(base_params, name)],
                             label=label)
        for name, label in READINESS_ANSWERS.items()
    })
    mo.vstack([
        mo.md("## Inputs"),
        mo.hstack([fee_per_entry, fee_flat], justify="start"),
        mo.hstack([contingency, minimum_fee], justify="start"),
        mo.hstack([hourly_cost, cost_of_capital], justify="start"),
        mo.md("### Readiness answers"),
        answers.vstack(),
    ])
    return (answers, contingency, cost_of_capital, fee_flat, fee_per_entry, hourly_cost,
            minimum_fee)


@app.cell
def _(InputError, analyse, answers, base_params, contingency, cost_of_capital, data,
      fee_flat, fee_per_entry, hourly_cost, minimum_fee, with_values):
    _inputs = {
        "specialist_fee_per_entry": fee_per_entry.value,
        "specialist_fee_flat": fee_flat.value,
        "specialist_contingency": contingency.value,
        "specialist_minimum_fee": minimum_fee.value,
        "hourly_cost": hourly_cost.value,
        "cost_of_capital": cost_of_capital.value,
        **answers.value,
    }
    try:
        analysis = analyse(data, with_values(base_params, **_inputs))
        input_error = None
    except InputError as _error:
        analysis, input_error = None, str(_error)
    return analysis, input_error


@app.cell
def _(analysis, dollars, estimate_dir, input_error, mo, triage_dir):
    def _figure(test_id, value):
        return f'<strong data-testid="{test_id}">{dollars(value)}</strong>'

    if analysis is None:
        _shown = mo.callout(mo.md(f"**Invalid input:** {input_error}"), kind="danger")
    else:
        _cape = analysis.cape
        _recommendation = analysis.recommendations[0]
        _shown = mo.vstack([
            # A backslash keeps marimo from reading text between two dollar signs as math.
            mo.md(f"## CAPE: {_recommendation.headline}".replace("$", r"\$")),
            mo.Html(
                f"<p>Net recovery, point estimate: {_cape.in_house.label} "
                f'{_figure("cape-in-house-net", _cape.in_house.net)}; '
                f"{_cape.specialist.label} "
                f"{_figure('cape-specialist-net', _cape.specialist.net)}. Break-even total "
                f"fee: {_figure('cape-break-even-fee', _cape.break_even.total_fee)}.</p>"),
            mo.md("\n".join(f"- {reason}" for reason in _recommendation.reasons)
                  .replace("$", r"\$")),
            mo.md(f"<small>Triage: {triage_dir}. Estimate: {estimate_dir or 'none'}. "
                  f"Refunds: {analysis.refund_basis}.</small>"),
        ])
    _shown
    return


@app.cell
def _(analysis, mo, option_table):
    def _table(comparison):
        return mo.ui.table(
            [{"": label, comparison.in_house.label: a, comparison.specialist.label: b}
             for label, a, b in option_table(comparison)],
            selection=None, pagination=False, label=comparison.name.upper())

    mo.vstack([_table(c) for c in (analysis.cape, analysis.drawback) if c is not None]
              ) if analysis is not None else None
    return


@app.cell
def _(analysis, charts, mo):
    mo.vstack([
        charts.net_chart(analysis.cape),
        charts.fee_chart(analysis),
        charts.advantage_histogram(analysis.cape),
        charts.tornado_chart(analysis.cape),
    ]) if analysis is not None else None
    return


@app.cell
def _(analysis, mo):
    _rows = [{"item": i.label, "status": i.status, "answered by": i.answered_by,
              "detail": i.detail} for i in analysis.readiness] if analysis is not None else []
    mo.vstack([mo.md("## Readiness checklist"),
               mo.ui.table(_rows, selection=None, pagination=False)])
    return


@app.cell
def _(analysis, charts, mo):
    if analysis is not None and analysis.drawback is not None:
        _drawback = analysis.recommendations[1]
        _shown = mo.vstack([
            mo.md((f"## Drawback: {_drawback.headline}\n\n"
                   + "\n".join(f"- {reason}" for reason in _drawback.reasons))
                  .replace("$", r"\$")),
            charts.net_chart(analysis.drawback),
            charts.tornado_chart(analysis.drawback),
        ])
    else:
        _shown = mo.md(f"Drawback: {analysis.drawback_basis}." if analysis else "")
    _shown
    return


if __name__ == "__main__":
    app.run()
