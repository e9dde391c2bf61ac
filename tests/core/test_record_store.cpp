#include "catch.hpp"
#include "poems/record_store.hpp"
#include "test_record_support.hpp"

#include <filesystem>

using namespace poems;
namespace fs = std::filesystem;
using record_test::any_record;
using record_test::slurp;
using record_test::spit;
using record_test::TempDir;

static const SaveStep kSteps[] = {SaveStep::write_tmp, SaveStep::sync_tmp, SaveStep::backup_previous, SaveStep::replace,
                                  SaveStep::sync_dir};

TEST_CASE("a saved record loads back the same") {
    TempDir dir;
    Record r = any_record(11);
    SaveResult s = save_record(dir.path, r);
    REQUIRE(s.ok);
    CHECK(s.bytes == fs::file_size(dir / "record.json"));
    StoreLoad l = load_record(dir.path);
    CHECK(l.source == RecordSource::main);
    CHECK(l.record == r);
    CHECK(l.messages.empty());
    CHECK_FALSE(l.read_only);
    CHECK_FALSE(fs::exists(dir / "record.json.tmp"));
}

TEST_CASE("a first start finds no record and says nothing") {
    TempDir dir;
    StoreLoad l = load_record(dir.path / "not-yet-created");
    CHECK(l.source == RecordSource::none);
    CHECK(l.record == Record{});
    CHECK(l.messages.empty());
    CHECK_FALSE(l.read_only);
}

TEST_CASE("saving creates the folder and keeps the previous record as the backup") {
    TempDir dir;
    fs::path folder = dir.path / "a" / "b";
    Record first = any_record(1), second = any_record(2);
    REQUIRE(save_record(folder, first).ok);
    CHECK_FALSE(fs::exists(folder / "record.json.bak"));
    REQUIRE(save_record(folder, second).ok);
    CHECK(slurp(folder / "record.json.bak") == dump_record(first, 1));
    CHECK(load_record(folder).record == second);
}

TEST_CASE("a save stopped before any step leaves the old or the new record, never a broken one") {
    const Record old_record = any_record(100), new_record = any_record(200);
    for (SaveStep step : kSteps) {
        INFO(to_string(step));
        TempDir dir;
        REQUIRE(save_record(dir.path, old_record).ok);
        SaveFaults faults;
        faults.stop_before = step;
        SaveResult s = save_record(dir.path, new_record, faults);
        CHECK_FALSE(s.ok);

        StoreLoad l = load_record(dir.path);
        CHECK_FALSE(l.read_only);
        bool is_old = l.record == old_record, is_new = l.record == new_record;
        CHECK((is_old || is_new));
        // Until the rename that replaces it, the old record is the one on disk.
        CHECK(is_new == (step == SaveStep::sync_dir));
        // The next save succeeds and loads.
        REQUIRE(save_record(dir.path, new_record).ok);
        CHECK(load_record(dir.path).record == new_record);
    }
}

TEST_CASE("an interrupted save between the two renames loads the backup with a message") {
    TempDir dir;
    const Record old_record = any_record(5), new_record = any_record(6);
    REQUIRE(save_record(dir.path, old_record).ok);
    SaveFaults faults;
    faults.stop_before = SaveStep::replace;
    REQUIRE_FALSE(save_record(dir.path, new_record, faults).ok);
    CHECK_FALSE(fs::exists(dir / "record.json"));

    StoreLoad l = load_record(dir.path);
    CHECK(l.source == RecordSource::backup);
    CHECK(l.record == old_record);
    REQUIRE(l.messages.size() == 1);
    CHECK(l.messages[0] == "record.json was missing (the last save was probably interrupted). Your record from the "
                           "save before (record.json.bak) was loaded instead; changes made after that save may be missing");
}

TEST_CASE("a torn write of the temporary file at any length never reaches the record") {
    const Record old_record = any_record(300), new_record = any_record(301);
    const std::size_t size = dump_record(new_record, 1).size();
    for (std::size_t bytes : {std::size_t{0}, std::size_t{1}, size / 3, size / 2, size - 2, size - 1, size}) {
        INFO(bytes);
        TempDir dir;
        REQUIRE(save_record(dir.path, old_record).ok);
        SaveFaults faults;
        faults.tmp_bytes = bytes;
        CHECK_FALSE(save_record(dir.path, new_record, faults).ok);
        CHECK(fs::file_size(dir / "record.json.tmp") == bytes);
        CHECK(load_record(dir.path).record == old_record);
    }
}

