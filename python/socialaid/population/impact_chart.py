"""The impact's chart: a PNG of cost, the change per household, deciles and poverty, in zh or en."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialaid.words.messages import Lang

if TYPE_CHECKING:
    from socialaid.population.impact import ImpactReport

__all__ = ["plot_impact"]


def _latin(text: str) -> str:
    """Text a Latin-only font can draw: ``Minimum living guarantee (低保)`` → ``Minimum living guarantee``."""
    kept = "".join(ch if ord(ch) < 128 else " " for ch in text.replace("·", "-"))
    return " ".join(kept.replace("( )", "").replace("()", "").split()).strip(" :-")


def plot_impact(report: ImpactReport, path: Path, *, lang: Lang = "zh", texts: Any = None) -> Path:
    """A PNG in ``lang``: annual cost change by program (urban / rural); the distribution of the change per
    changed household; the mean change by decile of per-capita income before the reform, with the share
    better off; persons below the 低保 standard after cash aid, before and after the reform, urban and rural.
    Program names come from the bundle's catalog (``texts``), every other word from the message catalog."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from socialaid.analysis.chart import chart_font
    from socialaid.words.messages import msg

    font = chart_font()
    shown: Lang = lang if font else "en"

    def word(key: str, **values: Any) -> str:
        text = msg(key, shown, **values)
        return text if font else _latin(text)

    def name(pid: str) -> str:
        text = texts.program_name(pid, shown) if texts is not None else pid
        return str(text) if font else _latin(str(text)) or pid

    programs = report.changed_programs() or report.programs
    names = list(programs)
    urban = [programs[n].monthly_cost_change.get("urban", 0.0) * 12 / 10_000 for n in names]
    rural = [programs[n].monthly_cost_change.get("rural", 0.0) * 12 / 10_000 for n in names]
    dist = report.distributions.to_dict()
    with plt.rc_context({"font.sans-serif": [font, "DejaVu Sans"], "axes.unicode_minus": False} if font else {}):
        fig, axes = plt.subplots(2, 2, figsize=(14, 10))
        (cost, hist), (deciles, poverty) = axes
        positions = list(range(len(names)))  # horizontal bars: a program's name is read level, never cut
        cost.barh([y - 0.2 for y in positions], urban, height=0.4, label=word("impact.col.urban"))
        cost.barh([y + 0.2 for y in positions], rural, height=0.4, label=word("impact.col.rural"))
        cost.set_yticks(positions, [name(n) for n in names])
        cost.invert_yaxis()
        cost.axvline(0, color="black", linewidth=0.8)
        cost.set_xlabel(word("chart.cost.ylabel"))
        cost.set_title(word("chart.cost.title"))
        cost.legend()
        hist.hist(report.household_changes or [0.0], bins=40)
        hist.set_xlabel(word("chart.hist.xlabel"))
        hist.set_ylabel(word("chart.households"))
        hist.set_title(word("chart.hist.title", changed=report.changed_households, households=report.households))
        if dist["available"]:
            rows = dist["deciles"]
            xs = [d["decile"] for d in rows]
            means = [d["mean_monthly_change"] for d in rows]
            deciles.bar(xs, means, color=["tab:green" if m >= 0 else "tab:red" for m in means])
            deciles.axhline(0, color="black", linewidth=0.8)
            deciles.set_xticks(xs)
            share = deciles.twinx()
            share.plot(xs, [d["winners"] / d["households"] for d in rows], color="tab:blue", marker="o")
            share.set_ylim(0, 1)
            share.set_ylabel(word("chart.deciles.share"), color="tab:blue")
            poor = dist["poverty"]
            areas = ("urban", "rural")
            before = [poor["base"]["after_transfers"][a]["persons"] for a in areas]
            after = [poor["reform"]["after_transfers"][a]["persons"] for a in areas]
            poverty.bar([-0.2, 0.8], before, width=0.4, label=word("chart.before"))
            poverty.bar([0.2, 1.2], after, width=0.4, label=word("chart.after"))
            for x, v in zip([-0.2, 0.8, 0.2, 1.2], before + after, strict=True):
                poverty.annotate(f"{v:,}", (x, v), ha="center", va="bottom", fontsize=9)
            poverty.set_xticks([0, 1], [word(f"impact.col.{a}") for a in areas])
            poverty.legend()
        else:
            for ax in (deciles, poverty):
                ax.text(0.5, 0.5, word("chart.none"), ha="center", va="center", transform=ax.transAxes)
                ax.set_xticks([])
                ax.set_yticks([])
        deciles.set_title(word("chart.deciles.title"))
        deciles.set_xlabel(word("chart.deciles.xlabel"))
        deciles.set_ylabel(word("chart.deciles.ylabel"))
        poverty.set_title(word("chart.poverty.title"))
        poverty.set_ylabel(word("chart.poverty.ylabel"))
        fig.suptitle(
            word(
                "chart.title",
                reform=report.reform,
                base=report.base,
                as_of=report.as_of,
                today=dt.date.today().isoformat(),
            )
        )
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, dpi=100)
        plt.close(fig)
    return path
