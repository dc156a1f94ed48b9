"""The browser files Solara's page loads, fetched once with npm and served from this machine.

Solara's page asks for a few npm packages (its Vuetify bundle, RequireJS,
Font Awesome, and for Markdown KaTeX and Mermaid) that its server normally
fetches from a public CDN on first use. A workshop room or a CI machine may
have no way out, so the app serves them from a local folder instead, filled
once by ``npm pack`` from the npm registry (``kondusif app --prepare`` does it
ahead of a workshop, with a line for each package). Without npm, Solara's own
proxy fills the same folder from its CDN the first time the page asks, the
normal way. The package names and versions are read from the installed
Solara's page template and Markdown component, so they follow Solara upgrades.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
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


def ensure_assets(cache: Path | None = None, verbose: bool = True) -> Path:
    """Make sure every package the page needs is unpacked under `cache`; return `cache`.

    Parameters
    ----------
    cache : Path, optional
        The folder (default: ``default_cache_dir()``).
    verbose : bool
        Say each package on stderr while it is fetched (a first start takes a while).

    Raises
    ------
    AssetError
        If npm is there but cannot fetch a package.
    """
    cache = Path(cache or default_cache_dir())
    missing = missing_packages(cache, required_packages())
    if not missing:
        return cache
    npm = shutil.which("npm")
    if npm is None:
        say(f"npm is not installed: the page's {len(missing)} browser packages will be fetched "
            f"into {cache} by the app's server the first time the page is opened (Solara's "
            "CDN proxy); to fetch them ahead, install npm and run `kondusif app --prepare`",
            verbose)
        return cache
    say(f"kondusif app: fetching the page's browser files once, into {cache}", verbose)
    for k, package in enumerate(missing, start=1):
        started = time.perf_counter()
        say(f"  [{k}/{len(missing)}] {package} ...", verbose, end="")
        size = _fetch(npm, package, cache)
        say(f" {size / 1e6:.1f} MB, {time.perf_counter() - started:.0f} s", verbose)
    return cache


def say(message: str, verbose: bool, end: str = "\n") -> None:
    if verbose:
        print(message, end=end, file=sys.stderr, flush=True)


def _fetch(npm: str, package: str, cache: Path) -> int:
    """``npm pack`` one package and unpack it as ``cache/name@version`` (all or nothing);
    return the size of the package's tarball in bytes."""
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
        return tarballs[0].stat().st_size
