"""Positions computed before the page opens, for views too large for the browser's physics.

Small connected components are laid out by networkx's spring layout. The large ones (a few
hundred nodes and more) by a force layout of the same model (Fruchterman–Reingold) whose
repulsion is computed on a grid with FFT convolution (a particle–mesh method): O(n + g² log g)
per step instead of networkx's O(n²), so ten thousand nodes take seconds. The components are
then packed side by side, the largest first.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence

import networkx as nx
import numpy as np

SPRING_LIMIT = 300  # components up to this size use networkx's spring layout
EDGE_LENGTH = 60.0  # pixels between neighbours in the written coordinates


def precomputed_layout(nodes: Sequence[Hashable], edges: Sequence[tuple[Hashable, Hashable]], *,
                       seed: int = 7) -> dict[Hashable, tuple[float, float]]:
    """Stable positions in whole pixels for every node: the same graph and seed give the same layout."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    order = {n: i for i, n in enumerate(nodes)}
    components = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(graph)),
                        key=lambda c: (-len(c), order[c[0]]))
    singletons = [c[0] for c in components if len(c) == 1]
    blocks: list[dict[Hashable, np.ndarray]] = []
    for component in components:
        if len(component) == 1:
            continue
        sub = graph.subgraph(component)
        if len(component) <= SPRING_LIMIT:
            pos = nx.spring_layout(sub, seed=seed, iterations=80)
            coords = np.array([pos[n] for n in component]) * math.sqrt(len(component))
        else:
            index = {n: i for i, n in enumerate(component)}
            pairs = np.array([(index[a], index[b]) for a, b in sub.edges()], dtype=np.int64).reshape(-1, 2)
            coords = mesh_force_layout(len(component), pairs, seed=seed)
        blocks.append(dict(zip(component, _normalise(coords), strict=True)))
    if singletons:
        side = math.ceil(math.sqrt(len(singletons)))
        grid = np.array([(i % side, i // side) for i in range(len(singletons))], dtype=float) * 0.8
        blocks.append(dict(zip(singletons, grid, strict=True)))
    return {n: (float(round(x * EDGE_LENGTH)), float(round(y * EDGE_LENGTH))) for n, (x, y) in _pack(blocks).items()}


def mesh_force_layout(n: int, edges: np.ndarray, *, iterations: int = 200, seed: int = 7) -> np.ndarray:
    """Fruchterman–Reingold with unit edge length; repulsion on a grid, weighted by degree.

    Weighting a node's repulsion by its degree (as ForceAtlas2 does) keeps hubs such as a
    much-discussed sector from collapsing their neighbourhood into a ball.
    """
    rng = np.random.default_rng(seed)
    src, dst = edges[:, 0], edges[:, 1]
    mass = 1.0 + np.bincount(edges.ravel(), minlength=n).astype(float)
    pos = rng.uniform(-1.0, 1.0, (n, 2)) * math.sqrt(n)
    size = int(min(256, max(32, 2 ** math.ceil(math.log2(2 * math.sqrt(n))))))
    kx_hat, ky_hat = _repulsion_kernels(size)
    t0 = math.sqrt(n) / 4
    for step in range(iterations):
        temperature = t0 * (1 - step / iterations) + 0.02
        force = _mesh_repulsion(pos, mass, size, kx_hat, ky_hat)
        delta = pos[dst] - pos[src]
        dist = np.sqrt((delta**2).sum(axis=1)) + 1e-9
        pull = delta * dist[:, None]  # |F| = d² / k with k = 1
        for axis in (0, 1):
            force[:, axis] += np.bincount(src, pull[:, axis], minlength=n)
            force[:, axis] -= np.bincount(dst, pull[:, axis], minlength=n)
        force -= 0.01 * mass[:, None] * pos  # gravity keeps loosely tied parts near the rest
        length = np.sqrt((force**2).sum(axis=1)) + 1e-9
        pos += force / length[:, None] * np.minimum(length, temperature)[:, None]
    return pos


def _repulsion_kernels(size: int) -> tuple[np.ndarray, np.ndarray]:
    """FFTs of the repulsion per unit mass at grid offsets, r̂/r (|F| = k²/r), zero-padded to 2·size."""
    offsets = np.fft.fftfreq(2 * size, 1 / (2 * size))
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = dx**2 + dy**2
    r2[0, 0] = 1.0
    kx, ky = dx / r2, dy / r2
    kx[0, 0] = ky[0, 0] = 0.0
    return np.fft.rfft2(kx), np.fft.rfft2(ky)


def _mesh_repulsion(pos: np.ndarray, mass: np.ndarray, size: int, kx_hat: np.ndarray,
                    ky_hat: np.ndarray) -> np.ndarray:
    lo = pos.min(axis=0) - 1e-6
    cell = float((pos.max(axis=0) - lo).max()) / (size - 1) + 1e-9
    grid = (pos - lo) / cell
    base = np.minimum(np.floor(grid).astype(np.int64), size - 2)
    frac = grid - base
    corners = [((0, 0), (1 - frac[:, 0]) * (1 - frac[:, 1])), ((1, 0), frac[:, 0] * (1 - frac[:, 1])),
               ((0, 1), (1 - frac[:, 0]) * frac[:, 1]), ((1, 1), frac[:, 0] * frac[:, 1])]
    density = np.zeros(2 * size * 2 * size)
    flat = []
    for (ox, oy), weight in corners:
        index = (base[:, 0] + ox) * (2 * size) + (base[:, 1] + oy)
        flat.append((index, weight))
        density += np.bincount(index, weight * mass, minlength=density.size)
    density_hat = np.fft.rfft2(density.reshape(2 * size, 2 * size))
    fx = np.fft.irfft2(density_hat * kx_hat, s=(2 * size, 2 * size)).ravel()
    fy = np.fft.irfft2(density_hat * ky_hat, s=(2 * size, 2 * size)).ravel()
    force = np.zeros_like(pos)
    for index, weight in flat:
        force[:, 0] += fx[index] * weight
        force[:, 1] += fy[index] * weight
    return force * (mass / cell)[:, None]


def _normalise(coords: np.ndarray) -> np.ndarray:
    return coords - coords.min(axis=0)


def _pack(blocks: list[dict[Hashable, np.ndarray]]) -> dict[Hashable, np.ndarray]:
    """Shelf packing: blocks left to right in rows about as wide as the whole is tall."""
    sizes = [np.array(list(b.values())).max(axis=0) + 1.5 for b in blocks]
    width = max([math.sqrt(sum(float(w * h) for w, h in sizes))] + [float(s[0]) for s in sizes[:1]])
    out: dict[Hashable, np.ndarray] = {}
    x = y = row = 0.0
    for block, (w, h) in zip(blocks, sizes, strict=True):
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        for node, p in block.items():
            out[node] = p + np.array([x, y])
        x, row = x + float(w), max(row, float(h))
    return out