TEST_CASE("an interrupted first save leaves no record rather than a broken one") {
    for (SaveStep step : kSteps) {
        INFO(to_string(step));
        TempDir dir;
        SaveFaults faults;
        faults.stop_before = step;
        CHECK_FALSE(save_record(dir.path, any_record(9), faults).ok);
        StoreLoad l = load_record(dir.path);
        CHECK((l.record == Record{} || l.record == any_record(9)));
        CHECK_FALSE(l.read_only);
    }
}

TEST_CASE("a corrupt record.json is kept as a broken file and the backup is loaded") {
    TempDir dir;
    const Record old_record = any_record(20), new_record = any_record(21);
    REQUIRE(save_record(dir.path, old_record).ok);
    REQUIRE(save_record(dir.path, new_record).ok);
    std::string text = slurp(dir / "record.json");
    spit(dir / "record.json", text.substr(0, text.size() / 2));  // truncated, as after a disk failure

    StoreLoad l = load_record(dir.path);
    CHECK(l.source == RecordSource::backup);
    CHECK(l.record == old_record);
    REQUIRE(l.messages.size() == 1);
    CHECK(l.messages[0].rfind("record.json could not be read (record.json: not valid JSON: parse error", 0) == 0);
    CHECK(l.messages[0].find("the broken file was kept as record.json.broken-1. Your record from the save before "
                             "(record.json.bak) was loaded instead") != std::string::npos);
    CHECK(slurp(dir / "record.json.broken-1") == text.substr(0, text.size() / 2));
}

TEST_CASE("broken files are numbered and never replace one another") {
    TempDir dir;
    spit(dir / "record.json.broken-1", "first");
    spit(dir / "record.json", "{");
    load_record(dir.path);
    CHECK(slurp(dir / "record.json.broken-1") == "first");
    CHECK(slurp(dir / "record.json.broken-2") == "{");
}

TEST_CASE("when the record and the backup are both unreadable the app starts empty and says so") {
    TempDir dir;
    spit(dir / "record.json", "{\"schema\": ");
    spit(dir / "record.json.bak", "[]");
    StoreLoad l = load_record(dir.path);
    CHECK(l.source == RecordSource::none);
    CHECK(l.record == Record{});
    CHECK_FALSE(l.read_only);
    REQUIRE(l.messages.size() == 1);
    CHECK(l.messages[0].find("The backup could not be read either (record.json.bak: a record must be a JSON object, "
                             "got a list) and was kept as record.json.broken-2, so the app starts with an empty record") !=
          std::string::npos);
    CHECK(slurp(dir / "record.json.broken-1") == "{\"schema\": ");
    CHECK(slurp(dir / "record.json.broken-2") == "[]");
}

TEST_CASE("a corrupt record without a backup is kept and the message says there is no backup") {
    TempDir dir;
    spit(dir / "record.json", "garbage");
    StoreLoad l = load_record(dir.path);
    REQUIRE(l.messages.size() == 1);
    CHECK(l.messages[0].ends_with("There is no backup, so the app starts with an empty record"));
    CHECK(slurp(dir / "record.json.broken-1") == "garbage");
}

