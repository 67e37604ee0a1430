"""Where things live: the bundled dataset and resources (checkout, installed wheel or frozen
bundle, resolved here and nowhere else) and the user's data directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "curbwatch"
DATA_DIR_ENV = "CURBWATCH_DATA_DIR"


def _bundled(name: str) -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root) / name
    installed = Path(__file__).resolve().parents[1] / "_bundled" / name  # the wheel: app/_bundled
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"Curbwatch's bundled {name}/ folder is missing (looked in {installed} and {checkout})")


def bundled_data_dir() -> Path:
    return _bundled("data")


def resources_dir() -> Path:
    return _bundled("resources")


def user_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` first, then ``$CURBWATCH_DATA_DIR``, then platformdirs' user data dir."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs  # only needed when no override is given

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


DATASETS_DIR = "datasets"  # dataset updates the user imported, in their data folder (app/storage/dataset_update.py)


def datasets_dir(data_dir: str | os.PathLike[str]) -> Path:
    """Where the user's imported datasets are kept."""
    return Path(data_dir) / DATASETS_DIR
