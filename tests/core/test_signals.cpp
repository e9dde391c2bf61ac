#include "test_schedule_support.hpp"

#include "poems/signals.hpp"

using namespace poems;
using namespace poems::test;
using Catch::Matchers::ContainsSubstring;

namespace {

std::vector<Signal> signals_for(const Record& r, const char* today = "2025-06-30") {
    return find_signals(r, labs(), monitoring(), d(today));
}

Record vegf(std::initializer_list<std::pair<double, const char*>> values, const char* test = "labs.vegf_serum",
            const char* unit = "pg/mL") {
    Record r;
    int month = 1;
    for (const auto& [v, u] : values) {
        char date[16];
        std::snprintf(date, sizeof date, "2025-%02d-01", month++);
        lab(r, test, v, u ? u : unit, date);
    }
    return r;
}

}  // namespace

TEST_CASE("VEGF rising twice in a row is a signal that shows the values and the rule", "[signals]") {
    auto s = signals_for(vegf({{400, nullptr}, {520, nullptr}, {700, nullptr}}));
    REQUIRE(s.size() == 1);
    CHECK(s[0].rule_id == "monitoring.signal.vegf_rising");
    CHECK(s[0].test_id == "labs.vegf_serum");
    CHECK(s[0].data == std::vector<std::string>{"2025-01-01: 400 pg/mL", "2025-02-01: 520 pg/mL", "2025-03-01: 700 pg/mL"});
    CHECK(s[0].entry_ids == std::vector<std::string>{"lab-1", "lab-2", "lab-3"});
    CHECK_THAT(s[0].rule->text.in(), ContainsSubstring("Tell your care team"));
    CHECK(s[0].rule->sources.front().section == "If You Are in Treatment or Recovery");
}

TEST_CASE("flat, falling and single VEGF values are not a signal", "[signals]") {
    CHECK(signals_for(vegf({{500, nullptr}, {500, nullptr}, {500, nullptr}})).empty());
    CHECK(signals_for(vegf({{900, nullptr}, {700, nullptr}, {500, nullptr}})).empty());
    CHECK(signals_for(vegf({{900, nullptr}})).empty());
    CHECK(signals_for(vegf({{400, nullptr}, {900, nullptr}})).empty());  // one rise only
    CHECK(signals_for(Record{}).empty());
}

TEST_CASE("only the latest results count: an old rise followed by a fall is not a signal", "[signals]") {
    CHECK(signals_for(vegf({{100, nullptr}, {200, nullptr}, {300, nullptr}, {250, nullptr}})).empty());
    CHECK(signals_for(vegf({{900, nullptr}, {100, nullptr}, {200, nullptr}, {300, nullptr}})).size() == 1);
}

TEST_CASE("VEGF in mixed units is compared after exact conversion", "[signals]") {
    auto s = signals_for(vegf({{400, "pg/mL"}, {450, "ng/L"}, {500, "pg/mL"}}));
    REQUIRE(s.size() == 1);
    CHECK(s[0].data[1] == "2025-02-01: 450 pg/mL");
    CHECK(signals_for(vegf({{400, "pg/mL"}, {350, "ng/L"}, {500, "pg/mL"}})).empty());
}

TEST_CASE("serum and plasma VEGF are never mixed in one trend", "[signals]") {
    Record r;
    lab(r, "labs.vegf_serum", 500, "pg/mL", "2025-01-01");
    lab(r, "labs.vegf_plasma", 100, "pg/mL", "2025-02-01");
    lab(r, "labs.vegf_serum", 600, "pg/mL", "2025-03-01");
    lab(r, "labs.vegf_plasma", 150, "pg/mL", "2025-04-01");
    CHECK(signals_for(r).empty());
    lab(r, "labs.vegf_plasma", 200, "pg/mL", "2025-05-01");
    auto s = signals_for(r);
    REQUIRE(s.size() == 1);
    CHECK(s[0].test_id == "labs.vegf_plasma");
}

TEST_CASE("results dated after today are ignored", "[signals]") {
    CHECK(signals_for(vegf({{400, nullptr}, {520, nullptr}, {700, nullptr}}), "2025-02-15").empty());
}

TEST_CASE("a symptom entry with swelling in the last 90 days is a signal to report", "[signals]") {
    Record r;
    symptom(r, "Swollen ankles again", "2025-06-01", 4);
    auto s = signals_for(r);
    REQUIRE(s.size() == 1);
    CHECK(s[0].rule_id == "monitoring.signal.edema");
    CHECK(s[0].data == std::vector<std::string>{"2025-06-01: Swollen ankles again (severity 4/10)"});
}

TEST_CASE("symptom entries older than the lookback or in the future do not count", "[signals]") {
    Record r;
    symptom(r, "swelling", "2025-04-01");  // 90 days before 2025-06-30 is outside (window starts 2025-04-02)
    symptom(r, "swelling", "2025-07-01");
    CHECK(signals_for(r).empty());
    symptom(r, "swelling", "2025-04-02");
    CHECK(signals_for(r).size() == 1);
}

TEST_CASE("nerve and hormone symptoms match by word start, case-insensitively", "[signals]") {
    Record r;
    symptom(r, "Numbness in both feet", "2025-06-10");
    symptom(r, "Tingling hands", "2025-06-11");
    symptom(r, "Missed periods", "2025-06-12");
    symptom(r, "Headache", "2025-06-13");
    auto s = signals_for(r);
    REQUIRE(s.size() == 2);
    CHECK(s[0].rule_id == "monitoring.signal.neuropathy");
    CHECK(s[0].entry_ids == std::vector<std::string>{"symptom-1", "symptom-2"});
    CHECK(s[1].rule_id == "monitoring.signal.endocrine");
}

TEST_CASE("each signal rule's text names its parameters and every word it matches", "[signals]") {
    for (const auto& rule : monitoring().signals) {
        INFO(rule.id);
        const std::string& text = rule.rule.in();
        if (rule.kind == "symptom_words") {
            CHECK_THAT(text, ContainsSubstring(std::to_string(rule.lookback_days) + " days"));
            for (const auto& w : rule.words) CHECK_THAT(text, ContainsSubstring(w));
        } else {
            CHECK_THAT(text, ContainsSubstring(std::to_string(rule.consecutive_rises + 1) + " results"));
            CHECK_THAT(text, ContainsSubstring(std::to_string(rule.consecutive_rises) + " rises"));
        }
    }
}
