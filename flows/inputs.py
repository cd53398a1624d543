"""Find the input files a run names, cut them into pieces of bounded size, and read their bytes.

Every path named, and every entry of a named folder whose name has an input extension, ends up
either as a file to stage or as a `Reject` saying why it cannot be: a missing path, a name that is
not UTF-8, a dangling or looping symbolic link, a FIFO or device, a folder that cannot be listed,
a folder whose name looks like an input. Nothing is skipped in silence, and nothing is opened in a
way that could block (a FIFO is never read).
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from transforms.staging import INPUT_EXTENSIONS, JSONL_EXTENSIONS, Reject

_KINDS = {stat.S_ISFIFO: "a FIFO (named pipe)", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a character device",
          stat.S_ISBLK: "a block device"}


def printable_path(path: Path | str) -> str:
    """The path as text that can be stored and printed: bytes that are not UTF-8 shown as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _uri(path: Path) -> str:
    return os.path.abspath(path)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS.items() if test(mode)), "not a regular file")


def _reject(path: Path, error: str) -> Reject:
    return Reject(printable_path(_uri(path)), "discover", error)


def _is_input_name(path: Path) -> bool:
    return path.suffix.lower() in INPUT_EXTENSIONS


def _check_entry(path: Path, named: bool) -> Reject | None:
    """None for a file to read; otherwise why it cannot be one."""
    try:
        os.fsencode(path).decode("utf-8")
    except UnicodeDecodeError:
        return _reject(path, "the file name is not valid UTF-8 (its bytes are shown as \\xNN): rename the file")
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if path.is_symlink():
            if exc.errno == errno.ELOOP:
                return _reject(path, "a symbolic link loop: it never reaches a file")
            return _reject(path, f"a dangling symbolic link: its target {os.readlink(path)!r} does not exist")
        return _reject(path, f"cannot read: {exc.strerror or exc}")
    if stat.S_ISDIR(mode):
        return None if named else _reject(path, "a folder whose name ends like an input file's: not read")
    if not stat.S_ISREG(mode):
        return _reject(path, f"{_kind(mode)}, not a regular file: not read")
    return None


def _walk(folder: Path, files: list[Path], rejects: list[Reject]) -> None:
    """Every input-named entry under folder, in name order; symbolic links to folders not followed."""
    def unlistable(exc: OSError) -> None:
        rejects.append(_reject(Path(exc.filename), f"cannot list the folder: {exc.strerror or exc}"))

    for root, dirs, names in os.walk(folder, onerror=unlistable):
        dirs.sort()
        for name in sorted(names + [d for d in dirs if _is_input_name(Path(d))]):
            path = Path(root, name)
            if not _is_input_name(path):
                continue
            problem = _check_entry(path, named=False)
            if problem:
                rejects.append(problem)
            else:
                files.append(path)
        for name in dirs:
            if Path(root, name).is_symlink():
                rejects.append(_reject(Path(root, name), "a symbolic link to a folder: not followed "
                                                         "(name the folder itself to read it)"))
        dirs[:] = [d for d in dirs if not Path(root, d).is_symlink()]


def discover_inputs(paths: list[str]) -> tuple[list[Path], list[Reject]]:
    """Files named by paths, found in folders (recursively, input extensions only) or matched by
    globs, each once; and a reject for every path that cannot be read as an input."""
    files: list[Path] = []
    rejects: list[Reject] = []
    for spec in paths:
        path = Path(spec)
        if path.is_dir():
            _walk(path, files, rejects)
            continue
        if path.exists() or path.is_symlink():
            candidates = [path]
        else:
            candidates = [Path(m) for m in sorted(glob.glob(spec, recursive=True)) if not Path(m).is_dir()]
            if not candidates:
                rejects.append(Reject(printable_path(spec), "discover", "no such file, folder or glob match"))
        for candidate in candidates:
            problem = _check_entry(candidate, named=True)
            if problem:
                rejects.append(problem)
            else:
                files.append(candidate)
    unique = list(dict.fromkeys(Path(_uri(p)) for p in files))
    seen_rejects = list({r.source_uri: r for r in rejects}.values())
    return unique, seen_rejects


