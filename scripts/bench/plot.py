"""Latency against concurrency, for both bots, as a PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from scripts.bench.stats import LevelResult


def plot_latency(results: Sequence[LevelResult], path: Path) -> Path:
    """Plot p50 and p95 latency per concurrency level for each bot."""
    import matplotlib

    matplotlib.use("Agg")  # files only; no display on servers
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4), dpi=120)
    for bot, color in (("stock", "tab:gray"), ("ours", "tab:blue")):
        rows = sorted((r for r in results if r.bot == bot), key=lambda r: r.concurrency)
        if not rows:
            continue
        levels = [r.concurrency for r in rows]
        ax.plot(levels, [r.p50_ms for r in rows], "o-", color=color, label=f"{bot} p50")
        ax.plot(
            levels, [r.p95_ms for r in rows], "s--", color=color, label=f"{bot} p95"
        )
    ax.set_xlabel("concurrent conversations (closed loop)")
    ax.set_ylabel("latency per message (ms)")
    ax.set_title("REST channel latency: our bot vs stock rasa init")
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path
