"""Dataset updates: keeping an imported dataset in the data folder, choosing the dataset in use
at start, and applying an update to the user's data all or nothing. Reading and checking an
update file: app/storage/dataset_files.py (its names are re-exported here).

An imported dataset is kept as ``<data folder>/datasets/<version>/`` (the three files and
``origin.json``: where it came from, its SHA-256, when), written into a temporary folder beside
it and renamed into place, so it is there whole or not at all. At start the newest of the app's
dataset and the imported ones is used (by ``dataset_version``, see
``app.domain.dataset_diff.version_key``; the app's on a tie), and the user's layer is merged over
it as after an upgrade (``UserData.open``). A copy of the app's own dataset is kept beside the
imported ones (origin "bundled", never chosen) so that Help > What changed can still compare with
it after an app upgrade.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.domain.dataset_diff import version_key
from app.domain.states import Rejected
from app.storage.atomic import SaveError, atomic_write_bytes, classify_oserror, fsync_dir
from app.storage.bundled import Bundled, DataError
from app.storage.clock import iso_utc, utc_now
from app.storage.dataset_files import (  # noqa: F401 - re-exported: one module for callers
    MAX_FILE_BYTES,
    MAX_UNCOMPRESSED_BYTES,
    MAX_ZIP_BYTES,
    MAX_ZIP_ENTRIES,
    NAMES,
    UpdateError,
    UpdateFile,
    check_files,
    files_sha256,
    read_capped,
    read_update,
    refuse_unless_newer,
)
from app.storage.paths import datasets_dir
from app.storage.safe_open import describe_file, read_regular
from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.storage.strict_json import LoadError, json_dumps_bytes, strict_json_loads

log = logging.getLogger(__name__)

ORIGIN_FILE = "origin.json"


# ---------------------------------------------------------------------------- storing

@dataclass(frozen=True)
class StoredDataset:
    version: str
    path: Path
    origin: str  # "imported", or "bundled" (a copy of the app's dataset kept for What changed)
    sha256: str = ""
    sha256_of: str = ""
    files_sha256: str = ""
    source: str = ""  # the name of the file it came from
    stored_at: str = ""  # UTC, "2026-11-29T22:30:00Z"


def stored_datasets(data_dir: Path, notes: list[str] | None = None) -> list[StoredDataset]:
    """The datasets kept in the data folder, newest version first. What cannot be used is
    left out (and said in ``notes``)."""
    root = datasets_dir(data_dir)
    what = describe_file(root)
    if what == "missing":
        return []
    if what != "a folder":
        _note(notes, Msg(QT_TRANSLATE_NOOP("", "{path} is {what}, not a folder: imported datasets there are not "
                                                "used."), path=root, what=what))
        return []
    out = []
    try:
        entries = list(os.scandir(root))
    except OSError as exc:
        _note(notes, Msg(QT_TRANSLATE_NOOP("", "{path} cannot be read ({reason}): imported datasets there are not "
                                                "used."), path=root, reason=exc.strerror or str(exc)))
        return []
    for entry in entries:
        try:
            key = version_key(entry.name)
        except ValueError:
            continue  # temporary folders of an import under way, or someone else's files
        if not entry.is_dir(follow_symlinks=False):
            _note(notes, Msg(QT_TRANSLATE_NOOP("", "{path} is {what}, not a folder: not used."), path=entry.path,
                             what=describe_file(entry.path)))
            continue
        try:
            raw = read_regular(Path(entry.path) / ORIGIN_FILE, 64 * 1024)
            doc = strict_json_loads(raw or b"")
            if not isinstance(doc, dict) or doc.get("dataset_version") != entry.name:
                raise LoadError(Msg(QT_TRANSLATE_NOOP("", "not this dataset's origin.json")))
        except (OSError, LoadError) as exc:
            _note(notes, Msg(QT_TRANSLATE_NOOP("", "The dataset kept in {path} has no usable {file} ({reason}): not "
                                                    "used."), path=entry.path, file=ORIGIN_FILE,
                             reason=exc if isinstance(exc, LoadError) else str(exc)))
            continue
        fields = {k: str(doc.get(k, "")) for k in ("origin", "sha256", "sha256_of", "files_sha256", "source",
                                                   "stored_at")}
        out.append((key, StoredDataset(entry.name, Path(entry.path), **fields)))
    return [s for _key, s in sorted(out, key=lambda pair: pair[0], reverse=True)]


def _reason(exc: BaseException) -> str:
    # An UpdateError's Msg keeps its template (the window translates it); other errors are their text.
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Msg) else str(exc)


def _note(notes: list[str] | None, text: str) -> None:
    if notes is not None:
        notes.append(text)
    log.warning("%s", text)


def load_stored(stored: StoredDataset) -> Bundled:
    """A kept dataset, checked again (its files unchanged since it was stored, and valid).
    Raises UpdateError."""
    files = {name: read_capped(stored.path / name, MAX_FILE_BYTES, Msg(QT_TRANSLATE_NOOP("", "the file")))
             for name in NAMES}
    if files_sha256(files) != stored.files_sha256:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "its files were changed after it was stored")))
    bundled = check_files(files)
    if bundled.dataset.info.dataset_version != stored.version:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "it holds dataset {found}, not {expected}"),
                              found=bundled.dataset.info.dataset_version, expected=stored.version))
    return bundled


def store_dataset(data_dir: Path, files: dict[str, bytes], *, origin: str, source: str = "", sha256: str = "",
                  sha256_of: str = "", version: str, clock=utc_now) -> Path:
    """Keep a checked dataset as ``datasets/<version>/``: written into a temporary folder
    beside it (each file atomically, then synced) and renamed into place, so the folder is
    whole or absent. A folder of that version that is there already is replaced. Raises
    SaveError."""
    version_key(version)  # also what makes it a safe folder name: digits and dots only
    root = datasets_dir(data_dir)
    target = root / version
    try:
        root.mkdir(parents=True, exist_ok=True)
        if describe_file(root) != "a folder":
            raise SaveError("io", f"{root} is {describe_file(root)}, not a folder: the dataset was not stored.",
                            path=root)
        incoming = Path(tempfile.mkdtemp(prefix=".incoming-", dir=root))
    except OSError as exc:
        raise classify_oserror(exc, root) from exc
    try:
        for name in NAMES:
            atomic_write_bytes(incoming / name, files[name])
        origin_doc = {"format": "curbwatch-dataset-origin", "dataset_version": version, "origin": origin,
                      "source": source, "sha256": sha256, "sha256_of": sha256_of,
                      "files_sha256": files_sha256(files), "stored_at": iso_utc(clock())}
        atomic_write_bytes(incoming / ORIGIN_FILE, json_dumps_bytes(origin_doc))
        if os.path.lexists(target):
            discard_stored(target)
        os.rename(incoming, target)
        fsync_dir(root)
    except OSError as exc:
        shutil.rmtree(incoming, ignore_errors=True)
        raise classify_oserror(exc, target) from exc
    except SaveError:
        shutil.rmtree(incoming, ignore_errors=True)
        raise
    return target


def discard_stored(path: Path) -> None:
    """Remove a kept dataset: renamed out of the versions' way first, so a crash halfway
    leaves no half folder under a version's name."""
    aside = Path(tempfile.mkdtemp(prefix=".discarded-", dir=path.parent))
    os.rename(path, aside / "old")
    shutil.rmtree(aside, ignore_errors=True)


