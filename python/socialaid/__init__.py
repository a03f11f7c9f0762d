"""socialaid: the social-assistance plan of Honghuagang district (遵红府办发〔2021〕49号) as cited decisions.

The library's face (the CLI, the web page and the population runs are surfaces over it)::

    from socialaid import Engine

    with Engine.start() as engine:              # or Engine.connect(url, token=...)
        explanation = engine.explain(request)   # a socialaid.Explanation, verified
        words = engine.words_for(explanation)   # the words of the revision that decided

Names are loaded on first use, so importing one part of the package does not pay for the others.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = [
    "BatchResponse",
    "Decision",
    "DecisionRefusedError",
    "Engine",
    "EngineError",
    "EngineUnavailableError",
    "Explanation",
    "FieldError",
    "HouseholdRequest",
    "InvalidInputError",
    "ParametersOn",
    "SocialaidError",
    "Texts",
    "UnverifiedAnswerError",
    "open_engine",
]

_WHERE = {
    "Engine": "socialaid.engine",
    "open_engine": "socialaid.engine",
    "BatchResponse": "socialaid.models.decision",
    "Decision": "socialaid.models.decision",
    "Explanation": "socialaid.models.decision",
    "HouseholdRequest": "socialaid.models.household",
    "ParametersOn": "socialaid.models.doors",
    "Texts": "socialaid.words.texts",
    "DecisionRefusedError": "socialaid.errors",
    "EngineError": "socialaid.errors",
    "EngineUnavailableError": "socialaid.errors",
    "FieldError": "socialaid.errors",
    "InvalidInputError": "socialaid.errors",
    "SocialaidError": "socialaid.errors",
    "UnverifiedAnswerError": "socialaid.errors",
}

if TYPE_CHECKING:  # pragma: no cover
    from socialaid.engine import Engine, open_engine
    from socialaid.errors import (
        DecisionRefusedError,
        EngineError,
        EngineUnavailableError,
        FieldError,
        InvalidInputError,
        SocialaidError,
        UnverifiedAnswerError,
    )
    from socialaid.models.decision import BatchResponse, Decision, Explanation
    from socialaid.models.doors import ParametersOn
    from socialaid.models.household import HouseholdRequest
    from socialaid.words.texts import Texts


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'socialaid' has no attribute {name!r}")
