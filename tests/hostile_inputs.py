"""A seeded generator of hostile inputs for `newsfacts run`: encodings, binary, sizes, HTML
oddities, malformed JSON Lines, numbers that overflow, odd file names and special files.

`write_hostile_inputs(folder, n, seed)` writes about n entries under folder and returns what it
wrote, so that a test can check that every one of them is accounted for (loaded, rejected or a
duplicate) whatever the pipeline makes of it. Sizes are scaled down where size is the point: the
caller sets the limits (NEWSFACTS_MAX_DOCUMENT_CHARS, NEWSFACTS_MAX_INPUT_BYTES) to match `scale`.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WORDS = ("the council said people were killed injured in the city after talks on Monday officials reported "
         "million dollars percent river bridge minister police army hospital school road flood fire").split()
NAMES = ["Maria Lopez", "John Okafor", "Aiko Tanaka", "the United Nations", "Acme Holdings", "Cairo", "Riverton"]


@dataclass(frozen=True)
class Entry:
    path: Path  # as written (its bytes may not be UTF-8)
    kind: str  # "file": one document or one reject; "jsonl": per line, or one reject for the file;
    #            "special": a reject (or, for a link to a file, a document or a duplicate)
    family: str  # which class of hostile input, for messages


class Hostile:
    def __init__(self, folder: Path, seed: int, scale: int):
        self.folder, self.rng, self.scale = folder, random.Random(seed), scale
        self.entries: list[Entry] = []
        self.count = 0

    # --- text ---------------------------------------------------------------------------------
    def sentence(self) -> str:
        rng = self.rng
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
        if rng.random() < 0.6:
            words.insert(rng.randrange(len(words)), str(rng.choice([3, 12, 40, 250, 1_500, 34_535])))
        if rng.random() < 0.5:
            words.insert(0, rng.choice(NAMES))
        return " ".join(words).capitalize() + "."

    def article(self, paragraphs: int | None = None) -> str:
        n = paragraphs or self.rng.randint(1, 6)
        title = " ".join(self.rng.choice(WORDS) for _ in range(5)).title()
        return title + "\n\n" + "\n\n".join(" ".join(self.sentence() for _ in range(3)) for _ in range(n)) + "\n"

    # --- writing ------------------------------------------------------------------------------
    def name(self, suffix: str) -> str:
        self.count += 1
        return f"in-{self.count:05}{suffix}"

    def write(self, family: str, data: bytes, suffix: str = ".txt", name: str | bytes | None = None,
              kind: str | None = None) -> None:
        name = name if name is not None else self.name(suffix)
        raw_path = os.path.join(os.fsencode(self.folder), os.fsencode(name))
        os.makedirs(os.path.dirname(raw_path), exist_ok=True)  # ("[/]" in a name is a folder and a file)
        with open(raw_path, "wb") as f:
            f.write(data)
        kind = kind or ("jsonl" if suffix in (".jsonl", ".ndjson") else "file")
        self.entries.append(Entry(Path(os.fsdecode(raw_path)), kind, family))

    # --- families -----------------------------------------------------------------------------
    def encodings(self) -> None:
        text = self.article()
        encoding = self.rng.choice(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
                                    "utf-32", "utf-32-le", "utf-32-be", "broken"])
        if encoding == "broken":
            data = text.encode() + b"\xff\xfe\x80 caf\xe9 \xc3\x28 " + text.encode()
        else:
            data = (text + " café “quoted” — naïve").encode(encoding, errors="replace")
        self.write("encodings", data, self.rng.choice([".txt", ".md", ".html"]))

    def binary(self) -> None:
        rng = self.rng
        heads = [b"\x89PNG\r\n\x1a\n", b"\x1f\x8b\x08", b"%PDF-1.4\n", b"PK\x03\x04", b"", b"\x00\x00\x00"]
        data = rng.choice(heads) + rng.randbytes(rng.randint(10, 3000 * self.scale))
        if rng.random() < 0.3:
            data = self.article().encode() + b"\x00" * 10 + rng.randbytes(200)
        self.write("binary", data, rng.choice([".txt", ".html", ".jsonl", ".md", ".htm", ".ndjson"]))

    def sizes(self) -> None:
        rng = self.rng
        choice = rng.choice(["empty", "blank", "char", "over_limit", "long_line", "many_lines", "bom_only",
                             "over_input_limit"])
        data = {
            "empty": b"",
            "blank": b" \n\t\r\n   \n",
            "char": b"x",
            "bom_only": codecs.BOM_UTF8,
            "over_limit": self.article(paragraphs=30 * self.scale).encode(),
            "long_line": " ".join(rng.choice(WORDS) for _ in range(4000 * self.scale)).encode(),
            "many_lines": "\n".join(rng.choice(WORDS) for _ in range(3000 * self.scale)).encode(),
            "over_input_limit": self.article(paragraphs=2).encode() * (400 * self.scale),
        }[choice]
        self.write(f"sizes/{choice}", data, rng.choice([".txt", ".html", ".jsonl"]))

    def html(self) -> None:
        rng = self.rng
        body = "".join(f"<p>{self.sentence()}</p>" for _ in range(rng.randint(1, 5)))
        odd = rng.choice([
            f"<html><head><title>[/oops] [bold]x[/bold]</title></head><body>{body}",  # unclosed
            "<div>" * (800 * self.scale) + body + "</div>" * 3,  # deep nesting
            f"<html><body><script>{'var a=1;' * 500}</script></body></html>",  # script only
            f"<!-- {body} -->",  # comment only
            f'<html><body><p title="{"a" * 20000}">{body}</p></body></html>',  # huge attribute
            f"<html><body>&#0; &#x110000; &#xD800; &bogus; &amp;&amp; {body}</body></html>",  # bad entities
            f'<html><head><meta charset="no-such-charset"></head><body>{body}</body></html>',
            f"<html><body><![CDATA[{body}]]></body></html>",
            f"<html><head><title>{'T' * 5000}</title></head></html>",  # no body
            f"<html><body><table>{'<tr><td>' * 300}{body}</body></html>",
            f"<html><body><nav>Home | News | Sport</nav><article>{body}</article></body></html>",
        ])
        self.write("html", odd.encode("utf-8", errors="surrogatepass"), rng.choice([".html", ".htm"]))

    def jsonl(self) -> None:
        rng = self.rng
        lines: list[bytes] = []
        for _ in range(rng.randint(1, 8)):
            line = rng.choice([
                lambda: json.dumps({"id": f"r{rng.randrange(10**6)}", "text": self.article(), "title": "T"}),
                lambda: json.dumps({"html": f"<p>{self.sentence()}</p>", "source": "Wire"}),
                lambda: "{not json",
                lambda: "[1, 2, 3]",
                lambda: "42",
                lambda: "[" * (2000 * self.scale),
                lambda: '{"id": ' + "1" * 5000 + ', "text": "A huge id."}',
                lambda: '{"text": "Talks \\ud800 resume, 40 killed.", "title": "\\udfff"}',
                lambda: '{"text": "NUL \\u0000 in text, 12 people."}',
                lambda: json.dumps({"text": 12345}),
                lambda: json.dumps({"text": ["a", "list"]}),
                lambda: json.dumps({"text": "   "}),
                lambda: json.dumps({"text": self.sentence(), "published": "not a date", "id": {"nested": True}}),
                lambda: json.dumps({"text": self.sentence(), "published": "2999-01-01"}),
                lambda: "",
                lambda: "   ",
            ])()
            lines.append(line.encode("utf-8", errors="surrogatepass"))
        sep = rng.choice([b"\n", b"\r\n"])
        data = (codecs.BOM_UTF8 if rng.random() < 0.1 else b"") + sep.join(lines) + (sep if rng.random() < 0.5 else b"")
        self.write("jsonl", data, rng.choice([".jsonl", ".ndjson"]))

    def numbers(self) -> None:
        rng = self.rng
        text = rng.choice([
            "The deal was worth 999999999999999999999999 dollars, officials said.",
            "Losses reached $99999999999999999999999999999 billion in 2020.",
            "He came " + "1" * 5000 + "th in the race.",
            "About 1e400 people were killed and " + "9" * 400 + " injured.",
            "The code " + "7" * 5000 + " was printed " + "8," * 2000 + "1 times.",
            "Prices rose " + " ".join(str(rng.randrange(10**6)) + "%" for _ in range(500)) + ".",
            "It was -0.0000000000000000000001 degrees, between 10 and 20 and 30 and 40 days.",
            "A truce of between 30 and 40 days; ½ of 3/0 people; 1/1000000000000000000000000000 of them.",
        ])
        self.write("numbers", f"Numbers\n\n{text}\n\n{self.sentence()}\n".encode(), rng.choice([".txt", ".md"]))

    def names(self) -> None:
        rng = self.rng
        name = rng.choice([
            b"caf\xe9-" + os.fsencode(self.name(".txt")),  # not UTF-8
            os.fsencode(self.name("[/].txt")), os.fsencode(self.name("[bold]x[/bold].txt")),
            os.fsencode(self.name(" with spaces .txt")), os.fsencode(self.name("\nnewline.txt")),
            os.fsencode("-" + self.name(".txt")), os.fsencode(self.name("#L1.txt")),
            os.fsencode(self.name("ünïcødé-名前.txt")), os.fsencode(self.name("quote'\"`.txt")),
            os.fsencode(self.name("x" * 200 + ".txt")), os.fsencode(self.name("%s%n{}.txt")),
        ])
        self.write("names", self.article().encode(), name=name, kind="file")

    def specials(self) -> None:
        rng = self.rng
        choice = rng.choice(["fifo", "loop", "dangling", "link", "folder", "socket", "hardlink", "copy"])
        path = self.folder / self.name(".txt")
        if choice == "fifo":
            os.mkfifo(path)
        elif choice == "loop":
            path.symlink_to(path)
        elif choice == "dangling":
            path.symlink_to(self.folder / "no-such-file.txt")
        elif choice in ("link", "hardlink", "copy"):
            targets = [e.path for e in self.entries if e.kind == "file" and e.family == "plain"]
            if not targets:
                return self.plain()
            target = rng.choice(targets)
            if choice == "link":
                path.symlink_to(target)
            elif choice == "hardlink":
                os.link(target, path)
            else:
                path.write_bytes(target.read_bytes())
        elif choice == "folder":
            path.mkdir()
        elif choice == "socket":
            sock = socket.socket(socket.AF_UNIX)
            try:
                sock.bind(str(path))
            except OSError:  # (a path too long for a socket address)
                sock.close()
                return self.plain()
            sock.close()
        self.entries.append(Entry(path, "special", f"specials/{choice}"))

    def plain(self) -> None:
        self.write("plain", self.article().encode(), self.rng.choice([".txt", ".md", ".text"]))

    FAMILIES: dict[str, float] = {"plain": 3, "encodings": 2, "binary": 1, "sizes": 1, "html": 2, "jsonl": 2,
                                  "numbers": 1, "names": 1, "specials": 1}


def write_hostile_inputs(folder: Path, n: int = 1000, seed: int = 0, scale: int = 1) -> list[Entry]:
    """About n hostile entries under folder (created), in a seeded order of families."""
    folder.mkdir(parents=True, exist_ok=True)
    hostile = Hostile(folder, seed, scale)
    families = list(Hostile.FAMILIES)
    weights = [Hostile.FAMILIES[f] for f in families]
    while len(hostile.entries) < n:
        family = hostile.rng.choices(families, weights)[0]
        maker: Callable[[], None] = getattr(hostile, family)
        maker()
    return hostile.entries
