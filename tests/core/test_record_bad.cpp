// The corpus of malformed and hostile record files (tests/fixtures/record-bad/): each is refused
// with its exact message, and through the store nothing of it is lost or overwritten.
#include "catch.hpp"
#include "poems/record_store.hpp"
#include "test_record_support.hpp"

#include <filesystem>
#include <algorithm>
#include <map>

using namespace poems;
namespace fs = std::filesystem;

static const fs::path kBad = fs::path(POEMS_TEST_FIXTURES) / "record-bad";

// File -> every problem it must produce, in order.
static const std::map<std::string, std::vector<std::string>> kExpected = {
    {"birth-year.json", {"/profile/birth_year: must be between 1900 and 2100, got 1850"}},
    {"date-not-iso.json", {"/labs/0/date: \"15/03/2024\" is not a valid date (expected YYYY-MM-DD, e.g. 2024-03-15)"}},
    {"deeply-nested.json", {"nested too deeply (more than 16 levels) \u2014 this is not a record POEMS Companion writes"}},
    {"duplicate-checklist.json", {"/checklist/1/item_id: \"check.a\" is used twice in checklist (also at /checklist/0/item_id)"}},
    {"duplicate-ids.json", {"/labs/1/id: \"lab-1\" is used twice in labs (also at /labs/0/id)"}},
    {"empty-id.json", {"/labs/0/id: must not be empty"}},
    {"empty.json", {"not valid JSON: parse error at line 1, column 1: the text is empty: there is no JSON value "
                    "in it"}},
    {"event-kind.json", {"/events/0/kind: \"surgery\" is not one of \"diagnosis\", \"treatment_start\", "
                         "\"treatment_end\", \"asct\", \"remission\", \"relapse\""}},
    {"findings-bad-unit.json", {"/findings/vegf/unit: \"ng/mL\" is not one of \"pg/mL\""}},
    {"huge-exponent.json", {"not valid JSON: parse error at line 8, column 13: the number 1e999 is too large "
                            "(numbers must be finite)"}},
    {"infinity.json", {"not valid JSON: parse error at line 8, column 13: found Infinity: NaN and Infinity are "
                       "not allowed (numbers must be finite)"}},
    {"invalid-date.json", {"/labs/0/date: \"2025-02-30\" is not a valid date (expected YYYY-MM-DD, e.g. 2024-03-15)"}},
    {"labs-not-a-list.json", {"/labs: expected a list, got an object"}},
    {"missing-unit.json", {"/labs/0/unit: missing (this key is required)"}},
    {"nan.json", {"not valid JSON: parse error at line 8, column 13: found NaN: NaN and Infinity are not "
                  "allowed (numbers must be finite)"}},
    {"newer-schema.json", {"/schema: this record was written by a newer version of POEMS Companion (schema 3); this "
                           "version reads up to 2 \u2014 update the app; the file was not changed"}},
    {"no-schema.json", {"/schema: missing: this is not a POEMS Companion record (expected \"poems-record/2\")"}},
    {"not-an-object.json", {"a record must be a JSON object, got a list"}},
    {"severity-11.json", {"/symptoms/0/severity: must be between 0 and 10, got 11"}},
    {"severity-not-whole.json", {"/symptoms/0/severity: expected a whole number, got a number"}},
    {"truncated.json", {"not valid JSON: parse error at line 9, column 2: the text ends before the object that "
                        "opens at line 4, column 3 is closed (is the file cut short?)"}},
    {"unknown-key-in-entry.json", {"/symptoms/0/severty: unknown key \"severty\""}},
    {"unknown-key.json", {"/lab: unknown key \"lab\""}},
    {"unknown-schema.json", {"/schema: \"poems-findings/1\" is not a POEMS Companion record schema (expected \"poems-record/2\")"}},
    {"v1-lab-with-id.json", {"/appointments: unknown key \"appointments\" (in a schema 1 record)",
                             "/labs/0/id: unknown key \"id\" (in a schema 1 record)"}},
    {"value-is-text.json", {"/labs/0/value: expected a number, got a string"}},
};

static std::vector<fs::path> bad_files() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(kBad))
        if (e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

TEST_CASE("every hostile or malformed record file is refused with its exact message") {
    auto files = bad_files();
    CHECK(files.size() == kExpected.size());
    for (const auto& p : files) {
        const std::string name = p.filename().string();
        INFO(name);
        auto it = kExpected.find(name);
        REQUIRE(it != kExpected.end());  // a new file here needs its expected message above
        RecordLoad l = record_from_json_text(record_test::slurp(p), name);
        CHECK_FALSE(l.record);
        std::vector<std::string> got;
        for (const auto& problem : l.problems) got.push_back(problem.to_string());
        std::vector<std::string> want;
        for (const auto& m : it->second) want.push_back(name + ": " + m);
        CHECK(got == want);
        CHECK(l.newer_schema == (name == "newer-schema.json"));
    }
}

TEST_CASE("a hostile record.json is never overwritten or lost: it is set aside or left in place") {
    const Record good = record_test::any_record(7);
    for (const auto& p : bad_files()) {
        const std::string name = p.filename().string();
        INFO(name);
        record_test::TempDir dir;
        const std::string bad_bytes = record_test::slurp(p);
        record_test::spit(dir / "record.json", bad_bytes);
        record_test::spit(dir / "record.json.bak", dump_record(good));

        StoreLoad l = load_record(dir.path);
        REQUIRE_FALSE(l.messages.empty());
        if (name == "newer-schema.json") {
            // Refused and untouched; the app must not save.
            CHECK(l.read_only);
            CHECK(l.source == RecordSource::none);
            CHECK(record_test::slurp(dir / "record.json") == bad_bytes);
            CHECK(record_test::slurp(dir / "record.json.bak") == dump_record(good));
            continue;
        }
        CHECK_FALSE(l.read_only);
        CHECK(l.source == RecordSource::backup);
        CHECK(l.record == good);
        CHECK(record_test::slurp(dir / "record.json.broken-1") == bad_bytes);
        CHECK_FALSE(fs::exists(dir / "record.json"));

        // The next save keeps both the backup and the broken file.
        REQUIRE(save_record(dir.path, l.record).ok);
        CHECK(record_test::slurp(dir / "record.json.broken-1") == bad_bytes);
        CHECK(record_test::slurp(dir / "record.json.bak") == dump_record(good));
        CHECK(load_record(dir.path).record == good);
    }
}

TEST_CASE("importing a hostile file changes nothing and reports its problems") {
    Record current = record_test::any_record(3);
    for (const auto& p : bad_files()) {
        INFO(p.filename().string());
        RecordImport imp = import_record(record_test::slurp(p), current, p.filename().string());
        CHECK_FALSE(imp.load.record);
        CHECK_FALSE(imp.diff);
        CHECK_FALSE(imp.load.problems.empty());
    }
}
