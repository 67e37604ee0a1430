"""SHA-256 of the bytes Curbwatch reads and writes, without loading OpenSSL for small ones.

``hashlib`` loads OpenSSL's libcrypto on import: 3.6 MB of resident memory at start-up
(measured: an empty Qt window with ``hashlib.sha256`` called is 51.9 -> 55.6 MB), a tenth of
what the whole window adds. CPython's own SHA-256 (``_sha256`` up to 3.11, ``_sha2`` from
3.12) gives the same digest from the interpreter itself but is about 5x slower (3.3 ms a
megabyte here, against 0.6 ms). So data under :data:`LARGE` bytes, which is every file of a
user who has made a few thousand edits, is hashed by the interpreter, and larger data by
OpenSSL, imported then. An interpreter built without its own hashes (some distributions
leave them out in favour of OpenSSL) always uses ``hashlib``. Either way the digest is the
same: the choice is only about memory and speed.
"""

from __future__ import annotations

try:  # CPython 3.11
    from _sha256 import sha256 as _builtin_sha256
except ImportError:  # pragma: no cover - depends on the interpreter
    try:  # CPython 3.12 and later
        from _sha2 import sha256 as _builtin_sha256
    except ImportError:
        _builtin_sha256 = None

__all__ = ["LARGE", "sha256"]

# Above this many bytes OpenSSL's speed is worth its memory (a megabyte: 3 ms by the interpreter).
LARGE = 1 << 20


def sha256(data: bytes | bytearray | memoryview = b""):
    """A SHA-256 hash object over ``data`` (``update``, ``digest`` and ``hexdigest`` as in
    ``hashlib``). Data to be added later with ``update`` counts towards nothing: a caller that
    streams large inputs should pass the first part or use ``hashlib`` itself."""
    if _builtin_sha256 is not None and len(data) < LARGE:
        return _builtin_sha256(data)
    import hashlib

    return hashlib.sha256(data)
