// The Diary page with years of entries, through the real page in a headless app: its rows come
// newest first, a page at a time, and "Show ... older entries" lists more (issue 21: every row
// drawn on every frame made a ten-year diary slow to scroll).
#include "../core/catch.hpp"
#include "app_driver.hpp"

#include <string>

using namespace poems;
using namespace poems::ui;
using test::AppDriver;

namespace {
// The diary rows the last frame drew, by the order they were named in.
std::vector<std::string> drawn_rows() {
    std::vector<std::string> rows;
    const Json d = Json::parse(description_json());
    for (const auto& n : d.at("nodes")) {
        const std::string t = n.value("t", "");
        if (t.rfind("diary:row:", 0) == 0) rows.push_back(t.substr(10));
    }
    return rows;
}

// `n` symptom entries, one a day from 2024-01-01 on, "s0" the oldest.
Record diary_of(int n) {
    Record r;
    for (int i = 0; i < n; ++i)
        r.symptoms.push_back({"s" + std::to_string(i), add_days({2024, 1, 1}, i), "", 3, "", "diary.symptom.numbness_tingling"});
    return r;
}
}  // namespace

TEST_CASE("diary page: a long diary lists its newest rows a page at a time", "[ui][diary]") {
    AppOptions options = AppDriver::phone_options();  // today 2026-03-01
    options.start_page = Page::diary;
    AppDriver d({}, options);
    d.app().replace_record(diary_of(120));
    d.frames(2);

    auto rows = drawn_rows();
    REQUIRE(rows.size() == 50);
    CHECK(rows.front() == "s119");  // the newest first
    CHECK(rows.back() == "s70");
    CHECK(AppDriver::drawn("The newest 50 of your 120 entries are listed."));
    CHECK(AppDriver::drawn("Show 50 older entries"));

    d.tap("diary:show-older");
    d.frames(2);
    rows = drawn_rows();
    CHECK(rows.size() == 100);
    CHECK(rows.back() == "s20");
    CHECK(AppDriver::drawn("Show 20 older entries"));

    d.tap("diary:show-older");
    d.frames(2);
    CHECK(drawn_rows().size() == 120);
    CHECK_FALSE(AppDriver::node("diary:show-older"));
    CHECK_FALSE(AppDriver::drawn("older entries"));
}

TEST_CASE("diary page: a short diary lists every row, with no button for more", "[ui][diary]") {
    AppOptions options = AppDriver::phone_options();
    options.start_page = Page::diary;
    AppDriver d({}, options);
    d.app().replace_record(diary_of(50));
    d.frames(2);
    CHECK(drawn_rows().size() == 50);
    CHECK_FALSE(AppDriver::node("diary:show-older"));
}
