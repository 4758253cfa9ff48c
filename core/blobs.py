"""A content-addressed file store for originals (scans, recordings): <root>/ab/cd/<sha256>.

Standard library only, so channels can keep originals without knowing where the gateway puts them.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


class FileBlobStore:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _path(self, blob_id: str) -> Path:
        if len(blob_id) != 64 or not all(c in "0123456789abcdef" for c in blob_id):
            raise ValueError("not a blob id")
        return self.root / blob_id[:2] / blob_id[2:4] / blob_id

    def put(self, data: bytes, media_type: str = "application/octet-stream") -> str:
        blob_id = hashlib.sha256(data).hexdigest()
        target = self._path(blob_id)
        if target.exists():
            return blob_id
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename: a crash never leaves a half file under the content address.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        return blob_id

    def get(self, blob_id: str) -> bytes:
        return self._path(blob_id).read_bytes()

    def path(self, blob_id: str) -> str:
        return str(self._path(blob_id))
