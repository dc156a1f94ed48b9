"""Synthetic provinces for the whole country: 545 elections, about 204 million voters.

On 27 Nov 2024 Indonesia held 545 regional elections: 37 governor races and
508 regent or mayor races (415 regencies, 93 cities), for about 203.6 million
voters and about 1,553 candidate pairs (KPU figures as reported; see
docs/scaling.md). No public per-region table is bundled here, so the
generator draws a country that looks like it:

- regions per province: one each, the rest split by a Dirichlet(1.5) draw
  (estimate: provinces range from a handful of regions to dozens);
- voters per region: log-normal, with the log-spread of East Kalimantan's
  ten regions (the bundled kaltim_2024), rescaled so that the regions add up
  to the national total (estimate);
- districts of about 28,000 voters (East Kalimantan: 2,821,202 voters in 105
  districts) and TPS of about 450 voters (6,274 TPS), security at the ratios
  reported for Kutai Timur (0.59 police and 2 Linmas per TPS, 150 provincial
  reinforcements per region);
- candidate pairs per race: 1 + Poisson(1.85), so about 2.85 per race, as
  1,553 pairs in 545 races; a single pair runs against the empty box.

Every number drawn is an estimate of a plausible place, not a real one.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from sim.province.loading import LoadedProvince, Region
from sim.province.reserve import whole_units
from sim.province.schema import Province, RegionEntry
from sim.scenario import validate_data

NATIONAL_VOTERS = 203_600_000
PROVINCES = 37
REGENT_RACES = 508
VOTERS_PER_DISTRICT = 28_000
VOTERS_PER_TPS = 450
POLICE_PER_TPS = 0.59
LINMAS_PER_TPS = 2
RESERVE_PER_REGION = 150
EXTRA_PAIRS_MEAN = 1.85
CALENDAR = {"campaign_start": dt.date(2024, 9, 25), "quiet_start": dt.date(2024, 11, 24),
            "voting_day": dt.date(2024, 11, 27), "recap_end": dt.date(2024, 12, 9),
            "dispute_end": dt.date(2024, 12, 20)}
REGION_RECAP = dt.date(2024, 12, 6)
ESTIMATE = "estimate: synthetic national generator (sim.province.national)"


def lognormal_fit(voters: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation of log(voters)."""
    logs = np.log(np.asarray(voters, dtype=float))
    return float(logs.mean()), float(logs.std(ddof=1))


def region_sizes(rng: np.random.Generator, n_regions: int, total: int, sigma: float) -> np.ndarray:
    """Voters per region: log-normal with spread `sigma` (at least 2,000 voters), rescaled
    so that the regions add up to `total`."""
    median = total / n_regions / np.exp(sigma**2 / 2)
    drawn = np.maximum(2_000.0, median * rng.lognormal(0.0, sigma, n_regions))
    return whole_units(drawn, total)


def regions_per_province(rng: np.random.Generator, provinces: int, regions: int) -> np.ndarray:
    shares = rng.dirichlet(np.full(provinces, 1.5))
    extra = rng.multinomial(regions - provinces, shares)
    return 1 + extra


def national_provinces(seed: int = 0, sigma: float | None = None,
                       population_scale: float = 1.0,
                       provinces: int | None = None) -> list[LoadedProvince]:
    """Draw the synthetic country: one LoadedProvince per province, ready to run.

    Parameters
    ----------
    seed : draws the country (not the runs)
    sigma : log-spread of region sizes; default: fitted to East Kalimantan's regions
    population_scale : voters per simulated resident in every region
    provinces : draw the whole country but keep only the first `provinces`

    Examples
    --------
    >>> country = national_provinces(seed=1, population_scale=5000, provinces=2)
    >>> len(country)
    2
    """
    rng = np.random.default_rng(seed)
    if sigma is None:
        sigma = _kaltim_sigma()
    counts = regions_per_province(rng, PROVINCES, REGENT_RACES)
    sizes = region_sizes(rng, REGENT_RACES, NATIONAL_VOTERS, sigma)
    ends = np.cumsum(counts)
    country = []
    for p, (stop, n) in enumerate(zip(ends, counts, strict=True)):
        voters = sizes[stop - n:stop]
        country.append(synthetic_province(p, voters, rng, population_scale))
        if provinces is not None and len(country) == provinces:
            break
    return country


def _kaltim_sigma() -> float:
    from sim.province.loading import load_province
    kaltim = load_province("kaltim_2024", population_scale=1000.0)
    return lognormal_fit(np.array([r.voters for r in kaltim.regions]))[1]


