"""The scenario schema: every field of a scenario file, its unit, default and check.

A scenario is the only input of a run. It is validated on load with pydantic;
`sim.scenario.loading` turns pydantic's errors into messages that name the file,
the field path, the bad value and what was expected.

Numbers taken from the world carry a source in the `sources` table of the block
they live in (`sources = { voters = "KPU Kutim, 19 Sep 2024" }`); an estimate
says so (`"estimate: ..."`). Mechanism parameters carry their units in their
names and their published origin in docs/ODD.md.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

# Numbers are strict: `true` is not 1.0 and "0.5" is not 0.5 (whole numbers still do for
# floats). No count of people, places or personnel in one scenario exceeds this bound: it
# is about four times Indonesia's population, so a typo of a few digits is caught.
MAX_COUNT = 1_000_000_000
Share = Annotated[float, Field(ge=0.0, le=1.0, strict=True)]
NonNegative = Annotated[float, Field(ge=0.0, strict=True)]
Positive = Annotated[float, Field(gt=0.0, strict=True)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT, strict=True)]
# order of decisions within a step: one after another in random order, or all at once
Order = Literal["random_sequential", "synchronous"]
PositiveCount = Annotated[int, Field(ge=1, le=MAX_COUNT, strict=True)]


def _is_number_type(annotation: Any, kinds: tuple | type = (int, float)) -> bool:
    """int or float (or only `kinds`), alone or in an Optional / Annotated."""
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    if annotation in kinds:
        return True
    args = [a for a in get_args(annotation) if a is not type(None)]
    return bool(args) and all(_is_number_type(a, kinds) for a in args)


class Block(BaseModel):
    """A strict block: unknown fields are errors, so typos do not pass silently.

    No number may be infinite or NaN, and a number field takes no true/false or text.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _numbers_are_numbers(cls, value: Any, info: ValidationInfo) -> Any:
        field = cls.model_fields.get(info.field_name or "")
        if (field is not None and isinstance(value, bool | str)
                and _is_number_type(field.annotation)):
            kind = "a whole number" if _is_number_type(field.annotation, int) else "a number"
            given = "true/false" if isinstance(value, bool) else "text"
            raise ValueError(f"must be {kind}, not {given} (write it without quotes)"
                             if given == "text" else f"must be {kind}, not {given}")
        return value


def duplicates(names: list[str], where: str, attribute: str, what: str) -> list[str]:
    """Problems for repeated names: ``communities.3.name = 'X': a second community ...``."""
    seen: set[str] = set()
    problems = []
    for i, name in enumerate(names):
        if name in seen:
            problems.append(f"{where}.{i}.{attribute} = {name!r}: a second {what} of that "
                            f"{attribute}; each must be unique")
        seen.add(name)
    return problems


def reference_problems(problems: list[str]) -> ValueError:
    """One error carrying several field-path problems (sim.scenario.loading splits it)."""
    return ValueError("\n".join(problems))


class ParamsBlock(Block):
    """Mechanism parameters: a table given in part (``clash.mixing.campaign = 2``)
    keeps the defaults of the entries it does not name."""

    @model_validator(mode="before")
    @classmethod
    def _tables_keep_their_defaults(cls, data):
        if not isinstance(data, dict):
            return data
        for name, field in cls.model_fields.items():
            given = data.get(name)
            if isinstance(given, dict) and field.default_factory is not None:
                default = field.default_factory()
                if isinstance(default, dict) and default:
                    keys = {str(getattr(k, "value", k)): v for k, v in default.items()}
                    data = {**data, name: {**keys, **given}}
        return data


class Sourced(Block):
    """A block whose world-taken numbers carry their sources."""

    sources: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _sources_name_fields(self):
        unknown = sorted(set(self.sources) - set(type(self).model_fields))
        if unknown:
            raise ValueError(f"sources names fields this block does not have: {unknown}")
        return self


# --- the place and its people ------------------------------------------------


