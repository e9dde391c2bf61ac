#include "test_schedule_support.hpp"

#include "poems/signals.hpp"

#include <cctype>

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

TEST_CASE("a first diary entry of swelling in the last 90 days is a signal to report", "[signals]") {
    Record r;
    symptom_of(r, "diary.symptom.swelling", "2025-06-01", 4);
    auto s = signals_for(r);
    REQUIRE(s.size() == 1);
    CHECK(s[0].rule_id == "monitoring.signal.edema");
    CHECK(s[0].entry_ids == std::vector<std::string>{"symptom-1"});
    CHECK(s[0].data == std::vector<std::string>{"2025-06-01: diary.symptom.swelling, severity 4/10 (first entry)"});
    // With the diary's content the line names the symptom in its words.
    auto named = find_signals(r, labs(), monitoring(), d("2025-06-30"), &diary());
    REQUIRE(named.size() == 1);
    CHECK(named[0].data == std::vector<std::string>{"2025-06-01: Swelling or fluid build-up, severity 4/10 (first entry)"});
}

TEST_CASE("symptom signals: a steady symptom is quiet, a worse or returning one is a signal", "[signals]") {
    // A synthetic series of one symptom: severity by date, and whether the signal fires on 2025-06-30.
    Record r;
    symptom_of(r, "diary.symptom.numbness_tingling", "2025-01-10", 6);  // first entry, but over 90 days ago
    symptom_of(r, "diary.symptom.numbness_tingling", "2025-04-10", 6);  // the same: steady
    symptom_of(r, "diary.symptom.numbness_tingling", "2025-05-10", 5);  // better
    CHECK(signals_for(r).empty());
    symptom_of(r, "diary.symptom.numbness_tingling", "2025-06-10", 7);  // worse than the entry before it
    auto s = signals_for(r);
    REQUIRE(s.size() == 1);
    CHECK(s[0].rule_id == "monitoring.signal.neuropathy");
    CHECK(s[0].entry_ids == std::vector<std::string>{"symptom-4"});
    CHECK(s[0].data[0] == "2025-06-10: diary.symptom.numbness_tingling, severity 7/10 (up from 5/10 on 2025-05-10)");

    // Gone (0), then back: returning counts as worse; a 0 itself never fires.
    Record back;
    symptom_of(back, "diary.symptom.hormone_changes", "2024-01-10", 4);
    symptom_of(back, "diary.symptom.hormone_changes", "2025-05-01", 0);
    CHECK(signals_for(back).empty());
    symptom_of(back, "diary.symptom.hormone_changes", "2025-06-20", 2);
    auto b = signals_for(back);
    REQUIRE(b.size() == 1);
    CHECK(b[0].rule_id == "monitoring.signal.endocrine");

    // Entries of the same day keep their record order: the second one compares with the first.
    Record same_day;
    symptom_of(same_day, "diary.symptom.weakness", "2025-06-01", 3);
    symptom_of(same_day, "diary.symptom.weakness", "2025-06-01", 3);
    auto sd = signals_for(same_day);
    REQUIRE(sd.size() == 1);
    CHECK(sd[0].entry_ids == std::vector<std::string>{"symptom-1"});
}

TEST_CASE("symptom entries older than the lookback or in the future do not count", "[signals]") {
    Record r;
    symptom_of(r, "diary.symptom.swelling", "2025-04-01", 3);  // 90 days before 2025-06-30 is outside (window starts 2025-04-02)
    symptom_of(r, "diary.symptom.swelling", "2025-07-01", 8);  // after today: a typing slip, not read
    CHECK(signals_for(r).empty());
    Record inside;
    symptom_of(inside, "diary.symptom.swelling", "2025-04-02", 3);
    CHECK(signals_for(inside).size() == 1);
}

TEST_CASE("signals read symptom ids, never words: an Other entry or an unlisted symptom gives none", "[signals]") {
    Record r;
    symptom(r, "Swollen ankles and numb feet, missed periods", "2025-06-10", 8);  // "other", the person's words
    symptom_of(r, "diary.symptom.fatigue", "2025-06-11", 9);                     // on the list, in no rule
    symptom_of(r, "diary.symptom.not_in_this_version", "2025-06-12", 9);        // unknown id
    CHECK(signals_for(r).empty());
    symptom_of(r, "diary.symptom.balance_falls", "2025-06-13", 2);
    symptom_of(r, "diary.symptom.swelling", "2025-06-14", 1);
    auto s = signals_for(r);
    REQUIRE(s.size() == 2);  // content order: edema before neuropathy
    CHECK(s[0].rule_id == "monitoring.signal.edema");
    CHECK(s[1].rule_id == "monitoring.signal.neuropathy");
}

TEST_CASE("every symptom a signal rule reads is a symptom of the diary's list", "[signals]") {
    int rules = 0;
    for (const auto& rule : monitoring().signals) {
        if (rule.kind != "symptom_entries") continue;
        ++rules;
        for (const auto& id : rule.symptom_ids) {
            INFO(rule.id << " " << id);
            CHECK(diary().symptom(id) != nullptr);
        }
    }
    CHECK(rules == 3);
}

TEST_CASE("each signal rule's text names its parameters and every word it matches", "[signals]") {
    for (const auto& rule : monitoring().signals) {
        INFO(rule.id);
        const std::string& text = rule.rule.in();
        if (rule.kind == "symptom_entries") {
            CHECK_THAT(text, ContainsSubstring(std::to_string(rule.lookback_days) + " days"));
            for (const auto& id : rule.symptom_ids) {
                REQUIRE(diary().symptom(id));
                std::string name = diary().symptom(id)->name.in();
                for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                CHECK_THAT(text, ContainsSubstring(name));
            }
        } else {
            CHECK_THAT(text, ContainsSubstring(std::to_string(rule.consecutive_rises + 1) + " results"));
            CHECK_THAT(text, ContainsSubstring(std::to_string(rule.consecutive_rises) + " rises"));
        }
    }
}