def synthetic_province(number: int, voters: np.ndarray, rng: np.random.Generator,
                       population_scale: float = 1.0) -> LoadedProvince:
    """A province of regions with the given voters, two to four governor pairs."""
    name = f"synthetic_{number + 1:02d}"
    centre = (rng.uniform(-8.0, 4.0), rng.uniform(96.0, 139.0))
    n_gov = int(rng.integers(2, 5))
    gov_ids = [f"{k + 1:02d}" for k in range(n_gov)]
    entries, regions = [], []
    for r, v in enumerate(voters):
        region_name = f"{name}_r{r + 1:02d}"
        scenario = validate_data(_region_data(region_name, int(v), centre, rng, population_scale),
                                 region_name)
        entry = RegionEntry(name=region_name, scenario=f"(generated) {region_name}",
                            ikp=round(float(rng.uniform(1.0, 50.0)), 2),
                            governor_support=_shares(gov_ids, rng, 0.75),
                            sources={"ikp": ESTIMATE, "governor_support": ESTIMATE})
        entries.append(entry)
        regions.append((entry, scenario))
    spec = Province.model_validate({
        "scenario": {"name": name, "title": f"Synthetic province {number + 1}"},
        "province": {"name": f"Provinsi sintetis {number + 1}", "voters": int(voters.sum()),
                     "sources": {"voters": ESTIMATE}},
        "calendar": CALENDAR,
        "governor": {"candidates": [{"id": i, "name": f"Calon gubernur {i}"} for i in gov_ids]},
        "reserve": {"personnel": RESERVE_PER_REGION * len(voters), "base": entries[0].name,
                    "sources": {"personnel": ESTIMATE}},
        "regions": [e.model_dump() for e in entries],
    })
    loaded = tuple(Region(i, spec.regions[i], s) for i, (_, s) in enumerate(regions))
    return LoadedProvince(spec, loaded, f"synthetic province {number + 1}")


def _shares(ids: list[str], rng: np.random.Generator, aligned: float) -> dict[str, float]:
    raw = rng.dirichlet(np.full(len(ids), 4.0)) * aligned
    return {i: round(float(s), 3) for i, s in zip(ids, raw, strict=True)}


def _region_data(name: str, voters: int, centre, rng: np.random.Generator,
                 scale: float) -> dict:
    n_districts = int(np.clip(round(voters / VOTERS_PER_DISTRICT), 2, 50))
    # half uniform, half a Dirichlet draw: uneven districts, none empty
    split = 0.5 / n_districts + 0.5 * rng.dirichlet(np.full(n_districts, 3.0))
    district_voters = whole_units(split, voters)
    lat0, lon0 = centre[0] + rng.normal(0, 1.0), centre[1] + rng.normal(0, 1.0)
    pairs = min(6, 1 + int(rng.poisson(EXTRA_PAIRS_MEAN)))
    ids = [f"{k + 1:02d}" for k in range(pairs)] + (["kotak_kosong"] if pairs == 1 else [])
    support = _shares(ids, rng, 0.78) if pairs > 1 else {"01": 0.62, "kotak_kosong": 0.085}
    names = [f"{name}_d{d + 1:02d}" for d in range(n_districts)]
    coords = [(lat0 + rng.normal(0, 0.2), lon0 + rng.normal(0, 0.2)) for _ in names]
    communities = []
    for d, (district, v) in enumerate(zip(names, district_voters, strict=True)):
        links = {0, d - 1} - {d, -1}
        communities.append({
            "name": district, "residents": int(v * 1.45), "voters": int(v),
            "tps": max(1, int(v) // VOTERS_PER_TPS),
            "latitude": float(np.clip(coords[d][0], -11, 6)),
            "longitude": float(np.clip(coords[d][1], 94, 141)),
            "hardship": round(float(rng.uniform(0.4, 0.55)), 2),
            "support": support,
            "neighbours": [{"name": names[k], "travel_hours": _hours(coords[d], coords[k])}
                           for k in sorted(links)],
        })
    tps = sum(c["tps"] for c in communities)
    return {
        "scenario": {"name": name, "title": f"Synthetic region {name}"},
        "region": {"name": name},
        "calendar": CALENDAR | {"recap_end": REGION_RECAP},
        "candidates": [{"id": i, "name": f"Pasangan {i}", "rhetoric": 0.0 if i == "kotak_kosong"
                        else 0.2} for i in ids],
        "communities": communities,
        "officials": [{"role": "tokoh_masyarakat", "count": 2 * n_districts * 10},
                      {"role": "tokoh_agama", "count": 2 * n_districts * 10},
                      {"role": "kpps", "count": 7 * tps}],
        "security": {"forces": [
            {"kind": "police", "personnel": round(POLICE_PER_TPS * tps), "unit_size": 15},
            {"kind": "linmas", "personnel": LINMAS_PER_TPS * tps, "unit_size": 20}]},
        "population": {"scale": scale},
    }


def _hours(a, b) -> float:
    km = 111.0 * float(np.hypot(a[0] - b[0], a[1] - b[1]))
    return max(0.3, round(km * 1.4 / 40.0, 1))
