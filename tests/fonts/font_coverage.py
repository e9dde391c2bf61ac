#!/usr/bin/env python3
"""font_coverage.py RANGES FILE...: fails, naming the file, the place and the character, when a
string the app may show has a character outside RANGES (the glyph ranges of the bold and heading
faces, the narrower ones, as "0020-00FF,03B1-03B2,..."). FILEs are content files (*.json: every
string, keys too) and C++ sources (*.cpp, *.hpp: every string literal, comments left out). ImGui
draws a character without a glyph as "?", so a title in another script, or a new symbol, must come
with its glyphs (ui/CMakeLists.txt)."""
import json
import re
import sys


def parse_ranges(text):
    ranges = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return ranges


def json_strings(value, path):
    """Every string in a JSON value (keys too), with its JSON Pointer."""
    if isinstance(value, str):
        yield path or "/", value
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from json_strings(v, f"{path}/{i}")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield path or "/", k
            yield from json_strings(v, f"{path}/{k}")


ESCAPE = re.compile(rb"\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{4}|.)", re.S)
SIMPLE = {b"n": b"\n", b"t": b"\t", b"r": b"\r", b"0": b"\0"}


def decode_literal(body):
    """A C++ string literal's bytes as text: \\xNN are UTF-8 bytes, \\uNNNN a character."""
    def one(m):
        e = m.group(1)
        if e[:1] == b"x":
            return bytes([int(e[1:], 16)])
        if e[:1] == b"u":
            return chr(int(e[1:], 16)).encode("utf-8")
        return SIMPLE.get(e, e)
    return ESCAPE.sub(one, body).decode("utf-8", errors="replace")


def cpp_strings(source):
    """Every string literal of a C++ source with its line ("line N"); comments and character
    literals are skipped."""
    i, line, n = 0, 1, len(source)
    while i < n:
        c = source[i:i + 1]
        if source.startswith(b"//", i):
            i = source.find(b"\n", i)
            i = n if i < 0 else i
        elif source.startswith(b"/*", i):
            end = source.find(b"*/", i + 2)
            end = n if end < 0 else end + 2
            line += source.count(b"\n", i, end)
            i = end
        elif c in (b'"', b"'"):
            j = i + 1
            while j < n and source[j:j + 1] != c:
                j += 2 if source[j:j + 1] == b"\\" else 1
            if c == b'"':
                yield f"line {line}", decode_literal(source[i + 1:j])
            line += source.count(b"\n", i, j)
            i = j + 1
        else:
            if c == b"\n":
                line += 1
            i += 1


def strings(name):
    if name.endswith(".json"):
        with open(name, encoding="utf-8") as f:
            return list(json_strings(json.load(f), ""))
    with open(name, "rb") as f:
        return list(cpp_strings(f.read()))


def main():
    ranges = parse_ranges(sys.argv[1])
    missing = 0
    for name in sys.argv[2:]:
        for place, text in strings(name):
            for ch in sorted(set(text)):
                if ch in "\n\t\r\0":
                    continue
                if not any(a <= ord(ch) <= b for a, b in ranges):
                    print(f"{name}: {place}: '{ch}' (U+{ord(ch):04X}) has no glyph in the bold and heading faces")
                    missing += 1
    if missing:
        print(f"{missing} character(s) outside the font's glyph ranges")
        return 1
    print(f"all characters of {len(sys.argv) - 2} file(s) are in the font's glyph ranges")
    return 0


if __name__ == "__main__":
    sys.exit(main())