class Meta(Block):
    name: str = Field(pattern=r"^[a-z0-9_]+$", description="short id, lower case")
    title: str
    description: str = ""
    extends: str | None = Field(
        None, description="bundled scenario (or path) this one builds on: its tables are "
        "merged, its events added to"
    )


class Region(Sourced):
    name: str
    province: str = ""
    population: Count | None = None
    area_km2: Positive | None = None


class Neighbour(Block):
    name: str
    travel_hours: Positive = Field(description="road/river travel time, hours")


class Groups(Block):
    """Shares of each group among residents; shares must sum to 1 (+-0.01)."""

    ethnic: dict[str, Share] = Field(default_factory=lambda: {"all": 1.0})
    religion: dict[str, Share] = Field(default_factory=lambda: {"all": 1.0})
    patch_voters: Positive = Field(
        400.0,
        description="typical number of voters in a block where one ethnic group lives "
        "together (Lim, Metzler and Bar-Yam 2007): small = well mixed, large = separated",
    )

    @model_validator(mode="after")
    def _shares_sum_to_one(self):
        for label, shares in (("ethnic", self.ethnic), ("religion", self.religion)):
            total = sum(shares.values())
            if not shares or abs(total - 1.0) > 0.01:
                raise ValueError(f"{label} shares must sum to 1, they sum to {total:.3f}")
        return self


class Community(Sourced):
    name: str
    residents: Count = Field(description="people living there (all ages)")
    voters: PositiveCount = Field(description="registered voters (DPT)")
    tps: PositiveCount = Field(description="polling stations")
    latitude: Annotated[float, Field(ge=-90, le=90, strict=True)]
    longitude: Annotated[float, Field(ge=-180, le=180, strict=True)]
    neighbours: list[Neighbour] = Field(default_factory=list)
    groups: Groups = Field(default_factory=Groups)
    hardship: Share = Field(0.5, description="mean hardship H of residents, 0-1")
    conflict_history: Share = Field(0.0, description="past electoral conflict, 0 none - 1 severe")
    support: dict[str, Share] = Field(
        default_factory=dict,
        description="share of voters supporting each candidate id; the rest support none",
    )

    @model_validator(mode="after")
    def _support_is_a_share(self):
        total = sum(self.support.values())
        if total > 1.0 + 1e-9:
            raise ValueError(f"support shares sum to {total:.3f}, at most 1 is possible")
        if self.voters > self.residents > 0:
            raise ValueError(f"voters ({self.voters}) exceed residents ({self.residents})")
        return self


class Candidate(Sourced):
    id: str = Field(pattern=r"^[A-Za-z0-9_]+$", description="ballot number, e.g. '01'")
    name: str
    incumbent: bool = False
    rhetoric: Share = Field(0.2, description="identity / inflammatory rhetoric, 0 none - 1 heavy")


class OfficialRole(StrEnum):
    KPU = "kpu"
    PPK = "ppk"
    PPS = "pps"
    KPPS = "kpps"
    BAWASLU = "bawaslu"
    PANWASCAM = "panwascam"
    PEMDA = "pemda"
    TOKOH_MASYARAKAT = "tokoh_masyarakat"
    TOKOH_AGAMA = "tokoh_agama"
    TOKOH_ADAT = "tokoh_adat"


LEADER_ROLES = frozenset(
    {OfficialRole.TOKOH_MASYARAKAT, OfficialRole.TOKOH_AGAMA, OfficialRole.TOKOH_ADAT}
)
ORGANISER_ROLES = frozenset(
    {OfficialRole.KPU, OfficialRole.PPK, OfficialRole.PPS, OfficialRole.KPPS, OfficialRole.PEMDA}
)
SUPERVISOR_ROLES = frozenset({OfficialRole.BAWASLU, OfficialRole.PANWASCAM})


