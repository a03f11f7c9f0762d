"""The sweep's chart: the exact piecewise-linear function of each cash program and the total, the cliffs
numbered above the plot and named in the legend, aid in kind as bands where eligible, the x-axis the
varied field in words with its unit. matplotlib is imported only when a chart is drawn."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from socialaid.analysis.sweep import Cliff, SweepResult, shown_programs
from socialaid.words.messages import Lang, msg

__all__ = ["chart_font", "draw", "eligible_spans", "in_kind_programs", "plot"]


_CJK_FONTS = (
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Droid Sans Fallback",
    "AR PL UMing CN",
)


_CJK_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)


def chart_font() -> str | None:
    """An installed font family with Chinese glyphs, or None (then the chart uses ASCII labels).

    matplotlib caches its font list; a font installed after the cache was built (by
    scripts/ensure-fonts.sh) is added from its usual file."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in _CJK_FONTS if name in installed), None)
    if found:
        return found
    for path in _CJK_FILES:
        if Path(path).is_file():
            font_manager.fontManager.addfont(path)
            return str(font_manager.FontProperties(fname=path).get_name())
    return None


def _ascii(text: str) -> str:
    """Text without the glyphs a Latin font lacks: ``Minimum living guarantee (低保)`` → ``… guarantee``."""
    kept = "".join(ch if ord(ch) < 128 else " " for ch in text.replace("·", "-").replace("：", ": "))
    kept = " ".join(kept.split()).replace("( )", "").replace("()", "")
    return " ".join(kept.split()).replace(" :", ":").replace(" ,", ",").strip(" :-")


def in_kind_programs(result: SweepResult) -> list[str]:
    """Programs eligible somewhere in the range that pay no cash anywhere: aid in kind, drawn as bands."""
    cash = set(shown_programs(result))
    ordered = sorted(result.programs, key=lambda k: (result.programs[k].get("clause") or 0, k))
    return [pid for pid in ordered if pid not in cash and any(p.eligible.get(pid) for p in result.points)]


def eligible_spans(result: SweepResult, program: str) -> list[tuple[float, float]]:
    """The ranges of the varied value over which ``program`` is eligible (ends at decided points)."""
    spans: list[tuple[float, float]] = []
    start: float | None = None
    last: float | None = None
    for p in result.points:
        x = float(p.value)
        if p.eligible.get(program):
            start = x if start is None else start
            last = x
        elif start is not None and last is not None:
            spans.append((start, last))
            start = None
    if start is not None and last is not None:
        spans.append((start, last))
    return spans


def draw(
    ax: Any,
    result: SweepResult,
    *,
    names: dict[str, str],
    words: Callable[..., str],
    axis: str,
    household: str,
    as_of: str,
    show_zero: bool = False,
    cjk: bool = True,
    bands: Any = None,
) -> None:
    """Draw the sweep on matplotlib axes ``ax``: each cash program and the total as the exact
    piecewise-linear function (straight lines between its vertices, a jump at each cliff between its two
    ends a fen apart), each cliff marked by a dotted line and a number above the plot, the numbers
    explained under the legend; aid in kind as bands on ``bands`` (a second axes) where eligible; the
    x-axis in words with its unit. With ``cjk`` False every label is reduced to ASCII."""
    label: Callable[[str], str] = (lambda t: t) if cjk else _ascii
    by_x = {p.value: p for p in result.points}
    xs = list(result.breaks) if result.breaks else [p.value for p in result.points]
    chosen = [by_x[x] for x in xs if x in by_x]
    fx = [float(p.value) for p in chosen]
    for pid in shown_programs(result, show_zero=show_zero):
        ax.plot(fx, [p.amounts.get(pid, 0.0) for p in chosen], linewidth=1.6, label=label(names.get(pid, pid)) or pid)
    ax.plot(
        fx,
        [p.total for p in chosen],
        color="black",
        linewidth=2,
        linestyle="--",
        label=label(words("chart_total")),
    )
    at_x: dict[float, list[Cliff]] = {}
    for c in result.cliffs:
        at_x.setdefault(float(c.at), []).append(c)
    for i, (x, group) in enumerate(sorted(at_x.items()), start=1):
        ax.axvline(x, color="red", alpha=0.45, linestyle=":", linewidth=1)
        ax.annotate(
            str(i),
            xy=(x, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8,
            color="red",
        )
        for c in group:  # the cliffs' words go in the legend, which matplotlib places clear of the lines
            text = words(
                "chart_cliff",
                name=names.get(c.program, c.program),
                clauses=", ".join(map(str, c.clauses)),
                at=f"{x:.2f}",
            )
            ax.plot([], [], " ", label=f"{i}: {label(text)}")
    title = words("chart_title", path=axis, household=household, as_of=as_of)
    if result.hypothetical:
        title += words("chart_hypothetical")
    ax.set_title("\n".join(label(part) for part in title.split(" · ", 1)), fontsize=10, pad=14)
    ax.set_ylabel(label(words("chart_y")) or "CNY per month")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="best", fontsize=8)
    kind = in_kind_programs(result)
    target = bands if bands is not None else ax
    for row, pid in enumerate(kind):
        spans = eligible_spans(result, pid)
        target.broken_barh([(a, max(b - a, 0.0)) for a, b in spans], (row - 0.35, 0.7), color="tab:green", alpha=0.5)
    if bands is not None:
        bands.set_yticks(range(len(kind)), [label(names.get(p, p)) for p in kind], fontsize=8)
        bands.set_ylim(max(len(kind), 1) - 0.4, -0.6)  # the first program on top
        bands.set_title(label(words("sweep_in_kind")), fontsize=8, loc="left")
        bands.grid(True, axis="x", alpha=0.3)
        bands.set_xlabel(label(axis) or "value")
    else:
        ax.set_xlabel(label(axis) or "value")


def plot(
    result: SweepResult,
    file: Path,
    *,
    names: dict[str, dict[str, str]],
    axis: dict[str, str],
    lang: Lang,
    household: str,
    as_of: str,
    show_zero: bool = False,
) -> Path:
    """The chart of :func:`draw` as a PNG in ``lang``, in a CJK font when one is installed; without
    one, in English reduced to ASCII. ``names`` are the programs' names and ``axis`` the varied field's
    words in both languages. Uses matplotlib's Agg backend (no display)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    font = chart_font()
    shown: Lang = lang if font else "en"
    kind = in_kind_programs(result)
    with plt.rc_context({"font.sans-serif": [font, "DejaVu Sans"]} if font else {}):
        if kind:
            fig, (ax, bands) = plt.subplots(
                2, 1, figsize=(10, 7), dpi=120, sharex=True, gridspec_kw={"height_ratios": [4, 0.5 + 0.35 * len(kind)]}
            )
        else:
            fig, ax = plt.subplots(figsize=(10, 6), dpi=120)
            bands = None
        try:
            draw(
                ax,
                result,
                names={pid: n.get(shown, pid) for pid, n in names.items()},
                words=lambda key, **kw: msg(key, shown, **kw),
                axis=axis.get(shown, result.path),
                household=household,
                as_of=as_of,
                show_zero=show_zero,
                cjk=font is not None,
                bands=bands,
            )
            fig.tight_layout()
            file.parent.mkdir(parents=True, exist_ok=True)
            fig.savefig(file, format="png")
        finally:
            plt.close(fig)
    return file
