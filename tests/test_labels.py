"""The one label table: every key the code asks for has words in both languages, said once."""

import re
import string
from pathlib import Path

import pytest

import sim
from sim.experiments.measures import OUTCOMES, outcome_label
from sim.experiments.plan_spec import METHODS
from sim.model.timeline import Phase
from sim.province.plans import COMPARED
from sim.scenario.schema import EventKind
from sim.viz.app.about import SECTIONS
from sim.viz.app.injection import INJECTABLE
from sim.viz.app.page import TABS
from sim.viz.labels import LABELS, LANGUAGES, MissingLabel, label
from sim.viz.labels.assumptions import MAIN_ASSUMPTIONS

SOURCE = Path(sim.__file__).parent
CALL = re.compile(r"""(?<![.\w])(label|text)\(\s*(f?)(["'])(.+?)\3""")
APP_TEXT = "from sim.viz.app.i18n import"
REPORT_TEXT = re.compile(r"from sim\.viz\.report\.formats import[^\n]*\btext\b|"
                         r"from sim\.viz\.report\.formats import \([^)]*\btext\b")

# a view's lookup itself: ``text(key)`` is ``label("app:" + key)``
LOOKUPS = {"app:{key}", "report:{key}"}
# the values each computed key takes, read from where the code takes them
FAMILIES = {
    **{f"app:ev_{{{name}}}": [f"app:ev_{kind}" for kind in INJECTABLE]
       for name in ("choice", "i.choice", "injection.choice", "kind", "key")},
    "app:ev_{event.kind.value}": [f"app:ev_{kind}" for kind in EventKind],
    "app:source_{i.source}": ["app:source_live", "app:source_exercise"],
    "validation_{verdict.status.lower()}": ["validation_pass", "validation_fail",
                                            "validation_skip"],
    "lever:{lever}": [f"lever:{name}" for name in LABELS["lever"]],
    "answer:source_{answer.robustness_source}": ["answer:source_ranges", "answer:source_samples"],
    # the notes planner_answer leaves when PRIM draws no box
    "answer:{note}": ["answer:no_box", "answer:never_fails", "answer:fails_everywhere",
                      "answer:no_threshold"],
    "answer:{found.method}": [f"answer:{m}" for m in METHODS if m != "successive_halving"],
    "about:{key}": [f"about:{key}" for key in SECTIONS],
    "about:{key}_body": [f"about:{key}_body" for key in SECTIONS],
}


def keys_in(path: Path) -> list[tuple[bool, str]]:
    """The label keys one module asks for (computed or not), namespaced as its lookup names them."""
    source = path.read_text(encoding="utf-8")
    app, report = APP_TEXT in source, bool(REPORT_TEXT.search(source))
    keys = []
    for call, is_f, _, key in CALL.findall(source):
        if call == "text" and not (app or report):
            continue
        prefix = "" if call == "label" else "app:" if app else "report:"
        keys.append((bool(is_f), prefix + key))
    return keys


def used_keys() -> set[str]:
    keys = set()
    for path in SOURCE.rglob("*.py"):
        for computed, key in keys_in(path):
            if computed and key in LOOKUPS:
                continue
            if computed:
                template = key
                assert template in FAMILIES, (
                    f"{path.relative_to(SOURCE)} computes the key {template!r}: "
                    "add the values it takes to FAMILIES")
                keys.update(FAMILIES[template])
            else:
                keys.add(key)
    return keys


def test_the_walk_finds_the_keys_of_every_view():
    keys = used_keys()
    assert {"summary_title", "app:day_of", "report:title", "lever:placement",
            "answer:headline_lower", "answer:never_fails", "plan:box", "about:docs_hint",
            "about:things_to_try_body"} <= keys


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_the_code_uses_has_words_in_both_languages(lang):
    missing = []
    for key in sorted(used_keys()):
        try:
            assert label(key, lang).strip()
        except MissingLabel:
            missing.append(key)
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_phase_outcome_and_compared_province_column_has_words(lang):
    for phase in Phase:
        assert label(str(phase), lang)
    for name in OUTCOMES:
        assert outcome_label(name, lang) != name
    for column in ["plan", *COMPARED]:
        assert label(column, lang)
    for tab in TABS:
        assert label(f"app:{tab}", lang)
    for lever in ("parameters", "placement", "daily policy", "observation"):
        assert label(f"lever:{lever}", lang)


def test_every_entry_has_both_languages_with_the_same_slots():
    for namespace, table in LABELS.items():
        for key, words in table.items():
            assert set(words) == set(LANGUAGES), (namespace, key)
            slots = [{name for _, name, _, _ in string.Formatter().parse(words[lang]) if name}
                     for lang in LANGUAGES]
            assert slots[0] == slots[1], (namespace, key)
            assert all(words[lang].strip() for lang in LANGUAGES), (namespace, key)


def test_every_assumption_the_report_lists_has_its_meaning_and_origin_in_both_languages():
    for path, about in MAIN_ASSUMPTIONS.items():
        for field in ("meaning", "source"):
            assert all(about[field][lang].strip() for lang in LANGUAGES), (path, field)


def test_no_namespace_hides_a_shared_word_under_the_same_name():
    shared = LABELS[""]
    for namespace, table in LABELS.items():
        if namespace:
            assert sorted(set(table) & set(shared)) == [], namespace


def test_the_same_words_are_kept_under_one_key():
    seen: dict[tuple[str, str], str] = {}
    repeated = []
    for namespace, table in LABELS.items():
        for key, words in table.items():
            pair = (words["id"], words["en"])
            if pair in seen:
                repeated.append((seen[pair], f"{namespace}:{key}"))
            seen[pair] = f"{namespace}:{key}"
    assert repeated == []


def test_a_view_without_its_own_word_says_the_shared_one():
    assert label("app:riots", "id") == label("riots", "id") == "Kerusuhan"
    assert label("report:voters", "en") == "Voters (DPT)"


def test_a_missing_key_or_language_is_an_error_not_the_key_itself():
    with pytest.raises(MissingLabel, match="no_such_word"):
        label("no_such_word", "id")
    with pytest.raises(MissingLabel, match="namespace"):
        label("nowhere:riots", "id")
    with pytest.raises(MissingLabel, match="'de'"):
        label("riots", "de")


def test_a_figure_names_a_package_arm_in_its_language_and_the_baseline_in_words():
    from sim.viz.experiment_figures import arm_label

    assert arm_label("package:full", "id") == "paket: full"
    assert arm_label("package:full", "en") == "package: full"
    assert arm_label("baseline", "en") == label("none", "en") == "none (baseline)"
