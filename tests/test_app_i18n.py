"""The training app speaks both languages: its events, phases, About panel and dates."""

import re

import pytest

from sim.viz.app import about, i18n
from sim.viz.app.injection import INJECTABLE
from sim.viz.labels import label


def test_every_injectable_event_and_phase_has_a_name_in_both_languages():
    keys = [f"ev_{kind}" for kind in INJECTABLE]
    keys += ["campaign", "quiet", "voting", "recapitulation", "dispute"]
    for key in keys:
        assert i18n.text(key, "id") and i18n.text(key, "en")


def test_a_missing_text_is_an_error_not_a_blank():
    with pytest.raises(KeyError):
        i18n.text("no_such_text", "id")


def test_about_panel_has_the_five_netlogo_sections_in_both_languages():
    for lang in i18n.LANGUAGES:
        markdown = about.about_markdown(lang)
        headings = re.findall(r"^### (.+)$", markdown, flags=re.M)
        assert headings == [label(f"about:{key}", lang) for key in about.SECTIONS]
        assert all(label(f"about:{key}_body", lang) in markdown for key in about.SECTIONS)
    assert about.about_markdown("en").startswith("### WHAT IT IS")
    assert "THINGS TO TRY" in about.about_markdown("en")


def test_dates_are_written_in_the_chosen_language():
    import datetime as dt

    day = dt.date(2024, 11, 27)
    assert i18n.long_date(day, "id") == "Rabu, 27 November 2024"
    assert i18n.long_date(day, "en") == "Wednesday, 27 November 2024"
