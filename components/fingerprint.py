"""Make `rasa train` retrain a custom component when its code changes.

Rasa's training cache keys a component on its class name, its config and its
inputs, not on its code: after an edit to, say, the locale scorer, `rasa train`
restores the old component from the cache and the new code never sees training.
Each custom component returns the hash of its own source files from Rasa's
`fingerprint_addon` hook, so that an edit is a cache miss. Retraining one
retrains every component after it in the pipeline too (a tokenizer edit
retrains DIET), so each lists only the code that shapes what it learns.
"""

import hashlib
from importlib import metadata
from pathlib import Path
from typing import Iterable

COMPONENTS = Path(__file__).resolve().parent


def source_fingerprint(
    sources: Iterable[str], packages: Iterable[str] = (), root: Path = COMPONENTS
) -> str:
    """Return a hash of the Python files under `sources` and of package versions.

    Args:
        sources: Files or folders, relative to `root` (the components folder).
        packages: Installed distributions whose data the component reads.
        root: The folder `sources` are relative to.

    Returns:
        A hex digest that changes when any of those files or versions does.

    """
    digest = hashlib.sha256()
    files = set()
    for source in sources:
        path = root / source
        files.update(path.rglob("*.py") if path.is_dir() else [path])
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    for package in sorted(packages):
        digest.update(f"{package}=={metadata.version(package)}".encode())
    return digest.hexdigest()
