"""What drives the risk: the sensitivity study's indices, figures, warnings and noise."""

from __future__ import annotations

import pandas as pd

from sim.experiments.measures import outcome_label
from sim.viz import sensitivity_figures as figures
from sim.viz.labels import number
from sim.viz.report.formats import arm_title, digits_for, share_text, text
from sim.viz.report.gather import Results
from sim.viz.report.html import (
    Section,
    bullets,
    escape,
    figure_tag,
    note,
    paragraph,
    table_tag,
    wide_table_tags,
)

# per method: the indices shown (each with its interval half-width if it has one)
SHOWN = {"sobol": ("S1", "ST"), "fast": ("S1", "ST"), "morris": ("mu_star", "sigma"),
         "delta": ("delta", "S1")}
MAIN_INDEX = {"sobol": "ST", "fast": "ST", "morris": "mu_star", "delta": "delta"}
READING = {"sobol": "reading_sobol", "fast": "reading_sobol", "morris": "reading_morris",
           "delta": "reading_delta"}


def drivers_section(results: Results, lang: str) -> Section:
    """The study's indices in tables and figures, or a note saying why there are none."""
    parts = [note(text(g.key, lang, **g.values), "missing")
             for g in results.gaps.get("drivers", [])]
    study = results.study
    if study is not None and study.result is not None:
        parts += _study(study, lang)
    return Section("drivers", text("drivers", lang), "".join(parts))


def _study(study, lang: str) -> list[str]:
    result = study.result
    method = result.method
    parts = [paragraph(text("drivers_intro", lang, method=method,
                            parameters=result.indices["parameter"].nunique(),
                            runs=number(study.runs, lang))),
             paragraph(text(READING[method], lang)),
             bullets(top_drivers(result.indices, method, lang))]
    for arm, table in result.indices.groupby("arm", sort=False):
        parts.append(f"<h3>{escape(arm_title(arm, lang))}</h3>")
        parts.append(wide_table_tags(_indices_table(table, method, lang),
                                     text_columns=(text("parameter", lang),)))
    parts += _figures(result, lang)
    if result.warnings:
        parts += [f"<h3>{escape(text('warnings', lang))}</h3>", bullets(result.warnings)]
    if not result.noise.empty:
        parts += [f"<h3>{escape(text('noise_table', lang))}</h3>",
                  table_tag(_noise_table(result.noise, lang), (text("outcome", lang),))]
    return parts


def top_drivers(indices: pd.DataFrame, method: str, lang: str) -> list[str]:
    """For each strategy set and outcome, the parameter with the largest main index."""
    main = MAIN_INDEX[method]
    several_arms = indices["arm"].nunique() > 1
    sentences = []
    for (arm, outcome), table in indices.groupby(["arm", "outcome"], sort=False):
        ranked = table.dropna(subset=[main])
        if ranked.empty:
            continue
        top = ranked.loc[ranked[main].idxmax()]
        subject = outcome_label(outcome, lang)
        if several_arms:
            subject += f", {arm_title(arm, lang)}"
        sentences.append(text("top_driver", lang, subject=subject, parameter=top["parameter"],
                              index=main.replace("_star", "*"),
                              value=index_text(top[main], lang)))
    return sentences


def index_text(value: float, lang: str) -> str:
    """An index: three decimals below 1 (shares of variance), fewer for mu* in outcome units."""
    return number(value, lang, 3 if abs(value) < 1 else digits_for(value))


def _indices_table(table: pd.DataFrame, method: str, lang: str) -> pd.DataFrame:
    rows = {}
    for _, row in table.iterrows():
        cell = "\n".join(_index_cell(row, index, lang) for index in SHOWN[method])
        rows.setdefault(row["parameter"], {text("parameter", lang): row["parameter"]})
        rows[row["parameter"]][outcome_label(row["outcome"], lang)] = cell
    return pd.DataFrame(list(rows.values()))


def _index_cell(row: pd.Series, index: str, lang: str) -> str:
    shown = f"{index.replace('_star', '*')} {index_text(row[index], lang)}"
    conf = f"{index}_conf"
    if conf in row.index and pd.notna(row[conf]):
        shown += f" ±{index_text(row[conf], lang)}"
    return shown


def _noise_table(noise: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        text("outcome", lang): [f"{outcome_label(o, lang)} ({a})"
                                for o, a in zip(noise["outcome"], noise["arm"], strict=True)],
        text("replications", lang): noise["replications"].astype(int),
        text("noise_of_means", lang): [share_text(v, lang)
                                       for v in noise["noise_share_of_means"]],
        text("noise_single_run", lang): [share_text(v, lang)
                                         for v in noise["noise_share_single_run"]],
    })


def _figures(result, lang: str) -> list[str]:
    caption = text("indices_caption", lang)
    if result.method == "morris":
        parts = [figure_tag(figures.morris_figure(result.indices, lang), caption, "indices")]
    elif result.method == "delta":
        parts = [figure_tag(figures.indices_figure(result.indices, "delta", "S1", lang),
                            caption, "indices")]
    else:
        parts = [figure_tag(figures.indices_figure(result.indices, lang=lang), caption,
                            "indices")]
    if not result.convergence.empty:
        parts.append(figure_tag(figures.convergence_figure(result.convergence, lang),
                                text("convergence", lang), "convergence"))
    return parts
