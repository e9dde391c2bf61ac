#!/usr/bin/env python3
"""font_coverage.py RANGES FILE.json...: fails, naming the file, the place and the character, when
a string in a content file has a character outside RANGES (the glyph ranges of the bold and
heading faces, the narrower ones, as "0020-00FF,0391-03C9,..."). ImGui draws such a character as
"?", so a title in another script, or a new symbol, must come with its glyphs (ui/CMakeLists.txt)."""
import json
import sys


def parse_ranges(text):
    ranges = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return ranges


def strings(value, path):
    """Every string in a JSON value (keys too), with its JSON Pointer."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from strings(v, f"{path}/{i}")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield path, k
            yield from strings(v, f"{path}/{k}")


def main():
    ranges = parse_ranges(sys.argv[1])
    missing = 0
    for name in sys.argv[2:]:
        with open(name, encoding="utf-8") as f:
            doc = json.load(f)
        for path, text in strings(doc, ""):
            for ch in sorted(set(text)):
                if not any(a <= ord(ch) <= b for a, b in ranges):
                    print(f"{name}: {path or '/'}: '{ch}' (U+{ord(ch):04X}) has no glyph in the bold and heading faces")
                    missing += 1
    if missing:
        print(f"{missing} character(s) outside the font's glyph ranges")
        return 1
    print(f"all characters of {len(sys.argv) - 2} file(s) are in the font's glyph ranges")
    return 0


if __name__ == "__main__":
    sys.exit(main())
