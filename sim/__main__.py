"""`python -m sim`: the `kondusif` command, for when its script is not on PATH."""

import sys

from sim.cli import main

sys.exit(main())
