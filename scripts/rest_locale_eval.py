"""Reply locale over the real REST channel: every held-out message, a fresh conversation each.

`make eval` reads the locale from the NLU parse; this runs the whole bot (Rasa
server, action server, SQLite tracker store) and judges the replies the user
would read. A message counts as right when it gets at least one reply and every
reply is a response variation of the message's locale (`scripts/replies.py`).
`switch_language` examples are left out: they are answered in the language
asked for.

Prints one line per locale and the texts of the misses with --show.
"""

import argparse
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.nlu_report import LOCALE_EXEMPT_INTENTS  # noqa: E402
from scripts.replies import identify, send  # noqa: E402
from scripts.servers import running_bot  # noqa: E402
from tests.nlu_data import examples  # noqa: E402

CONCURRENCY = 4  # enough to keep both cores busy; conversations are independent


def reply_locales(base_url: str, text: str) -> List[Optional[str]]:
    """The locale of each reply to `text` as the first message of a conversation."""
    _, replies = send(base_url, text)
    return [(identify(r) or (None, None))[1] for r in replies]


def judge(base_url: str, locale: str, text: str) -> Tuple[bool, List[Optional[str]]]:
    found = reply_locales(base_url, text)
    return bool(found) and all(f == locale for f in found), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--holdout", type=Path, required=True)
    parser.add_argument("--show", action="store_true", help="print every miss")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        with running_bot(args.model.resolve(), Path(folder)) as bot:
            started = time.perf_counter()
            count = 0
            for path in sorted(args.holdout.glob("*.yml")):
                locale = path.stem
                texts = [
                    t for i, t, _ in examples(path) if i not in LOCALE_EXEMPT_INTENTS
                ]
                with ThreadPoolExecutor(CONCURRENCY) as pool:
                    results = list(
                        pool.map(
                            judge, [bot.url] * len(texts), [locale] * len(texts), texts
                        )
                    )
                right = sum(ok for ok, _ in results)
                count += len(texts)
                print(f"{locale}: {right / len(texts):.3f} ({right} of {len(texts)})")
                if args.show:
                    for text, (ok, found) in zip(texts, results, strict=True):
                        if not ok:
                            print(f"  {text!r} -> {found}")
            seconds = time.perf_counter() - started
            print(f"{count} conversations in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
