#include "catch.hpp"
#include "poems/record_care.hpp"

using namespace poems;

static Date day(const char* s) { return *parse_date(s); }

TEST_CASE("a record never exported is due a reminder after a change, and not before one") {
    RecordCare care;
    CHECK_FALSE(export_reminder_due(care, day("2026-03-01"), false, 0));
    care.changed_since_export = true;
    CHECK(export_reminder_due(care, day("2026-03-01"), false, 0));
}

TEST_CASE("after an export a change is reminded of only when the export is more than 30 days old") {
    RecordCare care{.last_export = day("2026-03-01"), .changed_since_export = true};
    CHECK_FALSE(export_reminder_due(care, day("2026-03-11"), false, 0));  // 10 days
    CHECK_FALSE(export_reminder_due(care, day("2026-03-31"), false, 0));  // 30 days
    CHECK(export_reminder_due(care, day("2026-04-01"), false, 0));        // 31 days
    care.changed_since_export = false;                                     // nothing new since
    CHECK_FALSE(export_reminder_due(care, day("2026-09-01"), false, 0));
}

TEST_CASE("the reminder shows at most once a day") {
    RecordCare care{.changed_since_export = true, .last_reminder = day("2026-03-01")};
    CHECK_FALSE(export_reminder_due(care, day("2026-03-01"), false, 0));
    CHECK_FALSE(export_reminder_due(care, day("2026-02-27"), false, 0));  // the clock went back
    CHECK(export_reminder_due(care, day("2026-03-02"), false, 0));
}

TEST_CASE("an embed shows no reminder in its first minute") {
    RecordCare care{.changed_since_export = true};
    CHECK_FALSE(export_reminder_due(care, day("2026-03-01"), true, 59.9));
    CHECK(export_reminder_due(care, day("2026-03-01"), true, 60));
    CHECK(export_reminder_due(care, day("2026-03-01"), false, 1));  // the full app: at once
}

TEST_CASE("what is remembered for the reminders is written and read back") {
    const RecordCare care{.last_export = day("2026-01-05"), .changed_since_export = true,
                          .last_reminder = day("2026-02-10"), .home_screen_advice_shown = true};
    Problems problems;
    CHECK(record_care_from_json(record_care_to_json(care), "record.json.care", problems) == care);
    CHECK(problems.empty());
    CHECK(record_care_from_json(record_care_to_json(RecordCare{}), "", problems) == RecordCare{});
}

TEST_CASE("a wrong value in the reminders file is reported with its path and left at its default") {
    Problems problems;
    const RecordCare care = record_care_from_json(
        R"({"last_export": "2026-02-30", "changed_since_export": "yes", "home_screen_advice_shown": true, "extra": 1})",
        "record.json.care", problems);
    CHECK_FALSE(care.last_export);
    CHECK_FALSE(care.changed_since_export);
    CHECK(care.home_screen_advice_shown);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].to_string() == "record.json.care: /last_export: expected a date as YYYY-MM-DD, got \"2026-02-30\"");
    CHECK(problems[1].to_string().rfind("record.json.care: /changed_since_export: ", 0) == 0);
    CHECK(problems[2].to_string().rfind("record.json.care: /extra: ", 0) == 0);
    problems.clear();
    CHECK(record_care_from_json("{\"last_export\": ", "record.json.care", problems) == RecordCare{});
    CHECK(problems.size() == 1);
}
