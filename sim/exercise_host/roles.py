"""The roles of the room: who they are, what they may spend, what they see, what they do by default.

Seven actors of a regency's Forkopimda and its partners, as the Bimtek
gathered them, and one Camat for each district (the Forkopimcam lead: the
district's own eyes and its local dialogue), so a room of twenty or more has
a seat for everyone. Each role has a budget in rupiah and, for those that move
people, deployable personnel; both are estimates from the scenario and the
strategy catalogue's unit costs (see ``budget_of`` and ``personnel_of``). Each
sees reports of its own kind, with its own delays and noise (``REPORTS`` in
``sim.exercise_host.reports``). A role nobody took plays its default: what
Kutai Timur reported doing in 2024 for that actor (its members of the
``kutim_2024_actual`` package), plus the doctrine of answering reports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sim.exercise_host.actions import ACTIONS, Action, T
from sim.scenario.schema import LEADER_ROLES, Scenario, SecurityKind
from sim.strategies import CATALOGUE

ALLOTMENT_DAYS = 10  # estimate: days of a role's deployable people its budget pays for
KPU_STAFF_PER_10K_VOTERS = 5.0  # estimate: KPU and district staff free for outreach
DANDIM_RESERVE_MIN = 30  # estimate: at least a platoon can be asked of the Korem
REGENT_RESERVE_SHARE = 0.25  # estimate: the regent's discretionary share, for grants
CAMAT_PEOPLE_PER_10K_VOTERS = 10.0  # estimate: district staff and village heads for dialogue
CAMAT_PEOPLE_MIN = 5


@dataclass(frozen=True)
class Role:
    """One actor of the room (a Camat's key is ``camat:<district>``)."""

    key: str
    title: dict[str, str]
    who: dict[str, str]  # who in real practice plays it
    home: str | None = None  # the Camat's district

    @property
    def kind(self) -> str:
        return role_kind(self.key)

    @property
    def actions(self) -> tuple[Action, ...]:
        return tuple(a for a in ACTIONS if a.role == self.kind)


def role_kind(key: str) -> str:
    """``kapolres`` for the Kapolres, ``camat`` for every Camat."""
    return key.partition(":")[0]


def home_of(key: str) -> str | None:
    """The district of a Camat's key, None for a regency role."""
    return key.partition(":")[2] or None


ROLES: tuple[Role, ...] = (
    Role("kapolres", T("Kapolres", "Police chief (Kapolres)"),
         T("Kepala Kepolisian Resor: mengerahkan unit, mengatur patroli, menanggapi insiden.",
           "Head of the regency police: deploys units, sets patrols, responds to incidents.")),
    Role("dandim", T("Dandim", "Military district commander (Dandim)"),
         T("Komandan Kodim: pasukan cadangan TNI atas permintaan Polri.",
           "Commander of the military district: military reserves when the police ask.")),
    Role("kpu", T("KPU Kabupaten", "Regency election commission (KPU)"),
         T("Penyelenggara: logistik, pengumuman, klarifikasi tahapan.",
           "The organiser: logistics, announcements, clarifying the process.")),
    Role("bawaslu", T("Bawaslu Kabupaten", "Regency election supervisor (Bawaslu)"),
         T("Pengawas: netralitas ASN, menindaklanjuti laporan.",
           "The supervisor: neutrality of officials, acting on reports.")),
    Role("bupati", T("Bupati / Pemda", "Regent / local government"),
         T("Memimpin posko Forkopimda, memegang anggaran daerah.",
           "Leads the Forkopimda command post, holds the regency's budget.")),
    Role("tokoh", T("Tokoh agama dan adat", "Religious and adat leaders"),
         T("FKUB, tokoh adat dan masyarakat: dialog di wilayah pilihan.",
           "The religious-harmony forum, adat and community leaders: dialogue where chosen.")),
    Role("kominfo", T("Diskominfo / patroli siber", "Communications office / cyber patrol"),
         T("Melawan hoaks: klarifikasi, prebunking, penurunan konten.",
           "Against hoaxes: clarification, prebunking, take-downs.")),
)

ROLES_BY_KEY: dict[str, Role] = {r.key: r for r in ROLES}
ROLE_KEYS: tuple[str, ...] = tuple(ROLES_BY_KEY)


def roles_for(scenario: Scenario) -> tuple[Role, ...]:
    """The regency's roles, then a Camat for every district of `scenario`.

    Examples
    --------
    >>> from sim.scenario import bundled_path, load_scenario
    >>> [r.key for r in roles_for(load_scenario(bundled_path("desa_demo")))][-1]
    'camat:Desa Hilir'
    """
    camats = tuple(Role(f"camat:{c.name}", T(f"Camat {c.name}", f"District head, {c.name}"),
                        T(f"Memimpin Forkopimcam {c.name}: dialog setempat, meminta bantuan "
                          "polisi.", f"Leads the district's Forkopimcam in {c.name}: local "
                          "dialogue, asking the police for help."), home=c.name)
                   for c in scenario.communities)
    return ROLES + camats

# A role nobody took starts these programmes in the first round: Kutai Timur's 2024 measures
# for that actor (the kutim_2024_actual package), at the catalogue's default parameters.
DEFAULT_PROGRAMMES: dict[str, tuple[str, ...]] = {
    "kapolres": ("tps_security",),
    "dandim": (),
    "kpu": (),
    "bawaslu": ("supervise",),
    "bupati": ("command_post", "bimtek"),
    "tokoh": ("forum",),
    "kominfo": ("cyber_patrol", "counter_hoax"),
    "camat": (),
}


def forces(scenario: Scenario, kind: SecurityKind) -> int:
    """Personnel of one kind in the scenario, scaled to ``security.personnel`` when set."""
    given = sum(f.personnel for f in scenario.security.forces)
    target = scenario.security.personnel
    scale = target / given if target is not None and given else 1.0
    return round(sum(f.personnel for f in scenario.security.forces if f.kind == kind) * scale)


def personnel_of(role: str, scenario: Scenario) -> float | None:
    """People a role can deploy at once (None: a role that deploys no one).

    Kapolres: the police and military stationed in the regency (the joint operation
    is under police command). Dandim: a reserve from outside, as large as the
    military stationed there, at least a platoon (estimate). A Camat: district staff
    and village heads for dialogue, 10 per 10,000 voters, at least 5 (estimate). KPU:
    outreach staff,
    5 per 10,000 voters (estimate). Leaders: as many as the catalogue's dialogue
    programme engages at full coverage (10 per 10,000 voters, estimate).

    Examples
    --------
    >>> from sim.scenario import bundled_path, load_scenario
    >>> s = load_scenario(bundled_path("desa_demo"))
    >>> personnel_of("kapolres", s), personnel_of("kominfo", s)
    (12.0, None)
    """
    voters = scenario.total_voters
    if role_kind(role) == "camat":
        district = next(c for c in scenario.communities if c.name == home_of(role))
        return float(max(CAMAT_PEOPLE_MIN, round(CAMAT_PEOPLE_PER_10K_VOTERS
                                                 * district.voters / 10_000)))
    if role == "kapolres":
        return float(forces(scenario, SecurityKind.POLICE) + forces(scenario,
                                                                     SecurityKind.MILITARY))
    if role == "dandim":
        return float(max(DANDIM_RESERVE_MIN, forces(scenario, SecurityKind.MILITARY)))
    if role == "kpu":
        return round(KPU_STAFF_PER_10K_VOTERS * voters / 10_000, 1)
    if role == "tokoh":
        leaders = CATALOGUE["leaders_dialogue"].Params().leaders_per_10k_voters
        own = sum(o.count for o in scenario.officials if o.role in LEADER_ROLES)
        return float(round(max(own, leaders * voters / 10_000), 1))
    return None


def budget_of(role: str, scenario: Scenario) -> float:
    """A role's budget in rupiah (estimate).

    What its programmes cost over the whole calendar at the catalogue's default
    parameters, plus ``ALLOTMENT_DAYS`` days of its deployable people at the
    action's day rate; the regent also holds a reserve of a quarter of the
    other roles' budgets to grant (hibah). Real budgets are set per regency; the
    figure is a training allowance, not a forecast.
    """
    if role == "bupati":
        others = sum(budget_of(r.key, scenario) for r in roles_for(scenario)
                     if r.key != "bupati")
        return float(own_budget(role, scenario) + REGENT_RESERVE_SHARE * others)
    return own_budget(role, scenario)


def own_budget(role: str, scenario: Scenario) -> float:
    from sim.exercise_host.actions import Deployment, Desk, Programme

    desk = Desk(scenario, scenario.calendar.campaign_start, role, float("inf"), None)
    total = 0.0
    for action in (a for a in ACTIONS if a.role == role_kind(role)):
        if isinstance(action, Programme):
            total += action.price(action.Params(), desk).rupiah
        elif isinstance(action, Deployment) and action.rupiah_per_person_day:
            people = personnel_of(role, scenario) or 0.0
            total += people * ALLOTMENT_DAYS * action.rupiah_per_person_day
    return float(math.ceil(total / 100_000) * 100_000)  # whole hundred thousands, upward

