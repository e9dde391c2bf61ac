#include "pages/pages.hpp"

#include <imgui.h>

namespace poems::ui {

void draw_settings_page(App&, Settings& settings) {
    ImGui::TextWrapped("Text size");
    // Steps of 10% rather than a free slider: easier to hit with an unsteady finger.
    ImGui::PushButtonRepeat(false);
    if (ImGui::Button(" - ") && settings.text_size_percent > 100) settings.text_size_percent -= 10;
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d%%", settings.text_size_percent);
    ImGui::SameLine();
    if (ImGui::Button(" + ") && settings.text_size_percent < 200) settings.text_size_percent += 10;
    ImGui::PopButtonRepeat();
    ImGui::Spacing();
    ImGui::TextWrapped("Colours");
    if (ImGui::RadioButton("Light", !settings.dark)) settings.dark = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("Dark", settings.dark)) settings.dark = true;
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextWrapped(
        "POEMS Companion informs; it never diagnoses. It shows whether a set of findings matches the "
        "published criteria, why, and what is still unknown. Only a doctor can diagnose POEMS syndrome.");
    ImGui::TextWrapped("Everything you enter stays on this device.");
}

}  // namespace poems::ui
