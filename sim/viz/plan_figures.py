"""Figures of the planner's answer: the ranking, robustness, the PRIM box, the Pareto front.

Each fits an A4 page and a 1280 px screen (at most 7.2 x 6 inches, 110 dpi in
the report), names options by number or short name so labels cannot overlap,
and speaks the report's language.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from sim.experiments.discovery import world_failure_shares  # noqa: E402
from sim.experiments.robustness import regret  # noqa: E402
from sim.viz.answer import option_name, rupiah_short  # noqa: E402
from sim.viz.labels import label, percent  # noqa: E402

WIDTH = 7.2
BEST, OTHER, BASE = "#b7094c", "#6c757d", "#adb5bd"


def axis_name(option: str, lang: str, width: int = 36, lines: int = 2) -> str:
    """An option's name for an axis: wrapped at its "+" to `lines` lines of about `width`.

    Examples
    --------
    >>> print(axis_name("conflict_mapping+leaders_dialogue+counter_hoax+bimtek_training", "en"))
    conflict_mapping + leaders_dialogue
    + counter_hoax + bimtek_training
    """
    parts = option_name(option, lang).split(" + ")
    wrapped = [parts[0]]
    for part in parts[1:]:
        if len(wrapped[-1]) + 3 + len(part) <= width:
            wrapped[-1] += f" + {part}"
        else:
            wrapped.append(f"+ {part}")
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] += " …"
    return "\n".join(wrapped)


def _value_axis(ax, measure, lang: str, axis: str = "x") -> None:
    if measure.is_share:
        formatter = matplotlib.ticker.FuncFormatter(lambda v, _: percent(v, lang, 0))
        (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(formatter)
    elif measure.declared.kind == "rupiah":
        formatter = matplotlib.ticker.FuncFormatter(lambda v, _: rupiah_short(v, lang))
        (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(formatter)


def ranking_figure(answer, lang: str = "id"):
    """The risk of every option with its interval, best at the top, chance best beside it."""
    ranking, measure = answer.ranking, answer.measure
    table = ranking.table.sort_values(["rank", "chance_best", "order"],
                                      ascending=[True, False, True], kind="stable")
    table = table.iloc[::-1]  # best at the top of a horizontal chart
    height = min(6.0, 1.0 + 0.5 * len(table))
    fig, ax = plt.subplots(figsize=(WIDTH, height))
    y = np.arange(len(table))
    colours = [BEST if o == answer.recommended else BASE if o == "baseline" else OTHER
               for o in table["option"]]
    ax.hlines(y, table["low"], table["high"], colors=colours, lw=3)
    ax.scatter(table["estimate"], y, color=colours, zorder=3, s=36)
    ax.set_yticks(y, [axis_name(o, lang) for o in table["option"]], fontsize=7.5)
    for k, chance in enumerate(table["chance_best"]):
        ax.annotate(f"{label('chance_best', lang).lower()} {percent(chance, lang, 0)}", (1.01, k),
                    xycoords=("axes fraction", "data"), fontsize=7.5, va="center")
    _value_axis(ax, measure, lang)
    ax.set_xlabel(measure.label(lang))
    ax.set_title(label("plan:ranking", lang, risk=measure.label(lang),
                       confidence=percent(ranking.confidence, lang, 0)), fontsize=10)
    ax.grid(axis="x", color="#eeeeee")
    fig.tight_layout()
    return fig


def robustness_figure(answer, worlds_table, lang: str = "id"):
    """Regret of each option in each world (dots), the options' mean regret (bar)."""
    options = list(answer.robustness["option"])
    behind = regret(worlds_table[options], answer.measure.lower_is_better).to_numpy()
    mean_regret = answer.robustness["mean_regret"].to_numpy()
    fig, ax = plt.subplots(figsize=(WIDTH, min(6.0, 1.2 + 0.55 * len(options))))
    rng = np.random.default_rng(0)  # jitter only, so that dots in one place are all seen
    for k, option in enumerate(options):
        colour = BEST if option == answer.recommended else OTHER
        ax.barh(k, mean_regret[k], color=colour, alpha=0.25, height=0.6)
        ax.scatter(behind[:, k], k + rng.uniform(-0.18, 0.18, len(behind)), s=12,
                   color=colour)
    ax.set_yticks(range(len(options)), [axis_name(o, lang) for o in options], fontsize=7.5)
    ax.invert_yaxis()
    _value_axis(ax, answer.measure, lang)
    ax.set_xlabel(label("plan:regret_axis", lang))
    ax.set_title(label("plan:regret", lang), fontsize=10)
    fig.tight_layout()
    return fig


