// The lab chart's axes with the app's real fonts: value steps of 1, 2 or 5 times a power of ten
// that cover the data, and date labels that never overlap, from a phone to a desktop.
#include "../core/catch.hpp"
#include "headless.hpp"

#include "app/test_hooks.hpp"
#include "pages/lab_chart.hpp"
#include "poems/chart_axes.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace poems;
using namespace poems::ui;

namespace {
bool is_1_2_5(double step) {
    const double mag = std::pow(10.0, std::floor(std::log10(step)));
    const double norm = step / mag;
    return std::fabs(norm - 1) < 1e-9 || std::fabs(norm - 2) < 1e-9 || std::fabs(norm - 5) < 1e-9 ||
           std::fabs(norm - 10) < 1e-9;
}
}  // namespace

TEST_CASE("value axes step by 1, 2 or 5 times a power of ten and cover the data", "[ui][chart]") {
    const double ranges[][2] = {{0.2, 0.9}, {3.1, 3.4}, {95, 1450}, {600, 640}, {1e4, 2.5e5}, {0, 0}, {7, 7}};
    for (const auto& r : ranges)
        for (int count : {3, 4}) {
            INFO(r[0] << " to " << r[1] << ", " << count << " steps");
            const ValueAxis a = value_axis(r[0], r[1], count);
            CHECK(is_1_2_5(a.step));
            CHECK(a.min <= r[0]);
            CHECK(a.max >= r[1]);
            REQUIRE(a.ticks.size() >= 2);
            CHECK(a.ticks.front() == Catch::Approx(a.min));
            CHECK(a.ticks.back() == Catch::Approx(a.max));
            CHECK(a.ticks.size() <= std::size_t(count) * 3 + 2);  // a chart has room for a few labels
        }
}

TEST_CASE("date labels never overlap, from a phone's chart to a desktop's", "[ui][chart]") {
    test::Headless ui(1280, 800);
    ui.frame([] {});  // a frame, so the font is the current one
    ImGui::NewFrame();
    const long spans[] = {10, 45, 120, 400, 3 * 365, 12 * 365, 40 * 365};
    for (float plot_width : {240.0f, 300.0f, 700.0f, 1100.0f})
        for (long span : spans) {
            const Date from{2014, 3, 9};
            const DayRange r = day_range(from, add_days(from, span));
            const auto ticks =
                date_ticks(r.from, r.to, [&](double count, std::string_view s) { return date_labels_fit(count, s, plot_width); });
            INFO(plot_width << " px, " << span << " days: " << ticks.size() << " labels");
            CHECK_FALSE(ticks.empty());
            for (std::size_t i = 1; i < ticks.size(); ++i) {
                const float x0 = float((ticks[i - 1].day - r.from) / (r.to - r.from)) * plot_width;
                const float x1 = float((ticks[i].day - r.from) / (r.to - r.from)) * plot_width;
                const float half_widths = (ImGui::CalcTextSize(ticks[i - 1].label.c_str()).x +
                                           ImGui::CalcTextSize(ticks[i].label.c_str()).x) / 2;
                INFO(ticks[i - 1].label << " at " << x0 << ", " << ticks[i].label << " at " << x1);
                CHECK(x1 - x0 >= half_widths);  // centred labels: no two touch
            }
        }
    ImGui::EndFrame();
}

TEST_CASE("the chart takes the width it is given and draws ten years of weekly results", "[ui][chart]") {
    for (float width : {360.0f, 1280.0f}) {
        test::Headless ui(width, 800);
        Series s;
        s.unit = "pg/mL";
        for (int i = 0; i < 520; ++i)
            s.points.push_back({add_days(Date{2015, 1, 5}, i * 7), 400 + 300 * std::sin(i / 20.0), false, "r" + std::to_string(i)});
        std::string tapped = "not drawn";
        ui.frame([&] {
            tapped = draw_lab_chart("vegf", s, {{1000, 1000, "1000 pg/mL"}}, {Date{2015, 1, 5}, Date{2025, 1, 5}}, 220);
        });
        CHECK(tapped.empty());  // nothing was tapped
        const auto rects = nlohmann::json::parse(named_items_json());
        REQUIRE(rects.contains("labs:chart:vegf"));
        const auto& r = rects["labs:chart:vegf"];
        INFO(r.dump());
        const float avail = width - 2 * ImGui::GetStyle().WindowPadding.x;
        CHECK(r[2].get<float>() - r[0].get<float>() == Catch::Approx(avail).margin(1));
        CHECK(r[3].get<float>() - r[1].get<float>() == Catch::Approx(220).margin(1));
    }
}
