"""Names on a map that never overlap: each is tried at positions around its place, nearest
first, and the first free one is taken (a leader line joins a name set further out)."""

from __future__ import annotations

import numpy as np
from matplotlib.transforms import Bbox

# directions tried around a place, right/left/below/above first: names read best beside
DIRECTIONS = [(1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1),
              (2, -1), (-2, -1), (2, 1), (-2, 1), (0.5, -1), (-0.5, 1)]
RINGS = (1.0, 1.8, 2.8, 4.0, 5.5, 7.5, 10.0)


def place_labels(ax, positions, names, fontsize_px: float, obstacles=(), gap_px: float = 7.0,
                 **text_style) -> list:
    """Write `names` at `positions` (data coordinates) on `ax` so that no two overlap.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Its figure must have a canvas and its final layout.
    positions : sequence of (x, y)
        Where each place is, in data coordinates; names are placed in this order.
    names : sequence of str
    fontsize_px : float
        Height of the type in the figure's pixels.
    obstacles : sequence of matplotlib.transforms.Bbox
        Areas (display pixels) names must keep off, e.g. the places' markers.
    gap_px : float
        Distance from a place to the nearest edge of its name.
    **text_style
        Passed to ``ax.annotate``.

    Returns
    -------
    list of matplotlib.text.Annotation
        One per name; ``.kondusif_box`` is its box in display pixels.
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    ax.apply_aspect()
    points = 72.0 / fig.dpi
    frame = ax.get_window_extent(renderer)
    taken = list(obstacles)
    labels = []
    for (x, y), name in zip(positions, names, strict=True):
        anchor = ax.transData.transform((x, y))
        probe = ax.text(0, 0, name, fontsize=fontsize_px * points, **_font(text_style))
        extent = probe.get_window_extent(renderer)
        probe.remove()
        w, h = extent.width, extent.height
        choice = _free_spot(anchor, w, h, gap_px, taken, frame)
        dx, dy, box = choice
        taken.append(box)
        arrow = {} if np.hypot(dx, dy) <= 2.2 * gap_px + max(w, h) / 2 + 1 else {
            "arrowprops": {"arrowstyle": "-", "color": "#555555", "lw": 0.8,
                           "shrinkA": 0, "shrinkB": 2}}
        label = ax.annotate(name, (x, y), xytext=(dx * points, dy * points),
                            textcoords="offset points", ha="center", va="center",
                            fontsize=fontsize_px * points, **arrow, **text_style)
        label.kondusif_box = box
        labels.append(label)
    return labels


def _font(style: dict) -> dict:
    return {k: v for k, v in style.items() if k in ("fontweight", "family", "fontstyle")}


def _free_spot(anchor, w: float, h: float, gap: float, taken: list, frame: Bbox):
    """(dx, dy, box): the offset of a name's centre from its place, and its box."""
    best = None
    for ring in RINGS:
        for ux, uy in DIRECTIONS:
            dx = ux * (w / 2 + gap * ring) if ux else 0.0
            dy = uy * (h / 2 + gap * ring) if uy else 0.0
            cx, cy = anchor[0] + dx, anchor[1] + dy
            box = Bbox.from_bounds(cx - w / 2, cy - h / 2, w, h)
            inside = (box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0
                      and box.y1 <= frame.y1)
            if not inside:
                continue
            clashes = sum(box.overlaps(other) for other in taken)
            if clashes == 0:
                return dx, dy, box
            if best is None or clashes < best[0]:
                best = (clashes, dx, dy, box)
    if best is None:  # nothing inside the frame: keep it on the place
        return 0.0, 0.0, Bbox.from_bounds(anchor[0] - w / 2, anchor[1] - h / 2, w, h)
    return best[1:]


def overlapping_pairs(boxes) -> list[tuple[int, int]]:
    """Index pairs of boxes that overlap (what a map's names must never do).

    Examples
    --------
    >>> a, b = Bbox.from_bounds(0, 0, 10, 10), Bbox.from_bounds(20, 0, 10, 10)
    >>> overlapping_pairs([a, b]), overlapping_pairs([a, Bbox.from_bounds(5, 5, 10, 10)])
    ([], [(0, 1)])
    """
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
            if boxes[i].overlaps(boxes[j])]
