"""Plain lines that fit the screen: wrapped between words, never inside a number, an id or a word.

Every surface of the command line prints through a :class:`Screen`. On a terminal (or when ``$COLUMNS``
says) its width is the terminal's, at least :data:`MIN_WIDTH`; into a pipe or a file it has no width:
each line is written whole, with no padding and no trailing spaces, so that nothing is cut and ``grep``
finds a sentence on one line.

Wrapping counts display cells (an East Asian wide character is two). A line breaks at a space, or
between two Chinese characters, never inside a run of letters, digits and the punctuation that holds
them together (``1,212.00``, ``dibao.income_test``, ``/household/members/0``); Chinese closing
punctuation stays with the character before it. Tables are :func:`columns`: aligned when they fit, one
block per row when they do not.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TextIO

from rich.cells import cell_len

__all__ = ["MIN_WIDTH", "Screen", "columns", "screen_width", "wrap"]

MIN_WIDTH = 40

# A token is a run that is never broken: non-space, non-wide characters (letters, digits, ids, pointers,
# money with its sign and unit), or one wide character with the punctuation that must stay beside it.
_OPENING = "（“‘《「『【〔"
_CLOSING = "）”’》」』】〕，。、；：！？…·"
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_TOKEN = re.compile(rf"\s+|[{_OPENING}]*(?:[{_WIDE}]|[^\s{_WIDE}]+)[{_CLOSING}]*")


def screen_width(stream: TextIO | None = None) -> int | None:
    """``$COLUMNS`` when set, else the terminal's width on a terminal, else None (a pipe: no wrapping)."""
    env = os.environ.get("COLUMNS", "").strip()
    if env.isdigit() and int(env) > 0:
        return max(MIN_WIDTH, int(env))
    target = stream if stream is not None else sys.stdout
    try:
        tty = target.isatty()
    except (AttributeError, ValueError):
        tty = False
    return max(MIN_WIDTH, shutil.get_terminal_size().columns) if tty else None


def wrap(text: str, width: int | None, *, indent: str = "", hang: str = "") -> list[str]:
    """``text`` as lines of at most ``width`` cells: the first line after ``indent``, the others after
    ``hang`` (by default as deep as ``indent``). No width: one line. A token wider than a line (a long
    address) is the only thing ever folded, and a number never is."""
    hang = hang or indent
    if width is None:
        return [(indent + text).rstrip()]
    lines: list[str] = []
    current, used = indent, cell_len(indent)
    at_start = True
    for token in _TOKEN.findall(text):
        if token.isspace():
            if not at_start:
                current += " "
                used += 1
            continue
        size = cell_len(token)
        if used + size > width and not at_start:
            lines.append(current.rstrip())
            current, used = hang, cell_len(hang)
        while used + size > width and not _numeric(token) and len(token) > 1:
            room = max(1, width - used)
            head, token = _split_cells(token, room)
            lines.append((current + head).rstrip())
            current, used = hang, cell_len(hang)
            size = cell_len(token)
        current += token
        used += size
        at_start = False
    lines.append(current.rstrip())
    return lines


def _numeric(token: str) -> bool:
    return bool(re.search(r"\d", token)) and len(token) <= 24


def _split_cells(token: str, room: int) -> tuple[str, str]:
    used = 0
    for i, ch in enumerate(token):
        used += cell_len(ch)
        if used > room:
            return token[: max(1, i)], token[max(1, i) :]
    return token, ""


def columns(
    rows: Sequence[Sequence[str]],
    *,
    header: Sequence[str] | None = None,
    right: Sequence[int] = (),
    width: int | None,
    gap: str = "  ",
    wrap_last: bool = False,
) -> list[str]:
    """A table as lines: cells aligned in columns when every row fits ``width`` (no width: always), the
    columns in ``right`` right-aligned (amounts with their unit). When it does not fit, one block a row:
    the first cell, then ``header: cell`` for each other non-empty cell, wrapped. With ``wrap_last`` the
    last column (words) wraps under itself instead, while the others leave it 20 cells."""
    table = [list(header)] if header else []
    table += [list(r) for r in rows]
    if not table:
        return []
    n = max(len(r) for r in table)
    table = [r + [""] * (n - len(r)) for r in table]
    widths = [max(cell_len(r[i]) for r in table) for i in range(n)]
    total = sum(widths) + cell_len(gap) * (n - 1)
    fixed = sum(widths[:-1]) + cell_len(gap) * (n - 1)
    if width is None or total <= width or (wrap_last and fixed + 20 <= width):
        out = []
        for r in table:
            aligned = r[:-1] if wrap_last else r
            cells = [
                (" " * (widths[i] - cell_len(c)) + c) if i in right else (c + " " * (widths[i] - cell_len(c)))
                for i, c in enumerate(aligned)
            ]
            if not wrap_last:
                out.append(gap.join(cells).rstrip())
                continue
            head = gap.join(cells) + gap if n > 1 else ""
            out += wrap(r[-1], width, indent=head, hang=" " * cell_len(head))
        return out
    out = []
    names = list(header) if header else [""] * n
    for row in rows:
        r = list(row)
        out += wrap(r[0], width)
        for i in range(1, n):
            if r[i] if i < len(r) else "":
                label = f"{names[i]}: " if names[i] else ""
                out += wrap(label + r[i], width, indent="  ", hang="    ")
    return out


@dataclass
class Screen:
    """Lines for one stream, wrapped to its width (None: whole lines)."""

    width: int | None
    stream: TextIO | None = None
    lines: list[str] = field(default_factory=list)

    @classmethod
    def for_stream(cls, stream: TextIO | None = None) -> Screen:
        return cls(screen_width(stream), stream)

    def line(self, text: str = "", *, indent: str = "", hang: str = "") -> None:
        if not text:
            self.lines.append("")
            return
        for part in text.split("\n"):
            self.lines += wrap(part, self.width, indent=indent, hang=hang)

    def heading(self, text: str) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
        self.line(text)

    def table(self, rows: Sequence[Sequence[str]], **kwargs: object) -> None:
        self.lines += columns(rows, width=self.width, **kwargs)  # type: ignore[arg-type]

    def text(self) -> str:
        return "".join(line.rstrip() + "\n" for line in self.lines)

    def flush(self) -> None:
        stream = self.stream if self.stream is not None else sys.stdout
        stream.write(self.text())
        stream.flush()
        self.lines = []
