"""Epstein's Model I of civil violence on a torus, vectorised, calling the model's own kernels.

Epstein (2002), PNAS 99 suppl. 3, 7243-7250, as implemented in NetLogo's
"Rebellion" model (Wilensky 2004) and Mesa's "Epstein civil violence" example.
Citizens and cops live on a W x H torus, at most one free citizen or cop per
cell (jailed citizens do not block a cell). Each tick every free citizen and
cop, in random order:

- M (move): goes to a random cell in its vision holding no cop and no free citizen;
- A (act, citizens): G = H (1 - L), P = 1 - exp(-k rnd(C / A)), active iff G - R P > T;
- C (cops): arrests one random active citizen in vision, who gets a jail term
  drawn from 0 .. J_max - 1 ticks, and moves to the arrested citizen's cell.

Then every jail term runs down by one. Rule A calls `sim.model.mechanisms.grievance`
(`grievance`, `arrest_probability`, `decide_active`): the same code the Pilkada
model runs, so this published special case exercises it.

Random sequential activation is vectorised: each tick the agents are shuffled
and split into `batches` groups that act one after the other, each group
reading the state the previous ones left. Within a group, two movers that pick
the same free cell, or two cops that pick the same suspect, are settled in the
group's random order (the loser stays, or looks again). `batches` = number of
agents is NetLogo's exact order; fewer batches trade exactness for speed.

Presets: NETLOGO (density 0.7, cops 0.04, vision radius 7 as a disc, L = 0.82,
J_max = 30, floor, A counts an active citizen itself once more as NetLogo's
``1 + count agents-on neighborhood with [active?]`` does) and MESA (cops 0.074,
von Neumann vision 7, L = 0.8, J_max = 1000, round, A = 1 + active neighbours).
Mesa's example also keeps jailed citizens blocking their cell and leaves the
arresting cop where it is; those two differences are not reproduced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from sim.model.mechanisms.grievance import arrest_probability, decide_active, grievance

SUSPECT_ROUNDS = 3
MOVE_LOOKS = 16


class EpsteinParams(BaseModel):
    """Parameters of one Epstein Model I world (NetLogo "Rebellion" defaults)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    width: int = Field(40, ge=3, description="cells")
    height: int = Field(40, ge=3, description="cells")
    citizen_density: float = Field(0.7, ge=0.0, le=1.0)
    cop_density: float = Field(0.04, ge=0.0, le=1.0)
    vision: float = Field(7.0, gt=0.0, description="radius in cells")
    vision_shape: Literal["disc", "diamond", "square"] = Field(
        "disc", description="disc: NetLogo's in-radius; diamond: Mesa's von Neumann "
        "neighbourhood of that radius; square: a Moore neighbourhood")
    legitimacy: float = Field(0.82, ge=0.0, le=1.0, description="L")
    threshold: float = Field(0.1, ge=0.0, description="T")
    arrest_constant: float = Field(2.3, gt=0.0, description="k")
    max_jail: int = Field(30, ge=1, description="J_max, ticks")
    rounding: Literal["floor", "round", "none"] = "floor"
    self_counted_twice: bool = Field(
        True, description="NetLogo's A = 1 + actives in vision including oneself")
    movement: bool = Field(True, description="citizens move (cops always do)")
    batches: int = Field(8, ge=1, description="groups acting in turn each tick")


NETLOGO: dict = {}
MESA: dict = {"cop_density": 0.074, "vision_shape": "diamond", "legitimacy": 0.8,
              "max_jail": 1000, "rounding": "round", "self_counted_twice": False}
PRESETS = {"netlogo": NETLOGO, "mesa": MESA}


@dataclass
class EpsteinRun:
    """Counts per tick of one run."""

    active: np.ndarray
    jailed: np.ndarray
    citizens: int

    @property
    def active_share(self) -> np.ndarray:
        return self.active / max(self.citizens, 1)


def vision_table(width: int, height: int, radius: float, shape: str) -> np.ndarray:
    """(cells, V) indices of the cells each cell sees on the torus, itself included."""
    r = int(np.floor(radius))
    dy, dx = np.mgrid[-r:r + 1, -r:r + 1]
    keep = {"disc": dx**2 + dy**2 <= radius**2, "diamond": np.abs(dx) + np.abs(dy) <= radius,
            "square": np.ones_like(dx, dtype=bool)}[shape]
    dx, dy = dx[keep], dy[keep]
    cells = np.arange(width * height)
    x, y = cells % width, cells // width
    return ((y[:, None] + dy) % height) * width + (x[:, None] + dx) % width