class Officials(Sourced):
    role: OfficialRole
    count: Count
    community: str = Field("all", description="where they serve; 'all' spreads by voters")
    neutrality: Share = Field(0.98, description="probability that one of them stays neutral")


class SecurityKind(StrEnum):
    POLICE = "police"
    MILITARY = "military"
    LINMAS = "linmas"


class SecurityForce(Sourced):
    kind: SecurityKind
    personnel: Count
    base: str = Field("all", description="community name, or 'all' to spread by voters")
    unit_size: PositiveCount = Field(
        30, description="personnel per unit (one Mesa agent)"
    )


# --- time ---------------------------------------------------------------------


class Phase(StrEnum):
    CAMPAIGN = "campaign"
    QUIET = "quiet"
    VOTING = "voting"
    RECAPITULATION = "recapitulation"
    DISPUTE = "dispute"


class Calendar(Sourced):
    campaign_start: dt.date
    quiet_start: dt.date
    voting_day: dt.date
    recap_end: dt.date = Field(description="determination of the result (regency plenary)")
    dispute_end: dt.date = Field(description="last simulated day")

    @property
    def n_days(self) -> int:
        """Days simulated: the first campaign day to the end of the dispute period, both in."""
        return (self.dispute_end - self.campaign_start).days + 1

    @property
    def dates(self) -> list[dt.date]:
        """Every simulated day, one step each."""
        return [self.campaign_start + dt.timedelta(days=i) for i in range(self.n_days)]

    def step_of(self, day: dt.date) -> int:
        """The step (0 = the first campaign day) on which `day` is simulated."""
        return (day - self.campaign_start).days

    @model_validator(mode="after")
    def _in_order(self):
        order = ["campaign_start", "quiet_start", "voting_day", "recap_end", "dispute_end"]
        days = [getattr(self, name) for name in order]
        for i in range(len(order) - 1):
            if not days[i] < days[i + 1]:
                raise ValueError(f"{order[i]} ({days[i]}) must come before "
                                 f"{order[i + 1]} ({days[i + 1]})")
        return self


class EventKind(StrEnum):
    HOAX_WAVE = "hoax_wave"
    RALLY = "rally"
    PROVOCATION = "provocation"
    RESULT_ANNOUNCEMENT = "result_announcement"
    DISPUTE_FILING = "dispute_filing"
    DISPUTED_COUNT = "disputed_count"
    LEGITIMACY_SHOCK = "legitimacy_shock"
    NON_NEUTRALITY = "non_neutrality"


class Event(Block):
    date: dt.date
    kind: EventKind
    community: str = Field("all", description="community name or 'all'")
    candidate: str | None = Field(None, description="candidate id the event favours or targets")
    magnitude: NonNegative = Field(1.0, description="relative size; 1 = a typical event")
    note: str = ""


# --- mechanism parameters (defaults are the model's calibration; see docs/ODD.md) ---


class PopulationParams(ParamsBlock):
    scale: Annotated[float, Field(ge=1.0)] = Field(
        1.0, description="voters per simulated resident; a speed setting only: every perception, "
        "crowd and threshold is counted in voters, so outcomes per voter do not depend on it"
    )
    min_residents: Annotated[int, Field(ge=1)] = Field(
        500, description="residents simulated in a community at least (all its voters if it has "
        "fewer): a rumour among a few dozen residents dies out sooner than among thousands, so "
        "a coarse scale keeps small communities fine enough for their dynamics"
    )


class GrievanceParams(ParamsBlock):
    legitimacy: Share = Field(
        0.9, description="Epstein's L: perceived legitimacy, 0-1 (estimate, calibrated)")
    partisan_weight: NonNegative = Field(
        0.1, description="weight of partisan anger in grievance (0 = Epstein 2002)"
    )
    anger_decay_per_day: Share = Field(0.15, description="share of anger lost each day")
    legitimacy_recovery_per_day: Share = Field(
        0.02, description="share of a community's legitimacy deficit recovered each day"
    )


