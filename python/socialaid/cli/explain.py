"""``socialaid explain``: the decision and its decisive reasons, why not with the nearest change, then the
working; ``--format json`` is the server's explanation with the words of its revision
(schemas/explanation.schema.json)."""

from __future__ import annotations

from typing import Annotated

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

__all__ = ["app", "explain_cmd"]

app = typer.Typer()


@app.command("explain", short_help="The decision and why, finding by finding")
def explain_cmd(
    file: HouseholdArg,
    trace: Annotated[
        bool, typer.Option("--trace", help="Rule by rule: passed or failed, the values compared, the clause")
    ] = False,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    opa_url: OpaUrl = None,
) -> None:
    """The decision and why: decisive reasons, why not and the nearest change, every finding, the parameters used."""
    code = lang_of(lang)

    def body() -> None:
        from socialaid.analysis.explain import explanation, rule_trace
        from socialaid.engine import open_engine
        from socialaid.render.analysis import print_explanation

        request = read_request(file, None)
        with open_engine(opa_url) as engine:
            explained = worded(request, lambda: engine.explain(request))
            words = engine.words_for(explained)
        if fmt is Format.json:  # the server's explanation, with the words of its revision
            dump(explained.model_copy(update={"words": words.explanation_words(explained, code)}).doc())
            return
        decision = explained.doc()
        trace_lines = rule_trace(decision.get("findings") or [], words.rules) if trace else None
        lines = screen()
        print_explanation(
            lines, decision, explanation(decision), words, code, member_ids=member_ids(request), trace=trace_lines
        )
        lines.flush()

    guarded(body, as_json=fmt is Format.json, lang=code)
