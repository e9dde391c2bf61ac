#!/usr/bin/env python3
"""compact_json.py OUT_DIR FILE.json...: writes each file into OUT_DIR without the whitespace
between its tokens. The content is compiled into the programs in this form because their JSON
parser reads every byte, and about a third of the hand-formatted files is indentation: parsing
the compact form takes half the time. Every token is kept exactly as written (numbers, escapes,
key order); a file that is not valid JSON stops the build with its name and position."""
import json
import pathlib
import re
import sys

TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[^\s"]+')  # a string literal, or a run of anything else

out_dir = pathlib.Path(sys.argv[1])
out_dir.mkdir(parents=True, exist_ok=True)
for name in sys.argv[2:]:
    source = pathlib.Path(name)
    text = source.read_text(encoding="utf-8")
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        sys.exit(f"{source}: not valid JSON: {e}")
    # Outside strings JSON's tokens are always split by punctuation, so dropping the whitespace
    # between them never joins two into one.
    compact = "".join(TOKEN.findall(text))
    if json.loads(compact) != json.loads(text):
        sys.exit(f"{source}: compacting changed the document (a bug in {sys.argv[0]})")
    target = out_dir / source.name
    if not target.exists() or target.read_text(encoding="utf-8") != compact:
        target.write_text(compact, encoding="utf-8")
