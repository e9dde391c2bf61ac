// A font atlas kept as a file (ui/app/font_atlas_file.hpp): restored, it is the atlas stb_truetype
// builds, to the pixel and the glyph; a file made for other fonts, or damaged, is refused with
// nothing built, and the build then rasterises as usual.
#include "../core/catch.hpp"

#include "app/app.hpp"
#include "app/font_atlas_file.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <cstring>
#include <string>

using namespace poems::ui;

namespace {

// A context of its own with the app's fonts added (load_fonts) and not yet built, as a runner
// starts. (Two can live side by side: each makes its context current when used.)
struct Fonts {
    explicit Fonts(float text_scale = 1.0f, float pixel_ratio = 1.0f) : context(ImGui::CreateContext()) {
        ImGui::SetCurrentContext(context);
        load_fonts(text_scale, pixel_ratio);
    }
    ~Fonts() { ImGui::DestroyContext(context); }
    Fonts(const Fonts&) = delete;
    Fonts& operator=(const Fonts&) = delete;
    ImFontAtlas& atlas() {
        ImGui::SetCurrentContext(context);
        return *ImGui::GetIO().Fonts;
    }
    void build() {
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        atlas().GetTexDataAsAlpha8(&pixels, &w, &h);
    }
    ImGuiContext* context;
};

// The atlas stb_truetype builds for these settings, as a file.
std::string file_for(float text_scale, float pixel_ratio) {
    Fonts fonts(text_scale, pixel_ratio);
    fonts.build();
    REQUIRE_FALSE(last_font_atlas_was_restored());
    return save_font_atlas(fonts.atlas());
}

bool same_glyph(const ImFontGlyph& a, const ImFontGlyph& b) {
    return a.Codepoint == b.Codepoint && a.Visible == b.Visible && a.Colored == b.Colored && a.X0 == b.X0 &&
           a.Y0 == b.Y0 && a.X1 == b.X1 && a.Y1 == b.Y1 && a.U0 == b.U0 && a.V0 == b.V0 && a.U1 == b.U1 &&
           a.V1 == b.V1 && a.AdvanceX == b.AdvanceX;
}

}  // namespace

TEST_CASE("a restored font atlas is the one stb_truetype builds", "[ui][fonts]") {
    for (const float ratio : {1.0f, 2.0f}) {
        CAPTURE(ratio);
        const std::string file = file_for(1.0f, ratio);

        Fonts built(1.0f, ratio);
        built.build();
        Fonts restored(1.0f, ratio);
        REQUIRE(restore_font_atlas(restored.atlas(), file));
        const ImFontAtlas& a = built.atlas();
        const ImFontAtlas& b = restored.atlas();

        REQUIRE(a.TexWidth == b.TexWidth);
        REQUIRE(a.TexHeight == b.TexHeight);
        CHECK(std::memcmp(a.TexPixelsAlpha8, b.TexPixelsAlpha8, std::size_t(a.TexWidth) * std::size_t(a.TexHeight)) == 0);
        CHECK(a.TexUvWhitePixel.x == b.TexUvWhitePixel.x);
        CHECK(a.TexUvWhitePixel.y == b.TexUvWhitePixel.y);
        CHECK(std::memcmp(a.TexUvLines, b.TexUvLines, sizeof a.TexUvLines) == 0);
        CHECK(b.IsBuilt());
        REQUIRE(a.Fonts.Size == b.Fonts.Size);
        for (int f = 0; f < a.Fonts.Size; ++f) {
            CAPTURE(f);
            const ImFont& fa = *a.Fonts[f];
            const ImFont& fb = *b.Fonts[f];
            CHECK(fa.FontSize == fb.FontSize);
            CHECK(fa.Ascent == fb.Ascent);
            CHECK(fa.Descent == fb.Descent);
            CHECK(fa.FallbackChar == fb.FallbackChar);
            CHECK(fa.EllipsisChar == fb.EllipsisChar);
            CHECK(fa.FallbackAdvanceX == fb.FallbackAdvanceX);
            // (MetricsTotalSurface, a rough figure for ImGui's debug window, may differ by one.)
            REQUIRE(fa.Glyphs.Size == fb.Glyphs.Size);
            int differing = 0;
            for (int g = 0; g < fa.Glyphs.Size; ++g) differing += same_glyph(fa.Glyphs[g], fb.Glyphs[g]) ? 0 : 1;
            CHECK(differing == 0);
            REQUIRE(fa.IndexAdvanceX.Size == fb.IndexAdvanceX.Size);
            CHECK(std::memcmp(fa.IndexAdvanceX.Data, fb.IndexAdvanceX.Data, std::size_t(fa.IndexAdvanceX.size_in_bytes())) == 0);
        }
    }
}

