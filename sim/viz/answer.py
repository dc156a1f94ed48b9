"""The planner's answer in words, Indonesian and English: the same sentences in terminal and report.

It computes nothing: every number comes from `sim.experiments.plan.Answer`.
Differences are never printed with a sign a reader has to decode: an option
"lowers the risk by 12 percentage points [5; 19]", the bounds in the same
direction as the words.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sim.experiments.spec import BASELINE
from sim.viz.labels import label, number, percent


def rupiah_short(value: float, lang: str) -> str:
    """``Rp 2,98 miliar`` / ``Rp 2.98 billion`` (millions below a billion).

    Examples
    --------
    >>> rupiah_short(2_984_323_768, "id"), rupiah_short(365_400_000, "en")
    ('Rp 2,98 miliar', 'Rp 365 million')
    """
    if value is None or not math.isfinite(value):
        return "–"
    if value == 0:
        return "Rp 0"
    if abs(value) >= 1e9:
        return label("rupiah_billions", lang, amount=number(value / 1e9, lang, 2))
    return label("rupiah_millions", lang, amount=number(value / 1e6, lang, 0))


def option_title(option: str, lang: str) -> str:
    """What an option is: a package's title, or the catalogue titles of its strategies."""
    from sim.strategies import CATALOGUE, PACKAGE_TITLES

    if option == BASELINE:
        return label("none", lang)
    titles = []
    for name in option.split("+"):
        name = name.strip()
        if name.startswith("package:") and name.removeprefix("package:") in PACKAGE_TITLES:
            titles.append(PACKAGE_TITLES[name.removeprefix("package:")][lang])
        elif name in CATALOGUE:
            titles.append(CATALOGUE[name].title[lang])
        else:
            titles.append(name)
    return " + ".join(titles)


def difference_bounds(low: float, high: float, measure, lang: str) -> str:
    """``[2; 34]`` of a difference, in percentage points for shares, never ``-0``."""
    return f"[{_bare(low, measure, lang)}; {_bare(high, measure, lang)}]"


def option_name(option: str, lang: str) -> str:
    """An option as people say it: the baseline in words, a package by its name."""
    if option == BASELINE:
        return label("none", lang)
    parts = []
    for part in option.removeprefix("package:").split("+"):
        name, mark, value = part.partition("@")  # an intensity: "counter_hoax@0.35"
        parts.append(f"{name} {percent(float(value), lang, 0)}" if mark else name)
    return " + ".join(parts)


def measure_value(value: float, measure, lang: str) -> str:
    """A value of a measure: a percentage for chances and shares, else a number."""
    if value is None or not math.isfinite(value):
        return "–"
    if measure.is_share:
        return percent(value, lang, 0)
    if measure.declared.kind == "rupiah":
        return rupiah_short(value, lang)
    return number(value, lang, 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2)


def measure_interval(low: float, high: float, measure, lang: str) -> str:
    return f"[{measure_value(low, measure, lang)}; {measure_value(high, measure, lang)}]"


def difference_size(value: float, measure, lang: str) -> str:
    """A difference's size: percentage points for chances and shares.

    >>> from sim.experiments.measures import parse_measure
    >>> difference_size(0.125, parse_measure("chance(riots > 0)"), "en")
    '12 percentage points'
    """
    if measure.is_share:
        return f"{number(100 * value, lang, 0)} {label('percentage_points', lang)}"
    return number(value, lang, 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2)


def _bare(value: float, measure, lang: str) -> str:
    value = 0.0 if abs(value) < 1e-12 else value  # never "-0"
    return number(100 * value if measure.is_share else value, lang,
                  0 if measure.is_share or abs(value) >= 100 else 1 if abs(value) >= 10 else 2)


