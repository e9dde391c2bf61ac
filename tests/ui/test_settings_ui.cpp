// The display settings as the runners apply them (ui/app/frame.cpp's prepare_fonts calls
// apply_style and load_fonts): JSON -> Settings -> fonts and style, in a headless ImGui context.
#include "../core/catch.hpp"
#include "headless.hpp"

#include "app/settings_json.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace poems::ui;
using poems::Problems;
using Catch::Approx;

namespace {
bool dark_background() {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    return bg.x + bg.y + bg.z < 1.0f;
}
float body_font_size() { return ImGui::GetIO().Fonts->Fonts[kFontBody]->FontSize; }

// What the runner does with the settings it read (frame.cpp, prepare_fonts).
void apply(const Settings& s, float pixel_ratio, bool touch) {
    apply_style(s, touch);
    load_fonts(s.text_size_percent / 100.0f, pixel_ratio);
    test::Headless::build_atlas();
}
}  // namespace

TEST_CASE("settings read from JSON give fonts at their text size and the style of their theme", "[ui][settings]") {
    test::Headless ui;
    Settings wanted;
    Problems problems;
    settings_from_json(R"({"text_size_percent": 150, "dark": true})", wanted, problems);
    REQUIRE(problems.empty());

    apply(wanted, 1.0f, false);
    CHECK(body_font_size() == Approx(kBaseFontSize * 1.5f));
    CHECK(dark_background());
    CHECK(ImGui::GetStyle().ItemSpacing.x == Approx(10 * 1.5f));  // the sizes follow the text

    SECTION("light colours") {
        wanted.dark = false;
        apply(wanted, 1.0f, false);
        CHECK_FALSE(dark_background());
    }
    SECTION("a phone's pixel ratio rasterises twice as large and draws at half scale") {
        apply(wanted, 2.0f, true);
        CHECK(body_font_size() == Approx(kBaseFontSize * 1.5f * 2));
        CHECK(ImGui::GetIO().FontGlobalScale == Approx(0.5f));
        CHECK(ImGui::GetStyle().FramePadding.y == std::floor(13 * 1.5f));  // 44 px touch targets, scaled (ImGui floors)
    }
}

TEST_CASE("text drawn at 200% is twice as wide as at 100%", "[ui][settings]") {
    float widths[2] = {};
    for (int i = 0; i < 2; ++i) {
        test::Headless ui(390, 844, i == 0 ? 1.0f : 2.0f);
        ui.frame([&] {
            ImGui::TextUnformatted("Monitoring schedule");
            widths[i] = ImGui::GetItemRectSize().x;
        });
    }
    REQUIRE(widths[0] > 0);
    CHECK(widths[1] == Approx(widths[0] * 2).epsilon(0.05));
}

TEST_CASE("a wrong value in the settings keeps the current one and names its key", "[ui][settings]") {
    Settings s;
    s.text_size_percent = 120;
    Problems problems;
    settings_from_json(R"({"text_size_percent": 500, "dark": "yes"})", s, problems);
    CHECK(s == Settings{120, false});
    std::vector<std::string> paths;
    for (const auto& p : problems) paths.push_back(p.path);
    std::sort(paths.begin(), paths.end());
    CHECK(paths == std::vector<std::string>{"/dark", "/text_size_percent"});
}
