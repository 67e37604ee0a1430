"""Reading and checking a dataset update file: companies.json, elements.json and reserves.json
in one zip (at its root or in one folder inside it) or in a folder.

It is read with limits (the zip's size, its number of entries and unpacked size, each file's
size; no "../", absolute or drive names, no links, no encrypted entries; only regular files of
a folder, never followed links) and then checked by the bundled loader itself
(``load_bundled``), so its rules are the ones the app's own data passes. Its SHA-256 (of the
zip file, or of the three files in that order, as ``cat companies.json elements.json
reserves.json | sha256sum`` prints it) is shown so that it can be compared with the sender's.
Storing and applying one: app/storage/dataset_update.py.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from app.domain.dataset_diff import version_key
from app.domain.kinds import KIND_KEYS
from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.domain.model import DatasetInfo
from app.storage.bundled import FILES, Bundled, DataError, load_bundled
from app.storage.safe_open import NotRegularFile, describe_file, read_regular
from app.storage.strict_json import MAX_DOCUMENT_BYTES

MAX_FILE_BYTES = MAX_DOCUMENT_BYTES  # what the loader accepts for one file
MAX_ZIP_BYTES = 32 * 1024 * 1024
MAX_ZIP_ENTRIES = 100
MAX_UNCOMPRESSED_BYTES = 3 * MAX_FILE_BYTES + 1024 * 1024  # the three files and a little beside
NAMES = tuple(FILES[kind] for kind in KIND_KEYS)  # the fixed order of the hash of a folder


class UpdateError(Exception):
    """An update that was not imported, and why; nothing was changed."""


@dataclass(frozen=True)
class UpdateFile:
    """An update file read and checked: its bytes, its SHA-256 and the dataset it holds."""

    path: Path
    container: str  # "zip" or "folder"
    files: dict[str, bytes]  # file name -> bytes
    sha256: str  # of the zip, or of the three files in a fixed order (see the module docstring)
    bundled: Bundled

    @property
    def info(self) -> DatasetInfo:
        return self.bundled.dataset.info

    @property
    def sha256_of(self) -> str:
        return ("of the zip file" if self.container == "zip"
                else "of companies.json, elements.json and reserves.json (in that order)")


def files_sha256(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in NAMES:
        digest.update(files[name])
    return digest.hexdigest()


# ---------------------------------------------------------------------------- reading

def read_update(path: Path | str) -> UpdateFile:
    """Read and check an update (a zip or a folder). Raises UpdateError saying why not."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{path} does not exist."), path=path)) from None
    except OSError as exc:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{path} cannot be read ({reason})."), path=path,
                              reason=exc.strerror or exc)) from None
    if stat.S_ISDIR(mode):
        files = _read_folder(path)
        sha = files_sha256(files)
        container = "folder"
    elif stat.S_ISREG(mode):
        data = read_capped(path, MAX_ZIP_BYTES, Msg(QT_TRANSLATE_NOOP("", "the update file")))
        files = _read_zip(path, data)
        sha = hashlib.sha256(data).hexdigest()
        container = "zip"
    else:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{path} is {what}, not a zip file or a folder."), path=path,
                              what=describe_file(path)))
    return UpdateFile(path, container, files, sha, check_files(files))


def read_capped(path: Path, cap: int, what: str) -> bytes:
    try:
        data = read_regular(path, cap + 1)
    except NotRegularFile as exc:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} is {what}: only regular files are read."),
                              name=path.name, what=exc.what)) from None
    except OSError as exc:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} cannot be read ({reason})."), name=path.name,
                              reason=exc.strerror or str(exc))) from None
    if data is None:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} is missing."), name=path.name))
    if len(data) > cap:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{what} {name} is larger than {cap:,} bytes: not a Curbwatch "
                                                    "dataset."), what=what, name=path.name, cap=cap))
    return data


def _read_folder(folder: Path) -> dict[str, bytes]:
    files = {}
    for name in NAMES:
        path = folder / name
        what = describe_file(path)
        if what == "missing":
            raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} is missing from the folder {folder} (a dataset has "
                                                        "companies.json, elements.json and reserves.json)."),
                                  name=name, folder=folder))
        if what != "a regular file":
            raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} in {folder} is {what}: only regular files are read, "
                                                        "never links."), name=name, folder=folder, what=what))
        files[name] = read_capped(path, MAX_FILE_BYTES, Msg(QT_TRANSLATE_NOOP("", "the file")))
    return files


