"""The page's decisions in memory: the last few, each for a working day, under unguessable keys (never
on disk, never in a log), so that a decision's page, its what-if and its print share one answer."""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

__all__ = ["DecisionStore", "Entry"]


@dataclass(frozen=True)
class Entry:
    request: dict[str, Any]
    decision: dict[str, Any]  # the explanation as JSON data (socialaid.models.Explanation.doc())
    created: float


class DecisionStore:
    """The last ``size`` decisions, each for ``ttl`` seconds, under unguessable keys; memory only."""

    def __init__(self, *, size: int = 256, ttl: float = 8 * 3600) -> None:
        self.size, self.ttl = size, ttl
        self._held: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, request: dict[str, Any], decision: dict[str, Any]) -> str:
        key = secrets.token_urlsafe(18)
        with self._lock:
            self._held[key] = Entry(request, decision, time.monotonic())
            while len(self._held) > self.size:
                self._held.popitem(last=False)
        return key

    def get(self, key: str) -> Entry | None:
        with self._lock:
            entry = self._held.get(key)
            if entry is None:
                return None
            if time.monotonic() - entry.created > self.ttl:
                del self._held[key]
                return None
            return entry
