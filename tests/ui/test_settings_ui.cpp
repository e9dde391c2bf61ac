// The display settings as the runners apply them: JSON -> Settings -> fonts and style, in a
// headless ImGui context (no window, no GPU).
#include "../core/catch.hpp"
#include "headless.hpp"

#include "app/runner_support.hpp"
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
}  // namespace

TEST_CASE("settings read from JSON rebuild the fonts at their text size and the style for their theme", "[ui][settings]") {
    test::Headless ui;
    Settings wanted;
    Problems problems;
    settings_from_json(R"({"text_size_percent": 150, "dark": true})", wanted, problems);
    REQUIRE(problems.empty());

    StyleState state;
    CHECK(refresh_style(state, wanted, 1.0f, false));  // first time: the fonts are built
    test::Headless::build_atlas();
    CHECK(body_font_size() == Approx(kBaseFontSize * 1.5f));
    CHECK(dark_background());
    CHECK(ImGui::GetStyle().ItemSpacing.x == Approx(10 * 1.5f));  // the sizes follow the text

    SECTION("the theme alone changes the style, not the fonts") {
        wanted.dark = false;
        CHECK_FALSE(refresh_style(state, wanted, 1.0f, false));
        CHECK_FALSE(dark_background());
        CHECK(body_font_size() == Approx(kBaseFontSize * 1.5f));
    }
    SECTION("the same settings again rebuild nothing") {
        CHECK_FALSE(refresh_style(state, wanted, 1.0f, false));
    }
    SECTION("a phone's pixel ratio rasterises twice as large and draws at half scale") {
        CHECK(refresh_style(state, wanted, 2.0f, true));
        test::Headless::build_atlas();
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

TEST_CASE("a settings change is taken once, and what is written reads back the same", "[ui][settings]") {
    Settings kept, now;
    CHECK_FALSE(take_settings_change(kept, now));
    now.text_size_percent = 130;
    now.dark = true;
    CHECK(take_settings_change(kept, now));
    CHECK_FALSE(take_settings_change(kept, now));
    Settings read;
    Problems problems;
    settings_from_json(settings_to_json(kept), read, problems);
    CHECK(problems.empty());
    CHECK(read == now);
}
