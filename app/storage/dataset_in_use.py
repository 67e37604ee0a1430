"""Which dataset the app uses: its own, or a newer one the user imported. Every way in (the
window, --export, --chart, --screen, --import-dataset) asks here.

The import code (app/storage/dataset_update.py, about 20 ms of imports) is loaded only when the
data folder holds imported datasets: most starts have none, and start-up pays for nothing it
does not use."""

from __future__ import annotations

import os
from pathlib import Path

from app.storage.bundled import Bundled, load_bundled
from app.storage.paths import bundled_data_dir, datasets_dir


def choose_dataset(bundled: Bundled, data_dir: Path) -> tuple[Bundled, list[str]]:
    """The newest imported dataset if it is newer than ``bundled``, else ``bundled``; with
    what made an imported one unusable (see dataset_update.choose_dataset)."""
    try:
        os.lstat(datasets_dir(data_dir))
    except FileNotFoundError:  # nothing imported: the same answer, without loading the code
        return bundled, []
    except OSError:  # unreadable, a loop, a file on the way: the update code says what is wrong
        pass
    from app.storage import dataset_update

    return dataset_update.choose_dataset(bundled, Path(data_dir))


def load_in_use(data_dir: Path) -> tuple[Bundled, list[str]]:
    """The app's dataset, or a newer imported one. Raises DataError or FileNotFoundError when
    the app's own dataset cannot be loaded."""
    return choose_dataset(load_bundled(bundled_data_dir()), data_dir)
