// The edit/delete row's confirmation (ui/app/widgets.cpp, edit_remove_buttons) as a keyboard user
// meets it: Delete asks, Escape keeps the entry, and Escape while a text field is being edited
// leaves the question open (there it undoes the edit).
#include "../core/catch.hpp"
#include "headless.hpp"

#include "app/widgets.hpp"

#include <string>

using namespace poems::ui;

namespace {
const RowWords kWords{"Edit", "Delete", "Keep", "Delete this entry?"};

// One frame of a list row "r-1" with its buttons, and a text field above it; returns the action.
ImVec2 g_field_centre;  // where the text field was drawn in the last frame

RowAction row_frame(test::Headless& ui, std::string& confirming, char* field = nullptr) {
    RowAction action = RowAction::none;
    ui.frame([&] {
        if (field) {
            input_field("##note", field, 32);
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            g_field_centre = ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2);
        }
        ImGui::TextUnformatted("2025-05-01  Numbness, 5/10");
        action = edit_remove_buttons("r-1", confirming, kWords, "test", "delete");
    });
    return action;
}

void press_escape() {
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
}
void release_escape() {
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
}
}  // namespace

TEST_CASE("Escape keeps an entry whose deletion is being asked about", "[ui][confirm]") {
    test::Headless ui(390, 844);
    std::string confirming = "r-1";  // Delete was pressed: the row asks
    row_frame(ui, confirming);
    REQUIRE(confirming == "r-1");     // a frame without Escape keeps asking
    press_escape();
    CHECK(row_frame(ui, confirming) == RowAction::none);  // nothing deleted
    CHECK(confirming.empty());                            // the question is closed
    release_escape();
    row_frame(ui, confirming);
}

TEST_CASE("Escape while a text field is being edited does not close the question", "[ui][confirm]") {
    test::Headless ui(390, 844);
    std::string confirming = "r-1";
    char note[32] = "typed";
    row_frame(ui, confirming, note);
    ImGuiIO& io = ImGui::GetIO();  // a tap on the field starts editing it
    io.AddMousePosEvent(g_field_centre.x, g_field_centre.y);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    row_frame(ui, confirming, note);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    row_frame(ui, confirming, note);
    REQUIRE(ImGui::GetIO().WantTextInput);
    press_escape();
    row_frame(ui, confirming, note);
    CHECK(confirming == "r-1");
}
