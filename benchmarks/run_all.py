"""Run every benchmark script in this folder, each in a fresh process, and print its figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    for script in sorted(HERE.glob("*.py")):
        if script.name in ("run_all.py", "benchmarks_common.py"):
            continue
        print(f"== {script.name}", flush=True)
        subprocess.run([sys.executable, str(script)], check=False)
