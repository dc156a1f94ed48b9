"""ElectionConflictModel: a regency living through the Pilkada calendar, one step a day.

Built from a validated Scenario. Residents are arrays (population.py); the
actors that decide are Mesa agents (agents.py); each submodel is a module in
mechanisms/ that names the published model it follows. See docs/ODD.md.

Order of one day:
 1. events of the day (scheduled, added by strategies, or injected live)
 2. strategies look at what they may observe and pull their levers
 3. hoaxes spread (rumor), counter-measures act
 4. anger follows rhetoric, hoax belief, tension and mobilisation
 5. leaders and officials mediate; non-neutral officials erode legitimacy
 6. residents decide to be active or quiet (Epstein's rule)
 7. active crowds meet: incidents, response, severity, arrests, backlash, contagion
 8. voting day: turnout and count; after the result: dispute decision
 9. tension decays, legitimacy recovers, detention terms run down; data collected
"""

from __future__ import annotations

import numpy as np
from mesa import DataCollector, Model
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import shortest_path

from sim.model import mechanisms as mech
from sim.model.agents import Candidate, Community, Official, SecurityUnit, UnitRoster
from sim.model.levers import Levers
from sim.model.population import NO_CANDIDATE, build_population
from sim.model.timeline import Timeline
from sim.scenario.schema import Event, EventKind, Phase, Scenario

STREAMS = ("population", "officials", "rumor", "activation", "clash", "policing", "voting",
           "events")
UNREACHABLE_HOURS = 72.0