class ActivationParams(ParamsBlock):
    threshold: NonNegative = Field(0.1, description="Epstein's T")
    arrest_constant: Positive = Field(2.3, description="Epstein's k")
    ratio_rounding: Literal["floor", "round", "none"] = Field(
        "none", description="integer step in C/A: floor (NetLogo), round (Mesa), none "
        "(a continuous ratio, graded; the Pilkada calibration)"
    )
    noise: NonNegative = Field(
        0.02, description="spread of the logistic choice around Epstein's rule, grievance units: "
        "P(active) = 1 / (1 + exp(-(G - R P - T) / noise)); 0 = Epstein's deterministic rule "
        "(estimate)"
    )
    vision_voters: Positive = Field(
        20.0, description="voters of its TPS area a resident knows and watches when deciding, "
        "counting the actives among them (its street group, RT; estimate). A TPS area's "
        "voters make the whole area the vision, as in Epstein"
    )
    presence_weight: NonNegative = Field(
        1.0, description="Epstein cops one officer standing in a TPS area counts as"
    )
    actives_seen: Literal["community", "neighbourhood"] = Field(
        "community", description="where the share of actives a resident sees is counted: its "
        "community (news of mobilisation travels in a district; robust at any scale) or its TPS "
        "area only (Epstein's local vision)"
    )
    order: Order = Field(
        "random_sequential", description="order of decisions within a day: Epstein's random "
        "sequential (residents decide in `substeps` interleaved batches in random order, each "
        "seeing the decisions before it), or all at once on yesterday's state"
    )
    substeps: Annotated[int, Field(ge=1, le=64)] = Field(
        8, description="batches of a random sequential day (ignored when synchronous)"
    )
    max_jail_days: Count = Field(30, description="Epstein's J_max, days")


class RumorParams(ParamsBlock):
    variant: Literal["maki_thompson", "daley_kendall"] = Field(
        "maki_thompson", description="who stops when two who know meet"
    )
    transmission: Share = Field(
        0.5, description="probability that a spreader's contact with an ignorant passes the hoax"
    )
    stifling: Share = Field(
        1.0, description="probability that meeting someone who knows makes a spreader stop"
    )
    contacts_per_day: Annotated[int, Field(ge=1, le=50)] = Field(
        2, description="contact rounds per day for each spreader"
    )
    substeps: Annotated[int, Field(ge=1, le=50)] = Field(
        5, description="sub-rounds per contact round; each spreader acts in a random 1/substeps "
        "of them, so a hoax spreads through a day rather than in jumps"
    )
    order: Order = Field(
        "random_sequential", description="order of contacts within a sub-round: one after "
        "another in random order, each seeing the contacts before it (the published processes), "
        "or all at once on the sub-round's starting states (spreads more)"
    )
    within_community_share: Share = Field(
        0.85, description="share of contacts inside the spreader's own community (WhatsApp groups)"
    )
    belief_probability: Share = Field(0.3, description="chance that one who hears it believes it")
    seeds_per_wave: Annotated[int, Field(ge=1)] = Field(
        2000, description="voters who spread a hoax wave of magnitude 1 from its first day: a "
        "hoax posted in WhatsApp groups reaches members of many groups at once (estimate)"
    )
    legitimacy_loss: Share = Field(
        0.05, description="legitimacy a believer no longer grants (a fraud hoax delegitimises the "
        "process for those who believe it; estimate)")
    anger_gain: NonNegative = Field(0.3, description="anger at the rival camp per believer "
                                    "(estimate)")
    clarification_per_day: Share = Field(
        0.0, description="share of believers reached by clarification each day"
    )
    takedown_per_day: Share = Field(
        0.0, description="share of spreaders silenced each day (content taken down)"
    )


