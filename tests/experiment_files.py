"""Small experiment files written into a test's temporary folder."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def quick_experiment(folder: Path, replications: int = 3, name: str = "quick_test",
                     extra: str = "") -> Path:
    """The bundled quick experiment with fewer replications (desa_demo, counter_hoax)."""
    text = (PROJECT / "experiments" / "quick.toml").read_text(encoding="utf-8")
    text = text.replace('name = "quick"', f'name = "{name}"')
    text = text.replace("replications = 8", f"replications = {replications}")
    path = folder / f"{name}.toml"
    path.write_text(text + extra, encoding="utf-8")
    return path


def function_experiment(folder: Path, model: str, body: str, name: str = "function_test",
                        replications: int = 1) -> Path:
    """An experiment of a function model, with `body` holding its [grid] or [sample]."""
    path = folder / f"{name}.toml"
    path.write_text(f'[experiment]\nname = "{name}"\nmodel = "{model}"\n'
                    f"replications = {replications}\nroot_seed = 7\n\n{body}\n",
                    encoding="utf-8")
    return path
