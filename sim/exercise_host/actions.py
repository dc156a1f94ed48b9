"""What a role can do in a round, each action mapped onto a model lever or a catalogue strategy.

Three kinds of action:

- a *programme* switches a catalogue strategy on from the round's first day to
  the end of the calendar (counter-hoax, cyber patrol, neutrality supervision,
  the joint command post, ...); its parameter changes and daily policy act as
  when the strategy runs from the start, and it is priced for the days left;
- a *deployment* puts people somewhere for some days through a lever
  (``deploy_reserve``/``recall``, ``add_units``/``withdraw_units``,
  ``add_mediators``) and counts against the role's personnel while it lasts;
- *coordination* moves no one in the model: a request for reserves from the
  Kapolres to the Dandim, a budget transfer from the Bupati.

Every action validates its parameters with pydantic and checks the round's
constraints (budget, personnel, phase); a refusal names the field, the value
and what was expected, in Indonesian and English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sim.exercise_host.messages import Refusal, rupiah
from sim.scenario.schema import Scenario
from sim.strategies import CATALOGUE, rates
from sim.strategies.base import Strategy, calendar_days

# Catalogue strategies whose cost is spread over the calendar's days: started late,
# they cost the share of the calendar still to come. The others (training, a mapping
# survey, guards on counting days) cost the same whenever they start.
DAILY_COST = frozenset({"counter_hoax", "cyber_patrol", "neutrality_supervision",
                        "leaders_dialogue", "joint_command_post", "early_warning"})


class ActionParams(BaseModel):
    """Base of every action's parameters: strict, so a mistyped field is an error."""

    model_config = ConfigDict(extra="forbid")


def labelled(default, id: str, en: str, **limits) -> Any:  # noqa: A002 - language code
    """A pydantic Field whose label the participant's form shows in both languages."""
    return Field(default, description=en, json_schema_extra={"label": {"id": id, "en": en}},
                 **limits)


@dataclass
class Desk:
    """What an action is checked against: the round it is for and the role's means."""

    scenario: Scenario
    start: dt.date  # the round's first day: the action acts from then
    role: str
    budget_left: float
    personnel_free: float | None  # None: a role without deployable personnel
    running: frozenset[str] = frozenset()  # programmes already switched on
    roles: tuple[str, ...] = ()
    home: str | None = None  # a Camat acts in its own district only

    @property
    def days_left(self) -> int:
        """Calendar days from the round's first day to the end, inclusive."""
        calendar = self.scenario.calendar
        return calendar.n_days - calendar.step_of(self.start)

    @property
    def communities(self) -> list[str]:
        return [c.name for c in self.scenario.communities]


@dataclass(frozen=True)
class Price:
    """What an accepted action takes from its role: rupiah, and personnel while it lasts."""

    rupiah: float = 0.0
    personnel: float = 0.0
    days: int = 0
    basis: str = ""


