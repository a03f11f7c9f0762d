"""The sweep as an inline SVG step chart, drawn on the server: a step line per program with an amount,
the total dashed, each exact cliff a red line with its program and clause. No script, no inline style
(colours are classes of the page's stylesheet, so the Content-Security-Policy stays strict); text is
escaped by the template that embeds it. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from socialaid.analysis.sweep import SweepResult

__all__ = ["Chart", "Line", "Tick", "chart"]

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40


@dataclass(frozen=True)
class Line:
    program: str
    name: str
    css: str
    path: str


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True)
class CliffMark:
    x: float
    label: str
    number: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    cliffs: list[CliffMark]
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM


def _nice(top: float) -> float:
    """A round axis maximum at or above ``top``."""
    if top <= 0:
        return 100.0
    step = 10 ** max(0, len(str(int(top))) - 1)
    for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * step >= top:
            return float(m * step)
    return float(10 * step)


def chart(result: SweepResult, names: dict[str, str], *, cliff_labels: list[str], total_label: str) -> Chart:
    """The drawing of ``result``: ``names`` the programs' names, ``cliff_labels`` one caption per cliff."""
    from socialaid.analysis.sweep import shown_programs

    xs = [float(p.value) for p in result.points]
    x0, x1 = xs[0], xs[-1] if xs[-1] > xs[0] else xs[0] + 1
    y1 = _nice(max([p.total for p in result.points] + [1.0]) * 1.05)
    width, height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(x: float) -> float:
        return round(LEFT + (x - x0) / (x1 - x0) * width, 1)

    def sy(y: float) -> float:
        return round(TOP + height - y / y1 * height, 1)

    def steps(ys: list[float]) -> str:
        d = [f"M{sx(xs[0])},{sy(ys[0])}"]
        for i in range(1, len(xs)):
            d.append(f"H{sx(xs[i])}V{sy(ys[i])}")
        return "".join(d)

    # the total first, broad and pale, so that a program whose line is the total shows on top of it
    lines = [Line("total", total_label, "total", steps([p.total for p in result.points]))]
    lines += [
        Line(pid, names.get(pid, pid), f"s{i % 6}", steps([p.amounts.get(pid, 0.0) for p in result.points]))
        for i, pid in enumerate(shown_programs(result))
    ]
    x_ticks = [Tick(sx(x0 + (x1 - x0) * i / 5), f"{x0 + (x1 - x0) * i / 5:,.0f}") for i in range(6)]
    y_ticks = [Tick(sy(y1 * i / 4), f"{y1 * i / 4:,.0f}") for i in range(5)]
    marks: dict[float, list[tuple[int, str]]] = {}  # cliffs at one income share a line: "1·2"
    for n, (c, label) in enumerate(zip(result.cliffs, cliff_labels, strict=True), start=1):
        marks.setdefault(sx(float(c.at)), []).append((n, label))
    cliffs = [
        CliffMark(x, "; ".join(label for _, label in found), "·".join(str(n) for n, _ in found))
        for x, found in marks.items()
    ]
    return Chart(WIDTH, HEIGHT, lines, x_ticks, y_ticks, cliffs)
