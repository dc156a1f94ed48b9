"""The reproducibility block: commands, experiment hash, seeds, versions, the experiment file."""

from __future__ import annotations

import shlex
from pathlib import Path

import pandas as pd

from sim import bundled
from sim.experiments.store import code_version, package_versions
from sim.viz.report.formats import text
from sim.viz.report.gather import Results, Study
from sim.viz.report.html import Section, escape, note, paragraph, preformatted, table_tag

MAX_SEEDS_SHOWN = 60
# the pages the report's sentences rest on: the model, its calibration, strategies, the runs
DOCS_CITED = ("ODD", "calibration", "strategies", "experiments", "report")


def reproduce_section(results: Results, lang: str, report_command: str) -> Section:
    """Everything needed to get the same numbers again, and the versions they came from."""
    manifest = results.manifest
    parts = [note(text(g.key, lang, **g.values)) for g in results.gaps.get("reproduce", [])]
    commands = [run_command(results.folder, manifest)]
    if results.study is not None and results.study.folder != results.folder:
        commands.append(run_command(results.study.folder, results.study.manifest))
    commands.append(report_command)
    parts += [paragraph(text("reproduce_intro", lang)), preformatted("\n".join(commands)),
              table_tag(_facts(results, lang), (text("what", lang), text("value", lang)))]
    parts += _seeds(results.runs, lang)
    parts.append(table_tag(_versions(manifest, lang), (text("package", lang),)))
    if results.study is not None and results.study.folder != results.folder:
        parts.append(f"<h3>{escape(text('study_command', lang))}</h3>")
        parts.append(table_tag(_study_facts(results.study, lang),
                               (text("what", lang), text("value", lang))))
    parts += _docs_cited(lang)
    copy = results.folder / "experiment.toml"
    if copy.is_file():
        parts += [f"<h3>{escape(text('experiment_file', lang))}</h3>",
                  preformatted(copy.read_text(encoding="utf-8", errors="replace"))]
    return Section("reproduce", text("reproduce", lang), "".join(parts))


def run_command(folder: Path, manifest: dict) -> str:
    """The command that made (and resumes) the runs of a results folder."""
    experiment = manifest.get("experiment_file", str(folder / "experiment.toml"))
    study = manifest.get("sensitivity")
    if study:
        method = shlex.quote(str(study.get("method", "sobol")))
        return (f"kondusif sensitivity {shlex.quote(experiment)} --method {method} "
                f"--out {shlex.quote(str(folder))}")
    return f"kondusif sweep {shlex.quote(experiment)} --out {shlex.quote(str(folder))}"


def _facts(results: Results, lang: str) -> pd.DataFrame:
    manifest = results.manifest
    made = manifest.get("experiment_hash", text("unknown", lang))
    if results.current_hash is None:
        check = ""
    elif results.current_hash == made:
        check = f" ({text('hash_matches', lang)})"
    else:
        check = f" ({text('hash_differs', lang, now=results.current_hash)})"
    facts = [(text("experiment_hash", lang), f"{made}{check}"),
             (text("root_seed", lang), _root_seed(results, lang)),
             (text("replications", lang), manifest.get("replications", "?")),
             (text("runs_stored", lang), f"{len(results.runs)} / "
                                         f"{manifest.get('total_runs', '?')}"),
             (text("python", lang), manifest.get("python", text("unknown", lang))),
             (text("created", lang), manifest.get("created", text("unknown", lang)))]
    return pd.DataFrame(facts, columns=[text("what", lang), text("value", lang)])


def _root_seed(results: Results, lang: str) -> str:
    if results.spec is not None:
        return str(results.spec.experiment.root_seed)
    if "root_seed" in results.runs.columns:
        return ", ".join(str(s) for s in results.runs["root_seed"].unique())
    return text("unknown", lang)


def _seeds(runs: pd.DataFrame, lang: str) -> list[str]:
    columns = ["scenario", "replication", "seed"]
    if any(c not in runs.columns for c in columns):
        return []
    seeds = runs[columns].drop_duplicates(["scenario", "replication"]).sort_values(columns[:2])
    shown = seeds.head(MAX_SEEDS_SHOWN).rename(columns={
        "scenario": text("scenario", lang), "replication": text("replication", lang),
        "seed": text("seed", lang)})
    more = len(seeds) - len(shown)
    tail = [paragraph(f"… (+{more})")] if more > 0 else []
    return [paragraph(text("seed_scheme", lang)), table_tag(shown.astype(str)), *tail]


def _versions(manifest: dict, lang: str) -> pd.DataFrame:
    """Package versions of the runs beside those of this report, code version first."""
    made, now = manifest.get("packages", {}), package_versions()
    unknown = text("unknown", lang)
    rows = [(text("code_version", lang), manifest.get("code_version", unknown), code_version())]
    rows += [(name, made.get(name, unknown), now.get(name, unknown))
             for name in dict.fromkeys([*made, *now])]
    return pd.DataFrame(rows, columns=[text("package", lang), text("version", lang),
                                       text("report_made_with", lang)])


def _study_facts(study: Study, lang: str) -> pd.DataFrame:
    manifest = study.manifest
    facts = [(text("experiment_hash", lang), manifest.get("experiment_hash", "?")),
             (text("runs_stored", lang), f"{study.runs} / {manifest.get('total_runs', '?')}"),
             (text("replications", lang), manifest.get("replications", "?")),
             (text("code_version", lang), manifest.get("code_version", text("unknown", lang))),
             (text("created", lang), manifest.get("created", text("unknown", lang)))]
    return pd.DataFrame(facts, columns=[text("what", lang), text("value", lang)])


def _docs_cited(lang: str) -> list[str]:
    """The cited documentation pages: a command that finds each anywhere, and a link here."""
    rows = []
    for name in DOCS_CITED:
        try:
            path = bundled.doc_path(name)
        except bundled.NotBundled:
            continue  # an installation without its docs: the command column would fail too
        link = f'<a href="{escape(path.resolve().as_uri())}">{escape(path.name)}</a>'
        rows.append((bundled.doc_title(name), f"<code>kondusif docs {name}</code>", link))
    if not rows:
        return []
    columns = (text("page", lang), text("command", lang), text("installed_at", lang))
    table = table_tag(pd.DataFrame(rows, columns=list(columns)), columns, columns[1:])
    return [f"<h3>{escape(text('docs_cited', lang))}</h3>", paragraph(text("docs_intro", lang)),
            table]
