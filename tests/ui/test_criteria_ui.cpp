// The Criteria page's findings round trip, through the real page in a headless app (app_driver.hpp):
// answers tapped on the page are written to the record's findings; a replaced record (import,
// "delete all my data") shows its own findings on the page and is not written over by the old
// answers; answers entered on the page come back from the saved record and from an exported one.
#include "../core/catch.hpp"
#include "app_driver.hpp"

#include "poems/findings.hpp"
#include "poems/record_json.hpp"

#include <filesystem>
#include <random>
#include <string>

using namespace poems;
using namespace poems::ui;
using test::AppDriver;

namespace {

// A fresh folder for the record, removed afterwards.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("poems-ui-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

const Json& findings(AppDriver& d) { return d.app().record().findings; }

// What a person enters for the round trips: an answer, a VEGF result with its unit and sample,
// and a ticked endocrine finding.
void enter_answers(AppDriver& d) {
    d.tap("criteria:polyneuropathy:0");  // Yes
    d.tap("criteria:papilledema:1");     // No
    d.fill("criteria:vegf:value", "1450");
    d.tap("criteria:vegf:unit:0");    // pg/mL
    d.tap("criteria:vegf:sample:0");  // serum
    d.tap("criteria:endocrine:diabetes");
}

// The page shows what enter_answers() entered.
void check_answers_shown() {
    CHECK(AppDriver::selected("criteria:polyneuropathy:0"));
    CHECK_FALSE(AppDriver::selected("criteria:polyneuropathy:1"));
    CHECK(AppDriver::selected("criteria:papilledema:1"));
    CHECK(AppDriver::value("criteria:vegf:value") == "1450");
    CHECK(AppDriver::selected("criteria:vegf:unit:0"));
    CHECK(AppDriver::selected("criteria:vegf:sample:0"));
    CHECK(AppDriver::selected("criteria:endocrine:diabetes"));
}

Json entered_findings() {
    return {{"schema", kFindingsSchema},
            {"polyneuropathy", "present"},
            {"papilledema", "absent"},
            {"vegf", {{"value", 1450}, {"unit", "pg/mL"}, {"sample", "serum"}}},
            {"endocrine_findings", {"diabetes"}}};
}

}  // namespace

TEST_CASE("criteria page: an answer tapped on the page is written to the record's findings", "[ui][criteria]") {
    AppDriver d;
    REQUIRE(AppDriver::node("criteria:polyneuropathy:0"));
    CHECK_FALSE(findings(d).contains("polyneuropathy"));  // opening the page writes nothing

    d.tap("criteria:polyneuropathy:0");
    CHECK(findings(d).value("polyneuropathy", "") == "present");
    CHECK(AppDriver::selected("criteria:polyneuropathy:0"));

    SECTION("another answer replaces it") {
        d.tap("criteria:polyneuropathy:1");
        CHECK(findings(d).value("polyneuropathy", "") == "absent");
        CHECK_FALSE(AppDriver::selected("criteria:polyneuropathy:0"));
    }
    SECTION("'not tested' is written as unknown") {
        d.tap("criteria:polyneuropathy:2");
        CHECK(findings(d).value("polyneuropathy", "") == "unknown");
    }
}

TEST_CASE("criteria page: every part entered on the page is in the record's findings", "[ui][criteria]") {
    AppDriver d;
    enter_answers(d);
    CHECK(findings(d) == entered_findings());
}

TEST_CASE("criteria page: a replaced record shows its own findings", "[ui][criteria]") {
    AppDriver d;
    d.tap("criteria:polyneuropathy:0");
    REQUIRE(findings(d).value("polyneuropathy", "") == "present");

    SECTION("an imported record's answers replace the page's") {
        Record imported;
        imported.findings = {{"schema", kFindingsSchema},
                             {"polyneuropathy", "absent"},
                             {"vegf", {{"value", 1200}, {"unit", "pg/mL"}, {"sample", "plasma"}}}};
        d.app().replace_record(imported);
        d.frames(2);
        CHECK(AppDriver::selected("criteria:polyneuropathy:1"));
        CHECK_FALSE(AppDriver::selected("criteria:polyneuropathy:0"));
        CHECK(AppDriver::value("criteria:vegf:value") == "1200");
        CHECK(AppDriver::selected("criteria:vegf:sample:1"));
        // The old answers are not written back over the new record.
        CHECK(findings(d) == imported.findings);
    }
    SECTION("'delete all my data' empties the page") {
        d.app().delete_all_data();
        d.frames(2);
        for (int i = 0; i < 4; ++i) CHECK_FALSE(AppDriver::selected("criteria:polyneuropathy:" + std::to_string(i)));
        CHECK_FALSE(findings(d).contains("polyneuropathy"));
    }
}

TEST_CASE("criteria page: answers entered on the page survive the record's round trip", "[ui][criteria]") {
    SECTION("saved, and read again by the app when it starts") {
        TempDir dir;
        Platform platform;
        platform.name = "desktop";
        platform.record_dir = dir.path;
        {
            AppDriver first(platform);
            enter_answers(first);
            REQUIRE(first.app().save_status().state == SaveStatus::State::saved);
        }
        AppDriver again(platform);
        CHECK(again.app().record().findings == entered_findings());
        check_answers_shown();
    }
    SECTION("exported as JSON and imported") {
        std::string exported;
        {
            AppDriver first;
            enter_answers(first);
            exported = dump_record(first.app().record());
        }
        RecordLoad read = record_from_json_text(exported, "export.json");
        INFO(exported);
        REQUIRE(read.problems.empty());
        REQUIRE(read.record);
        AppDriver other;
        other.app().replace_record(*read.record);
        other.frames(2);
        check_answers_shown();
        CHECK(findings(other) == entered_findings());
    }
}
