"""`make bench`: start the stock bot and ours, load both alike, print the table.

Usage:
    python -m scripts.bench.run --model models/writeback.tar.gz \
        --stock-dir .bench/stock --levels 10 50 --out results/bench
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from scripts.bench import processes
from scripts.bench.conversations import OURS, STOCK, Conversation
from scripts.bench.load import run_level
from scripts.bench.stats import LevelResult, summarize, table
from scripts.servers import free_port, wait_for_http

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


@dataclass
class Bot:
    """A running bot under test and the processes that serve it."""

    name: str
    conversations: Sequence[Conversation]
    base_url: str = ""
    server: Optional[subprocess.Popen] = None
    helpers: List[subprocess.Popen] = field(default_factory=list)
    first_reply_s: float = 0.0
    config: Dict[str, object] = field(default_factory=dict)


def stock_model(stock_dir: Path) -> Path:
    """Return the newest model `rasa init` trained in `stock_dir`."""
    models = sorted((stock_dir / "models").glob("*.tar.gz"))
    if not models:
        raise SystemExit(f"no stock model in {stock_dir}/models (make bench trains it)")
    return models[-1]


def start_stock(stock_dir: Path, out: Path) -> Bot:
    """Start the `rasa init` bot as it ships: one worker, in-memory stores."""
    bot = Bot("stock", STOCK)
    port = free_port()
    bot.base_url = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    bot.server = processes.start(
        [str(BIN / "rasa"), "run", "--model", str(stock_model(stock_dir))]
        + ["--port", str(port)],
        out / "stock-rasa.log",
        cwd=stock_dir,
    )
    bot.first_reply_s = processes.wait_for_first_reply(
        bot.base_url, bot.server, started, "hello"
    )
    bot.config = {"workers": 1, "tracker_store": "memory", "lock_store": "memory"}
    return bot


def start_ours(
    model: Path, workers: int, tracker: str, out: Path, name: str = "ours"
) -> Bot:
    """Start our bot: action server, Redis if several workers, then Rasa."""
    bot = Bot(name, OURS)
    started = time.monotonic()
    redis_port = None
    if workers > 1 or tracker == "redis":
        redis_port = free_port()
        redis = processes.start(
            [shutil.which("redis-server") or "redis-server", "--port", str(redis_port)]
            + ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            out / f"{name}-redis.log",
            cwd=out,
        )
        bot.helpers.append(redis)
    actions_port = free_port()
    actions = processes.start(
        [str(BIN / "rasa"), "run", "actions", "--actions", "actions"]
        + ["--port", str(actions_port)],
        out / f"{name}-actions.log",
        cwd=ROOT,
    )
    bot.helpers.append(actions)
    sqlite_path = out / f"{name}-tracker.db"
    sqlite_path.unlink(missing_ok=True)
    endpoints = processes.write_endpoints(
        out / f"{name}-endpoints.yml",
        f"http://127.0.0.1:{actions_port}/webhook",
        tracker,
        redis_port,
        sqlite_path=sqlite_path,
    )
    port = free_port()
    bot.base_url = f"http://127.0.0.1:{port}"
    bot.server = processes.start(
        [str(BIN / "rasa"), "run", "--model", str(model), "--endpoints", str(endpoints)]
        + ["--credentials", "credentials.yml", "--port", str(port)],
        out / f"{name}-rasa.log",
        cwd=ROOT,
        env={"SANIC_WORKERS": str(workers)},
    )
    wait_for_http(f"http://127.0.0.1:{actions_port}/health", actions)
    bot.first_reply_s = processes.wait_for_first_reply(
        bot.base_url, bot.server, started, "hello"
    )
    bot.config = {
        "workers": workers,
        "tracker_store": tracker,
        "lock_store": "redis" if redis_port else "memory",
        "action_server": True,
    }
    return bot


def machine() -> Dict[str, object]:
    """Describe the machine the numbers come from."""
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg(),
    }


def bench(args: argparse.Namespace) -> List[LevelResult]:
    """Run every level against both bots and return the summaries."""
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    bots: List[Bot] = []
    results: List[LevelResult] = []
    try:
        # One at a time, so no start-up competes with another for CPU.
        bots.append(start_stock(Path(args.stock_dir), out))
        bots.append(start_ours(Path(args.model), args.workers, args.tracker, out))
        for variant in args.variants:
            # Other configurations of ours, e.g. "1:sqlite", measured alongside.
            workers, tracker = variant.split(":")
            name = f"ours-{workers}w-{tracker}"
            bots.append(start_ours(Path(args.model), int(workers), tracker, out, name))
        for bot in bots:
            print(
                f"{bot.name}: first reply after {bot.first_reply_s:.1f} s", flush=True
            )
        for round_index, level in enumerate(args.levels):
            # Alternate which bot goes first, so drifting load hits both alike.
            order = bots if round_index % 2 == 0 else bots[::-1]
            for bot in order:
                assert bot.server is not None
                peak = processes.PeakRss(bot.server.pid)
                latencies, errors, samples = asyncio.run(
                    run_level(
                        bot.base_url,
                        bot.conversations,
                        level,
                        args.warmup,
                        args.seconds,
                    )
                )
                rss = peak.stop()
                result = summarize(
                    bot.name, level, latencies, errors, args.seconds, rss,
                    peak.peak_pss_mb, bot.first_reply_s,
                )  # fmt: skip
                results.append(result)
                print(
                    f"{bot.name} @ {level}: {result.msg_per_s:.1f} msg/s, "
                    f"p50 {result.p50_ms:.0f} ms, p95 {result.p95_ms:.0f} ms, "
                    f"RSS {rss:.0f} MB (PSS {peak.peak_pss_mb:.0f}), {errors} errors, "
                    f"{samples.empty_replies} empty replies",
                    flush=True,
                )
    finally:
        for bot in bots:
            for process in [bot.server, *bot.helpers]:
                if process is not None:
                    processes.stop(process)
    report = {
        "machine": machine(),
        "command": " ".join(sys.argv),
        "warmup_s": args.warmup,
        "measure_s": args.seconds,
        "bots": {bot.name: bot.config for bot in bots},
        "results": [r.as_dict() for r in results],
    }
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (out / name).write_text(json.dumps(report, indent=2))
    return results


def main(argv: Optional[Sequence[str]] = None) -> None:
    """Parse the command line, run the bench, print the table and write the plot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument("--stock-dir", required=True)
    parser.add_argument("--levels", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds")
    parser.add_argument("--seconds", type=float, default=30.0, help="measured")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--tracker", choices=["sqlite", "redis", "memory"], default="redis"
    )
    parser.add_argument(
        "--variants",
        nargs="*",
        default=[],
        metavar="WORKERS:TRACKER",
        help="other configurations of ours to measure in the same run",
    )
    parser.add_argument("--out", default="results/bench")
    parser.add_argument("--plot", default=None, help="PNG path (default: in --out)")
    args = parser.parse_args(argv)
    results = bench(args)
    print()
    print(table(results))
    from scripts.bench.plot import plot_latency

    plot = Path(args.plot or Path(args.out) / "latency.png")
    plot_latency(results, plot)
    print(f"\nplot: {plot}")


if __name__ == "__main__":
    main()
