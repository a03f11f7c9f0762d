"""The caseworker's page: a household form generated from the request schema, the decision with its
reasons, clauses and the plan's words, the facts still to ask for, what-ifs, an income sweep and a
printable notice. Server-rendered (Starlette and Jinja2); a few lines of script only to show the
browser's own checks next to their fields.

    app = create_app(engine, analyst=False)      # engine: socialaid.Engine (a locked OPA)

Routes (the access log names only these templates):

    GET  /                    the empty form            POST /              decide, or add/remove a list item
    GET  /d/{key}             the decision              GET  /d/{key}/edit  the form again, filled in
    POST /d/{key}/what-if     change one or two facts   POST /d/{key}/sweep one member's income, as a chart
    GET  /d/{key}/notice      the printable notice      GET  /static/…      CSS, script

Decisions are kept in memory for a while (:class:`DecisionStore`), under a random key, so a notice
shows the decision id the caseworker saw; nothing is written to disk. Every decision is the core's
(``engine.explain``: one query, validated by the policy); its words are those of the revision that
decided (``engine.words_for``). The OPA token stays in the engine: no page, header or cookie holds it.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.body_limit import RequestBodyLimitMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from socialaid.errors import DecisionRefusedError, EngineError, FieldError, InvalidInputError, PolicyInputError
from socialaid.web import edits
from socialaid.web import form as forms
from socialaid.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    MAX_BODY,
    MAX_FIELDS,
    MAX_PART,
    AccessLog,
    SecurityHeaders,
    csrf_ok,
    csrf_token,
    new_cookie_token,
    secured,
)
from socialaid.web.store import DecisionStore, Entry
from socialaid.words.messages import Lang, localized, msg

if TYPE_CHECKING:
    from socialaid.engine import Engine
    from socialaid.words.texts import Texts

__all__ = ["ERRORS_PER_FIELD", "LANG_COOKIE", "SWEEP_MAX_POINTS", "DecisionStore", "Entry", "create_app"]

HERE = Path(__file__).parent
LANG_COOKIE = "sa_lang"
SWEEP_MAX_POINTS = 301
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
ERRORS_PER_FIELD = 3


def _today() -> str:
    return dt.date.today().isoformat()


def _error_text(e: FieldError, lang: Lang) -> str:
    expected = localized(e.expected, lang)
    return localized(e.problem, lang) + (msg("web.err.expected", lang, expected=expected) if expected else "")


def _worded(request: dict[str, Any], exc: InvalidInputError | DecisionRefusedError) -> list[FieldError]:
    """The policy's errors in words: Python's validator phrases the same errors where it finds them (its
    sentences are in the catalog, in Chinese too); else the policy's own stand."""
    if isinstance(exc, PolicyInputError):
        from socialaid.validation import validate

        local = validate(request)
        if local:
            return local
    return list(exc.errors)


