"""The package as built: the wheel carries the bundled data, found from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sim import bundled

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory) -> Path:
    """The project's wheel, built for real and unpacked as pip would install it."""
    folder = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                            "--wheel-dir", str(folder), str(PROJECT)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    (wheel,) = folder.glob("kondusif-*.whl")
    site = folder / "site"
    zipfile.ZipFile(wheel).extractall(site)
    return site


def in_wheel(site: Path, code: str, cwd: Path) -> str:
    """Run Python with only the unpacked wheel (and the installed dependencies) importable."""
    done = subprocess.run([sys.executable, "-I", "-c",
                           f"import sys; sys.path.insert(0, {str(site)!r}); {code}"],
                          capture_output=True, text=True, cwd=cwd, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_wheel_finds_its_bundled_files_inside_itself_from_an_empty_folder(unpacked_wheel,
                                                                               tmp_path):
    code = ("from sim import bundled; "
            "print(bundled.bundled_root('scenarios')); "
            "print(bundled.bundled_names('experiments')); "
            "print(len(bundled.bundled_files('experiments', 'validation')))")
    root, experiments, validation = in_wheel(unpacked_wheel, code, tmp_path).splitlines()
    assert Path(root) == unpacked_wheel / "sim" / "bundled" / "scenarios"
    assert "quick" in experiments
    assert int(validation) == len(list((PROJECT / "experiments" / "validation").glob("*.toml")))


def test_the_wheel_carries_every_bundled_folder_and_the_docs(unpacked_wheel):
    import tomllib

    folders = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["kondusif"][
        "bundled"]
    for folder in folders:
        shipped = {p.relative_to(unpacked_wheel / "sim" / "bundled" / folder)
                   for p in (unpacked_wheel / "sim" / "bundled" / folder).rglob("*")}
        source = {p.relative_to(PROJECT / folder) for p in (PROJECT / folder).rglob("*")
                  if "__pycache__" not in p.parts}
        assert shipped == source, folder


def test_python_dash_m_sim_runs_the_command_from_the_wheel(unpacked_wheel, tmp_path):
    out = in_wheel(unpacked_wheel, "import runpy, sys; sys.argv = ['sim', 'experiments']; "
                   "runpy.run_module('sim', run_name='__main__')", tmp_path)
    assert "quick" in out


def test_a_checkout_reads_its_own_folders_never_the_current_ones(tmp_path, monkeypatch):
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "impostor.toml").write_text("[scenario]\n")
    monkeypatch.chdir(tmp_path)
    assert bundled.bundled_root("scenarios") == PROJECT / "scenarios"
    assert "impostor" not in bundled.bundled_names("scenarios")


def test_a_kind_that_is_not_bundled_says_so():
    with pytest.raises(bundled.NotBundled, match="no bundled nothing"):
        bundled.bundled_root("nothing")


def test_an_installation_without_bundled_files_names_the_problem_not_a_traceback(monkeypatch,
                                                                                   capsys):
    from sim.cli import main as cli_main

    def missing(kind):
        raise bundled.NotBundled(f"no bundled {kind} in this installation of kondusif")

    monkeypatch.setattr(bundled, "bundled_root", missing)
    assert cli_main(["run", "kutim_2024"]) == 2
    err = capsys.readouterr().err
    assert "none in this installation of kondusif" in err and "Traceback" not in err
