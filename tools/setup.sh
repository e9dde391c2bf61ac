#!/usr/bin/env bash
# One-time (and cheap to repeat) set-up for a fresh Debian bookworm machine.
# Installs only from Debian's archive and the npm registry (checked on Debian bookworm).
# Third-party sources (ImGui, SDL2, Catch2 amalgamated) are unpacked into .deps/, never committed.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
deps="$top/.deps"
mkdir -p "$deps"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

packages=(build-essential cmake ninja-build pkg-config dpkg-dev
          emscripten nodejs libsdl2-dev nlohmann-json3-dev
          chromium xvfb x11-apps xdotool imagemagick time
          fonts-dejavu-core fonttools python3-icalendar libgl1-mesa-dri librsvg2-bin
          clang libclang-rt-14-dev
          python3-html5lib poppler-utils)

need_apt=0
for p in "${packages[@]}" catch2; do dpkg -s "$p" >/dev/null 2>&1 || need_apt=1; done
if ! dpkg -s catch2 2>/dev/null | grep -q '^Version: 3'; then need_apt=1; fi

if [ $need_apt = 1 ]; then
  # Backports (Catch2 v3) and source entries (SDL2 from bookworm, ImGui 1.90.1 from trixie).
  $SUDO tee /etc/apt/sources.list.d/poems-companion.sources >/dev/null <<'SRC'
Types: deb deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -t bookworm-backports catch2
fi

# Unpack a Debian source package's upstream tarball once into .deps/<name>.
fetch_source() { # name spec glob
  local name=$1 spec=$2 glob=$3
  [ -f "$deps/$name/.unpacked" ] && return 0
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source --download-only -q "$spec" >/dev/null)
  rm -rf "$deps/$name"; mkdir -p "$deps/$name"
  tar -xf "$tmp"/$glob -C "$deps/$name" --strip-components=1
  touch "$deps/$name/.unpacked"; rm -rf "$tmp"
}
fetch_source imgui  imgui/trixie                 'imgui_*.orig.tar.*'
fetch_source sdl2   libsdl2/bookworm             'libsdl2_*.orig.tar.*'
fetch_source catch2 catch2/bookworm-backports    'catch2_*.orig.tar.*'

# Browser-test driver from npm (uses Debian's /usr/bin/chromium, never downloads a browser).
if [ ! -d "$top/tests/browser/node_modules/playwright-core" ] || [ ! -d "$top/tests/browser/node_modules/axe-core" ]; then
  (cd "$top/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: ok (deps in $deps)"
