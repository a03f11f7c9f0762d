"""What every ``socialaid`` command shares: the app, its options, reading a request, error output.

Exit codes: 0 done; 2 invalid input; 3 decision refused by the policy; 4–8 the engine failed
(5 unreachable, 6 time-out, 7 undefined result, 8 policy error); 9 bundle build failed; 64 usage
error (a bad option, date or format: EX_USAGE of sysexits.h); 70 internal error; 130 interrupted.
Errors go to stderr, in the chosen language; a decision only ever goes to stdout when there is one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from difflib import get_close_matches
from enum import StrEnum
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from typer.core import TyperGroup

from socialaid.errors import FieldError, InvalidInputError, OptionError, SocialaidError
from socialaid.words.messages import Lang as LangCode
from socialaid.words.messages import default_lang, localized, msg

if TYPE_CHECKING:
    from socialaid.words.texts import Texts

T = TypeVar("T")

__all__ = [
    "EX_USAGE",
    "AsOf",
    "ClickUsageError",
    "Format",
    "FormatOpt",
    "HouseholdArg",
    "Lang",
    "LangOpt",
    "OpaUrl",
    "UsageError",
    "app",
    "dump",
    "err",
    "fail",
    "guarded",
    "lang_of",
    "local_words",
    "member_ids",
    "nearest",
    "out",
    "read_request",
    "screen",
    "usage_line",
    "worded",
]

EX_USAGE = 64
OPA_URL_ENV = "SOCIALAID_OPA_URL"  # = socialaid.engine.OPA_URL_ENV, not imported: keep start-up light


# The usage error of the click that typer runs on, named through typer's public API (typer.BadParameter
# is one); the separately installed click package's class is another class.
_ClickUsageError: type[Exception] = typer.BadParameter.__mro__[1]


class UsageError(_ClickUsageError):  # type: ignore[valid-type,misc]
    """The command line itself is wrong (not the household): exit 64, with the usage line."""

    exit_code = EX_USAGE


class _StrictGroup(TyperGroup):
    """Every usage error — from option parsing, type conversion or a command — exits 64, so that
    scripts tell a wrong command line (64) from a wrong household (2)."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except _ClickUsageError as exc:
            exc.exit_code = EX_USAGE  # type: ignore[attr-defined]
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _ClickUsageError as exc:
            exc.exit_code = EX_USAGE  # type: ignore[attr-defined]
            raise

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list with each command's whole summary: click shortens a summary to the room left
        on the line and ends it with "..."; here a summary that does not fit wraps under itself instead.
        (Each command's ``short_help`` is written to fit one line at 80 columns.)"""
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _version(value: bool) -> None:
    if value:
        try:
            ours = version("socialaid")
        except PackageNotFoundError:  # pragma: no cover - run from a source tree without install
            ours = "unknown"
        print(f"socialaid {ours} (遵红府办发〔2021〕49号; OPA v1.22.3)")
        raise typer.Exit(0)


app = typer.Typer(
    cls=_StrictGroup,
    rich_markup_mode=None,  # plain help: it fits the terminal and a pipe, and flags have no <bool>
    no_args_is_help=True,
    # Two lines as written (click's "\b"): click wraps by characters, and a Chinese character is two columns wide.
    help="\b\nHonghuagang social assistance (遵红府办发〔2021〕49号):\ncited decisions from the plan's clauses.",
)


@app.callback()
def _root(
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit"),
    ] = False,
) -> None:
    """\b
    Honghuagang social assistance (遵红府办发〔2021〕49号):
    cited decisions from the plan's clauses.
    """


def _width(tty: bool) -> int | None:
    """The terminal's width on a terminal or when ``$COLUMNS`` says; 150 columns into a pipe."""
    return None if tty or os.environ.get("COLUMNS") else 150


out = Console(soft_wrap=False, width=_width(sys.stdout.isatty()))
err = Console(stderr=True, width=_width(sys.stderr.isatty()))


class Format(StrEnum):
    table = "table"
    json = "json"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


def lang_of(lang: Lang | None) -> LangCode:
    """The chosen language, else ``$SOCIALAID_LANG`` or the locale, else Chinese."""
    if lang is None:
        return default_lang()
    return "en" if lang is Lang.en else "zh"


HouseholdArg = Annotated[str, typer.Argument(metavar="FILE", help="Household request JSON file, or - for stdin")]
AsOf = Annotated[
    dt.datetime | None, typer.Option("--as-of", formats=["%Y-%m-%d"], help="Decision date (overrides as_of)")
]
FormatOpt = Annotated[Format, typer.Option("--format", help="table or json")]
LangOpt = Annotated[
    Lang | None, typer.Option("--lang", help="zh or en (default: $SOCIALAID_LANG, the locale, else zh)")
]
OpaUrl = Annotated[
    str | None,
    typer.Option("--opa-url", envvar=OPA_URL_ENV, help="Use a running OPA instead of starting a sidecar"),
]


def nearest(name: str, known: Sequence[str], *, n: int = 3) -> list[str]:
    """The known names closest to ``name`` (difflib ratio ≥ 0.5), best first."""
    return get_close_matches(name, list(known), n=n, cutoff=0.5)


