import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL = Path(os.environ.get("MODEL", ROOT / "models" / "writeback.tar.gz"))


@pytest.fixture(scope="session")
def model_path() -> Path:
    """The trained model; tests that need it are skipped without one."""
    if not MODEL.is_file():
        pytest.skip(f"no trained model at {MODEL} (run make train)")
    return MODEL
