"""Schematic district cells of a regency: Voronoi cells of the district centres, clipped
to an outline built from those centres, with the sea beside the coast.

No openly licensed district (kecamatan) boundaries can be installed from the
package registries this project uses (Natural Earth stops at provinces; GADM's
licence forbids redistribution and its package downloads at run time), so the
map is schematic and says so on screen: each district is the area closer to
its centre than to any other, inside an outline that is the districts' hull
widened until its area is the regency's area (when the scenario gives it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.affinity import translate
from shapely.geometry import MultiPoint, Point, Polygon, box

KM_PER_DEGREE = 111.32

# Where the sea lies and what it is called, and the capital town, of regencies whose
# scenarios are bundled. Geography of the place (any atlas), not a model estimate.
PLACES: dict[str, dict] = {
    "Kabupaten Kutai Timur": {
        "sea": "east",
        "sea_name": {"id": "Selat Makassar", "en": "Makassar Strait"},
        "capital": ("Sangatta Utara", "Sangatta"),
    },
}


@dataclass
class Geography:
    """Cells, outline, sea and capital of one scenario's map (lon/lat degrees).

    Attributes
    ----------
    cells : list of shapely Polygon
        One per community, in the scenario's order.
    outline : shapely Polygon
    sea : shapely geometry or None
        The sea beside the coast, inside the map's frame.
    coast : shapely geometry or None
        The part of the outline that meets the sea.
    capital : (int, str) or None
        Index of the community with the capital, and the capital's name.
    frame : (xmin, ymin, xmax, ymax)
    """

    cells: list
    outline: Polygon
    sea: object
    coast: object
    sea_name: dict | None
    capital: tuple[int, str] | None
    frame: tuple[float, float, float, float]


def regency_geography(scenario) -> Geography:
    """Build the schematic map of `scenario`'s communities.

    Examples
    --------
    >>> from sim.scenario import bundled_path, load_scenario
    >>> geo = regency_geography(load_scenario(bundled_path("kutim_2024")))
    >>> len(geo.cells), geo.capital[1], geo.sea is not None
    (18, 'Sangatta', True)
    """
    points = np.array([(c.longitude, c.latitude) for c in scenario.communities])
    outline = _outline(points, scenario.region.area_km2)
    xmin, ymin, xmax, ymax = outline.bounds
    pad = 0.08 * max(xmax - xmin, ymax - ymin, 0.02)
    place = PLACES.get(scenario.region.name, {})
    east_pad = 3 * pad if place.get("sea") == "east" else pad
    frame = (xmin - pad, ymin - pad, xmax + east_pad, ymax + pad)
    cells = _cells(points, outline, frame)
    sea = coast = None
    if place.get("sea") == "east":
        sea, coast = _sea_east(outline, frame)
    return Geography(cells, outline, sea, coast, place.get("sea_name"),
                     _capital(scenario, place), frame)


def _outline(points: np.ndarray, area_km2: float | None) -> Polygon:
    """The hull of the centres, widened to the regency's area (or by a typical spacing)."""
    hull = MultiPoint([tuple(p) for p in points]).convex_hull
    spacing = _typical_spacing(points)
    if not area_km2:
        return hull.buffer(0.6 * spacing, quad_segs=16)
    target = area_km2 / KM_PER_DEGREE**2
    low, high = 0.2 * spacing, 10 * spacing + 1.0
    for _ in range(40):  # bisection on the widening: area grows with it
        middle = (low + high) / 2
        if hull.buffer(middle, quad_segs=16).area < target:
            low = middle
        else:
            high = middle
    return hull.buffer(max(low, 0.2 * spacing), quad_segs=16)


def _typical_spacing(points: np.ndarray) -> float:
    if len(points) < 2:
        return 0.05
    d = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(d, np.inf)
    return float(np.median(d.min(axis=1)))


def _cells(points: np.ndarray, outline: Polygon, frame) -> list:
    if len(points) == 1:
        return [outline]
    region = box(*frame)
    diagram = shapely.voronoi_polygons(MultiPoint([tuple(p) for p in points]), extend_to=region)
    cells = [outline] * len(points)
    for cell in diagram.geoms:
        for k, p in enumerate(points):
            if cell.contains(Point(p)):
                cells[k] = cell.intersection(outline)
    return cells


def _sea_east(outline: Polygon, frame):
    """East of the outline, between its north and south ends: the outline swept far west,
    removed from that band (land lies north and south of a regency, not sea)."""
    width = frame[2] - frame[0]
    swept = shapely.union(outline, translate(outline, xoff=-3 * width)).convex_hull
    _, ymin, _, ymax = outline.bounds
    band = box(outline.centroid.x, ymin, frame[2], ymax)
    sea = band.difference(shapely.union(swept, outline))
    coast = outline.exterior.intersection(sea.buffer(1e-6))
    return sea, coast


def _capital(scenario, place: dict) -> tuple[int, str] | None:
    names = [c.name for c in scenario.communities]
    if "capital" in place and place["capital"][0] in names:
        district, town = place["capital"]
        return names.index(district), town
    for force in scenario.security.forces:  # else the police headquarters' district
        if force.base in names:
            return names.index(force.base), force.base
    return None