@dataclass
class Action:
    """One thing a role can do. Subclasses define ``Params``, ``price`` and the lever."""

    key: str
    role: str
    title: dict[str, str]
    help: dict[str, str]
    kind: ClassVar[str] = "action"
    Params: ClassVar[type[ActionParams]] = ActionParams

    def validated(self, params: dict, desk: Desk) -> ActionParams:
        """The parameters checked by their schema and against the desk, or a Refusal."""
        try:
            values = self.Params(**params)
        except ValidationError as exc:
            raise bad_params(exc, params) from None
        self.check(values, desk)
        return values

    def check(self, params: ActionParams, desk: Desk) -> None:
        """Constraints beyond the schema (phase, programme already running, a place)."""
        community = getattr(params, "community", None)
        if community is not None and desk.home is not None and community != desk.home:
            raise Refusal("bad_params",
                          f"community = {community!r}: Camat hanya bertindak di wilayahnya, "
                          f"{desk.home}",
                          f"community = {community!r}: a Camat acts in its own district only, "
                          f"{desk.home}")
        if community is not None and community not in desk.communities:
            raise Refusal("bad_params",
                          f"community = {community!r}: bukan wilayah skenario ini; pilih salah "
                          f"satu dari {', '.join(desk.communities)}",
                          f"community = {community!r}: not a place in this scenario; expected "
                          f"one of {', '.join(desk.communities)}")

    def price(self, params: ActionParams, desk: Desk) -> Price:
        return Price()

    def form(self) -> list[dict]:
        """The fields of the participant's form: name, type, limits, default, labels."""
        fields = []
        for name, info in self.Params.model_fields.items():
            extra = info.json_schema_extra or {}
            lowest = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
            highest = next((m.le for m in info.metadata if hasattr(m, "le")), None)
            fields.append({"name": name, "type": field_type(name, info.annotation),
                           "default": info.default, "min": lowest, "max": highest,
                           "label": extra.get("label", {})})
        return fields

    def describe(self) -> dict:
        return {"key": self.key, "kind": self.kind, "title": self.title, "help": self.help,
                "fields": self.form()}


def field_type(name: str, annotation) -> str:
    if name == "community":
        return "community"
    if name == "to_role":
        return "role"
    return "integer" if annotation is int else "number"


def bad_params(exc: ValidationError, params: dict) -> Refusal:
    """Pydantic's errors as one refusal naming each field, its value and what was expected."""
    lines = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "parameters"
        value = params.get(error["loc"][0]) if error["loc"] else None
        lines.append((f"{where} = {value!r}: {_indonesian(error)}",
                      f"{where} = {value!r}: {error['msg']}"))
    return Refusal("bad_params", "; ".join(a for a, _ in lines), "; ".join(b for _, b in lines))


def _indonesian(error: dict) -> str:
    """Pydantic's usual complaints, said in Indonesian."""
    limit = (error.get("ctx") or {})
    said = {
        "less_than_equal": f"harus paling besar {limit.get('le')}",
        "greater_than_equal": f"harus paling kecil {limit.get('ge')}",
        "int_parsing": "harus bilangan bulat", "int_from_float": "harus bilangan bulat",
        "float_parsing": "harus angka", "string_type": "harus teks",
        "extra_forbidden": "parameter tidak dikenal", "missing": "wajib diisi",
    }
    return said.get(error["type"], error["msg"])


# --- programmes: catalogue strategies switched on mid-calendar ---------------------


class CoverageParams(ActionParams):
    coverage: float = labelled(1.0, "Cakupan (0-1)", "Coverage (0-1)", ge=0.05, le=1.0)


class TrainingParams(ActionParams):
    trained_share: float = labelled(0.3, "Bagian aparat yang dilatih (0-1)",
                                    "Share of officers trained (0-1)", ge=0.05, le=1.0)


class TpsParams(ActionParams):
    officers_per_tps: float = labelled(2.0, "Personel per TPS", "Officers per TPS",
                                       ge=0.5, le=6.0)
    coverage: float = labelled(171 / 701, "Bagian pemilih di TPS yang dijaga (0-1)",
                               "Share of voters at guarded TPS (0-1)", ge=0.05, le=1.0)


class MappingParams(ActionParams):
    unit_share: float = labelled(0.5, "Bagian pasukan dipindah menurut peta (0-1)",
                                 "Share of units re-stationed by the map (0-1)",
                                 ge=0.05, le=1.0)


class NoParams(ActionParams):
    pass


