"""What keeps the page safe by default: CSRF tokens, security headers, an access log without household
data, and limits on what a request may carry.

- **CSRF**: signed double submit. A random token lives in an HttpOnly, SameSite=Strict cookie; every
  form carries the HMAC-SHA256 of that token under the server's secret (made at start, never sent).
  A POST whose field is not the cookie's HMAC is refused (403); a cross-site page can neither read the
  cookie nor forge the field.
- **Headers** on every response: a strict Content-Security-Policy (``default-src 'self'``, no inline
  script or style, no framing, forms post only here), X-Frame-Options DENY, nosniff, no referrer, and
  ``Cache-Control: no-store`` (pages hold household data).
- **Access log**: method, route template (``/d/{key}``, never the key or a query), status, duration.
- **Limits**: the body (:data:`MAX_BODY`), the number of fields and the size of each
  (:data:`MAX_FIELDS`, :data:`MAX_PART`); no file uploads.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "CSP",
    "CSRF_COOKIE",
    "CSRF_FIELD",
    "MAX_BODY",
    "MAX_FIELDS",
    "MAX_PART",
    "AccessLog",
    "SecurityHeaders",
    "csrf_ok",
    "csrf_token",
    "new_cookie_token",
    "secured",
]

CSRF_COOKIE = "sa_csrf"
CSRF_FIELD = "csrf"
MAX_BODY = 256 * 1024  # a household of 100 members with every fact is about 60 KB of form
MAX_FIELDS = 6000
MAX_PART = 4096

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]

access_log = logging.getLogger("socialaid.web.access")


def secured(headers: Any) -> None:
    """The security headers on a response made outside the middleware (Starlette answers an unhandled error
    from the outermost layer, past :class:`SecurityHeaders`)."""
    for key, value in _HEADERS:
        headers[key.decode()] = value.decode()
    headers["cache-control"] = "no-store"


def new_cookie_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_token(secret: bytes, cookie_token: str) -> str:
    """The form's token for a cookie token: HMAC-SHA256 under the server's secret."""
    return hmac.new(secret, cookie_token.encode("utf-8"), hashlib.sha256).hexdigest()


def csrf_ok(secret: bytes, cookie_token: str | None, field: str | None) -> bool:
    if not cookie_token or not field or len(cookie_token) > 100 or len(field) > 100:
        return False
    return hmac.compare_digest(csrf_token(secret, cookie_token), field)


class SecurityHeaders:
    """Adds the security headers to every HTTP response (and no-store to every one but static assets)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"server"]
                headers += _HEADERS
                headers.append((b"cache-control", b"public, max-age=3600" if static else b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, sending)


class AccessLog:
    """One line a request: method, the route's template, status, milliseconds. Never a path's values,
    a query string, a form field or a header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            access_log.info(
                "%s %s %d %.1fms",
                scope.get("method", "-"),
                route_template(scope),
                status,
                (time.perf_counter() - started) * 1000,
            )


def route_template(scope: dict[str, Any] | Scope) -> str:
    """The template of the route that answered (``/d/{key}/notice``), ``/static`` for assets, else ``-``."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str) and path:
        return path
    return "-"