def _bad_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return True
    parts = PurePosixPath(name).parts
    return ".." in parts or (bool(parts) and ":" in parts[0])


def _read_zip(path: Path, data: bytes) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} is not a zip file or a folder (choose the zip, or the "
                                                    "folder that holds the three files).")
                              if path.suffix.lower() == ".json" else
                              QT_TRANSLATE_NOOP("", "{name} is not a zip file or a folder."), name=path.name)) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_ENTRIES:
            raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} holds {n:,} entries; a dataset update holds three "
                                                        "files (at most {cap} entries are read)."),
                                  name=path.name, n=len(entries), cap=MAX_ZIP_ENTRIES))
        if sum(e.file_size for e in entries) > MAX_UNCOMPRESSED_BYTES:
            raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} would unpack to more than {cap:,} bytes: refused."),
                                  name=path.name, cap=MAX_UNCOMPRESSED_BYTES))
        found: dict[str, zipfile.ZipInfo] = {}
        for entry in entries:
            if _bad_name(entry.filename):
                raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} holds an entry named {entry}, outside the zip's "
                                                            "own folder: refused."),
                                      name=path.name, entry=repr(entry.filename)))
            if stat.S_ISLNK(entry.external_attr >> 16):
                raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} holds a link ({entry}): refused."),
                                      name=path.name, entry=entry.filename))
            name = PurePosixPath(entry.filename).name
            if name in NAMES and not entry.is_dir() and len(PurePosixPath(entry.filename).parts) <= 2:
                if name in found:
                    raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{zip} holds {name} twice ({first}, {second})."),
                                          zip=path.name, name=name, first=found[name].filename, second=entry.filename))
                found[name] = entry
        for name in NAMES:
            if name not in found:
                raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} is missing from {zip} (a dataset update holds "
                                                            "companies.json, elements.json and reserves.json)."),
                                      name=name, zip=path.name))
        if len({str(PurePosixPath(e.filename).parent) for e in found.values()}) != 1:
            raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "the three files of {zip} are in different folders."),
                                  zip=path.name))
        files = {}
        for name, entry in found.items():
            if entry.flag_bits & 0x1:
                raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} in {zip} is encrypted: send it without a "
                                                            "password."), name=name, zip=path.name))
            if entry.file_size > MAX_FILE_BYTES:
                raise UpdateError(_too_large(name, path))
            try:
                with archive.open(entry) as handle:
                    files[name] = handle.read(MAX_FILE_BYTES + 1)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError, OSError, ValueError) as exc:
                raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "{name} in {zip} cannot be unpacked ({reason}): the zip "
                                                            "is damaged."), name=name, zip=path.name,
                                      reason=str(exc))) from None
            if len(files[name]) > MAX_FILE_BYTES:
                raise UpdateError(_too_large(name, path))
    return files


def _too_large(name: str, path: Path) -> Msg:
    return Msg(QT_TRANSLATE_NOOP("", "{name} in {zip} is larger than {cap:,} bytes: refused."), name=name,
               zip=path.name, cap=MAX_FILE_BYTES)


def check_files(files: dict[str, bytes]) -> Bundled:
    """The dataset the three files hold, checked by the bundled loader (the app's own rules:
    format, schema, every record, unique ids, known sources). Raises UpdateError."""
    with tempfile.TemporaryDirectory(prefix="curbwatch-update-") as scratch:
        for name, data in files.items():
            Path(scratch, name).write_bytes(data)
        try:
            bundled = load_bundled(Path(scratch))
        except DataError as exc:
            raise UpdateError(str(exc).replace("bundled files", "the three files")) from None
    try:
        version_key(bundled.dataset.info.dataset_version)
    except ValueError as exc:
        raise UpdateError(str(exc)) from None
    return bundled


def refuse_unless_newer(update: UpdateFile, in_use: DatasetInfo) -> None:
    new, current = update.info.dataset_version, in_use.dataset_version
    try:
        newer = version_key(new) > version_key(current)
        same = version_key(new) == version_key(current)
    except ValueError as exc:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "the versions cannot be compared: {reason}"), reason=exc)) from None
    if same:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "This is dataset {new}, the one in use: you already have it. "
                                                    "Nothing to import."), new=new))
    if not newer:
        raise UpdateError(Msg(QT_TRANSLATE_NOOP("", "This is dataset {new}, older than the one in use ({current}): you "
                                                    "already have it or newer. Nothing to import."),
                              new=new, current=current))