class ClashParams(ParamsBlock):
    incident_rate: NonNegative = Field(
        0.00005, description="crowds formed per day per sqrt(active rival voter pair), at mixing 1"
    )
    protest_rate: NonNegative = Field(
        0.00001, description="crowds formed per day per active unaligned voter, at mixing 1"
    )
    identity_weight: NonNegative = Field(
        1.0, description="extra incident rate per unit of identity exposure (Lim et al. 2007)"
    )
    identity_salience: Share = Field(
        0.6, description="share of a TPS area one group must hold for the area to act as that "
        "group (Lim et al.: groups act as groups where they form local majorities; estimate)"
    )
    mixing: dict[Phase, NonNegative] = Field(
        default_factory=lambda: {
            Phase.CAMPAIGN: 1.0,
            Phase.QUIET: 0.3,
            Phase.VOTING: 1.5,
            Phase.RECAPITULATION: 1.0,
            Phase.DISPUTE: 0.8,
        },
        description="how often rival supporters meet, by phase (1 = campaign)",
    )
    min_crowd_voters: Positive = Field(
        4.0, description="smallest crowd that makes an incident, voters (a scuffle; estimate)"
    )
    crowd_tail: Positive = Field(
        1.3, description="Pareto exponent of the first crowd's size: smaller means heavier tails "
        "(Braha 2012: heavy-tailed unrest sizes; estimate)"
    )
    growth_per_hour: NonNegative = Field(
        0.25, description="growth rate of an uncontained crowd, per hour (contagion)"
    )
    clash_size: Positive = Field(20.0, description="crowd (voters) above which friction is a clash")
    riot_size: Positive = Field(100.0, description="smallest uncontained crowd that is a riot")
    containment_per_officer: Positive = Field(
        10.0, description="crowd members one officer on site can contain (Davies et al. 2013)"
    )
    fatigue_days: Count = Field(
        10, description="days a resident who joined a crowd stays out of unrest (burn-out, as the "
        "recovered of Bonnasse-Gahot et al. 2018; estimate)"
    )
    excitation: dict[str, Share] = Field(
        default_factory=lambda: {"friction": 0.1, "clash": 0.3, "riot": 0.6},
        description="expected further incidents one incident of each severity sets off "
        "(Hawkes branching ratio, below 1 so that every cascade ends; Mohler et al. 2011; "
        "estimate)",
    )
    excitation_days: Positive = Field(
        2.0, description="mean delay of the incidents an incident sets off, days"
    )
    spread_hours: Positive = Field(
        6.0, description="distance scale of contagion to neighbours, hours of travel"
    )
    contagion_share: Share = Field(
        0.15, description="share of an incident's tension and excitation felt at zero distance "
        "elsewhere"
    )
    tension_per_incident: dict[str, NonNegative] = Field(
        default_factory=lambda: {"friction": 0.005, "clash": 0.03, "riot": 0.15},
        description="tension added to the community by one incident of each severity",
    )
    injuries_per_incident: dict[str, NonNegative] = Field(
        default_factory=lambda: {"friction": 0.0, "clash": 0.5, "riot": 5.0},
        description="expected injuries per incident of each severity (estimate)",
    )


class TensionParams(ParamsBlock):
    decay_per_day: Share = Field(0.1, description="share of tension lost each day")
    anger_weight: NonNegative = Field(0.2, description="anger added per unit tension")
    hoax_weight: NonNegative = Field(0.3, description="tension added per unit hoax-belief share")
    escalated_level: Share = Field(0.3, description="tension above which a community is escalated")


