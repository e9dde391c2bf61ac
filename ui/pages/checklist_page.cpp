#include "pages/pages.hpp"

#include <imgui.h>

namespace poems::ui {

void draw_checklist_page(App&) {
    ImGui::TextWrapped("%s", "Concrete steps for wherever you are: suspecting POEMS, just diagnosed, in treatment, or caring for someone.");
    ImGui::Spacing();
    ImGui::TextDisabled("This page is being built.");
}

}  // namespace poems::ui
