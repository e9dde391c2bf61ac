#include "pages/pages.hpp"

#include <imgui.h>

namespace poems::ui {

void draw_guide_page(App&) {
    ImGui::TextWrapped("%s", "The guide to POEMS syndrome in plain language, with its sources.");
    ImGui::Spacing();
    ImGui::TextDisabled("This page is being built.");
}

}  // namespace poems::ui
