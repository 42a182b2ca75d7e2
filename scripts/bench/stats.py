"""Summaries of a load run: throughput, latency percentiles, ours / stock."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Dict, List, Optional, Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """Return the q-th percentile (0-100), interpolating linearly between ranks.

    The same definition as numpy's default, written out so the summary needs no
    array library.

    Args:
        values: The samples; need not be sorted.
        q: The percentile, 0 to 100.

    Returns:
        The percentile, or NaN when there are no samples.

    """
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, got {q}")
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class LevelResult:
    """What one bot did at one concurrency level."""

    bot: str
    concurrency: int
    messages: int
    errors: int
    seconds: float
    msg_per_s: float
    p50_ms: float
    p95_ms: float
    rss_mb: float
    pss_mb: float
    first_reply_s: float

    def as_dict(self) -> Dict[str, float]:
        """Return the fields as a plain dict (for JSON)."""
        return asdict(self)


def summarize(
    bot: str,
    concurrency: int,
    latencies_s: List[float],
    errors: int,
    seconds: float,
    rss_mb: float,
    pss_mb: float,
    first_reply_s: float,
) -> LevelResult:
    """Summarise the latencies measured in a window of `seconds`.

    Args:
        bot: The bot's name.
        concurrency: How many conversations ran at once.
        latencies_s: Seconds per answered message, in the measured window.
        errors: Messages that failed in the window.
        seconds: The measured window's length.
        rss_mb: Peak resident memory of the bot's server processes, summed:
            pages shared by forked workers count once per process.
        pss_mb: Peak proportional memory of the same processes: each shared
            page counts once in all, as the kernel holds it.
        first_reply_s: Seconds from process start to the first reply.

    Returns:
        The level's summary.

    """
    if seconds <= 0:
        raise ValueError("the measured window must be longer than zero")
    return LevelResult(
        bot=bot,
        concurrency=concurrency,
        messages=len(latencies_s),
        errors=errors,
        seconds=seconds,
        msg_per_s=len(latencies_s) / seconds,
        p50_ms=percentile(latencies_s, 50) * 1000,
        p95_ms=percentile(latencies_s, 95) * 1000,
        rss_mb=rss_mb,
        pss_mb=pss_mb,
        first_reply_s=first_reply_s,
    )


RATIO_FIELDS = ("msg_per_s", "p50_ms", "p95_ms", "rss_mb", "pss_mb", "first_reply_s")


def ratios(ours: LevelResult, stock: LevelResult) -> Dict[str, Optional[float]]:
    """Return ours divided by stock for every reported figure (None if stock is 0)."""
    result: Dict[str, Optional[float]] = {}
    for field in RATIO_FIELDS:
        denominator = getattr(stock, field)
        result[field] = (
            getattr(ours, field) / denominator
            if denominator and not math.isnan(denominator)
            else None
        )
    return result


def table(results: Sequence[LevelResult]) -> str:
    """Render results as a Markdown table, with an ours / stock row per level."""
    header = (
        "| bot | concurrent | msg/s | p50 ms | p95 ms | RSS MB | PSS MB |"
        " first reply s | errors |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    rows = [header]
    by_level: Dict[int, Dict[str, LevelResult]] = {}
    for r in results:
        by_level.setdefault(r.concurrency, {})[r.bot] = r
    for level in sorted(by_level):
        bots = by_level[level]
        names = sorted(bots, key=lambda b: (b != "stock", b != "ours", b))
        for name in names:
            r = bots[name]
            rows.append(
                f"| {r.bot} | {level} | {r.msg_per_s:.1f} | {r.p50_ms:.0f} |"
                f" {r.p95_ms:.0f} | {r.rss_mb:.0f} | {r.pss_mb:.0f} |"
                f" {r.first_reply_s:.1f} |"
                f" {r.errors} |"
            )
        for name in names:
            if name != "stock" and "stock" in bots:
                q = ratios(bots[name], bots["stock"])
                cells = " | ".join(_ratio(q[f]) for f in RATIO_FIELDS)
                rows.append(f"| {name} / stock | {level} | {cells} | |")
    return "\n".join(rows)


def _ratio(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{value:.2f}×"
