"""The library core end to end: a real OPA, one query a call, verified answers, words of the revision
that decided. A forging server (a few lines of http.server, standing in for a hostile or broken server,
not for OPA) shows that nothing unverified reaches a caller."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import socialaid
from socialaid.cli.main import app
from socialaid.engine import Engine
from socialaid.errors import PolicyInputError
from socialaid.server.sidecar import Sidecar
from socialaid.words.texts import load_texts
from tests.helpers import EXAMPLES, household, person

URBAN = json.loads((EXAMPLES / "urban-family-eligible.json").read_text("utf-8"))
RUNNER = CliRunner()


@pytest.mark.integration
def test_the_library_call_returns_verified_models(sidecar: Sidecar) -> None:
    with socialaid.Engine.connect(sidecar.url, token=sidecar.token, words_cache=False) as engine:
        decision = engine.decide(URBAN)
        explanation = engine.explain(URBAN)
        words = engine.words_for(explanation)
    assert isinstance(decision, socialaid.Decision) and isinstance(explanation, socialaid.Explanation)
    # Urban standard 808 (2024-04-01). Counted income 900 + 0 + 0 = 900, per capita 300 < 808.
    # Basic (808 − 300) × 3 = 1 524; mother seriously ill 808 × 0.3 = 242.40; son a student 808 × 0.1 = 80.80.
    # 1 524 + 242.40 + 80.80 = 1 847.20.
    assert decision.programs is not None and decision.programs["dibao"].monthly_amount == 1847.20
    assert decision.decision_id and decision.decision_id != explanation.decision_id
    assert words.revision == decision.bundle_revision == explanation.bundle_revision
    assert words.program_name("dibao", "zh") == "最低生活保障"
    assert explanation.programs is not None and explanation.programs["dibao"].details


@pytest.mark.integration
def test_the_policy_s_input_errors_are_raised_with_their_pointers(engine: Engine) -> None:
    with pytest.raises(PolicyInputError) as caught:
        engine.decide(household(person("a", income=-1)))
    assert caught.value.exit_code == 2
    assert caught.value.errors[0].pointer == "/household/members/0/monthly_income"


@pytest.mark.integration
def test_parameters_on_a_date_come_from_the_server(engine: Engine) -> None:
    answer = engine.parameters_on("2025-01-01")
    assert answer.errors == [] and answer.parameters
    standard = next(p for p in answer.parameters if p.name == "dibao.standard_urban")
    assert (standard.value, standard.effective_from) == (808, "2024-04-01")


def _decision_log_paths(sidecar: Sidecar) -> list[str]:
    paths = []
    for line in sidecar.log_text().splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if isinstance(event, dict) and event.get("msg") == "Decision Log":
            paths.append(str(event.get("path")))
    return paths


@pytest.mark.integration
def test_decide_details_makes_one_query_and_validates_once(
    sidecar: Sidecar, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    import socialaid.validation as validation

    for name in ("validate", "validated", "consistency_errors"):
        original = getattr(validation, name)
        monkeypatch.setattr(validation, name, lambda *a, _o=original, _n=name, **k: calls.append(_n) or _o(*a, **k))
    request = tmp_path / "urban.json"
    request.write_text(json.dumps(URBAN), "utf-8")
    monkeypatch.setenv("SOCIALAID_OPA_TOKEN", sidecar.token)
    before = len(_decision_log_paths(sidecar))
    result = RUNNER.invoke(app, ["decide", str(request), "--details", "--opa-url", sidecar.url], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "1847.20" in result.stdout
    logged = _decision_log_paths(sidecar)[before:]
    deciding = [p for p in logged if p != "socialaid/words"]
    assert deciding == ["socialaid/explanation"], logged  # one query, the explanation holds the decision
    assert logged.count("socialaid/words") <= 1  # the words of a revision are read at most once
    assert calls == []  # the policy validated the request; Python did not validate it again


# --- a forging server ------------------------------------------------------------------------------


def _serve(answer: Callable[[str, dict[str, Any]], tuple[int, str, bytes]]) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            status, kind, payload = answer(self.path, body)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def genuine(sidecar: Sidecar) -> dict[str, Any]:
    """A genuine explanation and the genuine words, for the forger to alter."""
    with Engine.connect(sidecar.url, token=sidecar.token, words_cache=False) as engine:
        explanation = engine.client.query(URBAN, rule="explanation")["result"]
        words = engine.client.query({}, rule="words")["result"]
    return {"explanation": explanation, "words": words}


def _forger(explanation: dict[str, Any], words: dict[str, Any]) -> Callable[..., tuple[int, str, bytes]]:
    def answer(path: str, body: dict[str, Any]) -> tuple[int, str, bytes]:
        result = words if path.endswith("/words") else explanation
        return 200, "application/json", json.dumps({"result": result, "decision_id": "forged"}).encode()

    return answer


def _cli(url: str, tmp_path: Path) -> Any:
    request = tmp_path / "urban.json"
    request.write_text(json.dumps(URBAN), "utf-8")
    cache = tmp_path / "cache"
    import socialaid.engine as engine_module

    engine_module.WORDS_CACHE_DIR = cache  # a fresh words cache for each forged server
    try:
        return RUNNER.invoke(app, ["decide", str(request), "--opa-url", url], catch_exceptions=False)
    finally:
        engine_module.WORDS_CACHE_DIR = Path(engine_module.REPO_ROOT / "build" / "cache" / "words")


def _forged(genuine: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    doc = json.loads(json.dumps(genuine["explanation"]))
    change(doc)
    return doc


FORGERIES: dict[str, Callable[[dict[str, Any]], None]] = {
    "an unknown field": lambda d: d.update({"approved_by": "nobody"}),
    "a negative amount": lambda d: d["programs"]["dibao"].update({"monthly_amount": -1}),
    "a foreign revision": lambda d: d.update({"bundle_revision": "0123456789ab"}),
    "a member who is not in the household": lambda d: d["programs"]["dibao"]["covered_member_ids"].append("x"),
    "another date": lambda d: d.update({"as_of": "2020-01-01"}),
    "programs and errors at once": lambda d: d.update(
        {"errors": [{"kind": "input", "pointer": "", "problem": "p", "expected": "e"}]}
    ),
    "no findings": lambda d: d.pop("findings"),
    "an amount as text": lambda d: d["programs"]["dibao"].update({"monthly_amount": "99999"}),
}


@pytest.mark.integration
@pytest.mark.parametrize("forgery", sorted(FORGERIES))
def test_a_forged_answer_is_exit_4_saying_what_was_wrong(forgery: str, genuine: dict[str, Any], tmp_path: Path) -> None:
    forged = _forged(genuine, FORGERIES[forgery])
    for url in _serve(_forger(forged, genuine["words"])):
        result = _cli(url, tmp_path)
    assert result.exit_code == 4, (forgery, result.stdout)
    assert result.stdout == ""
    assert "OPA" in result.stderr or "revision" in result.stderr


@pytest.mark.integration
def test_the_genuine_answer_through_the_same_server_is_shown(genuine: dict[str, Any], tmp_path: Path) -> None:
    """The forging server passes the genuine answer through: the test above fails for the forgery only."""
    for url in _serve(_forger(genuine["explanation"], genuine["words"])):
        result = _cli(url, tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "1847.20" in result.stdout


@pytest.mark.integration
def test_a_decision_of_another_revision_is_shown_in_that_revision_s_words(
    genuine: dict[str, Any], tmp_path: Path
) -> None:
    """A server one revision ahead: its words door names its own revision; the decision another. With
    the other revision's words at hand (cached), they are used; without them, the answer is refused."""
    ahead = json.loads(json.dumps(genuine["words"]))
    ahead["bundle_revision"] = "ahead0000000"
    ahead["catalog"]["programs"]["dibao"]["name"]["zh"] = "另一版本的名称"
    for url in _serve(_forger(genuine["explanation"], ahead)):
        refused = _cli(url, tmp_path)
        with Engine.connect(url, words_cache=tmp_path / "kept") as engine:
            # the words of the deciding revision, kept from before (as a CLI's cache keeps them)
            from socialaid.words.texts import Texts, WordsCache

            kept = WordsCache(tmp_path / "kept")
            kept.put(Texts.from_door(genuine["words"]))
            engine._cache = kept
            shown = engine.words_for(engine.explain(URBAN))
    assert refused.exit_code == 4 and "ahead0000000" in refused.stderr
    assert shown.revision == genuine["explanation"]["bundle_revision"]
    assert shown.program_name("dibao", "zh") == "最低生活保障"


