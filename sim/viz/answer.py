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

WORDS: dict[str, dict[str, str]] = {
    "recommended": {"id": "Rekomendasi", "en": "Recommended"},
    "headline_lower": {
        "id": "Pilihan ini menurunkan {risk} dari {base} menjadi {value}: turun {diff} {interval} "
              "dibanding tanpa strategi tambahan.",
        "en": "It lowers the {risk} from {base} to {value}: down {diff} {interval} "
              "against no extra measure.",
    },
    "headline_not_lower": {
        "id": "Pilihan ini tidak jelas menurunkan {risk}: {base} tanpa strategi tambahan, {value} "
              "dengannya (penurunan {diff} {interval}; selangnya mencakup nol).",
        "en": "It does not clearly lower the {risk}: {base} without an extra measure, "
              "{value} with it (lowered by {diff} {interval}; the interval includes zero).",
    },
    "headline_not_sure": {
        "id": "Pilihan ini menurunkan {risk} dari {base} menjadi {value} (turun {diff} "
              "{interval}), "
              "tetapi setelah koreksi Holm untuk {pairs} perbandingan selisih ini belum jelas.",
        "en": "It lowers the {risk} from {base} to {value} (down {diff} {interval}), but "
              "after Holm's correction for {pairs} comparisons the difference is not yet clear.",
    },
    "headline_higher": {
        "id": "Pilihan ini justru menaikkan {risk}: dari {base} menjadi {value} (naik {diff} "
              "{interval}).",
        "en": "It raises the {risk}: from {base} to {value} (up {diff} {interval}).",
    },
    "no_option": {"id": "Tidak ada pilihan selain baseline yang dibandingkan.",
                  "en": "No option other than the baseline was compared."},
    "sure": {
        "id": "Seberapa yakin: peluang menjadi yang terbaik {chance} (bootstrap atas {n} ulangan "
              "berpasangan, bilangan acak yang sama untuk semua pilihan).",
        "en": "How sure: chance of being the best {chance} (bootstrap over {n} paired "
              "replications, the same random numbers for every option).",
    },
    "clearly_best": {
        "id": "Pilihan ini jelas lebih baik daripada setiap pilihan lain (uji berpasangan, "
              "koreksi Holm, alfa {alpha}).",
        "en": "It is clearly better than every other option (paired tests, Holm's correction, "
              "alpha {alpha}).",
    },
    "tied": {
        "id": "Dengan {n} ulangan ini, pilihan ini belum dapat dibedakan dari {count} pilihan "
              "lain, yang terdekat {closest} (uji berpasangan, koreksi Holm untuk {pairs} "
              "perbandingan, alfa {alpha}){more}.",
        "en": "With these {n} replications it cannot yet be told apart from {count} other "
              "options, the closest {closest} (paired tests, Holm's correction over {pairs} "
              "comparisons, alpha {alpha}){more}.",
    },
    "more_runs": {
        "id": "; ulangan tambahan per pilihan yang akan membedakannya: sekitar {runs} (daya "
              "{power}, bila selisihnya memang sebesar perkiraan)",
        "en": "; further replications per option that would tell them apart: about {runs} "
              "(power {power}, if the differences are as estimated)",
    },
    "runs_from": {"id": "{runs} dari {other}", "en": "{runs} from {other}"},
    "no_more_runs": {
        "id": "; terhadap {other} tidak terlihat selisih sama sekali, menambah ulangan tidak "
              "akan memisahkannya",
        "en": "; against {other} no difference was seen at all, and more replications would "
              "not separate them",
    },
    "cost": {
        "id": "Biaya: {held} dari anggaran {budget} (biaya penuh {full}; anggaran menanggung "
              "{share} dari bagian yang dapat diperkecil).",
        "en": "Cost: {held} of the budget of {budget} (full cost {full}; the budget holds "
              "{share} of the parts that can shrink).",
    },
    "cost_whole": {
        "id": "Biaya: {held} dari anggaran {budget}; paket ini muat utuh.",
        "en": "Cost: {held} of the budget of {budget}; the package fits whole.",
    },
    "cost_no_budget": {"id": "Biaya: {held} (tanpa batas anggaran).",
                       "en": "Cost: {held} (no budget set)."},
    "fails_when": {
        "id": "Kapan masih gagal: {event} tetap tinggi ({density} run, dibanding {base} di "
              "semua dunia) bila {conditions}. Kotak ini mencakup {coverage} dari semua "
              "kegagalan (PRIM, {runs} run di {worlds} dunia).",
        "en": "When it still fails: the {event} stays high ({density} of runs, against {base} "
              "over all worlds) when {conditions}. This box holds {coverage} of all failures "
              "(PRIM, {runs} runs in {worlds} worlds).",
    },
    "never_fails": {
        "id": "Kapan masih gagal: di {worlds} dunia yang diuji, {event} tidak pernah terjadi "
              "dengan pilihan ini.",
        "en": "When it still fails: in the {worlds} worlds tried, {event} never happened with "
              "this option.",
    },
    "fails_everywhere": {
        "id": "Kapan masih gagal: hampir di mana-mana; {event} terjadi di {base} run di {worlds} "
              "dunia, tanpa wilayah parameter yang menonjol.",
        "en": "When it still fails: nearly everywhere; {event} happened in {base} of runs over "
              "{worlds} worlds, with no region of the parameters standing out.",
    },
    "no_box": {
        "id": "Kapan masih gagal: kegagalan ({base} run) tersebar; PRIM tidak menemukan kondisi "
              "sederhana tempat kegagalan berkumpul.",
        "en": "When it still fails: failures ({base} of runs) are spread out; PRIM found no "
              "simple condition under which they gather.",
    },
    "no_threshold": {
        "id": "Kapan masih gagal: beri plan.robustness.satisficing agar kegagalan terdefinisi.",
        "en": "When it still fails: set plan.robustness.satisficing so a failure is defined.",
    },
    "no_robustness": {
        "id": "Kapan masih gagal: belum diuji di dunia lain (tambahkan [plan.robustness] dan "
              "jalankan kondusif plan).",
        "en": "When it still fails: not yet tried in other worlds (add [plan.robustness] and "
              "run kondusif plan).",
    },
    "robust": {
        "id": "Di {worlds} dunia yang masuk akal ({source}), {option} terbaik di {best} dunia itu; "
              "rata-rata penyesalan {mean_regret}, terbesar {max_regret}{satisficing}.",
        "en": "Across {worlds} plausible worlds ({source}), {option} is best in {best} of them; "
              "mean regret {mean_regret}, largest {max_regret}{satisficing}.",
    },
    "satisficing": {"id": "; risiko tetap ≤ {threshold} di {share} dunia",
                    "en": "; the risk stays at or under {threshold} in {share} of worlds"},
    "robust_other": {
        "id": "Yang paling tahan di semua dunia (penyesalan rata-rata terkecil) adalah {option}.",
        "en": "The most robust across worlds (least mean regret) is {option}.",
    },
    "source:ranges": {"id": "rentang parameter terdokumentasi", "en": "documented ranges"},
    "source:samples": {"id": "sampel posterior kalibrasi", "en": "calibration posterior draws"},
    "and": {"id": " dan ", "en": " and "},
    "pp": {"id": "poin persentase", "en": "percentage points"},
    "rank": {"id": "Peringkat", "en": "Rank"},
    "option": {"id": "Pilihan", "en": "Option"},
    "chance_best": {"id": "Peluang terbaik", "en": "Chance best"},
    "full_cost": {"id": "Biaya penuh", "en": "Full cost"},
    "held_cost": {"id": "Biaya dalam anggaran", "en": "Cost within budget"},
    "share_held": {"id": "Bagian yang muat", "en": "Share that fits"},
    "search": {
        "id": "Pencarian: {candidates} kombinasi strategi yang muat anggaran disaring dengan "
              "successive halving ({rounds} putaran, {runs} run); finalis: {finalists}.",
        "en": "Search: {candidates} combinations of strategies that fit the budget, screened "
              "by successive halving ({rounds} rounds, {runs} runs); finalists: {finalists}.",
    },
    "intensity_search": {
        "id": "Pencarian: {algorithm} (pymoo) atas intensitas {strategies} strategi, "
              "{generations} generasi; {candidates} paket dijalankan ({runs} run). Paket di atas "
              "anggaran tidak layak (kendala), tidak pernah diperkecil. Finalis: {finalists}.",
        "en": "Search: {algorithm} (pymoo) over the intensities of {strategies} strategies, "
              "{generations} generations; {candidates} packages run ({runs} runs). Packages "
              "over the budget are infeasible (a constraint), never shrunk. Finalists: "
              "{finalists}.",
    },
    "ga": {"id": "algoritma genetika", "en": "a genetic algorithm"},
    "nsga2": {"id": "NSGA-II", "en": "NSGA-II"},
    "trade_off": {
        "id": "Tarik-ulur: {count} paket membentuk front Pareto; tidak satu pun kalah dari "
              "paket lain pada {first} dan {second} sekaligus. Di satu ujung {one_end}: {first} "
              "{one_first}, {second} {one_second}; di ujung lain {other_end}: {first} "
              "{other_first}, {second} {other_second}. Berpindah dari yang kedua ke yang pertama "
              "memperbaiki {first} dengan mengorbankan {second}.",
        "en": "Trade-off: {count} packages form the Pareto front; none is beaten by another on "
              "both {first} and {second}. At one end {one_end}: {first} {one_first}, {second} "
              "{one_second}; at the other {other_end}: {first} {other_first}, {second} "
              "{other_second}. Moving from the second to the first improves {first} at the "
              "price of {second}.",
    },
    "front_heading": {"id": "Front Pareto pencarian ({shown} dari {count} paket)",
                      "en": "The search's Pareto front ({shown} of {count} packages)"},
    "no_trade_off": {
        "id": "Tidak ada tarik-ulur: satu paket, {option}, terbaik pada {first} dan {second} "
              "sekaligus.",
        "en": "No trade-off: one package, {option}, is best on both {first} and {second}.",
    },
}


