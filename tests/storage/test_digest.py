"""SHA-256 without OpenSSL for small data (app.storage.digest): the same digests as hashlib's,
whichever implementation answers, and the large-data path through hashlib."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.storage import digest
from tests.conftest import REPO


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4096))
def test_small_data_hashes_as_hashlib_does(data):
    assert digest.sha256(data).digest() == hashlib.sha256(data).digest()
    assert digest.sha256(memoryview(data)).hexdigest() == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("size", [0, 1, digest.LARGE - 1, digest.LARGE, digest.LARGE + 1, 3 * digest.LARGE])
def test_both_sides_of_the_threshold_hash_as_hashlib_does(size):
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    hashed = digest.sha256(data)
    hashed.update(b"\n")  # as the envelope names a data file's bytes
    assert hashed.digest() == hashlib.sha256(data + b"\n").digest()


def test_small_data_does_not_load_openssl():
    """The point of the module: a process that hashes only small data never loads libcrypto
    (3.6 MB of resident memory at start-up), where the interpreter has its own SHA-256."""
    code = ("import sys; from app.storage import digest; digest.sha256(b'x' * 1000).digest(); "
            "print(digest._builtin_sha256 is not None, '_hashlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    has_builtin, loaded = out.stdout.split()
    assert loaded == ("False" if has_builtin == "True" else "True")
    if has_builtin == "True":
        code = code.replace("1000", str(2 * digest.LARGE))
        out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
        assert out.stdout.split() == ["True", "True"]  # large data: OpenSSL, for its speed