def headline(answer, lang: str) -> str:
    """What the recommended option does to the risk, without mixed signs."""
    measure, ranking = answer.measure, answer.ranking
    if answer.recommended == BASELINE or answer.versus_baseline is None:
        return label("answer:no_option", lang)
    mine, base = ranking.row(answer.recommended), ranking.row(BASELINE)
    effect = answer.versus_baseline
    sign = -1 if measure.lower_is_better else 1  # a "lowering" is a better change
    better_low, better_high = sorted((sign * effect["low"], sign * effect["high"]))
    values = {"option": option_name(answer.recommended, lang),
              "risk": measure.label(lang)[0].lower() + measure.label(lang)[1:],
              "base": measure_value(base["estimate"], measure, lang),
              "value": measure_value(mine["estimate"], measure, lang)}
    interval = f"[{_bare(better_low, measure, lang)}; {_bare(better_high, measure, lang)}]"
    gain = sign * effect["difference"]
    size = difference_size(gain, measure, lang)
    if effect["told_apart"] and better_low > 0:
        return label("answer:headline_lower", lang, **values, diff=size, interval=interval)
    if better_low > 0:  # the interval leaves out zero, the tests over every pair do not
        return label("answer:headline_not_sure", lang, **values, diff=size, interval=interval,
                     pairs=len(ranking.pairs))
    if gain >= 0 or not effect["told_apart"]:
        return label("answer:headline_not_lower", lang, **values, diff=size, interval=interval)
    worse = f"[{_bare(-better_high, measure, lang)}; {_bare(-better_low, measure, lang)}]"
    return label("answer:headline_higher", lang, **values,
                 diff=difference_size(-gain, measure, lang), interval=worse)


def sureness(answer, lang: str) -> list[str]:
    """Chance of being best, who it cannot be told apart from, and the runs that would."""
    ranking, option = answer.ranking, answer.recommended
    if option == BASELINE:
        return []
    alpha = percent(ranking.alpha, lang, 0)
    lines = [label("answer:sure", lang, chance=percent(ranking.row(option)["chance_best"], lang, 0),
                   n=ranking.replications)]
    others = ranking.tied_with(option)
    if not others:
        return lines + [label("answer:clearly_best", lang, alpha=alpha)]
    # the rivals most often best first: they are the ones a planner would weigh against it
    chances = ranking.table.set_index("option")["chance_best"]
    others = sorted(others, key=lambda o: (-chances[o], ranking.options.index(o)))
    rivals = [others[0]] + ([BASELINE] if BASELINE in others[1:] else [])
    counts, blind = [], ""
    for other in rivals:
        pair = ranking.pair(option, other)
        if pair["more_replications"] is None or pd.isna(pair["more_replications"]):
            blind = blind or label("answer:no_more_runs", lang, other=option_name(other, lang))
        else:
            counts.append(label("answer:runs_from", lang,
                                runs=number(pair["more_replications"], lang),
                                other=option_name(other, lang)))
    more = label("answer:more_runs", lang, runs=", ".join(counts),
                 power=percent(answer.power, lang, 0)) if counts else ""
    lines.append(label("answer:tied", lang, n=ranking.replications, count=len(others),
                       closest=option_name(others[0], lang), pairs=len(ranking.pairs),
                       alpha=alpha, more=more + blind))
    return lines


def cost_sentence(answer, lang: str) -> str:
    """What the recommended option costs, in full and within the budget."""
    costs = answer.costs.set_index("option") if not answer.costs.empty else None
    if costs is None or answer.recommended not in costs.index:
        return ""
    row = costs.loc[answer.recommended]
    held = rupiah_short(row["held_cost"], lang)
    if answer.budget is None:
        return label("answer:cost_no_budget", lang, held=held)
    if row["share_held"] >= 1.0:
        return label("answer:cost_whole", lang, held=held, budget=rupiah_short(answer.budget, lang))
    return label("answer:cost_partial", lang, held=held, budget=rupiah_short(answer.budget, lang),
                 full=rupiah_short(row["full_cost"], lang),
                 share=percent(row["share_held"], lang, 0))


