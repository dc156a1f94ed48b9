"""`kondusif strategies`: the catalogue, with levers and costs."""

from __future__ import annotations

from sim.scenario import bundled_path, load_scenario
from sim.strategies import CATALOGUE, PACKAGES


def add_parser(sub):
    parser = sub.add_parser("strategies", help="list mitigation strategies and packages")
    parser.add_argument("--lang", choices=["id", "en"], default="id")
    parser.add_argument("--scenario", default="kutim_2024",
                        help="scenario used to price each strategy (default kutim_2024)")
    return parser


def main(args) -> int:
    scenario = load_scenario(bundled_path(args.scenario))
    for name, cls in CATALOGUE.items():
        strategy = cls.from_scenario(scenario)
        cost = strategy.cost(scenario)
        print(f"{name}: {cls.title[args.lang]}")
        print(f"    levers: {', '.join(cls.levers)}; mechanisms: {', '.join(cls.mechanisms)}")
        print(f"    cost: Rp {cost.rupiah:,.0f}, {cost.personnel_days:,.0f} personnel-days "
              f"({cost.basis})")
        for pname, field in cls.Params.model_fields.items():
            print(f"    --set strategies.{name}.{pname}={getattr(strategy.params, pname)}"
                  f"  {field.description or ''}")
    for name, members in PACKAGES.items():
        print(f"package:{name}: {', '.join(members)}")
    return 0
