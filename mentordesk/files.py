"""Files written whole or not at all: exports (PDF reports, calendar files, the archive,
contacts) go through ``write_atomically``."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file in ``path``'s folder, flush it to disk, then
    replace ``path`` with it. On any failure the temporary file is removed and ``path`` is
    as it was (absent, or the old file). The file is the user's alone (0600), as the data
    folder is: an export holds the same private notes."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