def _event(answer, lang: str) -> str:
    measure = answer.measure
    if measure.kind == "chance":
        text = measure.label(lang)
        return text[0].lower() + text[1:]
    threshold = measure_value(answer.satisficing, measure, lang)
    return f"{measure.declared.label(lang).lower()} > {threshold}"


def condition_text(name: str, low: float, high: float, lower_open: bool, upper_open: bool,
                   lang: str) -> str:
    """``grievance.legitimacy < 0,88`` or ``0,3 ≤ x ≤ 0,5``, as the box restricts it."""
    def show(v: float) -> str:
        return number(v, lang, 2 if abs(v) < 10 else 1)

    if lower_open:
        return f"{name} < {show(high)}"
    if upper_open:
        return f"{name} > {show(low)}"
    return f"{show(low)} ≤ {name} ≤ {show(high)}"


def failure_sentence(answer, lang: str) -> str:
    """Where the recommended option still fails (PRIM), in one sentence."""
    worlds = len(answer.worlds)
    if answer.robustness is None:
        return label("answer:no_robustness", lang)
    box = answer.box
    event = _event(answer, lang)
    if box is None:
        rate = answer.failure_rate
        base = percent(rate, lang, 0) if rate is not None else "–"
        note = answer.discovery_note or "no_box"
        return label(f"answer:{note}", lang, event=event, worlds=worlds, base=base)
    conditions = label("answer:and", lang).join(
        condition_text(n, lo, hi, box.lower_open[n], box.upper_open[n], lang)
        for n, (lo, hi) in box.limits.items())
    return label("answer:fails_when", lang, event=event, density=percent(box.density, lang, 0),
                 base=percent(box.base_rate, lang, 0), conditions=conditions,
                 coverage=percent(box.coverage, lang, 0), runs=box.runs, worlds=worlds)


def robustness_sentences(answer, lang: str) -> list[str]:
    """How the recommended option does across worlds, and the most robust if another."""
    table = answer.robustness
    if table is None:
        return []
    rows = table.set_index("option")
    option = answer.recommended if answer.recommended in rows.index else rows.index[0]
    row = rows.loc[option]
    worlds = int(row["worlds"])
    satisficing = ""
    if "satisficing_share" in rows.columns and answer.satisficing is not None:
        satisficing = label("answer:satisficing", lang,
                            threshold=measure_value(answer.satisficing, answer.measure, lang),
                            share=percent(row["satisficing_share"], lang, 0))
    lines = [label("answer:robust", lang, worlds=worlds,
                   source=label(f"answer:source_{answer.robustness_source}", lang),
                   option=option_name(option, lang),
                   best=percent(row["best_share"], lang, 0),
                   mean_regret=difference_size(row["mean_regret"], answer.measure, lang),
                   max_regret=difference_size(row["max_regret"], answer.measure, lang),
                   satisficing=satisficing)]
    if table["option"].iloc[0] != option:
        lines.append(label("answer:robust_other", lang, option=option_name(table["option"].iloc[0],
                                                                    lang)))
    return lines


def search_sentence(answer, lang: str) -> str:
    """What the search screened and which finalists it kept."""
    found = answer.search
    if found is None:
        return _intensity_sentence(answer.intensities, lang)
    return label("answer:search", lang, candidates=found.candidates, rounds=len(found.rounds),
                 runs=number(found.runs, lang),
                 finalists=", ".join(option_name(f, lang) for f in found.finalists))


