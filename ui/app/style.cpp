// Fonts and colours. Sizes are in logical (CSS) pixels; touch targets follow the 44 px minimum
// that phone platforms recommend, which also helps people whose neuropathy makes fine motor
// control hard.
#include "app/app.hpp"
#include "app/font_atlas_file.hpp"

#include "poems/embedded_files.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>

namespace poems::ui {

const float kBaseFontSize = 18.0f;

static const poems::EmbeddedFile* find_font(const char* name) {
    for (const auto& f : poems::embedded_font_files())
        if (std::strcmp(f.name, name) == 0) return &f;
    return nullptr;
}

void load_fonts(float text_scale, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // A font atlas file offered by the runner (the browser's, made at build time) is used when it
    // was made from exactly these fonts; otherwise stb_truetype rasterises (font_atlas_file.hpp).
    io.Fonts->FontBuilderIO = font_atlas_builder();
    // The atlas is as tall as its glyphs need (WebGL 2 and desktop GL take any texture size),
    // not rounded up to a power of two: less to rasterise into and send to the GPU.
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    const float size = kBaseFontSize * text_scale * pixel_ratio;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes live in the program image
    // No horizontal oversampling: it doubled the atlas's build time and size, part of every start
    // (issue 21: at a pixel ratio of 1, 512x530 -> 512x285; the fonts' phase of a desktop start in
    // headless Chromium 83 -> 56 ms). Screenshots at 1x compared at 6x zoom: no visible loss. (Also
    // rounding advances to whole pixels, PixelSnapH, made wrapped lines a pixel wider than their
    // column at 360-390 px: a11y.test.mjs's cut-text check failed; not used.)
    config.OversampleH = 1;
    config.OversampleV = 1;
    // The glyphs the embedded fonts were cut down to (ui/CMakeLists.txt, font_ranges).
    static const ImWchar ranges[] = {POEMS_FONT_RANGES 0};
    static const ImWchar title_ranges[] = {POEMS_TITLE_FONT_RANGES 0};  // ASCII and what the content uses
    const char* faces[] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Bold.ttf"};
    const float scales[] = {1.0f, 1.0f, 1.35f};  // body, bold, heading
    const ImWchar* face_ranges[] = {ranges, title_ranges, title_ranges};
    for (int i = 0; i < 3; ++i) {
        const auto* font = find_font(faces[i]);
        if (!font) {
            io.Fonts->AddFontDefault();
            continue;
        }
        io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(font->text.data()), static_cast<int>(font->text.size()),
                                       size * scales[i], &config, face_ranges[i]);
    }
    io.FontGlobalScale = 1.0f / pixel_ratio;
}

void apply_style(const Settings& settings, bool touch) {
    ImGuiStyle style;
    if (settings.dark) ImGui::StyleColorsDark(&style);
    else ImGui::StyleColorsLight(&style);
    const float s = settings.text_size_percent / 100.0f;
    style.WindowPadding = ImVec2(14, 12);
    style.FramePadding = ImVec2(10, touch ? 13 : 7);  // 18 px text + 2 x 13 = 44 px targets
    style.ItemSpacing = ImVec2(10, touch ? 12 : 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = touch ? 22 : 16;
    style.GrabMinSize = touch ? 28 : 14;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.TouchExtraPadding = touch ? ImVec2(4, 4) : ImVec2(0, 0);
    style.ScaleAllSizes(std::clamp(s, 1.0f, 2.0f));
    ImVec4* c = style.Colors;
    if (!settings.dark) {
        c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 1);
        c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_Text] = ImVec4(0.08f, 0.09f, 0.11f, 1);
        c[ImGuiCol_Button] = ImVec4(0.86f, 0.90f, 0.96f, 1);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.74f, 0.82f, 0.94f, 1);
        c[ImGuiCol_ButtonActive] = ImVec4(0.60f, 0.72f, 0.90f, 1);
    }
    ImGui::GetStyle() = style;
}

}  // namespace poems::ui