# ------------------------------------------------------------------------- choosing

def choose_dataset(bundled: Bundled, data_dir: Path) -> tuple[Bundled, list[str]]:
    """The dataset to use: the newest imported one if it is newer than the app's, else the
    app's. An imported one that can no longer be used is passed over, saying why."""
    notes: list[str] = []
    try:
        own = version_key(bundled.dataset.info.dataset_version)
    except ValueError:
        return bundled, notes
    for stored in stored_datasets(data_dir, notes):
        if stored.origin != "imported" or version_key(stored.version) <= own:
            continue
        try:
            return load_stored(stored), notes
        except (UpdateError, DataError) as exc:
            notes.append(Msg(QT_TRANSLATE_NOOP("", "The imported dataset {version} in {path} cannot be used "
                                                    "({reason}); using dataset {other} instead."),
                             version=stored.version, path=stored.path, reason=_reason(exc),
                             other=bundled.dataset.info.dataset_version))
    return bundled, notes


# ------------------------------------------------------------------------- applying

def apply_update(userdata, update: UpdateFile, *, clock=None) -> list[Rejected]:
    """Store ``update`` and put it under the user's layer with the upgrade merge, then save:
    all or nothing (a failed save puts the workspace and the data folder back as they were).
    The data file is backed up first ("pre-import"). Returns the user's entries that no
    longer fit (kept in that backup). Raises UpdateError."""
    if userdata.read_only:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "Not imported: your data is open read-only. {reason}"),
                              reason=userdata.read_only_reason) if userdata.read_only_reason else
                          Msg(QT_TRANSLATE_NOOP("", "Not imported: your data is open read-only.")))
    refuse_unless_newer(update, userdata.bundled.dataset.info)
    clock = clock or userdata.store.clock  # the data folder's clock: the same as its backups and journal
    keep_in_use_copy(userdata.data_dir, userdata.bundled, clock=clock)
    try:
        target = store_dataset(userdata.data_dir, update.files, origin="imported", source=update.path.name,
                               sha256=update.sha256, sha256_of=update.sha256_of,
                               version=update.info.dataset_version, clock=clock)
    except SaveError as exc:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "Not imported: the dataset could not be stored ({reason}). "
                                                    "Nothing was changed."), reason=exc)) from None
    workspace, old_bundled, old_layer = userdata.workspace, userdata.bundled, userdata.workspace.layer_view()
    new = update.bundled
    rejected = workspace.rebase_onto(new.dataset.info, new.raw, new.dataset.editions, new.records)
    userdata.bundled = new
    try:
        userdata.save(backup_reason="pre-import")
    except SaveError as exc:
        workspace.rebase_onto(old_bundled.dataset.info, old_bundled.raw, old_bundled.dataset.editions,
                              old_bundled.records, layer=old_layer)
        userdata.bundled = old_bundled
        try:
            discard_stored(target)
        except OSError:
            log.warning("could not remove %s after a failed import", target)
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "Not imported: your data could not be saved ({reason}). Nothing "
                                                    "was changed."), reason=exc)) from None
    return rejected


def keep_in_use_copy(data_dir: Path, bundled: Bundled, *, clock=utc_now) -> None:
    """Keep a copy of the app's own dataset (when it is the one in use and not kept yet), so
    that Help > What changed can still compare with it after an app upgrade. Best effort:
    without it, only that comparison is missing."""
    from app.storage.paths import bundled_data_dir

    version = bundled.dataset.info.dataset_version
    if os.path.lexists(datasets_dir(data_dir) / version):
        return
    try:
        files = {name: read_capped(bundled_data_dir() / name, MAX_FILE_BYTES, Msg(QT_TRANSLATE_NOOP("", "the file")))
                 for name in NAMES}
        if check_files(files).dataset.info.dataset_version == version:
            store_dataset(data_dir, files, origin="bundled", source="bundled with Curbwatch", version=version,
                          clock=clock)
    except (UpdateError, SaveError, OSError, ValueError) as exc:
        log.warning("the dataset in use (%s) was not kept for comparison: %s", version, exc)
