"""Sets of documents as bitsets (Python ints): union, intersection and counting run in C."""
from __future__ import annotations

from collections.abc import Iterable


def bitset(ids: Iterable[int], n: int) -> int:
    buf = bytearray(n // 8 + 1)
    for i in ids:
        buf[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buf, "little")


def count(bits: int) -> int:
    return bits.bit_count()


_BYTE_BITS = [tuple(i for i in range(8) if byte >> i & 1) for byte in range(256)]


def doc_numbers(bits: int) -> set[int]:
    """Document numbers of a bitset."""
    out = set()
    for index, byte in enumerate(bits.to_bytes((bits.bit_length() + 7) // 8, "little")):
        if byte:
            base = index * 8
            out.update([base + i for i in _BYTE_BITS[byte]])
    return out
