"""Every command as a caseworker meets it: at 80 columns no line is wider than 80 (a wide character
counts 2) and no number is cut; into a pipe no line ends in spaces and nothing is cut with "…"; one
language at a time — no Chinese under en, no English words under zh (ids, pointers, options, file
names and the units below excepted). Real OPA: the session's sidecar, through --opa-url."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.helpers import EXAMPLES, ROOT

CLI = str(ROOT / ".venv" / "bin" / "socialaid")
URBAN = str(EXAMPLES / "urban-family-eligible.json")
ABOVE = str(EXAMPLES / "urban-family-just-above-standard.json")

COMMANDS: dict[str, list[str]] = {
    "decide": ["decide", ABOVE],
    "decide-details": ["decide", URBAN, "--details"],
    "decide-details-above": ["decide", ABOVE, "--details"],
    "explain": ["explain", ABOVE],
    "explain-trace": ["explain", URBAN, "--trace"],
    "what-if": [
        "what-if",
        URBAN,
        "--set",
        "household.members.0.monthly_income=1500",
        "--param",
        "dibao.standard_urban=850",
    ],
    "sweep": [
        "sweep",
        URBAN,
        "--vary",
        "household.members.0.monthly_income",
        "--from",
        "0",
        "--to",
        "3000",
        "--step",
        "100",
    ],
    "params": ["params", "--as-of", "2025-06-01"],
    "params-past-horizon": ["params", "--as-of", "2099-01-01", "--group", "dibao"],
    "clauses": ["clauses"],
    "validate": ["validate", URBAN],
    "usage-error": ["decide", URBAN, "--as-of", "2025-13-01"],
    "invalid-param": ["what-if", URBAN, "--param", "x=abc"],
    "bad-opa-url": ["decide", URBAN, "--opa-url", "ftp://x"],
    # the population and server commands: their error and usage paths (a real batch run is below)
    "batch-bad-output": ["batch", URBAN, "-o", "decisions.txt"],
    "batch-bad-input": ["batch", str(ROOT / "README.md"), "-o", "decisions.jsonl"],
    "synth-bad-output": ["synth", "-n", "1", "-o", "/tmp/socialaid-households.txt"],
    "synth-usage": ["synth", "-n", "-1", "-o", "households.jsonl"],
    "serve-bad-addr": ["serve", "--addr", "nonsense"],
    "serve-usage": ["serve", "--bundle", "no-such-bundle.tar.gz"],
    "bundle-usage": ["bundle", "--no-such-option"],
}
NEEDS_OPA = {
    "decide",
    "decide-details",
    "decide-details-above",
    "explain",
    "explain-trace",
    "what-if",
    "sweep",
    "params",
    "params-past-horizon",
    "invalid-param",
}

# Words that are names or units in either language; ids, pointers and options are told apart by shape.
ALLOWED_EN_UNDER_ZH = {
    "OPA",
    "Ray",
    "POST",
    "GET",
    "MiB",
    "CNY",
    "JSON",
    "READING",
    "max",
    "http",
    "socialaid",
}
MEMBER_IDS = {"father", "mother", "son", "husband", "wife"}
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
WORD = re.compile(r"(?<![\w./@\-\[{])[A-Za-z]{3,}(?![\w./@\-\]}])")


def run(args: list[str], opa_url: str, *, columns: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns:
        env["COLUMNS"] = columns
    full = [*args, "--opa-url", opa_url] if args and _needs(args) else args
    return subprocess.run([CLI, *full], capture_output=True, text=True, check=False, env=env, timeout=120)


def _needs(args: list[str]) -> bool:
    return any(args == COMMANDS[k] or args[: len(COMMANDS[k])] == COMMANDS[k] for k in NEEDS_OPA)


def _numbers(text: str) -> list[str]:
    text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "", text)  # decision ids differ
    return re.findall(r"\d+(?:[.,]\d+)*", text)


def _english_words(text: str) -> list[str]:
    words = []
    for line in text.splitlines():
        line = re.sub(r"--[a-z-]+(?:[ =][\w.-]+)?", " ", line)  # options and their values are code
        line = re.sub(r"'[^']*'|`[^`]*`", " ", line)  # the user's own input, quoted; a command to type
        line = re.sub(r"\b\w+(?:\.\w+)+\b|/[\w/~.|-]+|\b\w+_\w+\b|\b\w+=", " ", line)  # ids, pointers, codes
        line = re.sub(r"\bsocialaid [a-z-]+", " ", line)  # a command's name
        words += [w for w in WORD.findall(line) if w not in ALLOWED_EN_UNDER_ZH and w not in MEMBER_IDS]
    return words


@pytest.mark.integration
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_fits_80_columns_and_speaks_one_language(name: str, lang: str, opa_url: str) -> None:
    proc = run([*COMMANDS[name], "--lang", lang], opa_url, columns="80")
    text = proc.stdout + proc.stderr
    assert text.strip(), f"{name} printed nothing"
    assert "Traceback" not in text
    wide = [line for line in text.splitlines() if cell_len(line) > 80]
    assert not wide, f"{name} {lang}: lines wider than 80:\n" + "\n".join(wide)
    assert "…" not in text, f"{name} {lang}: something was cut"
    # a number is never split across lines: the numbers of the screen are the numbers of the whole lines
    whole = run([*COMMANDS[name], "--lang", lang], opa_url, columns=None)
    lines = text.splitlines()
    assert sorted(_numbers(text)) == sorted(_numbers(whole.stdout + whole.stderr)), f"{name} {lang}: a number was cut"
    if lang == "en":
        assert not CJK.findall(text), f"{name} en: Chinese in the English screen:\n" + "\n".join(
            line for line in lines if CJK.search(line)
        )
    else:
        assert not _english_words(text), (
            f"{name} zh: English words in the Chinese screen: {sorted(set(_english_words(text)))}"
        )
        # every parameter's source has its Chinese: the placeholder for one recorded in English only never shows
        assert "仅有英文记载" not in text, f"{name} zh: a source shown as recorded in English only"


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_piped_output_has_no_padding_and_no_cuts(name: str, opa_url: str) -> None:
    proc = run([*COMMANDS[name], "--lang", "en"], opa_url, columns=None)
    text = proc.stdout + proc.stderr
    assert not [line for line in text.splitlines() if line != line.rstrip()], f"{name}: trailing spaces"
    assert "…" not in text
    assert not re.search(r"[┏┃┡│└━─]", text), f"{name}: box drawing in a pipe"


@pytest.mark.integration
def test_a_closed_pipe_ends_quietly(opa_url: str) -> None:
    proc = subprocess.run(
        f"'{CLI}' params --as-of 2025-06-01 --opa-url {opa_url} | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PIPESTATUS": ""},
        executable="/bin/bash",
    )
    assert proc.stderr == "" and len(proc.stdout.splitlines()) == 1


def test_a_number_is_never_cut_by_wrapping() -> None:
    from socialaid.render.screen import wrap

    text = "人均收入810元超过低收入线1212元，且无脱贫不稳定、边缘易致贫成员 dibao.route_household_group 2747.20 元"
    text += "（如 2025-01-01）（socialaid --help 查看用法）"
    for width in range(40, 81):
        lines = wrap(text, width)
        assert all(cell_len(line) <= width for line in lines)
        joined = "".join(line.strip() for line in lines)
        for token in ("1212", "810", "2747.20", "dibao.route_household_group"):
            assert token in joined, (width, lines)
        # an opening bracket never ends a line, a closing one never starts one
        assert not [line for line in lines if line.rstrip().endswith("（")], (width, lines)
        assert not [line for line in lines if line.lstrip().startswith(("）", "，", "。"))], (width, lines)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["decide", URBAN, "--opa-url", "ftp://x"], 64),
        (["decide", URBAN, "--as-of", "2025-13-01"], 64),
        (["serve", "--addr", "nonsense"], 64),  # not HOST:PORT: a usage error, not OPA failing to start
    ],
)
def test_usage_errors_are_one_line_and_exit_64(args: list[str], code: int) -> None:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}  # into a pipe: one whole line
    proc = subprocess.run(
        [CLI, *args, "--lang", "zh"], capture_output=True, text=True, check=False, timeout=120, env=env
    )
    assert proc.returncode == code and proc.stdout == ""
    assert proc.stderr.startswith("用法错误：") and len(proc.stderr.splitlines()) == 1
    assert "Value error" not in proc.stderr and "Traceback" not in proc.stderr


COMMAND_NAMES = ["decide", "validate", "clauses", "schema", "bundle", "batch", "synth", "impact"]
COMMAND_NAMES += ["serve", "web", "what-if", "sweep", "explain", "params"]
HELP_COMMANDS = [[], *([c] for c in COMMAND_NAMES)]


@pytest.mark.parametrize("args", HELP_COMMANDS, ids=lambda a: " ".join(a) or "socialaid")
def test_help_is_whole_and_fits(args: list[str]) -> None:
    # Click shortens a command's summary to the room left on the line and ends it with "..."; every
    # summary here is whole ("[ARGS]..." of the usage line is syntax, not a cut), and fits 80 columns.
    proc = run([*args, "--help"], "", columns="80")
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    assert "Commands:" in text or args, text
    for line in text.splitlines():
        assert "…" not in line and "..." not in line.replace("[ARGS]...", ""), f"cut: {line!r}"
        assert line == line.rstrip(), f"trailing spaces: {line!r}"
        assert cell_len(line) <= 80, f"wider than 80: {line!r}"


def test_the_command_list_shows_each_summary_whole() -> None:
    import click
    import typer.main

    from socialaid.cli.main import app

    group = typer.main.get_command(app)
    ctx = click.Context(group)
    listing = run(["--help"], "", columns="80").stdout
    for name in group.list_commands(ctx):  # type: ignore[attr-defined]
        summary = group.get_command(ctx, name).get_short_help_str(limit=10_000)  # type: ignore[attr-defined, union-attr]
        assert f"  {name}" in listing and summary in listing, (name, summary)
        assert len(summary) <= 62, f"{name}: a summary of one line at 80 columns, not {summary!r}"


def test_a_bare_command_shows_the_help_not_a_usage_error_line() -> None:
    proc = run([], "", columns=None)  # into a pipe too, the help as --help shows it
    assert proc.returncode == 64 and proc.stdout == ""
    assert proc.stderr.startswith("Usage: socialaid") and "用法错误" not in proc.stderr
    assert "Commands:" in proc.stderr and "..." not in proc.stderr.replace("[ARGS]...", "")


@pytest.mark.integration
@pytest.mark.parametrize(("lang", "columns"), [("zh", "80"), ("en", None)])
def test_synth_and_batch_speak_one_language_and_fit(lang: str, columns: str | None, tmp_path: Path) -> None:
    # A tiny population decided by batch's own OPA sidecars (Ray in-process): its summary and where the
    # rows went, in the chosen language; at 80 columns (zh) or into a pipe (en), once each (Ray is slow).
    households, decisions = tmp_path / "h.jsonl", tmp_path / "d.jsonl"
    made = run(["synth", "-n", "3", "--seed", "2", "-o", str(households), "--lang", lang], "", columns=columns)
    batch = ["batch", str(households), "-o", str(decisions), "--actors", "1", "--lang", lang]
    decided = run(batch, "", columns=columns)
    assert made.returncode == 0 and decided.returncode == 0, made.stderr + decided.stderr
    assert len(decisions.read_text("utf-8").splitlines()) == 3
    text = made.stderr + decided.stdout
    assert ("已决定 3 户" if lang == "zh" else "decided 3 · refused 0") in text
    assert f"→ {decisions}" in text.replace("\n", "")
    lines = text.splitlines()
    assert not [line for line in lines if line != line.rstrip()], "trailing spaces"
    if columns:
        assert not [line for line in lines if cell_len(line) > 80], lines
    if lang == "en":
        assert not CJK.findall(text), text
    else:
        assert not _english_words(text), sorted(set(_english_words(text)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_serve_prints_where_it_listens_in_the_chosen_language(lang: str) -> None:
    import io

    from socialaid.server.serve import ServeOptions, _print_listening

    out = io.StringIO()
    options = ServeOptions(out=out, lang=lang, log_dir=ROOT / "logs")  # type: ignore[arg-type]
    bundle, key = ROOT / "bundles" / "socialaid.tar.gz", ROOT / ".keys" / "dev-verification.pem"
    token = f"{ROOT / 'logs' / 'token'} (made now)"
    _print_listening(options, url="http://127.0.0.1:8181", bundle=bundle, key=key, token_source=token)
    text = out.getvalue()
    if lang == "zh":
        assert text.startswith("socialaid serve：在 http://127.0.0.1:8181 监听（服务模式，进程号 "), text
        assert "/logs/token（本次生成）" in text and not _english_words(text), _english_words(text)
    else:
        assert text.startswith("socialaid serve: listening on http://127.0.0.1:8181 (service mode, pid "), text
        assert "/logs/token (made now)" in text and not CJK.findall(text), text
