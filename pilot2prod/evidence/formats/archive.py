"""Read members of a zip (an Inspect `.eval` log) with every size bounded.

A zip states each member's size, but a hostile one lies: a few kilobytes can claim little and
expand to gigabytes. Members are therefore read through a decompressor that stops at a limit,
whatever the header says, and the total unpacked is counted too.

Inspect compresses members with zstd (zip method 93). Python's `zipfile` reads that from 3.14
(and in Pyodide, whose Python is 3.14); on older Pythons the optional `zstandard` package is
used when installed (`pip install 'pilot2prod[zstd]'`), and otherwise the message says what to
install or how to convert the log.
"""

from __future__ import annotations

import contextlib
import io
import struct
import zipfile
import zlib

from pilot2prod.evidence.errors import BOM, EvidenceError, shown

# Python 3.14+ and Pyodide: zipfile reads zstd members through this module. Imported here,
# not only inside zipfile when a member needs it, so the site's trimmed standard library
# (macros/site_stdlib.py) knows to ship it.
with contextlib.suppress(ImportError):
    import compression.zstd  # type: ignore[import-not-found]  # noqa: F401

MAX_MEMBERS = 200_000
"""Members an archive may list; a log holds one per sample and epoch, and a few more."""

MAX_MEMBER_BYTES = 64 * 1024 * 1024
"""The most one member may expand to; a sample is kilobytes, a header rarely a megabyte."""

MAX_UNPACKED_BYTES = 512 * 1024 * 1024
"""The most all members read may expand to together."""

ZSTD = 93
"""The zip compression method number of zstd (APPNOTE 6.3.7)."""

_CHUNK = 1024 * 1024

NEEDS_ZSTD = (
    "is compressed with zstd (zip method 93), which this Python ({version}) cannot read. "
    "Install the optional extra: pip install 'pilot2prod[zstd]' (it adds the zstandard "
    "package), or run pilot2prod with Python 3.14 or later, or convert the log to JSON with "
    "Inspect: inspect log convert {file} --to json --output-dir converted"
)


def native_zstd() -> bool:
    """True when `zipfile` itself reads zstd members (Python 3.14+, Pyodide)."""
    return getattr(zipfile, "ZIP_ZSTANDARD", None) == ZSTD


class Archive:
    """A zip read from memory, its members opened one at a time within the limits."""

    def __init__(self, data: bytes, source: str) -> None:
        self.source = source
        self.data = data
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise EvidenceError(
                source, "", "is a damaged or incomplete zip file; was the download cut off?"
            ) from None
        if len(infos) > MAX_MEMBERS:
            raise EvidenceError(
                source, "", f"lists more than {MAX_MEMBERS:,} members; it is not an Inspect log"
            )
        self.infos = {info.filename: info for info in infos}
        self.names = set(self.infos)
        self.unpacked = 0

    def read(self, name: str) -> bytes:
        """The bytes of member `name`, refused beyond the member and total limits."""
        info = self.infos[name]
        if info.flag_bits & 0x1:
            raise EvidenceError(self.source, name, "is encrypted; pilot2prod reads open logs only")
        if info.compress_type == ZSTD and not native_zstd():
            content = self._zstd_fallback(info)
        else:
            content = self._read_member(info)
        self.unpacked += len(content)
        if self.unpacked > MAX_UNPACKED_BYTES:
            raise EvidenceError(
                self.source,
                name,
                f"the archive expands to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB; "
                "it is not read further (is it a zip bomb?)",
            )
        return content

    def text(self, name: str) -> str:
        """Member `name` as UTF-8 text."""
        content = self.read(name)
        try:
            return content.removeprefix(BOM).decode("utf-8")
        except UnicodeDecodeError as error:
            raise EvidenceError(
                self.source, name, f"is not UTF-8 text (byte {error.start})"
            ) from None

    def _too_big(self, name: str) -> EvidenceError:
        return EvidenceError(
            self.source,
            name,
            f"expands to more than {MAX_MEMBER_BYTES // (1024 * 1024)} MB; "
            "it is not read (is the file a zip bomb?)",
        )

    def _read_member(self, info: zipfile.ZipInfo) -> bytes:
        try:
            with self.zip.open(info) as handle:
                content = handle.read(MAX_MEMBER_BYTES + 1)
        except NotImplementedError:
            raise EvidenceError(
                self.source,
                info.filename,
                f"uses zip compression method {info.compress_type}, which pilot2prod cannot read",
            ) from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as error:
            raise EvidenceError(
                self.source, info.filename, f"is damaged ({shown(str(error), 60)})"
            ) from None
        except Exception as error:  # a decompressor's own error type (zstd's ZstdError)
            raise EvidenceError(
                self.source, info.filename, f"is damaged ({type(error).__name__})"
            ) from None
        if len(content) > MAX_MEMBER_BYTES:
            raise self._too_big(info.filename)
        return content

    def _zstd_fallback(self, info: zipfile.ZipInfo) -> bytes:
        """A zstd member on a Python without zipfile support, through `zstandard`."""
        try:
            import zstandard  # type: ignore[import-not-found]
        except ImportError:
            import sys

            version = ".".join(str(part) for part in sys.version_info[:2])
            raise EvidenceError(
                self.source,
                info.filename,
                NEEDS_ZSTD.format(version=version, file=self.source),
            ) from None
        compressed = self._raw_member(info)
        reader = zstandard.ZstdDecompressor().stream_reader(
            io.BytesIO(compressed), read_across_frames=True
        )
        parts: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = reader.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_MEMBER_BYTES:
                    raise self._too_big(info.filename)
                parts.append(chunk)
        except zstandard.ZstdError as error:
            raise EvidenceError(
                self.source, info.filename, f"is damaged ({shown(str(error), 60)})"
            ) from None
        content = b"".join(parts)
        if zlib.crc32(content) != info.CRC:
            raise EvidenceError(self.source, info.filename, "is damaged (its checksum differs)")
        return content

    def _raw_member(self, info: zipfile.ZipInfo) -> bytes:
        """The compressed bytes of a member, found through its local header."""
        start = info.header_offset
        header = self.data[start : start + 30]
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise EvidenceError(self.source, info.filename, "is damaged (no local header)")
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        begin = start + 30 + name_length + extra_length
        raw = self.data[begin : begin + info.compress_size]
        if len(raw) < info.compress_size:
            raise EvidenceError(self.source, info.filename, "is cut off")
        return raw
