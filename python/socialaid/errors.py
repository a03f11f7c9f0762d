"""The one exception hierarchy of socialaid, and the exit code each error gives the CLI.

SocialaidError                     exit 70 (internal error)
├── InvalidInputError              exit 2  (the request does not match the schema)
│   └── PolicyInputError           exit 2  (the policy found the input invalid; keeps each error's kind)
├── DecisionRefusedError           exit 3  (the policy refused: e.g. no parameter in force)
│   └── PolicyRefusedError         exit 3  (the same, keeping the policy's errors with their kind)
├── OptionError                    exit 64 (a wrong option for the library, e.g. a malformed OPA URL)
├── EngineError                    exit 4  (OPA answered something that is not a decision response:
│   │                                       not JSON, a non-JSON 5xx from a proxy, or JSON of the wrong shape)
│   ├── UnverifiedAnswerError      exit 4  (an answer that fails its schema, its entrypoint's shape, or
│   │                                       names a revision whose words cannot be had)
│   ├── EngineUnavailableError     exit 5  (OPA unreachable, or the sidecar would not start, e.g. a
│   │                                       bundle whose signature does not verify)
│   ├── EngineTimeoutError         exit 6  (OPA did not answer within the whole-request deadline)
│   ├── UndefinedDecisionError     exit 7  (the entrypoint is undefined: wrong bundle or path)
│   ├── PolicyEvaluationError      exit 8  (OPA reported an error evaluating the policy)
│   └── EngineRefusedError         exit 10 (the server refused the request: no or wrong token, or a
│                                           door a locked server keeps closed)
└── BundleError                    exit 9  (the bundle could not be built or signed; OPA's message shown)

Exit 130 is an interrupt (Ctrl-C, SIGTERM); exit 70 anything unforeseen.
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = [
    "BundleError",
    "DecisionRefusedError",
    "EngineError",
    "EngineRefusedError",
    "EngineTimeoutError",
    "EngineUnavailableError",
    "FieldError",
    "InvalidInputError",
    "OptionError",
    "PolicyEvaluationError",
    "PolicyInputError",
    "PolicyRefusedError",
    "SocialaidError",
    "UndefinedDecisionError",
    "UnverifiedAnswerError",
]

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with a request: where (JSON pointer), what is wrong, what was expected."""

    pointer: str
    problem: str
    expected: str

    def to_dict(self) -> dict[str, str]:
        return {"pointer": self.pointer, "problem": self.problem, "expected": self.expected}

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.problem} (expected {self.expected})"


class SocialaidError(Exception):
    exit_code: ClassVar[int] = 70


class InvalidInputError(SocialaidError):
    exit_code = 2

    def __init__(self, errors: list[FieldError], *, source: str = "request") -> None:
        self.errors = errors
        self.source = source
        super().__init__(f"{source} is invalid: " + "; ".join(str(e) for e in errors))


class DecisionRefusedError(SocialaidError):
    """The policy answered with errors instead of an outcome (e.g. no standard in force)."""

    exit_code = 3

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("no decision: " + "; ".join(str(e) for e in errors))


class PolicyInputError(InvalidInputError):
    """The policy found the input invalid; ``policy_errors`` keeps its errors with their ``kind``."""

    def __init__(self, errors: list[FieldError], policy_errors: list[dict[str, Any]]) -> None:
        super().__init__(errors, source="request (checked by the policy)")
        self.policy_errors = policy_errors


class PolicyRefusedError(DecisionRefusedError):
    """The policy refused; ``policy_errors`` keeps its errors as given, each with its ``kind``."""

    def __init__(self, errors: list[FieldError], policy_errors: list[dict[str, Any]]) -> None:
        super().__init__(errors)
        self.policy_errors = policy_errors


class OptionError(SocialaidError):
    """An option given to the library is wrong (not the household): e.g. an OPA URL that is no URL."""

    exit_code = 64


class EngineError(SocialaidError):
    exit_code = 4


class UnverifiedAnswerError(EngineError):
    """OPA's answer failed verification: its schema, its entrypoint's shape, or its revision's words."""


class EngineUnavailableError(EngineError):
    exit_code = 5


class EngineTimeoutError(EngineError):
    exit_code = 6


class UndefinedDecisionError(EngineError):
    exit_code = 7


class PolicyEvaluationError(EngineError):
    exit_code = 8


class EngineRefusedError(EngineError):
    exit_code = 10


class BundleError(SocialaidError):
    exit_code = 9
