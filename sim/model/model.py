"""ElectionConflictModel: a regency living through the Pilkada calendar, one step a day.

Built from a validated Scenario. Residents are arrays (population.py); the
actors that decide are Mesa agents (agents.py); each submodel is a module in
mechanisms/ that names the published model it follows; the day's record and
the run's ledger live in record.py. See docs/ODD.md.

Order of one day:
 1. events of the day (scheduled, added by strategies, or injected live; events.py)
 2. strategies look at what they may observe and pull their levers
 3. hoaxes spread (rumor), counter-measures act
 4. anger follows rhetoric, hoax belief, tension and mobilisation (anger)
 5. leaders and officials mediate; non-neutral officials erode legitimacy (mediation)
 6. residents decide to be active or quiet, in random sequential batches (grievance)
 7. crowds form from the actives and from earlier incidents; units respond; crowds are
    contained or grow; participants tire, some are detained; unrest excites unrest (clash,
    policing)
 8. voting day: turnout and count; after the result: dispute decision (voting)
 9. tension decays, legitimacy recovers, detention and rest run down; data collected
"""

from __future__ import annotations

import numpy as np
from mesa import DataCollector, Model
from mesa.agent import AgentSet
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import shortest_path

from sim.model import events
from sim.model import mechanisms as mech
from sim.model.agents import (
    Candidate,
    Community,
    Official,
    SecurityUnit,
    UnitRoster,
    mediators_by_community,
)
from sim.model.election import Election
from sim.model.levers import Levers
from sim.model.population import build_population, whole_residents
from sim.model.record import DayRecord, RunLedger, Vote
from sim.model.timeline import Timeline
from sim.scenario.schema import Event, Phase, Scenario

STREAMS = ("population", "officials", "rumor", "activation", "clash", "policing", "voting",
           "events")
