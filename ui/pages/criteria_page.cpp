#include "pages/pages.hpp"

#include <imgui.h>

namespace poems::ui {

void draw_criteria_page(App&) {
    ImGui::TextWrapped("%s", "Does a picture of findings match the published POEMS criteria, and what is still missing?");
    ImGui::Spacing();
    ImGui::TextDisabled("This page is being built.");
}

}  // namespace poems::ui
