"""The report's first screen: the question and its answer, before any evidence.

One recommended option, how much it lowers the chosen risk (no mixed signs),
how sure (chance of being best, interval, who it cannot be told apart from),
what it costs against the budget, and where it still fails; then the ranking
table and figure. The sentences are those `kondusif summarize` prints
(`sim.viz.answer`).
"""

from __future__ import annotations

from sim.viz import answer as words
from sim.viz.labels import label
from sim.viz.plan_figures import ranking_figure
from sim.viz.report.formats import text
from sim.viz.report.gather import Results
from sim.viz.report.html import Section, escape, figure_tag, note, table_tag


def answer_section(results: Results, lang: str) -> Section | None:
    """The answer box, the ranking table and figure; None when there is nothing to rank."""
    answer = results.answer
    if answer is None:
        return None
    spec = results.spec
    question = (spec.experiment.description or spec.experiment.title or spec.name) if spec \
        else ""
    facts = [words.headline(answer, lang), *words.sureness(answer, lang),
             words.cost_sentence(answer, lang), words.failure_sentence(answer, lang)]
    title = words.option_title(answer.recommended, lang)
    shown = words.option_name(answer.recommended, lang)
    parts = [note(text(g.key, lang, **g.values), "missing")
             for g in results.gaps.get("summary", [])]
    parts += [
        '<div class="answer" id="the-answer">',
        f'<p class="question"><strong>{escape(text("question", lang))}:</strong> '
        f"{escape(question)}</p>",
        f'<p class="recommended"><span>{escape(label("answer:recommended", lang))}:</span> '
        f'<strong id="recommended-option">{escape(shown)}</strong></p>',
    ]
    if title != shown:
        parts.append(f'<p class="what">{escape(title)}</p>')
    parts.append('<ul class="facts">' + "".join(
        f'<li class="fact-{k}">{escape(f)}</li>' for k, f in enumerate(facts) if f) + "</ul>")
    parts.append("</div>")
    parts.append(f"<h3>{escape(text('ranking_heading', lang))}</h3>")
    parts.append(table_tag(words.ranking_rows(answer, lang),
                           (label("answer:option", lang),)))
    parts.append(figure_tag(ranking_figure(answer, lang), text("ranking_caption", lang),
                            "ranking"))
    return Section("answer", text("answer", lang), "".join(parts))