def words(key: str, lang: str, **values) -> str:
    """A sentence of `WORDS` with its slots filled."""
    return WORDS[key][lang].format(**values)


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
        return f"Rp {number(value / 1e9, lang, 2)} {'miliar' if lang == 'id' else 'billion'}"
    return f"Rp {number(value / 1e6, lang, 0)} {'juta' if lang == 'id' else 'million'}"


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


def _size(value: float, measure, lang: str) -> str:
    """A difference's size: percentage points for chances and shares."""
    if measure.is_share:
        return f"{number(100 * value, lang, 0)} {words('pp', lang)}"
    return number(value, lang, 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2)


def _bare(value: float, measure, lang: str) -> str:
    value = 0.0 if abs(value) < 1e-12 else value  # never "-0"
    return number(100 * value if measure.is_share else value, lang,
                  0 if measure.is_share or abs(value) >= 100 else 1 if abs(value) >= 10 else 2)


def headline(answer, lang: str) -> str:
    """What the recommended option does to the risk, without mixed signs."""
    measure, ranking = answer.measure, answer.ranking
    if answer.recommended == BASELINE or answer.versus_baseline is None:
        return words("no_option", lang)
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
    if effect["told_apart"] and better_low > 0:
        return words("headline_lower", lang, **values, diff=_size(gain, measure, lang),
                     interval=interval)
    if better_low > 0:  # the interval leaves out zero, the tests over every pair do not
        return words("headline_not_sure", lang, **values, diff=_size(gain, measure, lang),
                     interval=interval, pairs=len(ranking.pairs))
    if gain >= 0 or not effect["told_apart"]:
        return words("headline_not_lower", lang, **values, diff=_size(gain, measure, lang),
                     interval=interval)
    worse = f"[{_bare(-better_high, measure, lang)}; {_bare(-better_low, measure, lang)}]"
    return words("headline_higher", lang, **values, diff=_size(-gain, measure, lang),
                 interval=worse)


