#include "app/font_atlas_file.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstring>
#include <optional>
#include <utility>
#include <vector>

namespace poems::ui {

namespace {

// The file: "PFA1", the key, the texture's size, each custom rectangle's place, each font's
// ascent, descent and glyphs (code point, quad, UVs, advance), then the Alpha8 pixels. Numbers
// as the machine stores them: a file is made by the same build that reads it (tools/font-atlas).
constexpr char kMagic[4] = {'P', 'F', 'A', '1'};

struct Hash {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    void bytes(const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    }
    template <class T> void value(const T& v) { bytes(&v, sizeof v); }
};

class Writer {
public:
    template <class T> void value(const T& v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
    std::string out;
};

// Reads values in order; after any read past the end, ok is false and every value is zero.
class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    template <class T> T value() {
        T v{};
        if (!ok || in_.size() - at_ < sizeof v) {
            ok = false;
            return v;
        }
        std::memcpy(&v, in_.data() + at_, sizeof v);
        at_ += sizeof v;
        return v;
    }
    std::string_view rest() const { return ok ? in_.substr(at_) : std::string_view(); }
    bool ok = true;

private:
    std::string_view in_;
    std::size_t at_ = 0;
};

struct Glyph {
    std::uint32_t codepoint;
    float x0, y0, x1, y1, u0, v0, u1, v1, advance_x;
};

struct FontRecord {
    float ascent = 0, descent = 0;
    std::vector<Glyph> glyphs;
};

std::optional<std::string> g_offered;  // for the next build only
bool g_restored = false;

bool build(ImFontAtlas* atlas) {
    const std::optional<std::string> file = std::exchange(g_offered, std::nullopt);
    g_restored = file && restore_font_atlas(*atlas, *file);
    return g_restored || ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(atlas);
}

const ImFontBuilderIO kBuilder{build};

}  // namespace

std::uint64_t font_atlas_key(const ImFontAtlas& atlas) {
    Hash h;
    h.value(IMGUI_VERSION_NUM);
    h.value(atlas.Flags);
    h.value(atlas.TexDesiredWidth);
    h.value(atlas.TexGlyphPadding);
    h.value(atlas.Fonts.Size);
    for (const ImFontConfig& c : atlas.ConfigData) {
        h.value(c.FontDataSize);
        h.bytes(c.FontData, static_cast<std::size_t>(c.FontDataSize));
        h.value(c.FontNo);
        h.value(c.SizePixels);
        h.value(c.OversampleH);
        h.value(c.OversampleV);
        h.value(c.PixelSnapH);
        h.value(c.GlyphExtraSpacing);
        h.value(c.GlyphOffset);
        h.value(c.GlyphMinAdvanceX);
        h.value(c.GlyphMaxAdvanceX);
        h.value(c.MergeMode);
        h.value(c.FontBuilderFlags);
        h.value(c.RasterizerMultiply);
        h.value(c.RasterizerDensity);
        h.value(c.EllipsisChar);
        for (const ImWchar* r = c.GlyphRanges; r && *r; ++r) h.value(*r);
        h.value(ImWchar(0));
    }
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects) {
        h.value(r.Width);
        h.value(r.Height);
    }
    return h.h;
}

std::string save_font_atlas(const ImFontAtlas& atlas) {
    Writer w;
    w.out.append(kMagic, sizeof kMagic);
    w.value(font_atlas_key(atlas));
    w.value(std::int32_t(atlas.TexWidth));
    w.value(std::int32_t(atlas.TexHeight));
    w.value(std::int32_t(atlas.CustomRects.Size));
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects) {
        w.value(r.X);
        w.value(r.Y);
    }
    w.value(std::int32_t(atlas.Fonts.Size));
    for (const ImFont* f : atlas.Fonts) {
        w.value(f->Ascent);
        w.value(f->Descent);
        w.value(std::int32_t(f->Glyphs.Size));
        for (const ImFontGlyph& g : f->Glyphs)
            w.value(Glyph{g.Codepoint, g.X0, g.Y0, g.X1, g.Y1, g.U0, g.V0, g.U1, g.V1, g.AdvanceX});
    }
    w.out.append(reinterpret_cast<const char*>(atlas.TexPixelsAlpha8),
                 static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight));
    return w.out;
}

