"""Tracking codes: digits only (spoken and keyed on a phone), fixed length, random, Verhoeff check digit.

Verhoeff catches every single-digit error and every swap of adjacent digits, the two mistakes people
make when they read a code aloud or type it on a keypad. (Verhoeff 1969; tables as in the usual
dihedral-group D5 formulation.)
"""

from __future__ import annotations

import os
import threading

LENGTH = 12  # 11 random digits + 1 check digit: 9·10^10 codes, so guessing one is hopeless.

_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)
_INV = (0, 4, 3, 2, 1, 5, 6, 7, 8, 9)


def verhoeff_check_digit(digits: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _D[c][_P[(i + 1) % 8][int(ch)]]
    return str(_INV[c])


def verhoeff_valid(digits: str) -> bool:
    if not digits or not digits.isascii() or not digits.isdigit():
        return False
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _D[c][_P[i % 8][int(ch)]]
    return c == 0


class _UrandomPool:
    """Random integers from the OS's CSPRNG, read 4 KiB at a time: one getrandom() call per ~800 codes
    instead of one per code (that syscall was a visible share of intake's CPU). Emptied in a forked child,
    which must never reuse its parent's bytes."""

    def __init__(self, size: int = 4096):
        self.size = size
        self._bytes, self._offset = b"", 0
        self._lock = threading.Lock()
        os.register_at_fork(after_in_child=self._forget)

    def _forget(self) -> None:
        self._bytes, self._offset, self._lock = b"", 0, threading.Lock()

    def below(self, n: int) -> int:
        """Uniform in [0, n): rejection sampling on just enough random bits."""
        bits = n.bit_length()
        width = (bits + 7) // 8
        while True:
            with self._lock:
                if self._offset + width > len(self._bytes):
                    self._bytes, self._offset = os.urandom(self.size), 0
                chunk = self._bytes[self._offset : self._offset + width]
                self._offset += width
            value = int.from_bytes(chunk, "big") >> (width * 8 - bits)
            if value < n:
                return value


_random = _UrandomPool()


def new_tracking_code() -> str:
    """A fresh random code: first digit 1-9 (no leading zero to lose), then random digits, then the check."""
    low = 10 ** (LENGTH - 2)
    body = str(low + _random.below(9 * low))
    return body + verhoeff_check_digit(body)


def is_tracking_code(candidate: str | None) -> bool:
    """Shape and check digit hold (it may still not exist)."""
    return bool(candidate) and len(candidate) == LENGTH and verhoeff_valid(candidate)
