#!/usr/bin/env python3
"""Puts the SHA-256 of the documents' stylesheet (the one <style> of `poems summary`'s HTML) into
style-src of web/index.html and web/embed.html, replacing the previous hash. Run after changing
document_css() (core/src/document_render.cpp):
    build/native-debug/tools/poems summary tests/fixtures/documents/empty.json -o /tmp/d.html
    python3 tests/documents/update_csp_hash.py /tmp/d.html
tests/cli/test_summary.sh fails until the hash matches."""
import base64, hashlib, pathlib, re, sys

html = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
styles = re.findall(r"<style>(.*?)</style>", html, re.S)
assert len(styles) == 1, f"expected one <style>, found {len(styles)}"
token = "'sha256-" + base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode() + "'"
root = pathlib.Path(__file__).resolve().parents[2]
for page in ("index.html", "embed.html"):
    path = root / "web" / page
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(r"style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')?;", f"style-src 'self' {token};", text)
    assert n == 1, f"{path}: style-src not found once"
    path.write_text(new, encoding="utf-8")
    print(f"{path}: style-src 'self' {token}")
