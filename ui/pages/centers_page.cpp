#include "pages/pages.hpp"

#include <imgui.h>

namespace poems::ui {

void draw_centers_page(App&) {
    ImGui::TextWrapped("%s", "Centers with dedicated POEMS programmes, and how to ask for a remote consultation.");
    ImGui::Spacing();
    ImGui::TextDisabled("This page is being built.");
}

}  // namespace poems::ui