@dataclass
class Programme(Action):
    """A catalogue strategy switched on from the round's first day to the end of the calendar."""

    strategy: str = ""
    fixed: dict[str, Any] = field(default_factory=dict)  # parameters the room does not choose
    params_model: type[ActionParams] = NoParams
    before_voting: bool = False  # acts on counting days: useless once they have passed
    kind: ClassVar[str] = "programme"

    @property
    def Params(self) -> type[ActionParams]:  # noqa: N802 - the Action interface's name
        return self.params_model

    def strategy_for(self, params: ActionParams, scenario: Scenario) -> Strategy:
        """The catalogue strategy with the scenario's table, the room's choices and fixed values."""
        cls = CATALOGUE[self.strategy]
        values = {**scenario.strategies.get(self.strategy, {}), **self.fixed,
                  **params.model_dump()}
        return cls(**values)

    def check(self, params, desk):
        if self.strategy in desk.running:
            raise Refusal("already_running",
                          "Program ini sudah berjalan sampai akhir tahapan; tidak bisa "
                          "dimulai dua kali.",
                          "This programme is already running to the end of the calendar; it "
                          "cannot be started twice.")
        if self.before_voting and desk.start > desk.scenario.calendar.voting_day:
            raise Refusal("phase",
                          f"Hari pemungutan suara ({desk.scenario.calendar.voting_day}) sudah "
                          f"lewat; pengamanan TPS harus dimulai sebelumnya.",
                          f"Voting day ({desk.scenario.calendar.voting_day}) has passed; "
                          f"polling-station security must start before it.")

    def price(self, params, desk):
        strategy = self.strategy_for(params, desk.scenario)
        cost = strategy.cost(desk.scenario)
        share = 1.0
        if self.strategy in DAILY_COST:
            share = min(1.0, desk.days_left / calendar_days(desk.scenario))
        return Price(rupiah=cost.rupiah * share, basis=f"{cost.basis}; x {share:.3f} of the "
                     f"calendar left" if share < 1.0 else cost.basis)


# --- deployments: people somewhere for some days -----------------------------------


class DeployParams(ActionParams):
    community: str = labelled("", "Wilayah", "Community")
    personnel: int = labelled(30, "Personel", "Personnel", ge=1, le=2000)
    days: int = labelled(3, "Lama (hari)", "Days", ge=1, le=30)


class DialogueParams(ActionParams):
    community: str = labelled("", "Wilayah", "Community")
    people: int = labelled(10, "Jumlah orang", "People", ge=1, le=500)
    days: int = labelled(5, "Lama (hari)", "Days", ge=1, le=30)


@dataclass
class Deployment(Action):
    """People sent to one community for some days through a lever, undone when the days end."""

    lever: str = ""  # "police_reserve", "military_reserve" or "mediators"
    rupiah_per_person_day: float = 0.0
    rate_basis: str = ""
    params_model: type[ActionParams] = DeployParams
    kind: ClassVar[str] = "deployment"

    @property
    def Params(self) -> type[ActionParams]:  # noqa: N802 - the Action interface's name
        return self.params_model

    @staticmethod
    def people(params) -> int:
        return params.personnel if hasattr(params, "personnel") else params.people

    def check(self, params, desk):
        super().check(params, desk)
        free = desk.personnel_free
        if free is not None and self.people(params) > free:
            raise Refusal("over_personnel",
                          f"Personel tidak cukup: diminta {self.people(params)}, tersedia "
                          f"{free:,.0f} (sisanya sedang bertugas).",
                          f"Not enough personnel: {self.people(params)} asked, {free:,.0f} "
                          f"free (the rest are deployed).")

    def price(self, params, desk):
        days = min(params.days, desk.days_left)
        person_days = self.people(params) * days
        return Price(rupiah=person_days * self.rupiah_per_person_day,
                     personnel=self.people(params), days=days,
                     basis=f"{person_days} person-days at "
                           f"{rupiah(self.rupiah_per_person_day)} ({self.rate_basis})"
                     if self.rupiah_per_person_day else "forces already paid")


# --- coordination ---------------------------------------------------------------------


class TransferParams(ActionParams):
    to_role: str = labelled("", "Kepada", "To")
    rupiah: float = labelled(50_000_000, "Jumlah (Rp)", "Amount (Rp)", ge=1_000_000)


