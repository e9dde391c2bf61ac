#include "app/runner_support.hpp"

#include <imgui.h>
#include <imgui_internal.h>

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

bool input_pending() { return !ImGui::GetCurrentContext()->InputEventsQueue.empty(); }

}  // namespace poems::ui