def ranking_rows(answer, lang: str) -> pd.DataFrame:
    """The ranking as a table of formatted cells: rank, option, risk, chance best, costs."""
    ranking, measure = answer.ranking, answer.measure
    costs = answer.costs.set_index("option") if not answer.costs.empty else None
    table = ranking.table.sort_values(["rank", "chance_best", "order"],
                                      ascending=[True, False, True], kind="stable")
    confidence = percent(ranking.confidence, lang, 0)
    rows = []
    for _, row in table.iterrows():
        line = {label("answer:rank", lang): str(int(row["rank"])),
                label("answer:option", lang): option_name(row["option"], lang),
                f"{measure.label(lang)} [{confidence}]":
                    f"{measure_value(row['estimate'], measure, lang)} "
                    f"{measure_interval(row['low'], row['high'], measure, lang)}",
                label("chance_best", lang): percent(row["chance_best"], lang, 0)}
        if costs is not None and row["option"] in costs.index:
            cost = costs.loc[row["option"]]
            line[label("answer:full_cost", lang)] = rupiah_short(cost["full_cost"], lang)
            line[label("answer:share_held", lang)] = percent(cost["share_held"], lang, 0)
        rows.append(line)
    return pd.DataFrame(rows)


def _intensity_sentence(found, lang: str) -> str:
    if found is None:
        return ""
    strategies = {k.partition("@")[0] for o in found.evaluations["option"] if o != BASELINE
                  for k in o.split("+")}
    return label("answer:intensity_search", lang, algorithm=label(f"answer:{found.method}", lang),
                 strategies=len(strategies), generations=found.generations,
                 candidates=number(int((found.evaluations["runs"] > 0).sum()), lang),
                 runs=number(found.runs, lang),
                 finalists=", ".join(option_name(f, lang) for f in found.finalists))


def front_ends(found) -> tuple[pd.Series, pd.Series] | None:
    """The front's two ends: the best package on the first objective, and on the second."""
    if found is None or found.method != "nsga2" or found.front.empty:
        return None
    front = found.front
    first, second = found.measures[:2]
    one = front.loc[_best_index(front[first.name], first)]
    other = front.loc[_best_index(front[second.name], second)]
    return one, other


def _best_index(values: pd.Series, measure):
    return values.idxmin() if measure.lower_is_better else values.idxmax()


def trade_off_sentence(answer, lang: str) -> str:
    """The Pareto front of an NSGA-II search in words: its two ends and what moving costs."""
    ends = front_ends(answer.intensities)
    if ends is None:
        return ""
    found = answer.intensities
    first, second = found.measures[:2]
    one, other = ends
    names = {"first": first.label(lang).lower(), "second": second.label(lang).lower()}
    if one["option"] == other["option"]:
        return label("answer:no_trade_off", lang, option=option_name(one["option"], lang), **names)
    return label("answer:trade_off", lang, count=len(found.front), **names,
                 one_end=option_name(one["option"], lang),
                 one_first=measure_value(one[first.name], first, lang),
                 one_second=measure_value(one[second.name], second, lang),
                 other_end=option_name(other["option"], lang),
                 other_first=measure_value(other[first.name], first, lang),
                 other_second=measure_value(other[second.name], second, lang))


FRONT_ROWS = 10  # a long front is shown by this many packages spread along it, ends included


def front_rows(answer, lang: str, most: int = FRONT_ROWS) -> pd.DataFrame:
    """The Pareto front of an NSGA-II search as formatted cells: package, objectives, cost.

    A front longer than `most` is shown by `most` packages spread evenly along
    it (sorted on the first objective), both ends and the finalists kept.
    """
    found = answer.intensities
    if found is None or found.method != "nsga2":
        return pd.DataFrame()
    front = found.front
    if len(front) > most:
        picks = set(np.linspace(0, len(front) - 1, most).round().astype(int))
        picks |= set(front.index[front["option"].isin(found.finalists)])
        front = front.loc[sorted(picks)]
    rows = []
    for _, row in front.iterrows():
        line = {label("answer:option", lang): option_name(row["option"], lang)}
        line |= {m.label(lang): measure_value(row[m.name], m, lang) for m in found.measures}
        # a kondusif option costs rupiah; a function model's cost is its own number
        line[label("answer:full_cost", lang)] = rupiah_short(row["cost"], lang) \
            if not answer.costs.empty else number(row["cost"], lang, 2)
        rows.append(line)
    return pd.DataFrame(rows)