TEST_CASE("a record from a newer app is refused, left untouched and the folder is read-only") {
    TempDir dir;
    const std::string newer = R"({"schema": "poems-record/4", "labs": [], "medications": []})";
    spit(dir / "record.json", newer);
    StoreLoad l = load_record(dir.path);
    CHECK(l.read_only);
    CHECK(l.from_schema == 4);
    REQUIRE(l.messages.size() == 1);
    CHECK(l.messages[0].find("newer version of POEMS Companion (schema 4)") != std::string::npos);
    CHECK(slurp(dir / "record.json") == newer);
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("a newer backup behind a broken record also makes the folder read-only") {
    TempDir dir;
    spit(dir / "record.json", "{");
    spit(dir / "record.json.bak", R"({"schema": "poems-record/9"})");
    StoreLoad l = load_record(dir.path);
    CHECK(l.read_only);
    CHECK(slurp(dir / "record.json.bak") == R"({"schema": "poems-record/9"})");
}

TEST_CASE("an older record is migrated on load and a copy of the old file is kept") {
    TempDir dir;
    const std::string v1 = slurp(fs::path(POEMS_TEST_FIXTURES) / "record-migrations" / "v1-full.json");
    spit(dir / "record.json", v1);
    StoreLoad l = load_record(dir.path);
    CHECK(l.source == RecordSource::main);
    CHECK(l.migrated);
    CHECK(l.from_schema == 1);
    CHECK(l.record.labs.size() == 3);
    REQUIRE(l.messages.size() == 1);
    CHECK(l.messages[0].ends_with("a copy of the old file was kept as record.json.schema-1"));
    CHECK(slurp(dir / "record.json.schema-1") == v1);
    CHECK(slurp(dir / "record.json") == v1);  // unchanged until the app saves

    REQUIRE(save_record(dir.path, l.record).ok);
    REQUIRE(save_record(dir.path, l.record).ok);
    CHECK(slurp(dir / "record.json.schema-1") == v1);  // still there after the .bak moved on
    StoreLoad again = load_record(dir.path);
    CHECK_FALSE(again.migrated);
    CHECK(again.record == l.record);
}

TEST_CASE("a record that would not load back is not saved and nothing on disk changes") {
    TempDir dir;
    Record r = any_record(30);
    REQUIRE(save_record(dir.path, r).ok);
    const std::string before = slurp(dir / "record.json");
    Record bad = r;
    bad.symptoms.push_back({"sym-x", {2024, 1, 1}, "pain", 12, ""});
    SaveResult s = save_record(dir.path, bad);
    CHECK_FALSE(s.ok);
    CHECK(s.message.rfind("your record was not saved because it would not load back: /symptoms/", 0) == 0);
    CHECK(slurp(dir / "record.json") == before);
    CHECK_FALSE(fs::exists(dir / "record.json.tmp"));
    CHECK_FALSE(fs::exists(dir / "record.json.bak"));
}

TEST_CASE("deleting all data removes the record, backup, temporary, broken and migration copies only") {
    TempDir dir;
    REQUIRE(save_record(dir.path, any_record(1)).ok);
    REQUIRE(save_record(dir.path, any_record(2)).ok);
    spit(dir / "record.json.tmp", "x");
    spit(dir / "record.json.broken-1", "x");
    spit(dir / "record.json.schema-1", "x");
    spit(dir / "other.txt", "not ours");
    DeleteResult d = delete_record_files(dir.path);
    CHECK(d.ok);
    CHECK(d.removed == 5);
    CHECK(d.message == "5 files deleted");
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
    CHECK(fs::exists(dir / "other.txt"));
    CHECK(load_record(dir.path).record == Record{});
}

TEST_CASE("deleting from a folder that does not exist is not an error") {
    TempDir dir;
    DeleteResult d = delete_record_files(dir.path / "none");
    CHECK(d.ok);
    CHECK(d.removed == 0);
}

TEST_CASE("the default folder follows XDG_DATA_HOME, then the home folder") {
    CHECK(xdg_record_dir("/data", "/home/a") == fs::path("/data/poems-companion"));
    CHECK(xdg_record_dir(nullptr, "/home/a") == fs::path("/home/a/.local/share/poems-companion"));
    CHECK(xdg_record_dir("", "/home/a") == fs::path("/home/a/.local/share/poems-companion"));
    CHECK(xdg_record_dir("relative/dir", "/home/a") == fs::path("/home/a/.local/share/poems-companion"));
    CHECK(xdg_record_dir(nullptr, nullptr).empty());
}

TEST_CASE("an export is the pretty current-schema text and imports back with its differences") {
    Record current = any_record(50), mine = any_record(51);
    std::string text = export_record(mine);
    CHECK(text.find("\n  \"schema\": \"poems-record/3\"") != std::string::npos);
    RecordImport imp = import_record(text, current, "export.json");
    REQUIRE(imp.load.record);
    CHECK(*imp.load.record == mine);
    REQUIRE(imp.diff);
    CHECK(imp.diff->lines == summarize_differences(current, mine).lines);
    CHECK(export_file_name({2025, 3, 15}) == "poems-record-2025-03-15.json");
}