def fail(exc: SocialaidError, *, as_json: bool = False, lang: LangCode = "zh") -> NoReturn:
    errors: list[FieldError] = getattr(exc, "errors", [])
    if as_json:
        payload: dict[str, Any] = {"error": type(exc).__name__, "message": str(exc)}
        raw = getattr(exc, "policy_errors", None)
        if raw:
            payload["errors"] = raw  # the policy's own errors, each with its kind
        elif errors:
            payload["errors"] = [e.to_dict() for e in errors]
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=sys.stderr)
    elif errors:
        from socialaid.render.screen import Screen

        title = msg("invalid_input" if isinstance(exc, InvalidInputError) else "no_decision", lang)
        lines = Screen.for_stream(sys.stderr)
        source = str(getattr(exc, "source", "request"))
        source = {"request": msg("field.request", lang), "stdin": msg("source.stdin", lang)}.get(source, source)
        lines.line(f"{title}{msg('colon', lang)}{source}")
        for e in errors:
            lines.line(f"· {_field(e.pointer, lang)}{msg('colon', lang)}{localized(e.problem, lang)}", hang="  ")
            lines.line(f"{msg('expected', lang)}{msg('colon', lang)}{localized(e.expected, lang)}", indent="  ")
        lines.flush()
    elif isinstance(exc, OptionError):  # a wrong option (e.g. --opa-url): a usage error, as click's are
        from socialaid.render.screen import Screen

        lines = Screen.for_stream(sys.stderr)
        lines.line(usage_line(str(exc), lang))
        lines.flush()
    else:
        print(f"{msg('error', lang)}{msg('colon', lang)}{localized(str(exc), lang)}", file=sys.stderr)
    raise typer.Exit(exc.exit_code)


def _field(pointer: str, lang: LangCode) -> str:
    """The field an error is about, in words (``成员 0 的出生日期``); its JSON pointer when the request's
    schema does not describe it (an unknown field), and in ``--format json``."""
    if not pointer:
        return msg("field.request", lang)
    from socialaid.words.fields import field_words

    name = pointer.rstrip("/").rsplit("/", 1)[-1].replace("_", " ")  # what field_words says of a field unknown
    words = field_words(pointer, lang)
    unknown = not words or words == name or words.endswith(f"的{name}") or words.startswith(f"{name} of member")
    return pointer if unknown else words


def usage_line(problem: str, lang: LangCode) -> str:
    """``用法错误：…（socialaid --help 查看用法）`` / ``Usage error: … (socialaid --help shows the usage)``."""
    sep = "" if lang == "zh" else " "
    return f"{msg('usage_error', lang)}{msg('colon', lang)}{localized(problem, lang)}{sep}{msg('usage_hint', lang)}"


def dump(doc: Any) -> None:
    """A document as JSON on stdout (sorted keys, two-space indent, UTF-8 as it is)."""
    print(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True))


def member_ids(request: dict[str, Any]) -> list[str]:
    """The request's member ids in order (to name ``/household/members/N`` in words)."""
    members = (request.get("household") or {}).get("members") or []
    return [str(m.get("id")) for m in members if isinstance(m, dict)]


def screen() -> Any:
    """The lines of stdout (:class:`socialaid.render.screen.Screen`): the terminal's width, or whole lines
    into a pipe."""
    from socialaid.render.screen import Screen

    return Screen.for_stream(sys.stdout)


def guarded(body: Callable[[], None], *, as_json: bool = False, lang: LangCode = "zh") -> None:
    try:
        body()
    except SocialaidError as exc:
        fail(exc, as_json=as_json, lang=lang)


def read_request(source: str, as_of: dt.datetime | None, *, validate_here: bool = False) -> dict[str, Any]:
    """The request from a file, or from stdin when ``source`` is ``-``, read as JSON.

    Only the pre-flight runs here (hostile shapes, not an object): the request goes to the policy,
    which checks the schema and consistency itself, so it is validated once. ``validate_here`` (the
    ``validate`` command, where no OPA is involved) checks it in Python instead.
    """
    from socialaid.validation import preflight, read_json, validated

    if source == "-":
        text = sys.stdin.read()
        try:
            request = json.loads(text)
        except json.JSONDecodeError as exc:
            problem = f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
            raise InvalidInputError([FieldError("", problem, "a JSON object")], source="stdin") from exc
        name = "stdin"
    else:
        path = Path(source)
        if not path.is_file():
            raise UsageError(f"no such file: {source} (give a household JSON file, or - for stdin)")
        request = read_json(path)
        name = source
    if as_of is not None and isinstance(request, dict):
        request = {**request, "as_of": as_of.date().isoformat()}
    return validated(request, source=name) if validate_here else preflight(request, source=name)


def worded(request: Any, call: Callable[[], T]) -> T:
    """``call()``, with the policy's input errors put into words: the policy decided that the request is
    invalid; the Python validator then only phrases the same errors (its messages are in the catalog,
    in Chinese too). Where it finds nothing to say, the policy's own errors stand."""
    from socialaid.errors import PolicyInputError
    from socialaid.validation import validate

    try:
        return call()
    except PolicyInputError as exc:
        local = validate(request)
        if local:
            raise InvalidInputError(local, source="request") from exc
        raise


def local_words() -> Texts:
    """The words of the project's own bundle (rebuilt first when policies changed): for commands that
    decide nothing, such as ``clauses`` and ``params``."""
    from socialaid.server.bundle import ensure_fresh
    from socialaid.words.texts import load_texts

    return load_texts(ensure_fresh())


ClickUsageError = _ClickUsageError