@pytest.mark.integration
def test_a_proxy_s_html_error_page_is_exit_4(tmp_path: Path) -> None:
    def answer(path: str, body: dict[str, Any]) -> tuple[int, str, bytes]:
        return 500, "text/html", b"<html><body>Internal Server Error</body></html>"

    for url in _serve(answer):
        result = _cli(url, tmp_path)
    assert result.exit_code == 4, result.stderr


@pytest.mark.parametrize("url", ["not a url", "not-a-url", "ftp://x", "http://x:8181?q=1", "http://x:99999"])
def test_a_malformed_opa_url_is_a_usage_error(url: str, tmp_path: Path) -> None:
    result = _cli(url, tmp_path)
    assert result.exit_code == 64, result.stderr


def test_a_host_and_port_without_a_scheme_is_an_opa_url() -> None:
    from socialaid.client import DecisionClient

    assert DecisionClient("127.0.0.1:8181").url == "http://127.0.0.1:8181"


@pytest.mark.integration
def test_words_are_kept_by_revision_on_disk(sidecar: Sidecar, tmp_path: Path) -> None:
    words = load_texts(sidecar.bundle)
    from socialaid.words.texts import WordsCache

    cache = WordsCache(tmp_path)
    clean = type(words)(**{**words.__dict__, "revision": "abc123"})
    cache.put(clean)
    assert (tmp_path / "abc123.json").is_file()
    assert WordsCache(tmp_path).get("abc123") == clean
    cache.put(type(words)(**{**words.__dict__, "revision": "abc123-dirty"}))
    assert not (tmp_path / "abc123-dirty.json").exists()  # a working tree's revision names no one set of words
    cache.put(type(words)(**{**words.__dict__, "revision": "../escape"}))
    assert not list(tmp_path.parent.glob("escape*"))