@dataclass
class Transfer(Action):
    """The regent's budget moved to another role (a grant, hibah): bookkeeping, no lever."""

    kind: ClassVar[str] = "transfer"
    Params: ClassVar[type[ActionParams]] = TransferParams

    def check(self, params, desk):
        if params.to_role not in desk.roles or params.to_role == desk.role:
            others = [r for r in desk.roles if r != desk.role]
            raise Refusal("bad_params",
                          f"to_role = {params.to_role!r}: pilih salah satu dari "
                          f"{', '.join(others)}",
                          f"to_role = {params.to_role!r}: expected one of {', '.join(others)}")

    def price(self, params, desk):
        return Price(rupiah=params.rupiah, basis=f"transfer to {params.to_role}")


@dataclass
class Request(Action):
    """A request to another role (the Kapolres asks the Dandim for reserves): no lever."""

    to_role: str = ""
    kind: ClassVar[str] = "request"
    Params: ClassVar[type[ActionParams]] = DeployParams


def T(id: str, en: str) -> dict[str, str]:  # noqa: A002, N802 - a bilingual text, short
    return {"id": id, "en": en}


ACTIONS: tuple[Action, ...] = (
    Deployment("deploy", "kapolres", T("Kerahkan pasukan ke wilayah", "Deploy units to a place"),
               T("Unit di markasnya (terdekat dulu) pindah ke wilayah itu selama beberapa hari, "
                 "lalu kembali.",
                 "Units at their bases (nearest first) move there for some days, then return."),
               lever="police_reserve"),
    Programme("tps_security", "kapolres", T("Pengamanan TPS rawan", "Guard vulnerable TPS"),
              T("Personel tambahan di TPS paling rawan pada hari pemungutan dan penghitungan.",
                "Extra officers at the riskiest TPS on voting and counting days."),
              strategy="tps_security", params_model=TpsParams, before_voting=True),
    Programme("patrol_by_map", "kapolres",
              T("Patroli menurut peta kerawanan", "Patrol by the vulnerability map"),
              T("Sebagian unit dipindah markasnya ke wilayah paling rawan (IKP).",
                "Part of the units are re-stationed to the riskiest places (IKP)."),
              strategy="conflict_mapping", fixed={"leader_share": 0.0},
              params_model=MappingParams),
    Request("request_reserve", "kapolres",
            T("Minta bantuan pasukan TNI", "Ask the Dandim for military reserves"),
            T("Permintaan tampil di layar Dandim; Dandim yang memutuskan.",
              "The request appears on the Dandim's screen; the Dandim decides."),
            to_role="dandim"),
    Deployment("reserve", "dandim", T("Kirim pasukan cadangan TNI", "Send military reserves"),
               T("Pasukan cadangan dari luar wilayah (BKO) datang ke wilayah itu selama beberapa "
                 "hari.",
                 "Reserves from outside the regency (BKO) come to that place for some days."),
               lever="military_reserve", rupiah_per_person_day=rates.SECURITY_PERSON_DAY,
               rate_basis=rates.SECURITY_PERSON_DAY_BASIS),
    Programme("clarify", "kpu", T("Klarifikasi resmi KPU", "KPU official clarifications"),
              T("KPU menjawab hoaks soal tahapan dan hasil lewat kanal resmi.",
                "KPU answers hoaxes about the process and the result through official "
                "channels."),
              strategy="counter_hoax", fixed={"prebunking": 0.0, "reach": 0.1},
              params_model=CoverageParams),
    Deployment("socialisation", "kpu",
               T("Sosialisasi dan rapat dengan tim paslon", "Outreach and meetings with camps"),
               T("Petugas KPU/PPK bertemu pemilih dan tim kampanye di wilayah itu.",
                 "KPU and district staff meet voters and campaign teams there."),
               lever="mediators", rupiah_per_person_day=rates.STAFF_DAY,
               rate_basis=rates.STAFF_DAY_BASIS, params_model=DialogueParams),
    Programme("supervise", "bawaslu",
              T("Pengawasan netralitas ASN", "Supervise officials' neutrality"),
              T("Pengawas memantau ASN dan kepala desa; pelanggaran lebih jarang dan cepat "
                "ditindak.",
                "Supervisors watch civil servants and village heads; fewer breaches, handled "
                "fast."),
              strategy="neutrality_supervision", params_model=CoverageParams),
    Programme("command_post", "bupati",
              T("Buka posko terpadu Forkopimda", "Open the Forkopimda joint post"),
              T("Respons lebih cepat; wilayah yang kemarin bentrok mendapat cadangan.",
                "Faster response; places with a clash yesterday get reserves."),
              strategy="joint_command_post"),
    Programme("bimtek", "bupati", T("Bimtek mitigasi konflik", "Conflict-mitigation training"),
              T("Aparat dan tokoh dilatih meredakan situasi.",
                "Officers and leaders are trained to de-escalate."),
              strategy="bimtek_training", params_model=TrainingParams),
    Programme("early_warning", "bupati",
              T("Sistem peringatan dini (FKDM)", "Early warning (FKDM)"),
              T("Pemantau desa melaporkan ketegangan; cadangan dikirim sebelum pecah.",
                "Village monitors report tension; reserves go before violence."),
              strategy="early_warning", params_model=CoverageParams),
    Transfer("transfer", "bupati", T("Alokasikan anggaran (hibah)", "Transfer budget (grant)"),
             T("Sebagian anggaran Pemda diberikan kepada peran lain.",
               "Part of the regency's budget goes to another role.")),
    Deployment("dialogue", "tokoh", T("Dialog damai di wilayah", "Peace dialogue in a place"),
               T("Tokoh agama dan adat menggelar dialog antarpendukung selama beberapa hari.",
                 "Religious and adat leaders hold dialogue between camps for some days."),
               lever="mediators", rupiah_per_person_day=rates.LEADER_DAY,
               rate_basis=rates.LEADER_DAY_BASIS, params_model=DialogueParams),
    Programme("forum", "tokoh", T("Forum FKUB di wilayah rawan", "FKUB forums where risk is"),
              T("Forum tokoh berjalan terus di wilayah paling rawan sampai akhir tahapan.",
                "Leaders' forums run in the riskiest places to the end of the calendar."),
              strategy="leaders_dialogue", params_model=CoverageParams),
    Programme("counter_hoax", "kominfo",
              T("Klarifikasi hoaks dan prebunking", "Counter hoaxes and prebunk"),
              T("Klarifikasi cepat lewat grup WhatsApp, radio, tokoh.",
                "Fast clarifications through WhatsApp groups, radio, leaders."),
              strategy="counter_hoax", params_model=CoverageParams),
    Programme("cyber_patrol", "kominfo", T("Patroli siber", "Cyber patrol"),
              T("Akun penyebar ditandai, konten diturunkan.",
                "Spreading accounts flagged, content taken down."),
              strategy="cyber_patrol", params_model=CoverageParams),
    Deployment("local_dialogue", "camat", T("Musyawarah di kecamatan", "District meeting"),
               T("Camat, kepala desa dan tokoh setempat menenangkan warga di kecamatannya.",
                 "The district head, village heads and local leaders calm their district."),
               lever="mediators", rupiah_per_person_day=rates.LEADER_DAY,
               rate_basis=rates.LEADER_DAY_BASIS, params_model=DialogueParams),
    Request("ask_police", "camat", T("Minta bantuan polisi", "Ask the police for help"),
            T("Permintaan tampil di layar Kapolres.", "The request appears on the Kapolres' "
              "screen."), to_role="kapolres"),
)

ACTIONS_BY_KEY: dict[str, Action] = {a.key: a for a in ACTIONS}
