"""`kondusif strategies`: the catalogue and its packages, with levers and costs."""

from __future__ import annotations

from sim.commands.errors import UserError
from sim.scenario import bundled_names, bundled_path, load_scenario
from sim.strategies import CATALOGUE, PACKAGE_TITLES, PACKAGES, minimum_cost, total_cost
from sim.viz.labels import label, number

PREFERRED_SCENARIOS = ("kutim_2024", "desa_demo")


def add_parser(sub):
    parser = sub.add_parser("strategies", help="list mitigation strategies and packages")
    parser.add_argument("--lang", choices=["id", "en"], default="id")
    parser.add_argument("--scenario", default=None,
                        help="scenario used to price each strategy (default kutim_2024 if "
                             "bundled, else desa_demo)")
    return parser


def default_scenario() -> str:
    """The regency scenario when it is bundled, else the demo."""
    names = bundled_names()
    for name in PREFERRED_SCENARIOS:
        if name in names:
            return name
    raise UserError(f"no bundled scenario to price the strategies on (looked for "
                    f"{', '.join(PREFERRED_SCENARIOS)}); give one with --scenario FILE")


def main(args) -> int:
    name = args.scenario or default_scenario()
    scenario = load_scenario(bundled_path(name))
    lang = args.lang
    print(f"{label('catalogue_title', lang)} ({label('priced_on', lang)} {name})\n")
    for cls in CATALOGUE.values():
        print(strategy_text(cls.from_scenario(scenario), scenario, lang))
    print(f"{label('packages', lang)}:")
    for package, members in PACKAGES.items():
        strategies = [CATALOGUE[m].from_scenario(scenario) for m in members]
        print(f"  package:{package}: {PACKAGE_TITLES[package][lang]}")
        print(f"      {label('members', lang)}: {', '.join(members)}")
        print(f"      {label('cost_estimate', lang)}: "
              f"Rp {number(total_cost(strategies, scenario).rupiah, lang)}; "
              f"{label('fixed_part', lang)} "
              f"Rp {number(minimum_cost(strategies, scenario).rupiah, lang)}")
    print(f"\n{label('budget_hint', lang)}")
    return 0


def strategy_text(strategy, scenario, lang: str) -> str:
    """One strategy: names, practice, effect, levers, cost and parameters."""
    cls = type(strategy)
    cost = strategy.cost(scenario)
    # a lever is named in the running text, lower case; "parameters" is the shared word
    levers = ", ".join(label(f"lever:{lever}", lang).lower() for lever in cls.levers)
    lines = [
        f"{cls.name}: {cls.title[lang]}",
        f"    {label('practice', lang)}: {cls.practice[lang]}",
        f"    {label('effect', lang)}: {cls.effect[lang]}",
        f"    {label('levers', lang)}: {levers}; {label('mechanisms', lang)}: "
        f"{', '.join(cls.mechanisms)}",
        f"    {label('cost_estimate', lang)}: Rp {number(cost.rupiah, lang)}, "
        f"{number(cost.personnel_days, lang)} {label('cost_personnel_days', lang).lower()}; "
        f"{label('fixed_part', lang)} Rp {number(strategy.minimum_cost(scenario).rupiah, lang)}"
        + (f"; {label('scales_with', lang)} {cls.budget_knob}" if cls.budget_knob else ""),
        f"    {label('basis', lang)}: {cost.basis}",
        f"    {label('parameters', lang)}:",
    ]
    for pname, field in cls.Params.model_fields.items():
        value = getattr(strategy.params, pname)
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        lines.append(f"      --set strategies.{cls.name}.{pname}={shown}  {field.description}")
    return "\n".join(lines) + "\n"
