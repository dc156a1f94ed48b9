"""The browser files Solara's page loads, fetched once with npm and served from this machine.

Solara's page asks for a few npm packages (its Vuetify bundle, RequireJS,
Font Awesome, and for Markdown KaTeX and Mermaid) that its server normally
fetches from a public CDN on first use. A workshop room or a CI machine may
have no way out, so the app serves them from a local folder instead, filled
once by ``npm pack`` from the npm registry. The package names and versions are
read from the installed Solara's page template and Markdown component, so
they follow Solara upgrades.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

# "{{cdn}}/@scope/name@1.2.3/..." in the page template, "${this.getCdn()}/name@1.2.3/..." in
# a component's JavaScript
CDN_PACKAGE = re.compile(r"(?:\{\{\s*cdn\s*\}\}|getCdn\(\)\})/((?:@[\w.-]+/)?[\w.-]+@\d[\w.+-]*)/")
# the Solara files that name them, relative to the solara package
CDN_USERS = ("server/templates/solara.html.j2", "components/markdown.py")


class AssetError(RuntimeError):
    """The browser files are missing and cannot be fetched here."""


def required_packages() -> list[str]:
    """``name@version`` of every npm package the installed Solara's page loads."""
    import solara
    from solara.server import settings

    root = Path(solara.__file__).parent
    found = {package for name in CDN_USERS
             for package in CDN_PACKAGE.findall((root / name).read_text(encoding="utf-8"))}
    fontawesome = settings.assets.fontawesome_path.strip("/").split("/")[0]
    if settings.assets.fontawesome_enabled and fontawesome:
        found.add(fontawesome)
    return sorted(found)


def default_cache_dir() -> Path:
    """``$KONDUSIF_ASSETS_DIR``, else ``$XDG_CACHE_HOME/kondusif/solara-cdn`` (~/.cache)."""
    if os.environ.get("KONDUSIF_ASSETS_DIR"):
        return Path(os.environ["KONDUSIF_ASSETS_DIR"])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "kondusif" / "solara-cdn"


def missing_packages(cache: Path, packages: list[str]) -> list[str]:
    return [p for p in packages if not (cache / p / "package.json").is_file()]


def ensure_assets(cache: Path | None = None) -> Path:
    """Make sure every package the page needs is unpacked under `cache`; return `cache`.

    Raises
    ------
    AssetError
        If a package is missing and npm is absent or cannot fetch it.
    """
    cache = Path(cache or default_cache_dir())
    missing = missing_packages(cache, required_packages())
    if not missing:
        return cache
    npm = shutil.which("npm")
    if npm is None:
        raise AssetError(f"the app's browser files are missing from {cache} "
                         f"({', '.join(missing)}) and npm is not installed to fetch them; "
                         "install Node.js and npm (Debian: apt-get install npm)")
    for package in missing:
        _fetch(npm, package, cache)
    return cache


def _fetch(npm: str, package: str, cache: Path) -> None:
    """``npm pack`` one package and unpack it as ``cache/name@version`` (all or nothing)."""
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as work:
        done = subprocess.run([npm, "pack", package, "--silent"], cwd=work,
                              capture_output=True, text=True, check=False)
        tarballs = list(Path(work).glob("*.tgz"))
        if done.returncode != 0 or not tarballs:
            raise AssetError(f"npm could not fetch {package}: "
                             f"{(done.stderr or done.stdout).strip()[-500:]}")
        unpacked = Path(work) / "unpacked"
        with tarfile.open(tarballs[0]) as tar:
            tar.extractall(unpacked, filter="data")
        target = cache / package
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(target, ignore_errors=True)
        os.replace(unpacked / "package", target)