class PolicingParams(ParamsBlock):
    travel_speed_factor: Positive = Field(
        1.0, description="multiplier on road travel time for a dispatched unit"
    )
    unreachable_hours: Positive = Field(
        72.0, description="travel time to a community no road or river reaches, and the extra "
        "delay when no unit is free, hours (estimate)"
    )
    patrol: Literal["even", "random"] = Field(
        "even", description="where officers stand within their community: spread evenly over its "
        "TPS areas, or each unit in a random TPS area each day (Epstein's moving cops)"
    )
    presence_arrests_per_officer_day: NonNegative = Field(
        0.0, description="actives one visible officer detains a day wherever they are (Epstein's "
        "arrest in vision: 1); 0 = arrests only at clashes and riots"
    )
    deescalation_skill: Share = Field(0.5, description="0 force only - 1 fully trained")
    backlash_probability: Share = Field(
        0.3, description="chance that force at a clash or riot backfires, at skill 0"
    )
    backlash_legitimacy_loss: Share = Field(0.05, description="community legitimacy lost")
    arrests_per_officer: NonNegative = Field(0.2, description="arrests per officer at a riot")
    weights: dict[SecurityKind, NonNegative] = Field(
        default_factory=lambda: {
            SecurityKind.POLICE: 1.0,
            SecurityKind.MILITARY: 1.0,
            SecurityKind.LINMAS: 0.3,
        },
        description="deterrence and containment of one person of each kind (Linmas unarmed)",
    )


class MediationParams(ParamsBlock):
    reach_per_leader: NonNegative = Field(
        200.0, description="voters one leader or official reaches in dialogue per day"
    )
    local_government_weight: Share = Field(
        0.5, description="mediators one local-government official (pemda) counts as, against a "
        "community or religious leader's 1 (estimate)"
    )
    tension_reduction: Share = Field(0.3, description="tension removed where everyone is reached")
    anger_reduction: Share = Field(0.2, description="anger removed where everyone is reached")
    non_neutrality_legitimacy_loss: Share = Field(
        0.03, description="legitimacy lost per non-neutral official event, where all hear of it"
    )
    non_neutrality_reach_voters: Positive = Field(
        2000.0, description="voters who hear of one breach (about a village); the loss is "
        "diluted in larger communities (estimate)"
    )
    non_neutral_events_per_official_day: Share = Field(
        0.002, description="events per non-neutral official per campaign day (estimate)"
    )


class EventEffectParams(ParamsBlock):
    """What one scheduled or injected event of magnitude 1 does (all estimates)."""

    rally_mixing: NonNegative = Field(2.0, description="extra mixing in the community that day")
    rally_anger: NonNegative = Field(0.1, description="anger of rival supporters there")
    provocation_anger: NonNegative = Field(0.4, description="anger of all camps there")
    provocation_tension: Share = Field(0.15, description="tension added there")
    announcement_tension: Share = Field(
        0.1, description="tension added everywhere at a result announcement, times closeness"
    )
    disputed_count_tension: Share = Field(0.25, description="tension added at a disputed count")
    disputed_count_legitimacy: Share = Field(0.15, description="legitimacy lost there")
    legitimacy_shock: Share = Field(0.1, description="legitimacy lost in a shock")


class VotingParams(ParamsBlock):
    base_turnout: Share = Field(0.765, description="turnout with no fear (estimate, calibrated)")
    fear_effect: NonNegative = Field(0.5, description="turnout lost per unit tension")
    unaligned_turnout: Share = Field(0.6, description="relative turnout of voters without a camp")
    incumbent_lean: float = Field(
        0.75, ge=-3.0, le=3.0,
        description="log-odds by which voters without a camp tilt toward the incumbent pair "
                    "(incumbency advantage, 0 none; estimate: with the other defaults it gives "
                    "Kutai Timur's winner share, inside the calibration's posterior 0.38-1.40)")
    invalid_share: Share = Field(0.022, description="invalid ballots (KPU Kutim 2024: 2.2%)")
    dispute_base: float = Field(-3.0, description="log-odds of a dispute at a wide margin")
    dispute_margin_scale: Positive = Field(
        0.05, description="margin (share of valid votes) at which dispute odds fall by e"
    )
    dispute_belief_weight: NonNegative = Field(6.0, description="log-odds per hoax-belief share")
    mobilisation_anger: NonNegative = Field(
        0.3, description="anger of the losing camp after a dispute is filed"
    )


