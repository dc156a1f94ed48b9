"""The files that ship with kondusif (scenarios, experiments, ...), found wherever it runs.

Each data folder named in ``[tool.kondusif] bundled`` of pyproject.toml is one
*kind*. A wheel carries it inside this package as ``sim/bundled/<kind>/``
(setup.py copies it at build time), found with `importlib.resources`; a source
checkout (an editable install, or the clone itself) has no such copy and reads
the checkout's own top-level folder, the one that holds this very package.
The current folder never counts: a name is looked up where kondusif is.

A new kind needs one line in pyproject.toml and then works like the others::

    bundled_names("experiments")            # ['kutim_mitigation', 'quick', ...]
    bundled_path("scenarios", "kutim_2024")  # .../scenarios/kutim_2024.toml
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

SUFFIX = ".toml"


class NotBundled(LookupError):
    """No bundled file of that kind and name; the message lists the names there are."""


def bundled_root(kind: str) -> Path:
    """The folder of bundled files of `kind` (e.g. ``"scenarios"``), or raise NotBundled.

    Examples
    --------
    >>> bundled_root("scenarios").name
    'scenarios'
    """
    packaged = importlib.resources.files(__name__) / kind
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / kind).is_dir():
        return checkout / kind
    raise NotBundled(f"no bundled {kind} in this installation of kondusif (reinstall it: "
                     f"the package carries them)")


def bundled_files(kind: str, folder: str = "") -> list[Path]:
    """The TOML files of `kind` (in its sub-`folder`, if given), sorted by name."""
    return sorted((bundled_root(kind) / folder).glob(f"*{SUFFIX}"))


def bundled_names(kind: str, folder: str = "") -> list[str]:
    """Names (file stems) of the bundled files of `kind`, sorted.

    Examples
    --------
    >>> "kutim_2024" in bundled_names("scenarios")
    True
    """
    return [p.stem for p in bundled_files(kind, folder)]


def bundled_path(kind: str, name: str, folder: str = "") -> Path:
    """The bundled file of `kind` called `name` (no suffix), or raise NotBundled.

    Examples
    --------
    >>> bundled_path("experiments", "quick").name
    'quick.toml'
    """
    path = bundled_root(kind) / folder / f"{name}{SUFFIX}"
    if not path.is_file():
        known = ", ".join(bundled_names(kind, folder)) or "none"
        raise NotBundled(f"no bundled {kind.rstrip('s')} called {name!r}; bundled: {known}")
    return path


DOCS = "docs"
DOC_SUFFIX = ".md"


def doc_path(name: str) -> Path:
    """The installed documentation page `name` (``"calibration"`` or ``"calibration.md"``).

    The same page the repository's ``docs/`` folder holds, wherever kondusif is
    installed, so a report or the app can point a reader at a file that exists.

    Raises
    ------
    NotBundled
        If there is no such page; the message lists the pages there are.

    Examples
    --------
    >>> doc_path("calibration.md").name
    'calibration.md'
    """
    stem = name.removesuffix(DOC_SUFFIX)
    path = bundled_root(DOCS) / f"{stem}{DOC_SUFFIX}"
    if not path.is_file():
        known = ", ".join(doc_names()) or "none"
        raise NotBundled(f"no documentation page called {stem!r}; pages: {known}")
    return path


def doc_names() -> list[str]:
    """Names (stems) of the installed documentation pages, sorted.

    Examples
    --------
    >>> "ODD" in doc_names()
    True
    """
    return sorted(p.stem for p in bundled_root(DOCS).glob(f"*{DOC_SUFFIX}"))


def doc_title(name: str) -> str:
    """A page's first heading, without the ``#``.

    Examples
    --------
    >>> doc_title("calibration")
    'Calibration and its limits'
    """
    for line in doc_path(name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return name


def looks_like_path(text: str) -> bool:
    """A file path (has a folder part or a .toml suffix) rather than a bundled name."""
    return "/" in text or "\\" in text or text.endswith(SUFFIX) or text.startswith(".")


def resolve(kind: str, text: str, beside: Path | None = None) -> Path:
    """A path or a bundled name, as every command takes them; raise NotBundled if neither.

    A path is a path: if it does not exist that is the answer, never a bundled
    file of the same stem. A path is relative to the current folder, or to
    `beside` (the folder of the file that names it) when given. A bare name is
    first a file beside that file, then a bundled name.

    Examples
    --------
    >>> resolve("scenarios", "desa_demo").name
    'desa_demo.toml'
    >>> resolve("scenarios", "/nowhere/desa_demo.toml")
    Traceback (most recent call last):
    ...
    sim.bundled.NotBundled: no such file
    """
    base = beside if beside is not None else Path()
    if looks_like_path(text):
        path = base / text
        if path.is_file():
            return path
        raise NotBundled("no such file" if not path.exists() else "is not a file")
    if beside is not None and (beside / f"{text}{SUFFIX}").is_file():
        return beside / f"{text}{SUFFIX}"
    return bundled_path(kind, text)
