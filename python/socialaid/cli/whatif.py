"""``socialaid what-if``: change the household or the parameters (``--set``, ``--param``, ``--scenario``)
and see which programs enter, leave or change, and why. A variant that overrides parameters is marked
hypothetical (a line above it; ``"hypothetical": true`` in its JSON, schemas/whatif.schema.json)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from socialaid.cli.app import (
    Format,
    FormatOpt,
    HouseholdArg,
    LangOpt,
    OpaUrl,
    dump,
    guarded,
    lang_of,
    member_ids,
    read_request,
    screen,
    worded,
)
from socialaid.cli.params import param_names, unknown_param_message
from socialaid.errors import FieldError, InvalidInputError, PolicyInputError
from socialaid.words.messages import Lang, msg

if TYPE_CHECKING:
    from socialaid.analysis.whatif import Variant
    from socialaid.engine import Engine
    from socialaid.words.texts import Texts

__all__ = ["app", "check_parameters", "what_if"]

app = typer.Typer()

SetOpt = Annotated[
    list[str] | None,
    typer.Option("--set", help="PATH=VALUE (dotted or /json/pointer path; VALUE parsed as JSON when possible)"),
]
ParamOpt = Annotated[list[str] | None, typer.Option("--param", help="GROUP.NAME=VALUE parameter override")]
ScenarioOpt = Annotated[
    Path | None,
    typer.Option(
        "--scenario",
        exists=True,
        dir_okay=False,
        readable=True,
        help="JSON/YAML file of named variants (schemas/scenario.schema.json; e.g. examples/scenario.yaml)",
    ),
]


@app.command("what-if", short_help="Change the household or the parameters and see what moves")
def what_if(
    file: HouseholdArg,
    set_: SetOpt = None,
    param: ParamOpt = None,
    scenario: ScenarioOpt = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    opa_url: OpaUrl = None,
) -> None:
    """Change the household or the parameters and see which programs enter, leave or change, and why."""
    code = lang_of(lang)

    def body() -> None:
        from socialaid.analysis.whatif import apply_variant, variants_from, whatif_document
        from socialaid.engine import open_engine
        from socialaid.models.schemas import load as load_schema
        from socialaid.render.analysis import print_whatif

        request = read_request(file, None)
        variants = variants_from(set_ or [], param or [], scenario, load_schema("household"))
        with open_engine(opa_url) as engine:
            requests = [request, *(apply_variant(request, v) for v in variants)]
            explained = [_explained(engine, r, variants, code) for r in requests]
            words = engine.words_for(explained[0])
        base, *rest = (x.doc() for x in explained)
        doc, results = whatif_document(variants, base, rest)
        if fmt is Format.json:
            dump(doc)
            return
        lines = screen()
        print_whatif(lines, results, words, code, member_ids=member_ids(request))
        lines.flush()

    guarded(body, as_json=fmt is Format.json, lang=code)


def _explained(engine: Engine, request: dict[str, Any], variants: list[Variant], lang: Lang) -> Any:
    """One explanation; an unknown parameter the policy refused is named with the nearest known names."""
    try:
        return worded(request, lambda: engine.explain(request))
    except PolicyInputError as exc:
        if any(e.pointer.startswith("/parameter_overrides/") for e in exc.errors):
            check_parameters(variants, engine.words(), lang)
        raise


def check_parameters(variants: list[Variant], words: Texts, lang: Lang) -> None:
    """Every overridden parameter exists; an unknown one is invalid input naming the nearest names."""
    known = set(param_names(words.parameters))
    if not known:
        return
    errors = [
        FieldError(
            f"/parameter_overrides/{g}/{n}",
            unknown_param_message(f"{g}.{n}", words.parameters, lang),
            msg("param.expected", lang),
        )
        for v in variants
        for g, n, _ in v.params
        if f"{g}.{n}" not in known
    ]
    if errors:
        raise InvalidInputError(errors, source="what-if")
