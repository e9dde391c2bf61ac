// Checklist ticks travel with the saved record: tick, save to JSON, read back.
#include "catch.hpp"
#include "poems/checklists.hpp"
#include "poems/record_json.hpp"

using poems::Date;
using poems::Record;

TEST_CASE("checklist ticks survive saving and reading the record") {
    Record r;
    poems::tick_item(r, "checklist.suspect.ask_mprotein_tests", {2026, 1, 5});
    poems::tick_item(r, "checklist.just_diagnosed.remote_consultation", {2026, 3, 9});
    std::string text = poems::dump_record(r);

    auto load = poems::record_from_json_text(text, "record.json");
    for (const auto& p : load.problems) UNSCOPED_INFO(p.to_string());
    REQUIRE(load.record);
    CHECK(poems::tick_date(*load.record, "checklist.suspect.ask_mprotein_tests") == Date{2026, 1, 5});
    CHECK(poems::tick_date(*load.record, "checklist.just_diagnosed.remote_consultation") == Date{2026, 3, 9});
    CHECK(load.record->checklist == r.checklist);
}

TEST_CASE("an untick is saved too: the item is gone after reading the record back") {
    Record r;
    poems::tick_item(r, "checklist.family.caregiver_self_care", {2026, 2, 1});
    poems::tick_item(r, "checklist.family.help_with_logistics", {2026, 2, 2});
    poems::untick_item(r, "checklist.family.caregiver_self_care");

    auto load = poems::record_from_json_text(poems::dump_record(r));
    REQUIRE(load.record);
    CHECK_FALSE(poems::is_ticked(*load.record, "checklist.family.caregiver_self_care"));
    CHECK(poems::is_ticked(*load.record, "checklist.family.help_with_logistics"));
}

TEST_CASE("the suggested stage is the same after reading the record back") {
    Record r;
    r.events.push_back({"event-1", "diagnosis", {2026, 3, 1}, "", ""});
    auto load = poems::record_from_json_text(poems::dump_record(r));
    REQUIRE(load.record);
    CHECK(poems::suggest_stage(*load.record) == "stage.just_diagnosed");
}