class Parameters(Block):
    population: PopulationParams = Field(default_factory=PopulationParams)
    grievance: GrievanceParams = Field(default_factory=GrievanceParams)
    activation: ActivationParams = Field(default_factory=ActivationParams)
    rumor: RumorParams = Field(default_factory=RumorParams)
    clash: ClashParams = Field(default_factory=ClashParams)
    tension: TensionParams = Field(default_factory=TensionParams)
    policing: PolicingParams = Field(default_factory=PolicingParams)
    mediation: MediationParams = Field(default_factory=MediationParams)
    voting: VotingParams = Field(default_factory=VotingParams)
    event_effects: EventEffectParams = Field(default_factory=EventEffectParams)


class Security(Block):
    personnel: Count | None = Field(
        None, description="total security personnel; if set, every force is scaled to match"
    )
    response_delay_hours: NonNegative = Field(
        3.0, description="time from an incident to the dispatch of a unit (coordination), hours"
    )
    forces: list[SecurityForce] = Field(default_factory=list)


class Scenario(Parameters):
    """A whole scenario: the place, its people, its calendar and the mechanism parameters.

    Mechanism parameter blocks sit at the top level so that override paths read
    as the domain does: `grievance.legitimacy`, `activation.threshold`.
    """

    scenario: Meta
    region: Region
    calendar: Calendar
    candidates: list[Candidate] = Field(min_length=1)
    communities: list[Community] = Field(min_length=1)
    officials: list[Officials] = Field(default_factory=list)
    security: Security = Field(default_factory=Security)
    events: list[Event] = Field(default_factory=list)
    strategies: dict[str, dict[str, float | int | str | bool]] = Field(
        default_factory=dict, description="parameters of strategies, by strategy name"
    )

    @model_validator(mode="after")
    def _references_resolve(self):
        names = [c.name for c in self.communities]
        ids = [c.id for c in self.candidates]
        problems = duplicates(names, "communities", "name", "community")
        problems += duplicates(ids, "candidates", "id", "candidate")
        known = set(names)
        places = ", ".join(["all", *names])
        for i, c in enumerate(self.communities):
            for k, n in enumerate(c.neighbours):
                if n.name not in known:
                    problems.append(f"communities.{i}.neighbours.{k}.name = {n.name!r}: no "
                                    f"community of that name; known: {', '.join(names)}")
            for cid in c.support:
                if cid not in ids:
                    problems.append(f"communities.{i}.support.{cid}: no candidate with id "
                                    f"{cid!r}; candidates: {', '.join(ids)}")
        for where, items, attribute in (("officials", self.officials, "community"),
                                        ("security.forces", self.security.forces, "base"),
                                        ("events", self.events, "community")):
            for i, item in enumerate(items):
                value = getattr(item, attribute)
                if value not in known | {"all"}:
                    problems.append(f"{where}.{i}.{attribute} = {value!r}: no community of "
                                    f"that name; expected one of {places}")
        cal = self.calendar
        for i, e in enumerate(self.events):
            if e.candidate is not None and e.candidate not in ids:
                problems.append(f"events.{i}.candidate = {e.candidate!r}: no candidate with "
                                f"that id; candidates: {', '.join(ids)}")
            if not cal.campaign_start <= e.date <= cal.dispute_end:
                problems.append(f"events.{i}.date = {e.date}: outside the calendar "
                                f"({cal.campaign_start} to {cal.dispute_end})")
        if problems:
            raise reference_problems(problems)
        return self

    @property
    def total_voters(self) -> int:
        return sum(c.voters for c in self.communities)

    def phase_on(self, day: dt.date) -> Phase:
        cal = self.calendar
        if day < cal.quiet_start:
            return Phase.CAMPAIGN
        if day < cal.voting_day:
            return Phase.QUIET
        if day == cal.voting_day:
            return Phase.VOTING
        if day <= cal.recap_end:
            return Phase.RECAPITULATION
        return Phase.DISPUTE
