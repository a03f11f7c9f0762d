"""The library core: decisions from one OPA, verified, with the words of the revision that decided.

    from socialaid import Engine

    with Engine.start() as engine:                 # a locked sidecar on the project's bundle
        decision = engine.decide(request)          # a socialaid.models.Decision, one query
        explanation = engine.explain(request)      # the decision with every finding, one query
        words = engine.words_for(explanation)      # titles, quotes and messages of its revision

    with Engine.connect("http://127.0.0.1:8181", token=TOKEN) as engine:   # a district's server
        decisions = engine.batch(requests)         # data.socialaid.batch, 1 000 a query

Every call makes one query to the entrypoint it names. Every answer is verified
(:mod:`socialaid.verify`: schema, shape, request) and the policy's own errors are raised
(:class:`~socialaid.errors.PolicyInputError`, exit 2; :class:`~socialaid.errors.PolicyRefusedError`,
exit 3). The request is validated once, by the policy; nothing here validates it again.

Words come from the bundle that decided: from the sidecar's own bundle file, or from the server's
words door (``data.socialaid.words``), read once per revision and kept by revision (on disk under
``build/cache/words`` by default). A decision whose revision has no words to be had is refused
(:class:`~socialaid.errors.UnverifiedAnswerError`, exit 4): one revision's words are never shown over
another revision's decision.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from socialaid.client import DecisionClient
from socialaid.errors import UnverifiedAnswerError
from socialaid.models.decision import Decision, Explanation
from socialaid.models.doors import ParametersOn, WordsAnswer
from socialaid.paths import REPO_ROOT
from socialaid.verify import View, checked, verified, verified_door
from socialaid.words.texts import Texts, WordsCache, load_texts

__all__ = ["OPA_TOKEN_ENV", "OPA_URL_ENV", "WORDS_CACHE_DIR", "Engine", "open_engine"]

OPA_URL_ENV = "SOCIALAID_OPA_URL"
OPA_TOKEN_ENV = "SOCIALAID_OPA_TOKEN"
WORDS_CACHE_DIR = REPO_ROOT / "build" / "cache" / "words"

M = TypeVar("M", bound=Decision)


class Engine:
    """Decisions from one OPA server (a sidecar this engine started, or a server by URL and token)."""

    def __init__(
        self,
        client: DecisionClient,
        *,
        bundle: Path | None = None,
        words_cache: WordsCache | None = None,
        stop: Any = None,
    ) -> None:
        self.client = client
        self._bundle = bundle
        self._cache = words_cache or WordsCache(None)
        self._stop = stop

    # --- making one -----------------------------------------------------------------------------

    @classmethod
    def start(cls, *, bundle: Path | None = None, mode: str = "analyst", timeout: float = 10.0) -> Engine:
        """Start a locked sidecar on ``bundle`` (default: the project's, rebuilt when policies changed)."""
        from socialaid.server.bundle import ensure_fresh
        from socialaid.server.sidecar import Sidecar

        path = bundle or ensure_fresh()
        sidecar = Sidecar(bundle=path, mode=mode)  # type: ignore[arg-type]
        sidecar.start()
        try:
            client = DecisionClient(sidecar.url, token=sidecar.token, timeout=timeout)
        except BaseException:
            sidecar.stop()
            raise
        return cls(client, bundle=path, stop=sidecar.stop)

    @classmethod
    def connect(
        cls,
        url: str,
        *,
        token: str | None = None,
        timeout: float = 10.0,
        words_cache: Path | bool = True,
    ) -> Engine:
        """Use the OPA server at ``url`` (a locked server wants its bearer ``token``). Its words are kept
        by revision in ``words_cache`` (``True``: :data:`WORDS_CACHE_DIR`; ``False``: in memory only)."""
        directory = WORDS_CACHE_DIR if words_cache is True else (words_cache or None)
        return cls(DecisionClient(url, token=token, timeout=timeout), words_cache=WordsCache(directory))

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self._stop is not None:
                self._stop()
                self._stop = None

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        return self.client.url

    # --- the entrypoints ------------------------------------------------------------------------

    def decide(self, request: Mapping[str, Any]) -> Decision:
        """``data.socialaid.decision`` for one request: the compact decision, verified."""
        return self._one(request, "decision", Decision)

    def explain(self, request: Mapping[str, Any]) -> Explanation:
        """``data.socialaid.explanation``: the decision with every finding and each program's working."""
        return self._one(request, "explanation", Explanation)

    def batch(self, requests: Sequence[Mapping[str, Any]], *, view: View = "decision") -> list[Decision]:
        """``data.socialaid.batch``: one decision per request, in order, 1 000 a query. A row whose
        request is invalid is a decision with errors (not raised); each row is verified."""
        if view not in {"decision", "outcome"}:
            raise ValueError(f"a batch view is decision or outcome, not {view!r}")
        rows = self.client.decide_batch(list(requests), view=view)
        return [verified(row, Decision, view=view, request=req) for row, req in zip(rows, requests, strict=True)]

    def _one(self, request: Mapping[str, Any], view: View, model: type[M]) -> M:
        response = self.client.query(request, rule=view)
        doc = checked(verified(response["result"], model, view=view, request=request))
        self.words_for(doc)  # the revision must be one whose words can be had
        decision_id = response.get("decision_id")
        return doc.model_copy(update={"decision_id": decision_id}) if isinstance(decision_id, str) else doc

    # --- words and parameters -------------------------------------------------------------------

    def words(self) -> Texts:
        """The words of the server's current revision."""
        if self._bundle is not None:
            return load_texts(self._bundle)
        doc = verified_door(self.client.query({}, rule="words")["result"], WordsAnswer, view="words")
        return self._cache.put(Texts.from_door(doc.model_dump()))

    def words_for(self, decision: Decision | str) -> Texts:
        """The words of the revision that made ``decision`` (or of the revision named)."""
        revision = decision if isinstance(decision, str) else decision.bundle_revision
        held = self._cache.get(revision)
        if held is not None:
            return held
        words = self.words()
        if words.revision != revision:
            raise UnverifiedAnswerError(
                f"the decision names bundle revision {revision!r}, but the server's words are of revision "
                f"{words.revision!r}: its words cannot be had, so it is not shown"
            )
        return self._cache.put(words)

    def parameters_on(self, as_of: str) -> ParametersOn:
        """``data.socialaid.parameters_on``: every parameter in force on ``as_of`` with its source."""
        answer = self.client.query({"as_of": as_of}, rule="parameters_on")["result"]
        return verified_door(answer, ParametersOn, view="parameters_on")


@contextmanager
def open_engine(
    opa_url: str | None = None, *, token: str | None = None, timeout: float = 10.0, mode: str = "analyst"
) -> Iterator[Engine]:
    """An engine on ``opa_url`` (else ``$SOCIALAID_OPA_URL`` with ``$SOCIALAID_OPA_TOKEN``), or on a
    sidecar started for the occasion and stopped afterwards (also on Ctrl-C)."""
    url = opa_url or os.environ.get(OPA_URL_ENV)
    engine = (
        Engine.connect(url, token=token or os.environ.get(OPA_TOKEN_ENV), timeout=timeout)
        if url
        else Engine.start(mode=mode, timeout=timeout)
    )
    with engine:
        yield engine
