#!/usr/bin/env bash
# Builds SDL2 for WebAssembly from Debian's libsdl2 source package (unpacked by tools/setup.sh),
# once: the result in .deps/sdl2-wasm/ is reused by every later build. `-sUSE_SDL=2` cannot be
# used: it downloads Emscripten's own SDL port, and these machines reach no such server.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
src="$top/.deps/sdl2" out="$top/.deps/sdl2-wasm"
[ -f "$out/lib/libSDL2.a" ] && exit 0
export NODE_PATH=/usr/share/nodejs
rm -rf "$out.build"
emcmake cmake -S "$src" -B "$out.build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$out" >/dev/null
cmake --build "$out.build" -j"$(nproc)"
cmake --install "$out.build" >/dev/null
rm -rf "$out.build"
echo "built $out/lib/libSDL2.a"