def sureness(answer, lang: str) -> list[str]:
    """Chance of being best, who it cannot be told apart from, and the runs that would."""
    ranking, option = answer.ranking, answer.recommended
    if option == BASELINE:
        return []
    alpha = percent(ranking.alpha, lang, 0)
    lines = [words("sure", lang, chance=percent(ranking.row(option)["chance_best"], lang, 0),
                   n=ranking.replications)]
    others = ranking.tied_with(option)
    if not others:
        return lines + [words("clearly_best", lang, alpha=alpha)]
    # the rivals most often best first: they are the ones a planner would weigh against it
    chances = ranking.table.set_index("option")["chance_best"]
    others = sorted(others, key=lambda o: (-chances[o], ranking.options.index(o)))
    rivals = [others[0]] + ([BASELINE] if BASELINE in others[1:] else [])
    counts, blind = [], ""
    for other in rivals:
        pair = ranking.pair(option, other)
        if pair["more_replications"] is None or pd.isna(pair["more_replications"]):
            blind = blind or words("no_more_runs", lang, other=option_name(other, lang))
        else:
            counts.append(words("runs_from", lang, runs=number(pair["more_replications"], lang),
                                other=option_name(other, lang)))
    more = words("more_runs", lang, runs=", ".join(counts),
                 power=percent(answer.power, lang, 0)) if counts else ""
    lines.append(words("tied", lang, n=ranking.replications, count=len(others),
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
        return words("cost_no_budget", lang, held=held)
    if row["share_held"] >= 1.0:
        return words("cost_whole", lang, held=held, budget=rupiah_short(answer.budget, lang))
    return words("cost", lang, held=held, budget=rupiah_short(answer.budget, lang),
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
        return words("no_robustness", lang)
    box = answer.box
    event = _event(answer, lang)
    if box is None:
        runs = answer.discovery_runs
        base = percent(float(runs["failed"].mean()), lang, 0) if runs is not None else "–"
        key = answer.discovery_note or "no_box"
        return words(key, lang, event=event, worlds=worlds, base=base)
    conditions = words("and", lang).join(
        condition_text(n, lo, hi, box.lower_open[n], box.upper_open[n], lang)
        for n, (lo, hi) in box.limits.items())
    return words("fails_when", lang, event=event, density=percent(box.density, lang, 0),
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
        satisficing = words("satisficing", lang,
                            threshold=measure_value(answer.satisficing, answer.measure, lang),
                            share=percent(row["satisficing_share"], lang, 0))
    lines = [words("robust", lang, worlds=worlds,
                   source=words(f"source:{answer.robustness_source}", lang),
                   option=option_name(option, lang),
                   best=percent(row["best_share"], lang, 0),
                   mean_regret=_size(row["mean_regret"], answer.measure, lang),
                   max_regret=_size(row["max_regret"], answer.measure, lang),
                   satisficing=satisficing)]
    if table["option"].iloc[0] != option:
        lines.append(words("robust_other", lang, option=option_name(table["option"].iloc[0],
                                                                    lang)))
    return lines


def search_sentence(answer, lang: str) -> str:
    """What the search screened and which finalists it kept."""
    found = answer.search
    if found is None:
        return _intensity_sentence(answer.intensities, lang)
    return words("search", lang, candidates=found.candidates, rounds=len(found.rounds),
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
        line = {words("rank", lang): str(int(row["rank"])),
                words("option", lang): option_name(row["option"], lang),
                f"{measure.label(lang)} [{confidence}]":
                    f"{measure_value(row['estimate'], measure, lang)} "
                    f"{measure_interval(row['low'], row['high'], measure, lang)}",
                words("chance_best", lang): percent(row["chance_best"], lang, 0)}
        if costs is not None and row["option"] in costs.index:
            cost = costs.loc[row["option"]]
            line[words("full_cost", lang)] = rupiah_short(cost["full_cost"], lang)
            line[words("share_held", lang)] = percent(cost["share_held"], lang, 0)
        rows.append(line)
    return pd.DataFrame(rows)


def _intensity_sentence(found, lang: str) -> str:
    if found is None:
        return ""
    strategies = {k.partition("@")[0] for o in found.evaluations["option"] if o != BASELINE
                  for k in o.split("+")}
    return words("intensity_search", lang, algorithm=words(found.method, lang),
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
        return words("no_trade_off", lang, option=option_name(one["option"], lang), **names)
    return words("trade_off", lang, count=len(found.front), **names,
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
        line = {words("option", lang): option_name(row["option"], lang)}
        line |= {m.label(lang): measure_value(row[m.name], m, lang) for m in found.measures}
        # a kondusif option costs rupiah; a function model's cost is its own number
        line[words("full_cost", lang)] = rupiah_short(row["cost"], lang) \
            if not answer.costs.empty else number(row["cost"], lang, 2)
        rows.append(line)
    return pd.DataFrame(rows)
