#!/usr/bin/env bash
# Builds SDL2 for WebAssembly from Debian's libsdl2 source package (unpacked by tools/setup.sh),
# once: the result in .deps/sdl2-wasm/ is reused by every later build. `-sUSE_SDL=2` cannot be
# used: it downloads Emscripten's own SDL port, and these machines reach no such server.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
src="$top/.deps/sdl2" out="$top/.deps/sdl2-wasm"
# The browser app uses SDL for its window, events and GL context only: no audio, no SDL
# renderer, and (SDL_LEAN_AND_MEAN) none of the software blitters, RLE or YUV code, which were
# 209 KB of app.wasm's 1.19 MB of code. The options are kept beside the library, so a change to
# them builds it again.
options=(-DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_AUDIO=OFF -DSDL_RENDER=OFF
         "-DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1")
[ -f "$out/lib/libSDL2.a" ] && [ "$(cat "$out/options" 2>/dev/null)" = "${options[*]}" ] && exit 0
export NODE_PATH=/usr/share/nodejs
rm -rf "$out.build" "$out"
emcmake cmake -S "$src" -B "$out.build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${options[@]}" \
  -DCMAKE_INSTALL_PREFIX="$out" >/dev/null
cmake --build "$out.build" -j"$(nproc)"
cmake --install "$out.build" >/dev/null
rm -rf "$out.build"
echo "${options[*]}" > "$out/options"
echo "built $out/lib/libSDL2.a"