bool restore_font_atlas(ImFontAtlas& atlas, std::string_view file) {
    // Everything is read and checked before the atlas is touched.
    if (file.size() < sizeof kMagic || std::memcmp(file.data(), kMagic, sizeof kMagic) != 0) return false;
    if (atlas.ConfigData.Size != atlas.Fonts.Size) return false;  // one source per font: no merged fonts
    ImFontAtlasBuildInit(&atlas);  // registers the custom rectangles (cursors, lines) the key counts
    Reader in(file.substr(sizeof kMagic));
    if (in.value<std::uint64_t>() != font_atlas_key(atlas)) return false;
    const auto width = in.value<std::int32_t>(), height = in.value<std::int32_t>();
    if (width <= 0 || height <= 0 || width > 16384 || height > 16384) return false;
    if (in.value<std::int32_t>() != atlas.CustomRects.Size) return false;
    std::vector<std::pair<unsigned short, unsigned short>> places;
    for (const ImFontAtlasCustomRect& r : atlas.CustomRects) {
        const auto x = in.value<unsigned short>(), y = in.value<unsigned short>();
        if (x + r.Width > width || y + r.Height > height) return false;
        places.emplace_back(x, y);
    }
    if (in.value<std::int32_t>() != atlas.Fonts.Size) return false;
    std::vector<FontRecord> fonts(static_cast<std::size_t>(atlas.Fonts.Size));
    for (FontRecord& f : fonts) {
        f.ascent = in.value<float>();
        f.descent = in.value<float>();
        const auto count = in.value<std::int32_t>();
        if (!in.ok || count < 0 || static_cast<std::size_t>(count) > in.rest().size() / sizeof(Glyph)) return false;
        f.glyphs.resize(static_cast<std::size_t>(count));
        for (Glyph& g : f.glyphs) g = in.value<Glyph>();
    }
    const std::string_view pixels = in.rest();
    if (!in.ok || pixels.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height)) return false;

    // As ImGui's stb_truetype builder ends (imgui_draw.cpp, ImFontAtlasBuildWithStbTruetype).
    atlas.TexID = ImTextureID();
    atlas.ClearTexData();
    atlas.TexWidth = width;
    atlas.TexHeight = height;
    atlas.TexUvScale = ImVec2(1.0f / float(width), 1.0f / float(height));
    atlas.TexUvWhitePixel = ImVec2(0.0f, 0.0f);
    for (int i = 0; i < atlas.CustomRects.Size; ++i) {
        atlas.CustomRects[i].X = places[static_cast<std::size_t>(i)].first;
        atlas.CustomRects[i].Y = places[static_cast<std::size_t>(i)].second;
    }
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixels.size()));
    std::memcpy(atlas.TexPixelsAlpha8, pixels.data(), pixels.size());
    for (int i = 0; i < atlas.Fonts.Size; ++i) {
        ImFontConfig& config = atlas.ConfigData[i];
        const FontRecord& f = fonts[static_cast<std::size_t>(i)];
        ImFontAtlasBuildSetupFont(&atlas, config.DstFont, &config, f.ascent, f.descent);
        // No config: the positions and advance are the final ones, as the file took them.
        for (const Glyph& g : f.glyphs)
            config.DstFont->AddGlyph(nullptr, static_cast<ImWchar>(g.codepoint), g.x0, g.y0, g.x1, g.y1, g.u0, g.v0,
                                     g.u1, g.v1, g.advance_x);
    }
    ImFontAtlasBuildFinish(&atlas);
    return true;
}

void offer_font_atlas_file(std::string file) { g_offered = std::move(file); }

bool last_font_atlas_was_restored() { return g_restored; }

const ImFontBuilderIO* font_atlas_builder() { return &kBuilder; }

}  // namespace poems::ui