# Streams drawn afresh each day from (seed, stream, day): two runs with the same seed that
# differ on day d (a strategy, an event) still share every random number of day d + 1, so
# paired comparisons measure the difference of what was done, not of how draws drifted
# apart (synchronised common random numbers; Law 2015, Simulation Modeling and Analysis,
# ch. 11). The population is drawn once, at the start.
DAILY_STREAMS = STREAMS[1:]


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
    >>> model.running, model.ledger.vote is not None
    (False, True)
    """

    def __init__(self, scenario: Scenario, strategies=(), rng=None):
        super().__init__(rng=np.random.default_rng(rng))
        self.scenario = scenario
        self.strategies = list(strategies)
        self._stream_roots = dict(zip(STREAMS, self.rng.bit_generator.seed_seq.spawn(
            len(STREAMS)), strict=True))
        self.streams = {name: np.random.default_rng(root)
                        for name, root in self._stream_roots.items()}
        self.timeline = Timeline(scenario)
        self.election = Election.of_scenario(scenario)
        self.population = build_population(scenario, self.streams["population"], self.election)
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
        self.travel_hours = np.where(np.isfinite(travel), travel,
                                     s.policing.unreachable_hours)
        self.voters = np.array([c.voters for c in s.communities], dtype=float)
        self.tps = np.array([c.tps for c in s.communities], dtype=float)
        clash = s.clash
        self.spread = mech.clash.spread_kernel(self.travel_hours, clash.spread_hours,
                                               clash.contagion_share)
        self.offspring = mech.clash.offspring_kernel(self.travel_hours, clash.spread_hours,
                                                     clash.contagion_share)
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
        self.roster.make(self.units)
        self.own_mediators = mediators_by_community(self.officials, len(self.communities))
        self.biased_officials = self.officials.select(lambda o: o.non_neutral > 0)

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
            pop.group, pop.neighbourhood, pop.nb_community, len(pop.group_names),
            self.scenario.clash.identity_salience)
        # expected active voters per neighbourhood, and per (community, camp), as of now
        self.actives_nb = np.zeros(pop.n_neighbourhoods)
        self.camp_actives = np.zeros((n_c, len(self.candidates) + 1))
        self.officers_nb = np.zeros(pop.n_neighbourhoods)
        self.excitation = np.zeros(n_c)  # incidents a day set off by earlier incidents
        self.day = DayRecord.empty(n_c)
        self.ledger = RunLedger.empty(len(self.timeline), n_c)

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
                    "injuries": lambda c: float(c.model.day.injuries[c.index]),
                    "arrests": lambda c: float(c.model.day.arrests[c.index]),
                    "backlash": lambda c: int(c.model.day.backlash[c.index]),
                    "turnout": "turnout",
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
    def units(self) -> AgentSet:
        return self.agents_by_type.get(SecurityUnit, AgentSet([], random=self.random))

    @property
    def officials(self) -> AgentSet:
        return self.agents_by_type.get(Official, AgentSet([], random=self.random))

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
            events.apply(self, event)
        for strategy in self.strategies:
            strategy.on_day(self.levers)
        self._spread_hoaxes()
        self._update_anger()
        self._mediate()
        self._decide_activation()
        self._form_crowds()
        if self.phase == Phase.VOTING:
            self._vote()
        self._end_day()
        self.datacollector.collect(self)
        if self.day_index >= len(self.timeline) - 1:
            self.running = False

    def _start_day(self) -> None:
        self.day.start()
        for name in DAILY_STREAMS:
            root = self._stream_roots[name]
            self.streams[name] = np.random.default_rng(np.random.SeedSequence(
                root.entropy, spawn_key=(*root.spawn_key, self.day_index)))
        self.extra_mixing[:] = 0
        self.roster.busy[:] = False

    # --- what events need (events.py) ------------------------------------------

    def event_communities(self, event: Event) -> np.ndarray:
        if event.community == "all":
            return np.arange(len(self.communities))
        return np.array([self.community_index[event.community]])

    def candidate_index(self, candidate_id: str) -> int:
        return next(c.index for c in self.candidates if c.candidate_id == candidate_id)

    def residents_in(self, where: np.ndarray) -> np.ndarray:
        """Boolean mask of the residents of the given communities."""
        return np.isin(self.population.community, where)

    def seed_hoax(self, where: np.ndarray, magnitude: float) -> None:
        """A hoax wave: `seeds_per_wave * magnitude` voters start spreading, shared among
        the communities in `where` by voters."""
        pop = self.population
        seeded_voters = np.zeros(pop.n_communities)
        seeded_voters[where] = self.scenario.rumor.seeds_per_wave * magnitude * (
            self.voters[where] / self.voters[where].sum())
        mech.rumor.seed(pop.hoax, pop.believes, pop.start, pop.stop, seeded_voters / pop.weight,
                        self.streams["rumor"])

    def announce_result(self, tension: float) -> None:
        vote = self.ledger.vote
        if vote is None or vote.votes.sum() == 0:
            return
        self.ledger.result_known = True
        closeness = np.exp(-self.margin / self.scenario.voting.dispute_margin_scale)
        self.tension += tension * closeness

    def decide_dispute(self) -> None:
        """The losing camp files a dispute with a probability from margin and hoax belief."""
        vote = self.ledger.vote
        if vote is None:
            return
        belief = self.population.voter_share(self.population.believes)
        dispute = Election.dispute(vote.votes, belief, self.scenario.voting,
                                   self.streams["voting"])
        if dispute is None:
            return
        self.ledger.dispute_probability = dispute.probability
        if dispute.filed:
            self.ledger.dispute_filed = True
            self.mobilisation[list(dispute.losers)] = self.scenario.voting.mobilisation_anger

    # --- the mechanisms, in the order of a day ------------------------------------

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
        self.day.belief_share = pop.share_per_community(pop.believes)
        self.ledger.peak_belief = max(self.ledger.peak_belief, pop.voter_share(pop.believes))

    def _update_anger(self) -> None:
        pop = self.population
        g, t, r = self.scenario.grievance, self.scenario.tension, self.scenario.rumor
        pressure = np.array([c.campaign_pressure(self.phase) for c in self.candidates])
        per_camp = mech.anger.camp_pressure(pressure, self.mobilisation)
        mech.anger.relax(pop.anger, pop.camp_index, per_camp, self.tension, pop.believes,
                         pop.camp == len(self.candidates), g.anger_decay_per_day,
                         r.anger_gain, t.anger_weight, self.outside_anger)

    def _mediate(self) -> None:
        mediation = self.scenario.mediation
        mediators = self.own_mediators + self.extra_mediators
        rng = self.streams["officials"]
        for official in self.biased_officials:
            if self.phase == Phase.CAMPAIGN:
                breaches = official.breaches_neutrality(
                    mediation.non_neutral_events_per_official_day, rng)
                if breaches:
                    self.legitimacy_deficit[official.community] += breaches * mech.mediation.\
                        breach_loss(self.voters[official.community], mediation)
                    self.ledger.totals.non_neutrality += breaches
        cover = mech.mediation.coverage(mediators, mediation.reach_per_leader, self.voters)
        mech.mediation.calm(self.tension, self.population.anger, self.population.community,
                            cover, mediation)
        np.clip(self.legitimacy_deficit, 0.0, 1.0, out=self.legitimacy_deficit)

    def personnel_by_community(self) -> np.ndarray:
        """Effective security personnel stationed in each community today."""
        presence = self.roster.presence(len(self.communities))
        if self._is_counting_day():
            presence = presence + self.voting_day_extra_per_tps * self.tps
        return presence

    def _is_counting_day(self) -> bool:
        """Voting day and the day after, when ballots are counted and carried (TPS guard)."""
        since_vote = (self.today - self.timeline.voting_day).days
        return 0 <= since_vote <= 1

    def _station_officers(self) -> None:
        """Where today's effective personnel stand: per community, and per TPS area."""
        pop, roster = self.population, self.roster
        self.day.personnel = self.personnel_by_community()
        self.officers_nb = mech.policing.officers_per_neighbourhood(
            roster.station, roster.strength * roster.active, pop.nb_start, pop.nb_count,
            self.scenario.policing.patrol, self.streams["policing"])
        if self._is_counting_day():
            extra = self.voting_day_extra_per_tps * self.tps / pop.nb_count
            self.officers_nb += np.repeat(np.broadcast_to(extra, pop.nb_count.shape),
                                          pop.nb_count)

    def _decide_activation(self) -> None:
        """Residents decide, batch by batch, seeing the actives and officers around them."""
        pop, s = self.population, self.scenario
        g, a = s.grievance, s.activation
        illegitimacy = (1.0 - g.legitimacy + self.legitimacy_deficit).astype(np.float32)
        illegitimacy = illegitimacy[pop.community]
        illegitimacy += np.float32(s.rumor.legitimacy_loss) * pop.believes
        np.clip(illegitimacy, 0.0, 1.0, out=illegitimacy)
        grievance = mech.grievance.grievance(pop.hardship, 1.0 - illegitimacy, pop.anger,
                                             np.float32(g.partisan_weight))
        self._station_officers()
        cops = mech.grievance.cops_in_vision(self.officers_nb, a)
        free = pop.free
        step = a.substeps if a.order == "random_sequential" else 1
        local = a.actives_seen == "neighbourhood"
        area = pop.neighbourhood if local else pop.community
        area_of_nb = np.arange(pop.n_neighbourhoods) if local else pop.nb_community
        actives = self.actives_nb if local else np.bincount(
            pop.nb_community, weights=self.actives_nb, minlength=pop.n_communities)
        seen_per_voter = a.vision_voters / (pop.nb_voters if local else pop.voters)
        for k in mech.grievance.batches(a.order, step, self.streams["activation"]):
            nb = pop.neighbourhood[k::step]
            before = pop.propensity[k::step]
            quiet, active = mech.grievance.arrest_risk_seen(
                cops, actives[area_of_nb], seen_per_voter[area_of_nb], a.arrest_constant,
                a.ratio_rounding)
            p_arrest = quiet[nb] + before * (active - quiet)[nb]
            now = mech.grievance.propensity(grievance[k::step], pop.risk_aversion[k::step],
                                            p_arrest, a.threshold, a.noise)
            now *= free[k::step]
            change = (now - before) * pop.voter_weight[k::step]
            self.actives_nb += np.bincount(nb, weights=change, minlength=pop.n_neighbourhoods)
            if not local:
                actives += np.bincount(area[k::step], weights=change,
                                       minlength=pop.n_communities)
            pop.propensity[k::step] = now
        if s.policing.presence_arrests_per_officer_day > 0:
            self._arrest_in_sight()
        self.camp_actives = pop.camp_voters(pop.propensity)
        self.day.active_share = self.camp_actives.sum(axis=1) / self.voters
        self.ledger.peak_active_share = max(self.ledger.peak_active_share,
                                            float(self.camp_actives.sum() / self.voters.sum()))

    def _arrest_in_sight(self) -> None:
        """Epstein's arrest in vision: each visible officer detains an active of its TPS area."""
        pop, s = self.population, self.scenario
        rng = self.streams["policing"]
        wanted = mech.policing.presence_arrests(self.officers_nb, s.policing)
        active = np.flatnonzero(rng.random(pop.size) < pop.propensity)
        if active.size == 0:
            return
        nb = pop.neighbourhood[active]
        order = np.lexsort((rng.random(active.size), nb))
        active, nb = active[order], nb[order]
        rank = np.arange(active.size) - np.searchsorted(nb, nb)
        voters_each = pop.weight[pop.community[active]]
        taken = active[rank * voters_each < np.floor(wanted[nb])]
        self._take_out(taken, jail=True)

    def _take_out(self, residents: np.ndarray, jail: bool) -> None:
        """Residents leave unrest: detained (jail) or resting after a crowd (fatigue)."""
        pop, s = self.population, self.scenario
        if residents.size == 0:
            return
        np.subtract.at(self.actives_nb, pop.neighbourhood[residents],
                       pop.propensity[residents] * pop.weight[pop.community[residents]])
        pop.propensity[residents] = 0.0
        if jail:
            mech.policing.detain(pop.jail_days, residents, s.activation.max_jail_days,
                                 self.streams["policing"])
            detained = pop.weight[pop.community[residents]]
            np.add.at(self.day.arrests, pop.community[residents], detained)
            self.ledger.totals.arrests += float(detained.sum())
        else:
            pop.rest_days[residents] = np.maximum(pop.rest_days[residents],
                                                  s.clash.fatigue_days)

    def _form_crowds(self) -> None:
        """Today's incidents: crowds form, grow until police arrive, and set off more unrest."""
        s = self.scenario
        rng = self.streams["clash"]
        mixing = s.clash.mixing[self.phase] * (1.0 + self.extra_mixing)
        rates = mech.clash.incident_rates(self.camp_actives, mixing, s.clash,
                                          self.identity_exposure) + self.excitation
        counts = rng.poisson(rates)
        offspring = np.zeros(len(self.communities))
        if counts.sum() > 0:
            where = np.repeat(np.arange(counts.size), counts)
            where = where[rng.permutation(where.size)]
            first = mech.clash.first_crowds(where.size, s.clash, rng)
            pool = self.camp_actives.sum(axis=1)
            where, first = where[pool[where] >= s.clash.min_crowd_voters], \
                first[pool[where] >= s.clash.min_crowd_voters]
            if where.size:
                offspring = self._resolve_incidents(where, first, pool)
        mech.clash.excite(self.excitation, offspring, self.offspring, s.clash.excitation_days)

    def _resolve_incidents(self, where, first, pool) -> np.ndarray:
        """Response, severity and consequences of today's incidents; their offspring, per
        community."""
        pop, s = self.population, self.scenario
        on_site = self.day.personnel[where] / pop.nb_count[where]
        responders, delay = mech.policing.dispatch(where, self.roster, self.travel_hours,
                                                   s.security, s.policing)
        officers = on_site + responders
        crowd, severity = mech.clash.resolve(first, pool[where], officers, delay, s.clash)
        for i in range(where.size):
            self._disperse(int(where[i]), crowd[i], officers[i], severity[i])
        self._consequences(where, crowd, severity, officers, delay)
        names = mech.clash.SEVERITIES
        return np.bincount(where, weights=[s.clash.excitation[names[k]] for k in severity],
                           minlength=len(self.communities))

    def _disperse(self, community: int, crowd: float, officers: float, severity: int) -> None:
        """A crowd's members go home tired; at a clash or riot some are detained first."""
        pop, s = self.population, self.scenario
        rng = self.streams["clash"]
        lo, hi = pop.start[community], pop.stop[community]
        voters_each = pop.weight[community]
        members = lo + np.flatnonzero(rng.random(hi - lo) < pop.propensity[lo:hi])
        n = min(members.size, whole_residents(crowd / voters_each, rng))
        members = rng.permutation(members)[:n]
        detained = 0
        if severity >= mech.clash.CLASH:
            wanted = mech.policing.detained_at_incident(crowd, officers, s.policing,
                                                        self.streams["policing"])
            detained = min(n, whole_residents(wanted / voters_each, rng))
        self._take_out(members[:detained], jail=True)
        if s.clash.fatigue_days > 0:
            self._take_out(members[detained:], jail=False)

    def _consequences(self, where, crowd, severity, officers, delay) -> None:
        s = self.scenario
        rng = self.streams["policing"]
        n_c = len(self.communities)
        ledger = self.ledger
        np.add.at(self.day.incidents, (where, severity), 1)
        np.add.at(ledger.incidents_by_day[self.day_index], severity, 1)
        np.add.at(ledger.incidents_by_community, where, 1)
        names = mech.clash.SEVERITIES
        injuries = rng.poisson([s.clash.injuries_per_incident[names[k]] for k in severity])
        np.add.at(self.day.injuries, where, injuries)
        backlash = mech.policing.backlash(severity, mech.clash.CLASH,
                                          s.policing.deescalation_skill,
                                          s.policing.backlash_probability, rng)
        np.add.at(self.day.backlash, where, backlash.astype(int))
        self.legitimacy_deficit += s.policing.backlash_legitimacy_loss * np.bincount(
            where[backlash], minlength=n_c)
        added = np.bincount(where, weights=[s.clash.tension_per_incident[names[k]]
                                            for k in severity], minlength=n_c)
        self.tension += self.spread.T @ added
        np.clip(self.tension, 0.0, 1.0, out=self.tension)
        np.clip(self.legitimacy_deficit, 0.0, 1.0, out=self.legitimacy_deficit)
        ledger.totals.injuries += float(injuries.sum())
        ledger.totals.backlash_events += int(backlash.sum())
        serious = severity >= mech.clash.CLASH
        if serious.any():
            ledger.totals.longest_response_hours = max(ledger.totals.longest_response_hours,
                                                       float(delay[serious].max()))
        for i in range(where.size):
            ledger.incident_log.append({
                "date": self.today.isoformat(), "community": self.communities[where[i]].name,
                "severity": names[severity[i]], "crowd": float(crowd[i]),
                "officers": float(officers[i]), "response_hours": float(delay[i]),
                "backlash": bool(backlash[i])})

    def _vote(self) -> None:
        pop, v = self.population, self.scenario.voting
        rng = self.streams["voting"]
        p = mech.voting.turnout_probability(pop.support, self.tension[pop.community],
                                            pop.jail_days == 0, v)
        cast = rng.random(pop.size) < p
        valid = cast & (rng.random(pop.size) >= v.invalid_share)
        weight = pop.weight[pop.community]
        votes = self.election.count(pop.support, pop.community, valid, rng, weight)
        ballots = float(weight[cast].sum())
        self.ledger.vote = Vote(votes=votes, ballots=ballots,
                                turnout=ballots / self.voters.sum(),
                                turnout_by_community=pop.per_community(cast * weight)
                                / self.voters, cast=cast)

    @property
    def vote_shares(self) -> np.ndarray:
        shares = self.ledger.vote_shares
        return np.full(len(self.candidates), np.nan) if shares is None else shares

    @property
    def margin(self) -> float:
        vote = self.ledger.vote
        return float("nan") if vote is None else Election.margin(vote.votes)

    def _end_day(self) -> None:
        s, pop = self.scenario, self.population
        self.tension = (1.0 - s.tension.decay_per_day) * self.tension + (
            s.tension.decay_per_day * s.tension.hoax_weight * self.day.belief_share)
        np.clip(self.tension, 0.0, 1.0, out=self.tension)
        self.legitimacy_deficit *= 1.0 - s.grievance.legitimacy_recovery_per_day
        np.maximum(self.ledger.peak_tension_by_community, self.tension,
                   out=self.ledger.peak_tension_by_community)
        np.subtract(pop.jail_days, 1, out=pop.jail_days, where=pop.jail_days > 0)
        np.subtract(pop.rest_days, 1, out=pop.rest_days, where=pop.rest_days > 0)
