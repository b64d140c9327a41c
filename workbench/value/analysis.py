"""Run the whole claim value analysis: the one call the CLI, the notebook and the app make.

``analyse`` takes the data read from the triage (and estimate or drawback) folders and the
parameters, and returns the readiness checklist, the CAPE comparison, the drawback comparison
when there is drawback to recover, and a recommendation for each.
"""

import dataclasses

from workbench.value.comparison import compare
from workbench.value.facts import collect_facts
from workbench.value.inputs import read_claim_data
from workbench.value.parameters import load_parameters
from workbench.value.readiness import checklist
from workbench.value.recommend import recommend_cape, recommend_drawback


@dataclasses.dataclass(frozen=True)
class Analysis:
    """Everything the claim value analysis yields for one triage and one set of parameters."""

    params: object
    facts: object
    refund_basis: str
    drawback_basis: str
    readiness: tuple
    cape: object
    drawback: object
    recommendations: tuple


def analyse(data, params):
    """Return the ``Analysis`` of ``data`` (``read_claim_data``) under ``params``."""
    facts = collect_facts(data, params.deadline_window_days)
    items = checklist(facts, params)
    cape = compare("cape", facts, params)
    recommendations = [recommend_cape(cape, facts, items, data.refund_basis)]
    drawback = None
    if _has_drawback(facts, params):
        drawback = compare("drawback", facts, params)
        recommendations.append(recommend_drawback(drawback))
    return Analysis(params, facts, data.refund_basis, _drawback_basis(data, params), items,
                    cape, drawback, tuple(recommendations))


def analyse_folder(triage_dir, values=None, parameters_file=None, estimate_dir=None,
                   drawback_dir=None):
    """Read the folders and the parameters, then return the ``Analysis``."""
    data = read_claim_data(triage_dir, estimate_dir, drawback_dir)
    return analyse(data, load_parameters(values, parameters_file))


def _has_drawback(facts, params):
    if facts.drawback_recovery is not None:
        return facts.drawback_recovery > 0
    return params.drawback_recovery.high > 0


def _drawback_basis(data, params):
    if data.drawback_recovery is not None:
        return data.drawback_basis
    if params.drawback_recovery.high > 0:
        return f"drawback_recovery input ({params.drawback_recovery.text()} USD)"
    return "not compared: no drawback folder and drawback_recovery is 0"
