"""The Bimtek training app: watch a Pilkada unfold, try a strategy, see the difference.

Start it with ``kondusif app [SCENARIO]``. The modules here that draw (map,
charts) and keep a run (state, track, injection) use no Solara, so that
``kondusif film`` and the benchmarks reuse them; only ``page``, ``controls`` and
``panels`` import Solara.
"""