def too_large(size: int, max_bytes: int, what: str = "file") -> str:
    return (f"{what} of {size:,} bytes is over the limit of {max_bytes:,} (NEWSFACTS_MAX_INPUT_BYTES): "
            f"not read")


def _open_without_blocking(path: Path) -> int:
    """A file descriptor for reading, opened so that a FIFO put in a file's place cannot block."""
    return os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))


def read_input(path: Path, max_bytes: int | None = None, offset: int = 0, length: int | None = None) -> bytes | Reject:
    """The file's bytes (`length` of them from `offset`; None: to the end), or why they cannot be
    read; opened without blocking, checked to be a regular file at the moment it is read. A file
    over `max_bytes` is not read, unless it is JSON Lines (whose records are each held to the
    limit instead)."""
    try:
        fd = _open_without_blocking(path)
    except OSError as exc:
        return _reject(path, f"cannot read: {exc.strerror or exc}")
    try:
        info = os.fstat(fd)
        mode, size = info.st_mode, info.st_size
        if not stat.S_ISREG(mode):
            return _reject(path, f"{_kind(mode)}, not a regular file: not read")
        if max_bytes is not None and size > max_bytes and path.suffix.lower() not in JSONL_EXTENSIONS:
            return _reject(path, too_large(size, max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as f:
            f.seek(offset)
            return f.read(-1 if length is None else length)
    except OSError as exc:
        return _reject(path, f"cannot read: {exc.strerror or exc}")
    finally:
        os.close(fd)


@dataclass(frozen=True)
class InputPiece:
    """What is staged at once: a file, or a run of whole lines of a JSON Lines file (`length`
    bytes from `offset`, None: to its end, starting at line `first_line`), holding up to
    `documents` documents."""

    path: Path
    offset: int = 0
    length: int | None = None
    first_line: int = 1
    documents: int = 1


def read_piece(piece: InputPiece, max_bytes: int | None = None) -> bytes | Reject:
    return read_input(piece.path, max_bytes, piece.offset, piece.length)


def _jsonl_pieces(path: Path, records_per_piece: int) -> list[InputPiece]:
    """A JSON Lines file cut at line ends every `records_per_piece` non-blank lines (one piece when
    it cannot be scanned: reading it then says why)."""
    try:
        fd = _open_without_blocking(path)
    except OSError:
        return [InputPiece(path)]
    pieces, start, first, records, position, objects = [], 0, 1, 0, 0, 0
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            return [InputPiece(path)]
        for line_no, line in enumerate(f, start=1):
            position += len(line)
            records += bool(line.strip())
            objects += line.lstrip(b" \t\xef\xbb\xbf").startswith(b"{")
            if records == records_per_piece:
                pieces.append(InputPiece(path, start, position - start, first, records))
                start, first, records = position, line_no + 1, 0
    if not objects:
        return [InputPiece(path)]  # no line can be a record: read whole, to be rejected once as not JSON Lines
    if records or not pieces:
        pieces.append(InputPiece(path, start, None, first, records))
    return pieces


def plan_pieces(files: list[Path], documents_per_piece: int) -> list[InputPiece]:
    """Every file as one piece, but a JSON Lines file of more records in pieces of at most
    `documents_per_piece`: memory holds a piece, never a whole dump."""
    return [piece for path in files for piece in (
        _jsonl_pieces(path, documents_per_piece) if path.suffix.lower() in JSONL_EXTENSIONS else [InputPiece(path)])]


def windows_of(pieces: list[InputPiece], documents: int) -> Iterator[list[InputPiece]]:
    """Consecutive pieces grouped into windows of at most `documents` documents (a larger piece alone)."""
    window, held = [], 0
    for piece in pieces:
        if window and held + piece.documents > documents:
            yield window
            window, held = [], 0
        window.append(piece)
        held += piece.documents
    if window:
        yield window
