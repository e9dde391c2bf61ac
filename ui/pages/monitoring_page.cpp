#include "pages/pages.hpp"

#include <imgui.h>

namespace poems::ui {

void draw_monitoring_page(App&) {
    ImGui::TextWrapped("%s", "When each follow-up test is due, and what to report to your care team.");
    ImGui::Spacing();
    ImGui::TextDisabled("This page is being built.");
}

}  // namespace poems::ui