class EpsteinWorld:
    """One Model I world: state arrays and the three rules, acting in random batches.

    Examples
    --------
    >>> world = EpsteinWorld(EpsteinParams(), np.random.default_rng(1))
    >>> run = world.run(50)
    >>> run.active.shape
    (50,)
    """

    def __init__(self, params: EpsteinParams, rng: np.random.Generator):
        self.p = params
        self.rng = rng
        self.n_cells = params.width * params.height
        self.vision = vision_table(params.width, params.height, params.vision, params.vision_shape)
        n_cit = round(params.citizen_density * self.n_cells)
        n_cop = min(round(params.cop_density * self.n_cells), self.n_cells - n_cit)
        cells = rng.permutation(self.n_cells)
        self.cit_cell = cells[:n_cit]
        self.cop_cell = cells[n_cit:n_cit + n_cop]
        self.hardship = rng.random(n_cit)
        self.risk_aversion = rng.random(n_cit)
        self.active = np.zeros(n_cit, dtype=bool)
        self.jail = np.zeros(n_cit, dtype=np.int64)
        self.legitimacy = params.legitimacy

    # --- occupancy --------------------------------------------------------------

    def _blocked(self) -> np.ndarray:
        """Cells holding a cop or a free citizen."""
        blocked = np.zeros(self.n_cells, dtype=bool)
        blocked[self.cit_cell[self.jail == 0]] = True
        blocked[self.cop_cell] = True
        return blocked

    def _count(self, cells: np.ndarray) -> np.ndarray:
        return np.bincount(cells, minlength=self.n_cells)

    # --- rules --------------------------------------------------------------------

    def _move(self, cells: np.ndarray) -> np.ndarray:
        """Rule M for the agents at `cells` (in their random order); returns new cells.

        A free cell is found by looking at `MOVE_LOOKS` random cells of the
        vision: the first free one is a uniform draw among the free cells; an
        agent that finds none stays (about 1 in 100 at NetLogo's densities).
        """
        if cells.size == 0:
            return cells
        blocked = self._blocked()
        looks = self.rng.integers(0, self.vision.shape[1], size=(cells.size, MOVE_LOOKS))
        seen = self.vision[cells[:, None], looks]
        free = ~blocked[seen]
        pick = free.argmax(axis=1)
        rows = np.arange(cells.size)
        target = seen[rows, pick]
        can = free[rows, pick]
        first = np.zeros(cells.size, dtype=bool)
        _, first_index = np.unique(np.where(can, target, -1 - rows), return_index=True)
        first[first_index] = True
        return np.where(can & first, target, cells)

    def _decide(self, who: np.ndarray) -> None:
        """Rule A for citizens `who`: the model's grievance kernels, on the torus."""
        p = self.p
        cops_seen = self._count(self.cop_cell)[self.vision[self.cit_cell[who]]].sum(1)
        actives_in = self._count(self.cit_cell[self.active])[self.vision[self.cit_cell[who]]].sum(1)
        own = self.active[who].astype(np.int64)
        actives_seen = 1 + actives_in - (0 if p.self_counted_twice else own)
        g = grievance(self.hardship[who], self.legitimacy, 0.0, 0.0)
        prob = arrest_probability(cops_seen, actives_seen, p.arrest_constant, p.rounding)
        self.active[who] = decide_active(g, self.risk_aversion[who], prob, p.threshold)

    def _enforce(self, cops: np.ndarray) -> int:
        """Rule C for `cops` in their random order; returns the number of arrests."""
        arrests = 0
        for _ in range(SUSPECT_ROUNDS):
            suspects = np.flatnonzero(self.active)
            if cops.size == 0 or suspects.size == 0:
                break
            key = np.full(self.n_cells, -1.0)
            draw = self.rng.random(suspects.size)
            np.maximum.at(key, self.cit_cell[suspects], draw)
            owner = np.full(self.n_cells, -1)
            best = draw == key[self.cit_cell[suspects]]
            owner[self.cit_cell[suspects[best]]] = suspects[best]
            seen = self.vision[self.cop_cell[cops]]
            pick = key[seen].argmax(axis=1)
            cell = seen[np.arange(cops.size), pick]
            has = key[cell] >= 0
            suspect = np.where(has, owner[cell], -1)
            _, first_index = np.unique(np.where(has, suspect, -1 - np.arange(cops.size)),
                                       return_index=True)
            won = np.zeros(cops.size, dtype=bool)
            won[first_index] = True
            won &= has
            caught = suspect[won]
            self.active[caught] = False
            self.jail[caught] = self.rng.integers(0, self.p.max_jail, size=caught.size)
            self.cop_cell[cops[won]] = self.cit_cell[caught]
            arrests += caught.size
            cops = cops[has & ~won]
        return arrests

    def step(self) -> None:
        """One tick: every free citizen and every cop acts, in random batches; jail runs down."""
        n_cit = self.cit_cell.size
        order = self.rng.permutation(n_cit + self.cop_cell.size)
        for group in np.array_split(order, self.p.batches):
            citizens = group[group < n_cit]
            citizens = citizens[self.jail[citizens] == 0]
            cops = group[group >= n_cit] - n_cit
            movers = citizens if self.p.movement else citizens[:0]
            moved = self._move(np.concatenate([self.cit_cell[movers], self.cop_cell[cops]]))
            self.cit_cell[movers] = moved[:movers.size]
            self.cop_cell[cops] = moved[movers.size:]
            self._decide(citizens)
            self._enforce(cops)
        np.subtract(self.jail, 1, out=self.jail, where=self.jail > 0)

    def run(self, ticks: int, legitimacy: np.ndarray | None = None) -> EpsteinRun:
        """Run `ticks` ticks, with an optional legitimacy for each tick."""
        active = np.zeros(ticks, dtype=np.int64)
        jailed = np.zeros(ticks, dtype=np.int64)
        for t in range(ticks):
            if legitimacy is not None:
                self.legitimacy = float(legitimacy[t])
            self.step()
            active[t] = self.active.sum()
            jailed[t] = (self.jail > 0).sum()
        return EpsteinRun(active=active, jailed=jailed, citizens=self.cit_cell.size)


def epstein_params(preset: str = "netlogo", **changes) -> EpsteinParams:
    """Parameters of a preset ("netlogo" or "mesa") with changes applied."""
    return EpsteinParams(**(PRESETS[preset] | changes))
