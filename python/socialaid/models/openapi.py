"""``schemas/openapi.json``: the locked server's service contract (OpenAPI 3.1), generated from the models.

Six doors: ``POST /v1/data/socialaid/decision``, ``…/explanation``, ``…/batch``, ``…/words``,
``…/parameters_on`` with the bearer token, and ``GET /health`` without. Request bodies, answers and
OPA's own error bodies are the Pydantic models of :mod:`socialaid.models.service`; OpenAPI 3.1 takes
their JSON Schemas (2020-12) as they are. ``socialaid schema --write`` writes it with the other schemas;
tests/test_openapi.py fails when it drifts, and runs Schemathesis against a live locked server.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from socialaid.models import service as s
from socialaid.paths import SCHEMA_DIR

__all__ = ["DOORS", "OPENAPI_PATH", "generate", "render", "write"]

OPENAPI_PATH = SCHEMA_DIR / "openapi.json"

# door → (request body, answer, summary)
DOORS: dict[str, tuple[type[BaseModel], type[BaseModel], str]] = {
    "decision": (s.DecisionInput, s.DecisionAnswer, "Decide one household (compact) / 认定一户"),
    "explanation": (s.DecisionInput, s.ExplanationAnswer, "The decision with every finding / 认定及全部理由"),
    "batch": (s.BatchInput, s.BatchAnswer, "Decide a chunk of at most 1 000 households / 批量认定"),
    "words": (s.WordsInput, s.WordsAnswer, "The words of the server's bundle revision / 策略包文字"),
    "parameters_on": (s.ParametersOnInput, s.ParametersOnAnswer, "Parameters in force on a date / 某日生效参数"),
}

_ERRORS = {
    "400": (
        "OPA refused the body before the policy saw it: not JSON (NaN, Infinity), longer than "
        "server.decoding.max_length (5 MiB, socialaid.server.limits), or inflating past "
        "server.decoding.gzip.max_length (OPA answers 400 here, not 413) / 请求体不是 JSON 或超过大小限制"
    ),
    "401": (
        "No token, a wrong token, or a door the locked server keeps closed (OPA's authorizer answers 401 for "
        "all of them, never 403 or 404) / 未授权"
    ),
    "500": (
        "OPA could not evaluate: a policy error (never read it as not eligible), or a number past float64 "
        "such as 1e99999, which OPA's authorizer cannot convert / 策略求值错误"
    ),
}


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _json(model: type[BaseModel], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref(model)}}}


def generate() -> dict[str, Any]:
    models: list[type[BaseModel]] = [m for door in DOORS.values() for m in door[:2]]
    models += [s.OpaError, s.Health, s.HealthError]
    unique = list(dict.fromkeys(models))
    _, top = models_json_schema(
        [(m, "validation") for m in unique], ref_template="#/components/schemas/{model}", title="socialaid"
    )
    paths: dict[str, Any] = {}
    for door, (body, answer, summary) in DOORS.items():
        responses = {"200": _json(answer, "The policy's answer / 策略答复")}
        responses |= {code: _json(s.OpaError, text) for code, text in _ERRORS.items()}
        paths[f"/v1/data/socialaid/{door}"] = {
            "post": {
                "operationId": door,
                "summary": summary,
                "security": [{"bearer": []}],
                "requestBody": {"required": True, "content": {"application/json": {"schema": _ref(body)}}},
                "responses": responses,
            }
        }
    paths["/health"] = {
        "get": {
            "operationId": "health",
            "summary": "Whether the server is up with its bundle active / 健康检查",
            "security": [],
            "parameters": [
                {
                    "name": "bundles",
                    "in": "query",
                    "required": False,
                    "description": "Also require the bundle to be active / 同时检查策略包",
                    "schema": {"type": "string", "enum": [""]},
                }
            ],
            "responses": {
                "200": _json(s.Health, "Up / 正常"),
                "500": _json(s.HealthError, "Not ready / 未就绪"),
            },
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "socialaid policy service / 社会救助认定服务",
            "version": "1",
            "description": (
                "The locked OPA server of socialaid (deploy/README.md): the doors a service may use, with the "
                "bearer token; everything else is refused with 401. Invalid input gets HTTP 200 with errors "
                "and no programs. / 锁定的 OPA 服务：仅开放以下接口"
            ),
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "servers": [{"url": "http://127.0.0.1:8181", "description": "loopback (the default of socialaid serve)"}],
        "paths": paths,
        "components": {
            "schemas": top["$defs"],
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"bearer": []}],
    }


def render() -> str:
    return json.dumps(generate(), ensure_ascii=False, indent=2) + "\n"


def write(path: Path = OPENAPI_PATH) -> Path:
    path.write_text(render(), encoding="utf-8")
    return path
