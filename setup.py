"""Build hook: the wheel carries the data folders named in pyproject.toml inside the package.

Each folder in ``[tool.kondusif] bundled`` (scenarios/, experiments/, ...) stays
where it is in the repository, one copy; building a wheel copies it to
``sim/bundled/<folder>/``, where `sim.bundled` finds it once installed. An
editable install copies nothing: it reads the checkout's own folders.
"""

import shutil
import tomllib
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BUNDLED = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))[
    "tool"]["kondusif"]["bundled"]


class BuildWithData(build_py):
    """build_py, then the bundled data folders into build/lib/sim/bundled/."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for folder in BUNDLED:
            source = HERE / folder
            if not source.is_dir():
                raise SystemExit(f"pyproject.toml [tool.kondusif] bundled names {folder!r}, "
                                 "which is not a folder here")
            shutil.copytree(source, Path(self.build_lib) / "sim" / "bundled" / folder,
                            dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": BuildWithData})
