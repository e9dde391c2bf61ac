// A font atlas made at build time and kept as a file, so that a browser start need not rasterise
// every glyph again (issue 21: about 20 ms of a desktop's first frame in headless Chromium).
// tools/font-atlas makes the files with the same code the app runs; the page fetches the one for
// its pixel ratio; the app uses it only when it was made from exactly the fonts, sizes and glyph
// ranges it is about to build (a key over all of them), else it builds as usual with stb_truetype.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct ImFontAtlas;
struct ImFontBuilderIO;

namespace poems::ui {

// What decides an atlas's pixels and glyphs: every font's bytes, size, ranges and options, the
// atlas's flags and its custom rectangles, and the ImGui version. Call after adding the fonts.
std::uint64_t font_atlas_key(const ImFontAtlas& atlas);

// A built atlas (its Alpha8 pixels, glyphs and rectangles) as bytes, under font_atlas_key().
std::string save_font_atlas(const ImFontAtlas& atlas);

// Fills an atlas whose fonts are added but not built from save_font_atlas()'s bytes. False, with
// nothing built (only what any build does first: sizes rounded, ImGui's own rectangles
// registered), when the bytes are not a whole atlas file or were made for other fonts.
bool restore_font_atlas(ImFontAtlas& atlas, std::string_view file);

// The next build of ImGui's atlas takes these bytes if they fit (restore_font_atlas) and
// otherwise rasterises as usual; either way they are dropped after that build. load_fonts()
// sets the builder that does this.
void offer_font_atlas_file(std::string file);

// Whether the last build came from an offered file (for the start-up marks and tests).
bool last_font_atlas_was_restored();

// The builder load_fonts() gives ImGui: the offered file, else stb_truetype.
const ImFontBuilderIO* font_atlas_builder();

}  // namespace poems::ui
