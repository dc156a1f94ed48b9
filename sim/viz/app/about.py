"""The "About this model" panel, in the NetLogo Info style, in Indonesian and English.

Five sections, as every NetLogo model's Info tab has them: what it is, how it
works, how to use it, things to notice, things to try.
"""

from __future__ import annotations

from sim import bundled
from sim.viz.labels import label

SECTIONS = ("what_it_is", "how_it_works", "how_to_use_it", "things_to_notice", "things_to_try")


def about_markdown(lang: str = "id") -> str:
    """The whole About panel as Markdown in `lang`.

    Examples
    --------
    >>> about_markdown("en").splitlines()[0]
    '### WHAT IT IS'
    """
    parts = [f"### {label(f'about:{key}', lang)}\n\n{label(f'about:{key}_body', lang)}"
             for key in SECTIONS]
    return "\n\n".join(parts)


# the installed pages a trainer may open from the About panel, in the order a room needs them
DOC_PAGES = ("training-app", "strategies", "ODD", "calibration", "glossary")


def doc_pages() -> dict[str, str]:
    """Installed documentation pages the panel offers, as {name: title}; absent ones left out.

    Examples
    --------
    >>> doc_pages()["calibration"]
    'Calibration and its limits'
    """
    shown = {}
    for name in DOC_PAGES:
        try:
            shown[name] = bundled.doc_title(name)
        except bundled.NotBundled:
            continue
    return shown


def doc_markdown(name: str) -> str:
    """The text of installed page `name`, to show inside the app.

    Images are left out: their files sit beside the page, not on the app's server.
    """
    lines = bundled.doc_path(name).read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith("!["))
