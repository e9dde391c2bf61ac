#!/usr/bin/env python3
"""Parses an HTML file with html5lib in strict mode (Debian's python3-html5lib): any parse error
-- a misnested tag, a stray end tag, a bad attribute, a missing doctype -- fails, with its
line and column. Used by tests/cli/test_summary.sh and the document browser test."""
import sys

import html5lib


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(data)
    except html5lib.html5parser.ParseError as e:
        print(f"{path}: HTML5 parse error: {e}", file=sys.stderr)
        for (line, col), code, params in parser.errors:
            print(f"{path}:{line}:{col}: {code} {params}", file=sys.stderr)
        return 1
    if parser.errors:
        for (line, col), code, params in parser.errors:
            print(f"{path}:{line}:{col}: {code} {params}", file=sys.stderr)
        return 1
    print(f"{path}: strict HTML5 parse, 0 errors")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