def discovery_figure(answer, lang: str = "id"):
    """The worlds on the box's two parameters, coloured by the share of runs failing; the box."""
    box, runs = answer.box, answer.discovery_runs
    names = list(box.limits)
    others = [c for c in runs.columns if c not in names and c != "failed"]
    x_name = names[0]
    y_name = names[1] if len(names) > 1 else (others[0] if others else names[0])
    worlds = world_failure_shares(runs, [x_name, y_name])  # one dot per world
    fig, ax = plt.subplots(figsize=(WIDTH * 0.8, 4.2))
    dots = ax.scatter(worlds[x_name], worlds[y_name], c=worlds["failed"], cmap="Reds", vmin=0,
                      vmax=1, s=46, edgecolors="#333333", linewidths=0.6)
    fig.colorbar(dots, ax=ax, label=label("plan:failing_share", lang), shrink=0.85,
                 format=matplotlib.ticker.FuncFormatter(lambda v, _: percent(v, lang, 0)))
    x_low, x_high = box.limits[x_name]
    y_low, y_high = box.limits.get(y_name, (runs[y_name].min(), runs[y_name].max()))
    ax.add_patch(plt.Rectangle((x_low, y_low), x_high - x_low, y_high - y_low, fill=False,
                               ec="#222222", lw=1.5, ls="--"))
    ax.set_xlabel(x_name, fontsize=8)
    ax.set_ylabel(y_name, fontsize=8)
    ax.set_title(label("plan:box", lang), fontsize=10)
    fig.tight_layout()
    return fig


def front_figure(answer, lang: str = "id"):
    """The NSGA-II search's Pareto front on its first two objectives; the finalists numbered.

    Every package run that fits the budget is a grey dot, the front a line of
    red dots; the finalists carry a number near their dot and their names in
    the legend below, so no name is written over the plot.
    """
    found = answer.intensities
    first, second = found.measures[:2]
    runs = found.evaluations[found.evaluations["feasible"] & (found.evaluations["runs"] > 0)]
    front = found.front.sort_values(first.name, kind="stable")
    fig, ax = plt.subplots(figsize=(WIDTH, 5.4))
    ax.scatter(runs[first.name], runs[second.name], s=10, color=BASE,
               label=label("plan:candidates", lang), zorder=1)
    ax.plot(front[first.name], front[second.name], color=BEST, lw=1, alpha=0.6, zorder=2)
    ax.scatter(front[first.name], front[second.name], s=22, color=BEST,
               label=label("plan:front_points", lang), zorder=3)
    table = front.set_index("option")
    for k, option in enumerate(found.finalists, start=1):
        x, y = table.loc[option, first.name], table.loc[option, second.name]
        ax.scatter([x], [y], s=90, facecolors="none", edgecolors="#222222", zorder=4,
                   label=f"{k}: {axis_name(option, lang, width=90, lines=2)}")
        ax.annotate(str(k), (x, y), xytext=(6, 6), textcoords="offset points", fontsize=8,
                    fontweight="bold", zorder=5)
    _value_axis(ax, first, lang, "x")
    _value_axis(ax, second, lang, "y")
    ax.set_xlabel(_capital(first.label(lang)))
    ax.set_ylabel(_capital(second.label(lang)))
    ax.set_title(label("plan:front", lang), fontsize=10)
    ax.grid(color="#eeeeee")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=7.5, frameon=False,
              ncol=1)
    fig.tight_layout()
    return fig


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]
