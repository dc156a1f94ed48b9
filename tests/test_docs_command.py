"""`kondusif docs`: the installed documentation, listed, located and printed from any folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim import bundled
from sim.cli import main as cli_main
from sim.viz.app.about import DOC_PAGES, doc_markdown, doc_pages


def test_the_listing_names_every_installed_page_with_its_title(capsys):
    assert cli_main(["docs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == bundled.doc_names()
    assert any(line.startswith("calibration") and "Calibration and its limits" in line
               for line in lines)


def test_a_page_name_gives_the_path_of_the_installed_page_from_any_folder(capsys, tmp_path,
                                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli_main(["docs", "calibration"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.is_absolute() and path.name == "calibration.md"
    assert path.read_text(encoding="utf-8").startswith("# Calibration and its limits")


def test_show_prints_the_page_itself(capsys):
    assert cli_main(["docs", "ODD.md", "--show"]) == 0
    assert capsys.readouterr().out == bundled.doc_path("ODD").read_text(encoding="utf-8")


def test_an_unknown_page_is_exit_2_with_the_pages_there_are(capsys):
    assert cli_main(["docs", "calibratoin"]) == 2
    err = capsys.readouterr().err
    assert "'calibratoin'" in err and "calibration" in err and "ODD" in err
    assert "Traceback" not in err


def test_the_app_offers_every_page_it_names_and_shows_it_without_image_links():
    assert list(doc_pages()) == list(DOC_PAGES)
    shown = doc_markdown("training-app")
    assert "![" in bundled.doc_path("training-app").read_text(encoding="utf-8")
    assert "![" not in shown and shown.startswith("# Panduan pelatih")


@pytest.mark.parametrize("name", DOC_PAGES)
def test_each_page_the_app_offers_has_a_title(name):
    assert bundled.doc_title(name) and not bundled.doc_title(name).startswith("#")