TEST_CASE("a font atlas file offered to the build is used once, when it fits", "[ui][fonts]") {
    const std::string file = file_for(1.0f, 1.0f);

    SECTION("it fits: the build takes it") {
        Fonts fonts;
        offer_font_atlas_file(file);
        fonts.build();
        CHECK(last_font_atlas_was_restored());
        CHECK(fonts.atlas().IsBuilt());
    }
    SECTION("another text size: the build rasterises, with the right size") {
        Fonts fonts(1.5f, 1.0f);
        offer_font_atlas_file(file);
        fonts.build();
        CHECK_FALSE(last_font_atlas_was_restored());
        CHECK(fonts.atlas().Fonts[kFontBody]->FontSize == ImTrunc(kBaseFontSize * 1.5f));
    }
    SECTION("the file is dropped after one build") {
        Fonts fonts;
        offer_font_atlas_file(file);
        fonts.build();
        fonts.atlas().ClearTexData();
        fonts.build();
        CHECK_FALSE(last_font_atlas_was_restored());
    }
}

TEST_CASE("a font atlas file made for other fonts is refused and nothing is built from it", "[ui][fonts]") {
    const std::string other = file_for(1.0f, 2.0f);
    Fonts fonts(1.0f, 1.0f);
    CHECK_FALSE(restore_font_atlas(fonts.atlas(), other));
    CHECK(fonts.atlas().TexPixelsAlpha8 == nullptr);
    CHECK(fonts.atlas().Fonts[kFontBody]->Glyphs.empty());
    fonts.build();  // and builds as usual
    CHECK(fonts.atlas().Fonts[kFontBody]->FindGlyphNoFallback(u'\u0142') != nullptr);  // ł: Latin Extended-A
}

TEST_CASE("a damaged font atlas file is refused, whatever the damage", "[ui][fonts]") {
    const std::string file = file_for(1.0f, 1.0f);
    Fonts fonts;
    SECTION("cut short at every length up to its glyphs, and a byte short of its end") {
        int accepted = 0;
        for (std::size_t n = 0; n < 4096; ++n) accepted += restore_font_atlas(fonts.atlas(), file.substr(0, n)) ? 1 : 0;
        accepted += restore_font_atlas(fonts.atlas(), file.substr(0, file.size() - 1)) ? 1 : 0;
        CHECK(accepted == 0);
    }
    SECTION("a byte more") { CHECK_FALSE(restore_font_atlas(fonts.atlas(), file + "x")); }
    SECTION("another magic") {
        std::string bad = file;
        bad[0] = 'X';
        CHECK_FALSE(restore_font_atlas(fonts.atlas(), bad));
    }
    SECTION("a glyph count beyond the file") {
        // The first font's glyph count follows the header: magic, key, size, rectangles, fonts, ascent, descent.
        std::string bad = file;
        std::int32_t rect_count = 0;
        std::memcpy(&rect_count, bad.data() + 4 + 8 + 4 + 4, 4);
        const std::size_t at = 4 + 8 + 4 + 4 + 4 + std::size_t(rect_count) * 4 + 4 + 4 + 4;
        const std::int32_t huge = 0x7fffffff;
        std::memcpy(bad.data() + at, &huge, 4);
        CHECK_FALSE(restore_font_atlas(fonts.atlas(), bad));
    }
    CHECK(fonts.atlas().TexPixelsAlpha8 == nullptr);
}
