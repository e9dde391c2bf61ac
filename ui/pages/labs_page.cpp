#include "pages/pages.hpp"

#include <imgui.h>

namespace poems::ui {

void draw_labs_page(App&) {
    ImGui::TextWrapped("%s", "Your lab results over time: VEGF, M-protein, free light chains, platelets and more.");
    ImGui::Spacing();
    ImGui::TextDisabled("This page is being built.");
}

}  // namespace poems::ui
