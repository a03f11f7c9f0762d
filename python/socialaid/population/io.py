"""Populations on disk: JSONL, flat CSV and Parquet in; JSONL and Parquet out.

Pure conversions (no Ray, no OPA) so they can be tested alone and run inside Ray workers:

- :func:`request_from_line` — one JSONL line → a request, or the field errors that say why not;
- :func:`request_from_flat` — one flat CSV/Parquet row (the columns in docs/population.md) → a request;
- :func:`count_rows` — how many rows a file holds, for the progress bar;
- :class:`RowWriter` — writes output rows, in order, to ``.jsonl`` or ``.parquet``.

pyarrow is imported only by the functions that need it.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from socialaid.errors import FieldError, InvalidInputError

__all__ = [
    "FLAT_HOUSEHOLD_COLUMNS",
    "FLAT_MEMBER_COLUMNS",
    "InputFormat",
    "RowWriter",
    "count_rows",
    "input_format",
    "request_from_flat",
    "request_from_line",
]


class InputFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


FLAT_HOUSEHOLD_COLUMNS = ("household_id", "as_of", "area", "assets_test_met", "single_parent_family")
# m{i}_<name> for member i = 1, 2, …
FLAT_MEMBER_COLUMNS = (
    "id",
    "birth_date",
    "monthly_income",
    "disability_grade",
    "disability_type",
    "serious_illness",
    "chronic_illness",
    "education_stage",
    "employment_status",
    "able_to_work",
    "willing_to_work",
    "poverty_status",
    "self_care",
    "legal_supporters",
)
_MEMBER_COLUMN = re.compile(r"^m([1-9][0-9]*)_([a-z_]+)$")
# what a line must hold for Python's parser to give a non-finite number (an exponent of 309 or more overflows)
_MAYBE_NON_FINITE = re.compile(r"NaN|Infinity|[0-9][eE]\+?0*[0-9]{3}")
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}


def input_format(path: Path, given: str | None = None) -> InputFormat:
    """The format named, else read from the file name (``.jsonl``/``.json``/``.ndjson``, ``.csv``, ``.parquet``)."""
    if given:
        return InputFormat(given)
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson", ".json"}:
        return InputFormat.jsonl
    if suffix == ".csv":
        return InputFormat.csv
    if suffix in {".parquet", ".pq"}:
        return InputFormat.parquet
    raise InvalidInputError(
        [FieldError("", f"cannot tell the format of {path.name}", "a .jsonl, .csv or .parquet file")],
        source=str(path),
    )


def request_from_line(line: str) -> tuple[dict[str, Any] | None, list[FieldError]]:
    """One JSONL line → (request, []) or (request or None, errors). The schema check itself is the policy's.

    JSON has no NaN or Infinity, but Python's parser takes them (and reads 1e999 as infinity): such a
    number is refused here with the pointer of each field that holds one, and the request is kept only
    so that its row can name the household."""
    if not line.strip():
        return None, [FieldError("", "empty line", "one JSON object per line")]
    try:
        value = json.loads(line)
    except ValueError as exc:
        return None, [FieldError("", f"not JSON: {exc}", "one JSON object per line")]
    if not isinstance(value, dict):
        return None, [FieldError("", f"a JSON {type(value).__name__}, not an object", "a household request object")]
    if not _MAYBE_NON_FINITE.search(line):
        return value, []
    non_finite = [
        FieldError(pointer, f"not a finite number: {number!r}", "a finite number (JSON has no NaN or Infinity)")
        for pointer, number in _non_finite(value, "")
    ]
    return value, non_finite


def _non_finite(value: Any, pointer: str) -> Iterator[tuple[str, float]]:
    """(JSON pointer, number) of every NaN or infinite number in a parsed JSON value."""
    if isinstance(value, float):
        if not math.isfinite(value):
            yield pointer, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _non_finite(item, f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _non_finite(item, f"{pointer}/{i}")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and not value)


def _as_bool(value: Any, pointer: str, errors: list[FieldError]) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    errors.append(FieldError(pointer, f"not a yes/no value: {value!r}", "true or false"))
    return None


def _as_number(value: Any, pointer: str, errors: list[FieldError]) -> float | int | None:
    if isinstance(value, bool):
        errors.append(FieldError(pointer, f"not a number: {value!r}", "a number"))
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(str(value).strip())
        except ValueError:
            errors.append(FieldError(pointer, f"not a number: {value!r}", "a number"))
            return None
    if not math.isfinite(number):
        errors.append(FieldError(pointer, f"not a finite number: {value!r}", "a number"))
        return None
    return int(number) if number.is_integer() else number


def _as_text(value: Any) -> str:
    text = str(value).strip()
    return text


def _member(index: int, fields: dict[str, Any], errors: list[FieldError]) -> dict[str, Any]:
    base = f"/household/members/{index}"
    member: dict[str, Any] = {"id": _as_text(fields["id"]) if "id" in fields else f"m{index + 1}"}
    for name, value in fields.items():
        ptr = f"{base}/{name}"
        if name == "birth_date":
            member["birth_date"] = _as_text(value)
        elif name == "monthly_income":
            member["monthly_income"] = _as_number(value, ptr, errors)
        elif name in {"serious_illness", "chronic_illness"}:
            member[name] = _as_bool(value, ptr, errors)
        elif name == "poverty_status":
            member[name] = _as_text(value)
        elif name == "disability_grade":
            member.setdefault("disability", {})["grade"] = _as_number(value, f"{base}/disability/grade", errors)
        elif name == "disability_type":
            member.setdefault("disability", {})["type"] = _as_text(value)
        elif name == "education_stage":
            member["education"] = {"stage": _as_text(value), "enrolled": True}
        elif name == "employment_status":
            member.setdefault("employment", {})["status"] = _as_text(value)
        elif name in {"able_to_work", "willing_to_work"}:
            member.setdefault("employment", {})[name] = _as_bool(value, f"{base}/employment/{name}", errors)
        elif name == "self_care":
            member["self_care"] = {"ability": _as_text(value)}
        elif name == "legal_supporters":
            member["legal_supporters"] = _supporters(value, ptr, errors)
    return member


def _supporters(value: Any, pointer: str, errors: list[FieldError]) -> list[Any] | None:
    text = _as_text(value)
    if text.lower() == "none":
        return []
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    if not isinstance(parsed, list):
        errors.append(FieldError(pointer, f"not a list of supporters: {text!r}", '"none" or a JSON array'))
        return None
    return parsed


def request_from_flat(row: dict[str, Any]) -> tuple[dict[str, Any] | None, list[FieldError]]:
    """One flat row (docs/population.md, "Flat columns") → (request, []) or (None, errors).

    An empty cell is an absent field. Values are converted to the schema's types here; whether they
    are allowed (dates, areas, codes) is the policy's schema check, with the same JSON pointers.
    """
    errors: list[FieldError] = []
    household: dict[str, Any] = {}
    members: dict[int, dict[str, Any]] = {}
    as_of: Any = None
    for column, value in row.items():
        if _empty(value):
            continue
        match = _MEMBER_COLUMN.match(column)
        if match and match.group(2) in FLAT_MEMBER_COLUMNS:
            members.setdefault(int(match.group(1)), {})[match.group(2)] = value
        elif column == "as_of":
            as_of = _as_text(value)
        elif column == "household_id":
            household["id"] = _as_text(value)
        elif column == "area":
            household["area"] = _as_text(value)
        elif column in {"assets_test_met", "single_parent_family"}:
            household[column] = _as_bool(value, f"/household/{column}", errors)
        else:
            errors.append(FieldError(f"/{column}", f"unknown column {column!r}", "a column of docs/population.md"))
    ordered = [members[k] for k in sorted(members)]
    household["members"] = [_member(i, fields, errors) for i, fields in enumerate(ordered)]
    if errors:
        return None, errors
    request: dict[str, Any] = {"household": household}
    if as_of is not None:
        request["as_of"] = as_of
    return request, []


def count_rows(path: Path, fmt: InputFormat) -> int:
    """Rows in the file: lines of a JSONL file, records of a CSV file, rows of a Parquet file."""
    if fmt is InputFormat.parquet:
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    lines = 0
    last = b"\n"
    with path.open("rb") as f:
        while chunk := f.read(1 << 22):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    if last != b"\n":
        lines += 1
    return lines - 1 if fmt is InputFormat.csv else lines


class RowWriter:
    """Output rows, in the order given, to a JSONL file (one object a line) or a Parquet file.

    The rows go to a temporary file beside ``path`` (``.NAME.PID.partial``), renamed to ``path`` when the
    writer is closed without an error: a run that fails leaves nothing at ``path`` (an older file there
    is left as it was) and removes its partial file. ``discard()`` does the same by hand.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.parquet = path.suffix.lower() in {".parquet", ".pq"}
        self.rows = 0
        self._text: IO[str] | None = None
        self._writer: Any = None
        path.parent.mkdir(parents=True, exist_ok=True)
        self.partial = path.parent / f".{path.name}.{os.getpid()}.partial"
        if not self.parquet:
            self._text = self.partial.open("w", encoding="utf-8")

    def write_json_lines(self, lines: list[str]) -> None:
        """Rows already serialised as JSON objects."""
        if self._text is not None:
            self._text.write("\n".join(lines) + "\n" if lines else "")
        else:
            self._write_parquet([json.loads(line) for line in lines])
        self.rows += len(lines)

    def _write_parquet(self, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not rows:
            return
        table = pa.Table.from_pylist([_parquet_row(r) for r in rows], schema=_parquet_schema())
        if self._writer is None:
            self._writer = pq.ParquetWriter(str(self.partial), table.schema)
        self._writer.write_table(table)

    def _close_files(self) -> None:
        if self._text is not None:
            self._text.close()
            self._text = None
        if self._writer:
            self._writer.close()
        self._writer = False

    def close(self) -> None:
        """Finish the file and move it to ``path``."""
        if self._writer is False:
            return
        if self.parquet and self._writer is None:
            import pyarrow as pa
            import pyarrow.parquet as pq

            self._writer = pq.ParquetWriter(str(self.partial), _parquet_schema())
            self._writer.write_table(pa.Table.from_pylist([], schema=_parquet_schema()))
        self._close_files()
        os.replace(self.partial, self.path)

    def discard(self) -> None:
        """Drop what was written: nothing appears at ``path``."""
        self._close_files()
        self.partial.unlink(missing_ok=True)

    def __enter__(self) -> RowWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.discard()


def _parquet_schema() -> Any:
    import pyarrow as pa

    program = pa.struct(
        [
            ("program", pa.string()),
            ("eligible", pa.bool_()),
            ("monthly_amount", pa.float64()),
            ("clause", pa.int32()),
            ("covered", pa.int32()),
            ("rules", pa.list_(pa.string())),
        ]
    )
    return pa.schema(
        [
            ("household_id", pa.string()),
            ("as_of", pa.string()),
            ("bundle_revision", pa.string()),
            ("hypothetical", pa.bool_()),
            ("area", pa.string()),
            ("household_size", pa.int32()),
            ("status", pa.string()),
            ("errors", pa.string()),
            ("clauses", pa.list_(pa.int32())),
            ("programs", pa.list_(program)),
        ]
    )


def _parquet_row(row: dict[str, Any]) -> dict[str, Any]:
    programs = row.get("programs")
    return {
        "household_id": row.get("household_id"),
        "as_of": row.get("as_of"),
        "bundle_revision": row.get("bundle_revision"),
        "hypothetical": row.get("hypothetical"),
        "area": row.get("area"),
        "household_size": row.get("household_size"),
        "status": row.get("status"),
        "errors": json.dumps(row.get("errors", []), ensure_ascii=False),
        "clauses": row.get("clauses", []),
        "programs": None
        if programs is None
        else [
            {
                "program": name,
                "eligible": p.get("eligible"),
                "monthly_amount": p.get("monthly_amount"),
                "clause": p.get("clause"),
                "covered": p.get("covered"),
                "rules": [r["rule"] for r in p.get("rules", [])],
            }
            for name, p in programs.items()
        ],
    }
