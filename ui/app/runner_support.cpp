#include "app/runner_support.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <cstdint>

namespace poems::ui {

bool refresh_style(StyleState& state, const Settings& wanted, float pixel_ratio, bool touch) {
    const bool fonts_stale = state.pixel_ratio != pixel_ratio ||
                             state.built.text_size_percent != wanted.text_size_percent;
    const bool style_stale = fonts_stale || state.built.dark != wanted.dark;
    if (style_stale) apply_style(wanted, touch);
    if (fonts_stale) load_fonts(wanted.text_size_percent / 100.0f, pixel_ratio);
    state.built = wanted;
    state.pixel_ratio = pixel_ratio;
    return fonts_stale;
}

void upload_font_texture(StyleState& state) {
    if (!state.gl_objects) {
        ImGui_ImplOpenGL3_CreateDeviceObjects();
        state.gl_objects = true;
        return;
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool take_settings_change(Settings& kept, const Settings& now) {
    if (now == kept) return false;
    kept = now;
    return true;
}

bool input_pending() { return !ImGui::GetCurrentContext()->InputEventsQueue.empty(); }

bool layout_settling() {
    static std::uint64_t last = 0;
    static int streak = 0;
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a over what decides where things are drawn
    auto mix = [&h](const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    };
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        if (!w->WasActive) continue;
        const float f[] = {w->Pos.x, w->Pos.y, w->Size.x, w->Size.y, w->ContentSize.x, w->ContentSize.y};
        const bool bars[] = {w->ScrollbarX, w->ScrollbarY};
        mix(&w->ID, sizeof w->ID);
        mix(f, sizeof f);
        mix(bars, sizeof bars);
    }
    const bool changed = h != last;
    last = h;
    streak = changed ? streak + 1 : 0;
    return changed && streak <= kMaxSettlingFrames;
}

}  // namespace poems::ui
