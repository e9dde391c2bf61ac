#include "catch.hpp"
#include "poems/record_json.hpp"
#include "test_record_support.hpp"

#include <filesystem>
#include <set>

using namespace poems;
namespace fs = std::filesystem;

static const fs::path kMigrations = fs::path(POEMS_TEST_FIXTURES) / "record-migrations";

static bool is_expected(const fs::path& p) { return p.string().ends_with(".expected.json"); }

TEST_CASE("every older-schema example migrates to exactly its expected record") {
    int examples = 0;
    std::set<int> versions;
    for (const auto& entry : fs::directory_iterator(kMigrations)) {
        const fs::path p = entry.path();
        if (p.extension() != ".json" || is_expected(p)) continue;
        ++examples;
        fs::path expected_path = p;
        expected_path.replace_extension(".expected.json");
        INFO(p.filename().string());
        REQUIRE(fs::exists(expected_path));

        RecordLoad old = record_from_json_text(record_test::slurp(p), p.filename().string());
        RecordLoad expected = record_from_json_text(record_test::slurp(expected_path));
        INFO((old.problems.empty() ? "" : old.problems[0].to_string()));
        REQUIRE(old.record);
        REQUIRE(expected.record);
        CHECK(old.migrated);
        CHECK(old.from_schema < kRecordSchemaVersion);
        CHECK(expected.from_schema == kRecordSchemaVersion);
        CHECK(*old.record == *expected.record);
        versions.insert(old.from_schema);
    }
    CHECK(examples >= 2);
    // One example at least for every version older than the current one.
    for (int v = 1; v < kRecordSchemaVersion; ++v) CHECK(versions.count(v));
}

TEST_CASE("a migrated record is written back in the current schema and reads without migration") {
    RecordLoad old = record_from_json_text(record_test::slurp(kMigrations / "v1-full.json"));
    REQUIRE(old.record);
    RecordLoad again = record_from_json_text(dump_record(*old.record));
    REQUIRE(again.record);
    CHECK_FALSE(again.migrated);
    CHECK(*again.record == *old.record);
}

TEST_CASE("schema 1 lab results get ids in file order and keep their test") {
    RecordLoad l = record_from_json_text(R"({"schema": "poems-record/1", "labs": [
        {"test": "lab.a", "value": 1, "unit": "u", "date": "2020-01-01"},
        {"test": "lab.b", "value": 2, "unit": "u", "date": "2020-01-02"}]})");
    REQUIRE(l.record);
    REQUIRE(l.record->labs.size() == 2);
    CHECK(l.record->labs[0].id == "lab-1");
    CHECK(l.record->labs[1].id == "lab-2");
    CHECK(l.record->labs[1].test_id == "lab.b");
}

TEST_CASE("schema 1 files are still read strictly: keys version 1 never had are refused") {
    RecordLoad l = record_from_json_text(R"({"schema": "poems-record/1", "findings": {}})");
    CHECK_FALSE(l.record);
    REQUIRE(l.problems.size() == 1);
    CHECK(l.problems[0].to_string() == "/findings: unknown key \"findings\" (in a schema 1 record)");
}

TEST_CASE("migration happens in memory only: the input document is not changed") {
    Json doc = Json::parse(record_test::slurp(kMigrations / "v1-full.json"));
    Json copy = doc;
    RecordLoad l = record_from_json(doc);
    CHECK(l.record);
    CHECK(doc == copy);
}