class ElectionConflictModel(Model):
    """A Pilkada in one regency (or any set of communities), one step per calendar day.

    Parameters
    ----------
    scenario : Scenario
        A validated scenario (see ``sim.scenario.load_scenario``).
    strategies : sequence of Strategy
        Mitigation strategies; they act only through ``model.levers``.
    rng : int, SeedSequence or Generator
        The run's randomness. Each mechanism draws from its own child stream,
        so runs with different strategies share their random numbers.

    Examples
    --------
    >>> from sim.scenario import load_scenario, bundled_path
    >>> model = ElectionConflictModel(load_scenario(bundled_path("desa_demo")), rng=1)
    >>> model.run()
    >>> model.running
    False
    """

    def __init__(self, scenario: Scenario, strategies=(), rng=None):
        super().__init__(rng=np.random.default_rng(rng))
        self.scenario = scenario
        self.strategies = list(strategies)
        self.streams = dict(zip(STREAMS, self.rng.spawn(len(STREAMS)), strict=True))
        self.timeline = Timeline(scenario)
        self.population = build_population(scenario, self.streams["population"])
        self._build_geography()
        self._build_agents()
        self._init_state()
        self.levers = Levers(self)
        for strategy in self.strategies:
            strategy.prepare(self.levers)
        self.datacollector = self._make_datacollector()

    # --- construction ---------------------------------------------------------

    def _build_geography(self) -> None:
        s = self.scenario
        index = {c.name: i for i, c in enumerate(s.communities)}
        self.community_index = index
        n = len(s.communities)
        rows, cols, hours = [], [], []
        for i, c in enumerate(s.communities):
            for nb in c.neighbours:
                rows.append(i)
                cols.append(index[nb.name])
                hours.append(nb.travel_hours)
        graph = csr_matrix((hours, (rows, cols)), shape=(n, n))
        travel = shortest_path(graph, directed=False)
        self.travel_hours = np.where(np.isfinite(travel), travel, UNREACHABLE_HOURS)
        self.voters = np.array([c.voters for c in s.communities], dtype=float)
        self._neighbour_tables()

    def _neighbour_tables(self) -> None:
        """Per community, its direct neighbours and a CDF of contact weights (for rumours)."""
        s = self.scenario
        width = max(1, max(len(c.neighbours) for c in s.communities))
        n = len(s.communities)
        ids = np.tile(np.arange(n)[:, None], (1, width))
        cdf = np.ones((n, width))
        for i, c in enumerate(s.communities):
            if not c.neighbours:
                continue
            w = np.array([np.exp(-nb.travel_hours / s.clash.spread_hours)
                          * self.voters[self.community_index[nb.name]] for nb in c.neighbours])
            k = len(c.neighbours)
            ids[i, :k] = [self.community_index[nb.name] for nb in c.neighbours]
            ids[i, k:] = ids[i, k - 1]
            cdf[i, :k] = np.cumsum(w) / w.sum()
        self.neighbour_ids, self.neighbour_cdf = ids, cdf

    def _build_agents(self) -> None:
        s = self.scenario
        self.communities = [
            Community(self, i, c.name, c.voters, c.latitude, c.longitude)
            for i, c in enumerate(s.communities)
        ]
        self.candidates = [
            Candidate(self, i, c.id, c.name, c.incumbent, c.rhetoric)
            for i, c in enumerate(s.candidates)
        ]
        for group in s.officials:
            for community, count in self._spread(group.count, group.community):
                Official(self, group.role, community, count, group.neutrality)
        self.roster = UnitRoster()
        for force, personnel in zip(s.security.forces, self._scaled_personnel(), strict=True):
            for community, people in self._spread(personnel, force.base):
                full, rest = divmod(people, force.unit_size)
                for size in [force.unit_size] * full + ([rest] if rest else []):
                    SecurityUnit(self, force.kind, size, community)
        self.roster.freeze()
        self.own_mediators = np.zeros(len(self.communities))
        for official in self.officials:
            self.own_mediators[official.community] += official.mediation_strength
        self.biased_officials = [o for o in self.officials if o.non_neutral > 0]

    def _spread(self, count: int, where: str) -> list[tuple[int, int]]:
        """Split `count` over communities: all in one place, or by voters (largest remainder)."""
        if count == 0:
            return []
        if where != "all":
            return [(self.community_index[where], count)]
        exact = count * self.voters / self.voters.sum()
        whole = np.floor(exact).astype(int)
        short = count - whole.sum()
        whole[np.argsort(-(exact - whole), kind="stable")[:short]] += 1
        return [(int(i), int(k)) for i, k in enumerate(whole) if k > 0]

    def _scaled_personnel(self) -> list[int]:
        """Personnel per force, scaled to `security.personnel` when it is set."""
        forces = self.scenario.security.forces
        given = np.array([f.personnel for f in forces], dtype=float)
        target = self.scenario.security.personnel
        if target is None or given.sum() == 0:
            return [int(p) for p in given]
        exact = given * target / given.sum()
        whole = np.floor(exact).astype(int)
        whole[np.argsort(-(exact - whole), kind="stable")[: target - whole.sum()]] += 1
        return [int(p) for p in whole]

    def _init_state(self) -> None:
        n_c = len(self.communities)
        pop = self.population
        self.tension = np.zeros(n_c)
        self.legitimacy_deficit = np.zeros(n_c)
        self.extra_mixing = np.zeros(n_c)
        self.extra_mediators = np.zeros(n_c)
        self.voting_day_extra_per_tps = 0.0
        self.mobilisation = np.zeros(len(self.candidates))
        # anger target per resident from outside this race (a governor-race dispute); None = off
        self.outside_anger: np.ndarray | None = None
        self.identity_exposure = mech.clash.identity_exposure(
            pop.group, pop.neighbourhood, pop.nb_community, len(pop.group_names))
        self.lean = self._floating_voter_lean()
        # what happened today (read by agents, the data collector and the app)
        self.today_incidents = np.zeros((n_c, 3), dtype=int)
        self.today_active_share = np.zeros(n_c)
        self.today_belief_share = np.zeros(n_c)
        self.today_injuries = np.zeros(n_c)
        self.today_arrests = np.zeros(n_c)
        self.today_backlash = np.zeros(n_c, dtype=int)
        self.today_personnel = np.zeros(n_c)
        self.incidents_by_day = np.zeros((len(self.timeline), 3), dtype=int)
        self.incident_log: list[dict] = []
        self.event_log: list[dict] = []
        # totals over the run
        self.totals = {"injuries": 0.0, "arrests": 0.0, "backlash_events": 0, "non_neutrality": 0}
        self.peak_tension_by_community = np.zeros(n_c)
        self.peak_belief = 0.0
        self.turnout_by_community = np.full(n_c, np.nan)
        self.votes: np.ndarray | None = None
        self.ballots_cast: np.ndarray | None = None  # who voted, for a second race's count
        self.dispute_filed = False
        self.dispute_probability = 0.0
        self.result_known = False

    def _floating_voter_lean(self) -> np.ndarray:
        """How voters without a camp split in each community: its relative support."""
        n_cand = len(self.candidates)
        lean = np.full((len(self.communities), n_cand), 1.0 / n_cand)
        for i, c in enumerate(self.scenario.communities):
            shares = np.array([c.support.get(k.candidate_id, 0.0) for k in self.candidates])
            if shares.sum() > 0:
                lean[i] = shares / shares.sum()
        return lean

    def _make_datacollector(self) -> DataCollector:
        return DataCollector(
            model_reporters={
                "date": lambda m: m.today.isoformat(),
                "phase": lambda m: str(m.phase),
            },
            agenttype_reporters={
                Community: {
                    "community": "name",
                    "tension": "tension",
                    "active_share": "active_share",
                    "hoax_belief": "hoax_belief",
                    "legitimacy_deficit": "legitimacy_deficit",
                    "security_personnel": "security_personnel",
                    "friction": lambda c: c.incidents_of(0),
                    "clash": lambda c: c.incidents_of(1),
                    "riot": lambda c: c.incidents_of(2),
                    "injuries": lambda c: float(c.model.today_injuries[c.index]),
                    "arrests": lambda c: float(c.model.today_arrests[c.index]),
                    "backlash": lambda c: int(c.model.today_backlash[c.index]),
                    "turnout": lambda c: float(c.model.turnout_by_community[c.index]),
                }
            },
        )

    # --- the calendar ---------------------------------------------------------

    @property
    def day_index(self) -> int:
        return max(self.steps - 1, 0)

    @property
    def today(self):
        return self.timeline.date_of(self.day_index)

    @property
    def phase(self) -> Phase:
        return self.timeline.phase_of(self.day_index)

    @property
    def units(self):
        return self.agents_by_type.get(SecurityUnit, [])

    @property
    def officials(self):
        return self.agents_by_type.get(Official, [])

    def run(self) -> None:
        """Step through the whole calendar."""
        while self.running:
            self.step()

    def inject(self, event: Event) -> None:
        """Add an event while the model runs (training app); it acts on its date."""
        self.timeline.schedule(event)

    # --- one day --------------------------------------------------------------

    def step(self) -> None:
        self._start_day()
        for event in self.timeline.events_on(self.today):
            self.apply_event(event)
        for strategy in self.strategies:
            strategy.on_day(self.levers)
        self._spread_hoaxes()
        self._update_anger()
        self._mediate()
        self._decide_activation()
        self._clash_and_respond()
        if self.phase == Phase.VOTING:
            self._vote()
        self._end_day()
        self.datacollector.collect(self)
        if self.day_index >= len(self.timeline) - 1:
            self.running = False

    def _start_day(self) -> None:
        self.today_incidents[:] = 0
        self.today_injuries[:] = 0
        self.today_arrests[:] = 0
        self.today_backlash[:] = 0
        self.extra_mixing[:] = 0
        self.roster.busy[:] = False

    def apply_event(self, event: Event) -> None:
        """What a scheduled or injected event does on its day."""
        fx = self.scenario.event_effects
        where = self._event_communities(event)
        camp = None if event.candidate is None else self._candidate_index(event.candidate)
        pop = self.population
        in_place = np.isin(pop.community, where)
        aligned = pop.support != NO_CANDIDATE
        m = event.magnitude
        kind = event.kind
        if kind == EventKind.HOAX_WAVE:
            self._seed_hoax(where, m)
        elif kind == EventKind.RALLY:
            self.extra_mixing[where] += fx.rally_mixing * m
            rivals = in_place & aligned & (pop.support != (camp if camp is not None else -2))
            pop.anger[rivals] += np.float32(fx.rally_anger * m)
        elif kind == EventKind.PROVOCATION:
            pop.anger[in_place & aligned] += np.float32(fx.provocation_anger * m)
            self.tension[where] += fx.provocation_tension * m
        elif kind == EventKind.RESULT_ANNOUNCEMENT:
            self._announce_result(fx.announcement_tension * m)
        elif kind == EventKind.DISPUTE_FILING:
            self._decide_dispute()
        elif kind == EventKind.DISPUTED_COUNT:
            self.tension[where] += fx.disputed_count_tension * m
            self.legitimacy_deficit[where] += fx.disputed_count_legitimacy * m
        elif kind == EventKind.LEGITIMACY_SHOCK:
            self.legitimacy_deficit[where] += fx.legitimacy_shock * m
        elif kind == EventKind.NON_NEUTRALITY:
            self.legitimacy_deficit[where] += m * mech.mediation.breach_loss(
                self.voters[where], self.scenario.mediation)
            self.totals["non_neutrality"] += 1
        np.clip(self.tension, 0.0, 1.0, out=self.tension)
        np.clip(self.legitimacy_deficit, 0.0, 1.0, out=self.legitimacy_deficit)
        self.event_log.append({"date": self.today.isoformat(), "kind": str(kind),
                               "community": event.community, "magnitude": m})

    def _event_communities(self, event: Event) -> np.ndarray:
        if event.community == "all":
            return np.arange(len(self.communities))
        return np.array([self.community_index[event.community]])

    def _candidate_index(self, candidate_id: str) -> int:
        return next(c.index for c in self.candidates if c.candidate_id == candidate_id)

    def _seed_hoax(self, where: np.ndarray, magnitude: float) -> None:
        pop = self.population
        rumor = self.scenario.rumor
        n_seeds = max(1, round(rumor.seeds_per_wave * magnitude / pop.scale))
        pool = np.flatnonzero(np.isin(pop.community, where))
        mech.rumor.seed(pop.hoax, pop.believes, pool, n_seeds, self.streams["rumor"])

    def _spread_hoaxes(self) -> None:
        pop = self.population
        params = self.scenario.rumor
        rng = self.streams["rumor"]

        def targets_of(spreaders):
            return mech.rumor.contact_targets(
                spreaders, pop.community, pop.start, pop.stop, self.neighbour_cdf,
                self.neighbour_ids, params.within_community_share, rng)

        for _ in range(params.contacts_per_day * params.substeps):
            reached = mech.rumor.spread_round(pop.hoax, targets_of, params, rng,
                                              activity=1.0 / params.substeps)
            pop.believes[reached] |= rng.random(reached.size) < params.belief_probability
        mech.rumor.counter_measures(pop.hoax, pop.believes, params, rng)
        self.today_belief_share = pop.share_per_community(pop.believes)
        self.peak_belief = max(self.peak_belief, float(pop.believes.mean()))

    def _update_anger(self) -> None:
        """Anger relaxes towards what today gives a resident's camp to be angry about."""
        pop = self.population
        g, t, r = self.scenario.grievance, self.scenario.tension, self.scenario.rumor
        pressure = np.array([c.campaign_pressure(self.phase) for c in self.candidates])
        rival_pressure = np.array([np.delete(pressure, i).max(initial=0.0)
                                   for i in range(pressure.size)])
        per_camp = np.append(rival_pressure + self.mobilisation, 0.0)
        camp = np.where(pop.support == NO_CANDIDATE, pressure.size, pop.support)
        aligned = (pop.support != NO_CANDIDATE).astype(np.float32)
        target = aligned * (per_camp[camp] + r.anger_gain * pop.believes
                            + t.anger_weight * self.tension[pop.community])
        if self.outside_anger is not None:
            target = target + self.outside_anger
        pop.anger += np.float32(g.anger_decay_per_day) * (target.astype(np.float32) - pop.anger)

    def _mediate(self) -> None:
        mediation = self.scenario.mediation
        mediators = self.own_mediators + self.extra_mediators
        rng = self.streams["officials"]
        for official in self.biased_officials:
            if self.phase == Phase.CAMPAIGN:
                events = official.breaches_neutrality(
                    mediation.non_neutral_events_per_official_day, rng)
                if events:
                    self.legitimacy_deficit[official.community] += events * mech.mediation.\
                        breach_loss(self.voters[official.community], mediation)
                    self.totals["non_neutrality"] += events
        cover = mech.mediation.coverage(mediators, mediation.reach_per_leader, self.voters)
        mech.mediation.calm(self.tension, self.population.anger, self.population.community,
                            cover, mediation)
        np.clip(self.legitimacy_deficit, 0.0, 1.0, out=self.legitimacy_deficit)

    def personnel_by_community(self) -> np.ndarray:
        """Effective security personnel stationed in each community today."""
        presence = self.roster.presence(len(self.communities))
        if self._is_counting_day():
            tps = np.array([c.tps for c in self.scenario.communities], dtype=float)
            presence += self.voting_day_extra_per_tps * tps
        return presence

    def _is_counting_day(self) -> bool:
        """Voting day and the day after, when ballots are counted and carried (TPS guard)."""
        since_vote = (self.today - self.timeline.voting_day).days
        return 0 <= since_vote <= 1

    def _decide_activation(self) -> None:
        pop = self.population
        g, a = self.scenario.grievance, self.scenario.activation
        legitimacy = (g.legitimacy - self.legitimacy_deficit[pop.community]
                      - self.scenario.rumor.legitimacy_loss * pop.believes)
        grievance = mech.grievance.grievance(pop.hardship, np.clip(legitimacy, 0.0, 1.0),
                                             pop.anger, g.partisan_weight)
        self.today_personnel = self.personnel_by_community()
        cops = mech.policing.presence_per_neighbourhood(
            self.today_personnel, pop.nb_community, a.presence_weight)
        actives_nb = pop.per_neighbourhood(pop.active)
        seen = 1.0 + pop.scale * (actives_nb[pop.neighbourhood] - pop.active)
        p_arrest = mech.grievance.arrest_probability(cops[pop.neighbourhood], seen,
                                                     a.arrest_constant, a.ratio_rounding)
        free = pop.jail_days == 0
        pop.active = mech.grievance.decide_active(grievance, pop.risk_aversion, p_arrest,
                                                  a.threshold) & free
        self.today_active_share = pop.share_per_community(pop.active)

    def _clash_and_respond(self) -> None:
        pop, s = self.population, self.scenario
        rng = self.streams["clash"]
        camp_actives = pop.camp_counts(pop.active, len(self.candidates)) * pop.scale
        mixing = s.clash.mixing[self.phase] * (1.0 + self.extra_mixing)
        rates = mech.clash.incident_rates(camp_actives, mixing, s.clash, self.identity_exposure,
                                          self.voters)
        counts = rng.poisson(rates)
        if counts.sum() == 0:
            return
        where = np.repeat(np.arange(counts.size), counts)
        where = where[rng.permutation(where.size)]
        actives_voters = camp_actives.sum(axis=1)
        on_site, responders, delay = self._respond(where)
        crowd, severity, officers = mech.clash.resolve(where, actives_voters, on_site,
                                                       responders, delay, s.clash)
        self._consequences(where, crowd, severity, officers)

    def _respond(self, where: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Officers on site when each incident starts, and the first responder's arrival."""
        s = self.scenario
        n_nb = np.bincount(self.population.nb_community, minlength=len(self.communities))
        on_site = self.today_personnel[where] / np.maximum(n_nb[where], 1)
        responders = np.zeros(where.size)
        delay = np.full(where.size, s.security.response_delay_hours + UNREACHABLE_HOURS)
        for i, community in enumerate(where):
            slot = self.roster.nearest_free_responder(int(community), self.travel_hours)
            if slot is not None:
                unit = self.roster.units[slot]
                delay[i] = unit.respond_to(int(community))
                responders[i] = unit.strength
        return on_site, responders, delay

    def _consequences(self, where, crowd, severity, officers) -> None:
        s = self.scenario
        rng = self.streams["policing"]
        n_c = len(self.communities)
        np.add.at(self.today_incidents, (where, severity), 1)
        np.add.at(self.incidents_by_day[self.day_index], severity, 1)
        names = mech.clash.SEVERITIES
        injuries = rng.poisson([s.clash.injuries_per_incident[names[k]] for k in severity])
        np.add.at(self.today_injuries, where, injuries)
        backlash = mech.policing.backlash(severity, mech.clash.CLASH,
                                          s.policing.deescalation_skill,
                                          s.policing.backlash_probability, rng)
        np.add.at(self.today_backlash, where, backlash.astype(int))
        self.legitimacy_deficit += s.policing.backlash_legitimacy_loss * np.bincount(
            where[backlash], minlength=n_c)
        for i in np.flatnonzero(severity >= mech.clash.CLASH):
            self._arrest(int(where[i]), crowd[i], officers[i], rng)
        added = np.zeros(n_c)
        np.add.at(added, where, [s.clash.tension_per_incident[names[k]] for k in severity])
        self.tension += added + mech.clash.contagion(added, self.travel_hours,
                                                     s.clash.spread_hours, s.clash.contagion_share)
        np.clip(self.tension, 0.0, 1.0, out=self.tension)
        np.clip(self.legitimacy_deficit, 0.0, 1.0, out=self.legitimacy_deficit)
        self.totals["injuries"] += float(injuries.sum())
        self.totals["backlash_events"] += int(backlash.sum())
        for i in range(where.size):
            self.incident_log.append({
                "date": self.today.isoformat(), "community": self.communities[where[i]].name,
                "severity": names[severity[i]], "crowd": float(crowd[i]),
                "officers": float(officers[i]), "backlash": bool(backlash[i])})

    def _arrest(self, community: int, crowd: float, officers: float, rng) -> None:
        """Officers at a clash or riot detain actives there (Epstein's jail, terms U(1, J))."""
        pop = self.population
        wanted = min(crowd, rng.poisson(self.scenario.policing.arrests_per_officer * officers))
        exact = wanted / pop.scale
        n = int(exact) + int(rng.random() < exact - int(exact))
        lo, hi = pop.start[community], pop.stop[community]
        candidates = lo + np.flatnonzero(pop.active[lo:hi])
        if n == 0 or candidates.size == 0:
            return
        taken = rng.choice(candidates, size=min(n, candidates.size), replace=False)
        max_jail = max(1, self.scenario.activation.max_jail_days)
        pop.jail_days[taken] = rng.integers(1, max_jail + 1, size=taken.size)
        pop.active[taken] = False
        self.today_arrests[community] += taken.size * pop.scale
        self.totals["arrests"] += taken.size * pop.scale

    def _vote(self) -> None:
        pop, v = self.population, self.scenario.voting
        rng = self.streams["voting"]
        p = mech.voting.turnout_probability(pop.support, self.tension[pop.community],
                                            pop.jail_days == 0, v)
        cast = rng.random(pop.size) < p
        self.ballots_cast = cast
        self.turnout_by_community = pop.share_per_community(cast)
        ballots = float(cast.sum())
        valid = cast & (rng.random(pop.size) >= v.invalid_share)
        self.votes = mech.voting.count_votes(pop.support, pop.community, valid, self.lean,
                                             len(self.candidates), rng) * pop.scale
        self.ballots = ballots * pop.scale
        self.turnout = ballots / pop.size

    def _announce_result(self, tension: float) -> None:
        if self.votes is None or self.votes.sum() == 0:
            return
        self.result_known = True
        closeness = np.exp(-self.margin / self.scenario.voting.dispute_margin_scale)
        self.tension += tension * closeness

    @property
    def vote_shares(self) -> np.ndarray:
        if self.votes is None or self.votes.sum() == 0:
            return np.full(len(self.candidates), np.nan)
        return self.votes / self.votes.sum()

    @property
    def margin(self) -> float:
        shares = self.vote_shares
        return float("nan") if np.isnan(shares).any() else mech.voting.margin_of(shares)

    def _decide_dispute(self) -> None:
        """The losing camp files a dispute with a probability from margin and hoax belief."""
        if self.votes is None or self.votes.sum() == 0 or len(self.candidates) < 2:
            return
        belief = float(self.population.believes.mean())
        self.dispute_probability = mech.voting.dispute_probability(self.margin, belief,
                                                                   self.scenario.voting)
        if self.streams["voting"].random() < self.dispute_probability:
            self.dispute_filed = True
            losers = np.argsort(self.votes)[:-1]
            self.mobilisation[losers] = self.scenario.voting.mobilisation_anger

    def _end_day(self) -> None:
        s, pop = self.scenario, self.population
        belief_share = self.today_belief_share
        self.tension = (1.0 - s.tension.decay_per_day) * self.tension + (
            s.tension.decay_per_day * s.tension.hoax_weight * belief_share)
        np.clip(self.tension, 0.0, 1.0, out=self.tension)
        self.legitimacy_deficit *= 1.0 - s.grievance.legitimacy_recovery_per_day
        np.maximum(self.peak_tension_by_community, self.tension,
                   out=self.peak_tension_by_community)
        np.subtract(pop.jail_days, 1, out=pop.jail_days, where=pop.jail_days > 0)