def create_app(
    engine: Engine,
    *,
    analyst: bool = False,
    default_lang: Lang = "zh",
    allowed_hosts: list[str] | None = None,
    store: DecisionStore | None = None,
    secret: bytes | None = None,
) -> Starlette:
    """The page on ``engine``. ``analyst`` offers parameter overrides in the what-if (the engine's server
    must be in analyst mode to accept them); ``allowed_hosts`` are the Host headers answered (loopback
    names by default: a page reached by DNS rebinding is refused)."""
    key_secret = secret or secrets.token_bytes(32)
    decisions = store or DecisionStore()
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html", "svg"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    engine_lock = threading.Lock()  # one query at a time on the engine's connection

    def call(fn: Callable[[], Any]) -> Any:
        with engine_lock:
            return fn()

    def lang_of(request: Request, form: FormData | None = None) -> tuple[Lang, bool]:
        """(the language, whether it was chosen now and should be remembered)."""
        action = str(form.get("action") or "") if form else ""
        for source in (request.query_params.get("lang"), action.removeprefix("lang:") if action else None):
            if source in {"zh", "en"}:
                return ("en" if source == "en" else "zh"), True
        cookie = request.cookies.get(LANG_COOKIE)
        return ("en" if cookie == "en" else "zh" if cookie == "zh" else default_lang), False

    def render(
        request: Request,
        template: str,
        lang: Lang,
        *,
        status: int = 200,
        remember: bool = False,
        **context: Any,
    ) -> HTMLResponse:
        cookie = request.cookies.get(CSRF_COOKIE)
        fresh = not cookie or len(cookie) > 100
        token = new_cookie_token() if fresh or cookie is None else cookie
        page = env.get_template(template).render(
            t=lambda key, **kw: msg(key, lang, **kw),
            lang=lang,
            other_lang="en" if lang == "zh" else "zh",
            csrf_field=CSRF_FIELD,
            csrf=csrf_token(key_secret, token),
            analyst=analyst,
            **context,
        )
        response = HTMLResponse(page, status_code=status)
        if fresh:
            response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
        if remember:
            response.set_cookie(LANG_COOKIE, lang, httponly=True, samesite="strict", path="/", max_age=365 * 86400)
        return response

    def message(request: Request, lang: Lang, text: str, status: int) -> HTMLResponse:
        return render(request, "message.html", lang, status=status, text=text)

    async def read_form(request: Request) -> FormData:
        form = await request.form(max_files=0, max_fields=MAX_FIELDS, max_part_size=MAX_PART)
        field = form.get(CSRF_FIELD)
        if not csrf_ok(key_secret, request.cookies.get(CSRF_COOKIE), field if isinstance(field, str) else None):
            raise HTTPException(403, "csrf")
        return form

    def pairs(form: FormData) -> list[tuple[str, str]]:
        return [(k, v) for k, v in form.multi_items() if isinstance(v, str)]

    def form_page(
        request: Request,
        data: dict[str, Any],
        lang: Lang,
        *,
        errors: list[FieldError] | None = None,
        status: int = 200,
        remember: bool = False,
    ) -> HTMLResponse:
        root = forms.build_form(data, lang)
        shown = [n.pointer for n in root.walk()]
        placed: dict[str, list[str]] = {}
        for e in errors or []:
            target = forms.place_errors([e.pointer], shown)[e.pointer]
            text = _error_text(e, lang)
            if text not in placed.setdefault(target, []):
                placed[target].append(text)
        for target, texts in placed.items():  # e.g. 39 parameters not in force on one date: three, and a count
            if len(texts) > ERRORS_PER_FIELD:
                placed[target] = [
                    *texts[:ERRORS_PER_FIELD],
                    msg("web.more_errors", lang, n=len(texts) - ERRORS_PER_FIELD),
                ]
        root = forms.build_form(data, lang, placed)
        return render(
            request,
            "form.html",
            lang,
            status=status,
            remember=remember,
            root=root,
            error_count=len(placed),
            form_errors=placed.get("", []),
        )

    # --- routes ---------------------------------------------------------------------------------

    async def home(request: Request) -> Response:
        lang, remember = lang_of(request)
        return form_page(request, {"as_of": _today(), "household": {"members": [{}]}}, lang, remember=remember)

    async def submit(request: Request) -> Response:
        form = await read_form(request)
        lang, remember = lang_of(request, form)
        data = forms.parse_form(pairs(form))
        action = str(form.get("action") or "decide")
        if action.startswith("add:") or action.startswith("remove:"):
            return form_page(request, edits.edit_list(data, action), lang, remember=remember)
        if action.startswith("lang:"):
            return form_page(request, data, lang, remember=remember)
        try:
            from socialaid.validation import preflight

            preflight(data, source="form")
            explained = await run_in_threadpool(call, lambda: engine.explain(data))
        except (InvalidInputError, DecisionRefusedError) as exc:
            return form_page(request, data, lang, errors=_worded(data, exc), status=422, remember=remember)
        except EngineError as exc:
            return message(request, lang, msg("web.engine_error", lang, error=str(exc)), 503)
        key = decisions.put(data, explained.doc())
        response = RedirectResponse(f"/d/{key}", status_code=303)
        if remember:
            response.set_cookie(LANG_COOKIE, lang, httponly=True, samesite="strict", path="/", max_age=365 * 86400)
        return response

    def entry_of(request: Request) -> Entry:
        entry = decisions.get(str(request.path_params.get("key", "")))
        if entry is None:
            raise HTTPException(404, "expired")
        return entry

    def words(entry: Entry) -> Texts:
        return call(lambda: engine.words_for(str(entry.decision.get("bundle_revision"))))  # type: ignore[no-any-return]

    async def decision_page(request: Request, **extra: Any) -> HTMLResponse:
        from socialaid.web import views

        entry = entry_of(request)
        lang, remember = lang_of(request, extra.pop("form", None))
        texts = await run_in_threadpool(words, entry)
        doc, data = entry.decision, entry.request
        programs = views.program_views(doc, data, texts, lang)
        return render(
            request,
            "decision.html",
            lang,
            remember=remember,
            key=request.path_params["key"],
            d=doc,
            request_data=data,
            programs=programs,
            total=views.yuan(sum(p.amount for p in programs), lang),
            missing=views.missing_views(doc, data, texts, lang),
            citations=views.citation_groups(doc, data, texts, lang),
            n_findings=len(doc.get("findings") or []),
            parameters=views.parameter_rows(doc, texts, lang),
            household=data.get("household") or {},
            area=forms.enum_label("area", str((data.get("household") or {}).get("area", "")), lang),
            facts=edits.fact_options(data, lang),
            params=edits.param_options(texts, lang) if analyst else [],
            members=list(views.member_names(data).values()),
            **extra,
        )

    async def show(request: Request) -> Response:
        return await decision_page(request)

    async def edit(request: Request) -> Response:
        entry = entry_of(request)
        lang, remember = lang_of(request)
        return form_page(request, entry.request, lang, remember=remember)

    async def notice(request: Request) -> Response:
        from socialaid.web import views

        entry = entry_of(request)
        lang, remember = lang_of(request)
        texts = await run_in_threadpool(words, entry)
        doc, data = entry.decision, entry.request
        programs = views.program_views(doc, data, texts, lang)
        return render(
            request,
            "notice.html",
            lang,
            remember=remember,
            key=request.path_params["key"],
            d=doc,
            programs=programs,
            total=views.yuan(sum(p.amount for p in programs), lang),
            missing=views.missing_views(doc, data, texts, lang),
            household=data.get("household") or {},
            area=forms.enum_label("area", str((data.get("household") or {}).get("area", "")), lang),
        )

    async def what_if(request: Request) -> Response:
        from socialaid.analysis.whatif import diff_decisions, set_path, with_overrides
        from socialaid.web import views

        form = await read_form(request)
        entry = entry_of(request)
        lang, _ = lang_of(request, form)
        allowed = set(forms.leaf_paths(entry.request))
        changes: list[tuple[str, Any]] = []
        errors: list[str] = []
        described: list[str] = []
        for i in (1, 2):
            pointer = str(form.get(f"fact{i}") or "")
            raw = str(form.get(f"value{i}") or "")
            if not pointer:
                continue
            if pointer not in allowed:
                errors.append(msg("web.whatif_nothing", lang))
                continue
            value = edits.fact_value(pointer, raw)
            changes.append((pointer, value))
            described.append(f"{edits.fact_name(entry.request, pointer, lang)} = {raw.strip()}")
        overrides: list[tuple[str, str, Any]] = []
        param = str(form.get("param") or "")
        if analyst and param:
            group, _, name = param.partition(".")
            from socialaid.analysis.whatif import parse_value

            raw = str(form.get("param_value") or "").strip()
            keep, value = bool(raw), parse_value(raw)
            if keep:
                overrides.append((group, name, value))
                label = (await run_in_threadpool(words, entry)).parameter_label(param, lang)
                described.append(f"{label} = {raw}")
        if not changes and not overrides and not errors:
            errors.append(msg("web.whatif_nothing", lang))
        if errors:
            return await decision_page(request, form=form, whatif_errors=errors)
        variant = entry.request
        for pointer, value in changes:
            variant = set_path(variant, pointer, value)
        variant = with_overrides(variant, overrides)
        try:
            explained = await run_in_threadpool(call, lambda: engine.explain(variant))
        except (InvalidInputError, DecisionRefusedError) as exc:
            texts = [
                f"{edits.fact_name(entry.request, e.pointer, lang)}: {_error_text(e, lang)}"
                for e in _worded(variant, exc)
            ]
            return await decision_page(request, form=form, whatif_errors=texts)
        except EngineError as exc:
            return await decision_page(
                request, form=form, whatif_errors=[msg("web.engine_error", lang, error=str(exc))]
            )
        after = explained.doc()
        diff = diff_decisions(entry.decision, after)
        texts_ = await run_in_threadpool(words, Entry(variant, after, 0))
        new_key = decisions.put(variant, after)
        return await decision_page(
            request,
            form=form,
            whatif={
                "title": msg("web.whatif_result", lang, changes=msg("list_sep", lang).join(described)),
                "changes": views.change_views(diff, texts_, entry.request, lang),
                "total_before": views.yuan(diff.total_before, lang),
                "total_after": views.yuan(diff.total_after, lang),
                "hypothetical": diff.hypothetical,
                "key": new_key,
            },
            chosen={k: str(form.get(k) or "") for k in ("fact1", "value1", "fact2", "value2", "param", "param_value")},
        )

    async def sweep(request: Request) -> Response:
        from socialaid.analysis.sweep import run_sweep, sweep_values
        from socialaid.web.chart import chart

        form = await read_form(request)
        entry = entry_of(request)
        lang, _ = lang_of(request, form)
        members = (entry.request.get("household") or {}).get("members") or []
        chosen = {k: str(form.get(k) or "") for k in ("member", "from", "to", "step")}
        index = int(chosen["member"]) if chosen["member"].isdigit() and int(chosen["member"]) < len(members) else 0
        path = f"/household/members/{index}/monthly_income"
        try:
            values = sweep_values(
                chosen["from"] or "0", chosen["to"] or "3000", chosen["step"] or "100", max_points=SWEEP_MAX_POINTS
            )
            result = await run_in_threadpool(call, lambda: run_sweep(engine, entry.request, path, values))
        except (InvalidInputError, DecisionRefusedError) as exc:
            return await decision_page(
                request, form=form, sweep_errors=[_error_text(e, lang) for e in exc.errors], sweep_chosen=chosen
            )
        except EngineError as exc:
            return await decision_page(
                request, form=form, sweep_errors=[msg("web.engine_error", lang, error=str(exc))], sweep_chosen=chosen
            )
        texts = await run_in_threadpool(words, entry)
        names = {pid: texts.program_name(pid, lang, result.programs[pid]) for pid in result.programs}
        labels = [
            msg(
                "web.cliff",
                lang,
                name=names.get(c.program, c.program),
                at=f"{float(c.at):,.2f}".replace(",", "\u00a0"),
                change=msg("web.cliff.lost" if c.eligible_before else "web.cliff.gained", lang),
                clauses=msg("list_sep", lang).join(str(k) for k in c.clauses),
            )
            for c in result.cliffs
        ]
        from socialaid.web.views import member_names

        who = list(member_names(entry.request).values())[index] if members else ""
        return await decision_page(
            request,
            form=form,
            sweep={
                "chart": chart(result, names, cliff_labels=labels, total_label=msg("chart_total", lang)),
                "caption": msg("web.sweep_caption", lang, member=who, n=len(result.points)),
                "cliff_labels": labels,
                "hypothetical": result.hypothetical,
            },
            sweep_chosen=chosen,
        )

    async def http_error(request: Request, exc: Exception) -> Response:
        lang, _ = lang_of(request)
        status = getattr(exc, "status_code", 500)
        detail = getattr(exc, "detail", "")
        text = {
            403: msg("web.csrf", lang),
            404: msg("web.expired", lang) if detail == "expired" else msg("web.not_found", lang),
            413: msg("web.too_large", lang),
        }.get(status, str(detail))
        return message(request, lang, text, status)

    async def internal_error(request: Request, exc: Exception) -> Response:
        """Anything unforeseen: a page saying so, with the same headers, never a traceback."""
        lang, _ = lang_of(request)
        response = message(request, lang, msg("web.internal_error", lang), 500)
        secured(response.headers)
        return response

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/", submit, methods=["POST"]),
        Route("/d/{key}", show, methods=["GET"]),
        Route("/d/{key}/edit", edit, methods=["GET"]),
        Route("/d/{key}/notice", notice, methods=["GET"]),
        Route("/d/{key}/what-if", what_if, methods=["POST"]),
        Route("/d/{key}/sweep", sweep, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [
        Middleware(AccessLog),
        Middleware(SecurityHeaders),
        Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOOPBACK_HOSTS),
        Middleware(RequestBodyLimitMiddleware, max_body_size=MAX_BODY),
    ]
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: http_error, Exception: internal_error},
    )
