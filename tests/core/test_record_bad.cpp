// The corpus of malformed and hostile record files (tests/fixtures/record-bad/): each is refused
// with its exact message, and through the store nothing of it is lost or overwritten.
#include "catch.hpp"
#include "poems/embedded_files.hpp"
#include "poems/labs.hpp"
#include "poems/record_store.hpp"
#include "test_record_support.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>

using namespace poems;
namespace fs = std::filesystem;

static const fs::path kBad = fs::path(POEMS_TEST_FIXTURES) / "record-bad";

// File -> every problem it must produce, in order, in our own words (a file that is not JSON gets
// the line, the column and what is wrong there, never the JSON library's message).
static const std::map<std::string, std::vector<std::string>> kExpected = {
    {"appointment-tests-repeated.json", {"/appointments/0/test_ids/1: \"labs.vegf_serum\" is listed twice (also "
                                         "at /appointments/0/test_ids/0)"}},
    {"asked-doctor-repeated.json", {"/asked_doctor/2: \"missing.vegf\" is listed twice (also at "
                                    "/asked_doctor/0)"}},
    {"birth-year-1899.json", {"/profile/birth_year: must be between 1900 and 2100, got 1899"}},
    {"birth-year-2101.json", {"/profile/birth_year: must be between 1900 and 2100, got 2101"}},
    {"birth-year-text.json", {"/profile/birth_year: expected a whole number, got a string"}},
    {"birth-year.json", {"/profile/birth_year: must be between 1900 and 2100, got 1850"}},
    {"checklist-missing-item.json", {"/checklist/0/item_id: missing (this key is required)"}},
    {"comment.json", {"not valid JSON: parse error at line 1, column 1: expected a value (text in double "
                      "quotes, a number, true, false, null, an object {...} or a list [...]), found a comment "
                      "(JSON has no comments: remove it)"}},
    {"date-feb-29-2023.json", {"/symptoms/0/date: \"2023-02-29\" is not a valid date (expected YYYY-MM-DD, e.g. "
                               "2024-03-15)"}},
    {"date-not-iso.json", {"/labs/0/date: \"15/03/2024\" is not a valid date (expected YYYY-MM-DD, e.g. "
                           "2024-03-15)"}},
    {"date-with-time.json", {"/notes/0/date: \"2024-02-01T09:30:00\" is not a valid date (expected YYYY-MM-DD, "
                             "e.g. 2024-03-15)"}},
    {"decimal-point-alone.json", {"not valid JSON: parse error at line 3, column 91: a decimal point must be "
                                  "followed by a digit (write 1.0 or 1, not 1.)"}},
    {"deeply-nested.json", {"nested too deeply (more than 16 levels) \u2014 this is not a record POEMS "
                            "Companion writes"}},
    // Found while growing this corpus: the JSON library kept the second "notes" and dropped the first.
    {"duplicate-key.json", {"line 4, column 2: the key \"notes\" is given twice in one object (first at line 3, "
                            "column 2): only one could be kept, so remove or rename the other"}},
    {"duplicate-checklist.json", {"/checklist/1/item_id: \"check.a\" is used twice in checklist (also at "
                                  "/checklist/0/item_id)"}},
    {"duplicate-ids.json", {"/labs/1/id: \"lab-1\" is used twice in labs (also at /labs/0/id)"}},
    {"empty-id.json", {"/labs/0/id: must not be empty"}},
    {"empty.json", {"not valid JSON: parse error at line 1, column 1: the text is empty: there is no JSON value "
                    "in it"}},
    {"entry-not-object.json", {"/notes/0: expected an object, got a string"}},
    {"event-kind.json", {"/events/0/kind: \"surgery\" is not one of \"diagnosis\", \"treatment_start\", "
                         "\"treatment_end\", \"asct\", \"remission\", \"relapse\""}},
    {"findings-bad-unit.json", {"/findings/vegf/unit: \"ng/mL\" is not one of \"pg/mL\""}},
    {"findings-vegf-zero.json", {"/findings/vegf/value: must be greater than zero, got 0"}},
    {"findings-wrong-schema.json", {"/findings/schema: \"poems-findings/2\" is not \"poems-findings/1\""}},
    {"huge-exponent.json", {"not valid JSON: parse error at line 8, column 13: the number 1e999 is too large "
                            "(numbers must be finite)"}},
    {"id-is-number.json", {"/notes/0/id: expected a string, got a number"}},
    {"infinity.json", {"not valid JSON: parse error at line 8, column 13: found Infinity: NaN and Infinity are "
                       "not allowed (numbers must be finite)"}},
    {"invalid-date.json", {"/labs/0/date: \"2025-02-30\" is not a valid date (expected YYYY-MM-DD, e.g. "
                           "2024-03-15)"}},
    {"labs-not-a-list.json", {"/labs: expected a list, got an object"}},
    {"labs-null.json", {"/labs: expected a list, got null"}},
    {"latin1-text.json", {"not valid JSON: parse error at line 3, column 34: the text is not valid UTF-8 here "
                          "(save the file as UTF-8)"}},
    {"leading-zero.json", {"not valid JSON: parse error at line 3, column 28: a number must not start with 0 "
                           "(write 7, not 07)"}},
    {"line-break-in-text.json", {"not valid JSON: parse error at line 3, column 69: text in double quotes must "
                                 "not hold a line break as it is: write it as an escape (\\n for a line break, "
                                 "\\t for a tab), or close the quotes before it"}},
    {"lone-surrogate.json", {"not valid JSON: parse error at line 3, column 75: \\ud83d is the first half of a "
                             "UTF-16 pair and must be followed by its second half (\\uDC00 to \\uDFFF)"}},
    {"missing-comma.json", {"not valid JSON: parse error at line 3, column 2: expected ',' or '}' after a value "
                            "in the object that opens at line 1, column 1, found '\"' (is a ',' missing?)"}},
    {"missing-unit.json", {"/labs/0/unit: missing (this key is required)"}},
    {"nan.json", {"not valid JSON: parse error at line 8, column 13: found NaN: NaN and Infinity are not "
                  "allowed (numbers must be finite)"}},
    {"negative-infinity.json", {"not valid JSON: parse error at line 3, column 89: found -Infinity: NaN and "
                                "Infinity are not allowed (numbers must be finite)"}},
    {"newer-schema.json", {"/schema: this record was written by a newer version of POEMS Companion (schema 4); "
                           "this version reads up to 3 \u2014 update the app; the file was not changed"}},
    {"no-schema.json", {"/schema: missing: this is not a POEMS Companion record (expected \"poems-record/3\")"}},
    {"not-an-object-string.json", {"a record must be a JSON object, got a string"}},
    {"not-an-object.json", {"a record must be a JSON object, got a list"}},
    {"note-blank-text.json", {"/notes/0/text: must not be empty"}},
    {"number-past-largest.json", {"not valid JSON: parse error at line 3, column 88: the number 1.8e308 is too "
                                  "large (numbers must be finite)"}},
    {"profile-not-object.json", {"/profile: expected an object, got a string"}},
    {"schema-not-text.json", {"/schema: expected a string, got a number"}},
    {"severity-11.json", {"/symptoms/0/severity: must be between 0 and 10, got 11"}},
    {"severity-negative.json", {"/symptoms/0/severity: must be between 0 and 10, got -1"}},
    {"severity-not-whole.json", {"/symptoms/0/severity: expected a whole number, got a number"}},
    {"sex-unknown.json", {"/profile/sex: \"f\" is not one of \"female\", \"male\", \"other\" (or leave it out)"}},
    {"single-quotes.json", {"not valid JSON: parse error at line 2, column 2: keys take double quotes "
                            "(\"name\"), not single ones"}},
    {"three-problems.json", {"/profile/birth_year: must be between 1900 and 2100, got 3000",
                             "/labs/0/date: \"2024-13-01\" is not a valid date (expected YYYY-MM-DD, e.g. "
                             "2024-03-15)",
                             "/labs/0/colour: unknown key \"colour\""}},
    {"trailing-comma.json", {"not valid JSON: parse error at line 6, column 1: a ',' must be followed by "
                             "another key: remove the ',' before '}'"}},
    {"truncated.json", {"not valid JSON: parse error at line 9, column 2: the text ends before the object that "
                        "opens at line 4, column 3 is closed (is the file cut short?)"}},
    {"two-documents.json", {"not valid JSON: parse error at line 2, column 1: the JSON is complete before this "
                            "point, but '{' follows (a file holds one value; is something pasted twice?)"}},
    {"unknown-key-in-entry.json", {"/symptoms/0/severty: unknown key \"severty\""}},
    {"unknown-key.json", {"/lab: unknown key \"lab\""}},
    {"unknown-schema.json", {"/schema: \"poems-findings/1\" is not a POEMS Companion record schema (expected "
                             "\"poems-record/3\")"}},
    {"unterminated-string.json", {"not valid JSON: parse error at line 3, column 85: text in double quotes must "
                                  "not hold a line break as it is: write it as an escape (\\n for a line break, "
                                  "\\t for a tab), or close the quotes before it"}},
    {"utf16.json", {"not valid JSON: parse error at line 1, column 1: the file is saved as UTF-16: save it as "
                    "UTF-8"}},
    {"v1-lab-with-id.json", {"/appointments: unknown key \"appointments\" (in a schema 1 record)",
                             "/labs/0/id: unknown key \"id\" (in a schema 1 record)"}},
    {"value-is-text.json", {"/labs/0/value: expected a number, got a string"}},
    {"windows-path.json", {"not valid JSON: parse error at line 3, column 76: '\\s' is not an escape JSON knows "
                           "(write \\\\ for a backslash)"}},
    // Found by fuzzing: the JSON library stopped at the first zero byte and the note after it was
    // dropped without a word (the file read as a valid record with no notes).
    {"zero-bytes-after-record.json", {"not valid JSON: parse error at line 2, column 1: the JSON is complete before "
                                      "this point, but zero bytes follow (the file may have been damaged while it "
                                      "was saved)"}},
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
    CHECK(files.size() >= 50);
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
        for (const auto& m : got)  // nlohmann_json's own wording never reaches a person
            CHECK((m.find("syntax error") == std::string::npos && m.find("last read") == std::string::npos &&
                   m.find("json.exception") == std::string::npos));
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

// ---------------------------------------------------------------------------------------------
// Every limit of docs/record.md, generated here rather than committed (some are megabytes): one
// past the limit is refused with its message, at the limit the record is accepted.
// ---------------------------------------------------------------------------------------------

namespace {

Json base_record() { return Json{{"schema", "poems-record/2"}}; }

// `n` characters of `c` (a UTF-8 character: limits count characters, not bytes).
std::string chars(std::size_t n, const std::string& c = "\u00e9") {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += c;
    return s;
}

struct LimitCase {
    const char* name;
    std::function<Json(std::size_t)> record;  // the record with the limited thing of this size
    std::size_t limit;
    std::string message;  // for limit + 1
};

std::vector<std::string> problems_of(const std::string& text, const char* name) {
    RecordLoad l = record_from_json_text(text, name);
    std::vector<std::string> out;
    for (const auto& p : l.problems) out.push_back(p.to_string());
    CHECK(l.record.has_value() == out.empty());
    return out;
}

}  // namespace

TEST_CASE("every length limit: one past is refused with its message, at the limit the record is accepted") {
    auto one = [](const char* section, Json entry) {
        Json r = base_record();
        r[section] = Json::array({std::move(entry)});
        return r;
    };
    auto event = [](Json extra) {
        Json e = {{"id", "ev-1"}, {"date", "2024-01-01"}, {"kind", "treatment_start"}};
        e.update(extra);
        return e;
    };
    auto lab = [](Json extra) {
        Json e = {{"id", "lab-1"}, {"date", "2024-01-01"}, {"test_id", "labs.vegf_serum"}, {"value", 1200}, {"unit", "pg/mL"}};
        e.update(extra);
        return e;
    };
    auto symptom = [](Json extra) {
        Json e = {{"id", "sym-1"}, {"date", "2024-01-01"}, {"symptom", "numb toes"}, {"severity", 3}};
        e.update(extra);
        return e;
    };
    auto appt = [](Json extra) {
        Json e = {{"id", "appt-1"}, {"date", "2024-01-01"}, {"title", "Haematology"}};
        e.update(extra);
        return e;
    };
    auto note = [](Json extra) {
        Json e = {{"id", "note-1"}, {"date", "2024-01-01"}, {"text", "Ask about the scan."}};
        e.update(extra);
        return e;
    };
    const std::vector<LimitCase> cases = {
        {"profile display_name", [](std::size_t n) { Json r = base_record(); r["profile"] = {{"display_name", chars(n)}}; return r; },
         kMaxNameChars, "/profile/display_name: is 201 characters long; the limit is 200"},
        {"event treatment_type", [&](std::size_t n) { return one("events", event({{"treatment_type", chars(n)}})); },
         kMaxNameChars, "/events/0/treatment_type: is 201 characters long; the limit is 200"},
        {"symptom name", [&](std::size_t n) { return one("symptoms", symptom({{"symptom", chars(n, "\U0001F9B6")}})); },
         kMaxNameChars, "/symptoms/0/symptom: is 201 characters long; the limit is 200"},
        {"appointment title", [&](std::size_t n) { return one("appointments", appt({{"title", chars(n, "a")}})); },
         kMaxNameChars, "/appointments/0/title: is 201 characters long; the limit is 200"},
        {"note text", [&](std::size_t n) { return one("notes", note({{"text", chars(n, "\u65e5")}})); },
         kMaxTextChars, "/notes/0/text: is 10001 characters long; the limit is 10000"},
        {"event note", [&](std::size_t n) { return one("events", event({{"note", chars(n)}})); },
         kMaxTextChars, "/events/0/note: is 10001 characters long; the limit is 10000"},
        {"lab note", [&](std::size_t n) { return one("labs", lab({{"note", chars(n)}})); },
         kMaxTextChars, "/labs/0/note: is 10001 characters long; the limit is 10000"},
        {"symptom note", [&](std::size_t n) { return one("symptoms", symptom({{"note", chars(n)}})); },
         kMaxTextChars, "/symptoms/0/note: is 10001 characters long; the limit is 10000"},
        {"appointment note", [&](std::size_t n) { return one("appointments", appt({{"note", chars(n)}})); },
         kMaxTextChars, "/appointments/0/note: is 10001 characters long; the limit is 10000"},
        {"entry id", [&](std::size_t n) { return one("notes", note({{"id", chars(n, "n")}})); },
         kMaxIdChars, "/notes/0/id: is 101 characters long; the limit is 100"},
        {"checklist item id", [&](std::size_t n) { return one("checklist", Json{{"item_id", chars(n)}, {"date", "2024-01-01"}}); },
         kMaxIdChars, "/checklist/0/item_id: is 101 characters long; the limit is 100"},
        {"lab test id", [&](std::size_t n) { return one("labs", lab({{"test_id", chars(n)}})); },
         kMaxIdChars, "/labs/0/test_id: is 101 characters long; the limit is 100"},
        {"appointment test id", [&](std::size_t n) { return one("appointments", appt({{"test_ids", {chars(n)}}})); },
         kMaxIdChars, "/appointments/0/test_ids/0: is 101 characters long; the limit is 100"},
        {"asked_doctor id", [](std::size_t n) { Json r = base_record(); r["asked_doctor"] = {chars(n)}; return r; },
         kMaxIdChars, "/asked_doctor/0: is 101 characters long; the limit is 100"},
        {"lab unit", [&](std::size_t n) { return one("labs", lab({{"unit", chars(n, "\u00b5")}})); },
         kMaxUnitChars, "/labs/0/unit: is 33 characters long; the limit is 32"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        CHECK(problems_of(c.record(c.limit).dump(), c.name).empty());
        CHECK(problems_of(c.record(c.limit + 1).dump(), c.name) == std::vector<std::string>{std::string(c.name) + ": " + c.message});
    }
}

TEST_CASE("entries per list: 100,000 are accepted, 100,001 refused, in a list of entries and a list of ids") {
    auto notes = [](std::size_t n) {
        std::string text = R"({"schema": "poems-record/2", "notes": [)";
        for (std::size_t i = 0; i < n; ++i)
            text += (i ? "," : "") + std::string(R"({"id":"n)") + std::to_string(i) + R"(","date":"2024-01-01","text":"x"})";
        return text + "]}";
    };
    CHECK(problems_of(notes(kMaxEntriesPerList), "notes").empty());
    CHECK(problems_of(notes(kMaxEntriesPerList + 1), "notes") ==
          std::vector<std::string>{"notes: /notes: has 100001 entries; the limit is 100000"});

    auto asked = [](std::size_t n) {
        std::string text = R"({"schema": "poems-record/2", "asked_doctor": [)";
        for (std::size_t i = 0; i < n; ++i) text += (i ? ",\"q" : "\"q") + std::to_string(i) + "\"";
        return text + "]}";
    };
    CHECK(problems_of(asked(kMaxEntriesPerList), "asked").empty());
    CHECK(problems_of(asked(kMaxEntriesPerList + 1), "asked") ==
          std::vector<std::string>{"asked: /asked_doctor: has 100001 entries; the limit is 100000"});
}

TEST_CASE("file size: 16 MiB is accepted, one byte more is refused before parsing") {
    const std::string record = R"({"schema": "poems-record/2", "notes": [{"id": "n1", "date": "2024-01-01", "text": "x"}]})";
    std::string text = record + std::string(kMaxRecordFileBytes - record.size(), ' ');
    REQUIRE(text.size() == kMaxRecordFileBytes);
    CHECK(problems_of(text, "big.json").empty());
    text += ' ';
    CHECK(problems_of(text, "big.json") ==
          std::vector<std::string>{"big.json: file is too large (16777217 bytes; the limit is 16777216) \u2014 this is not a "
                                   "record POEMS Companion writes"});
}

TEST_CASE("nesting depth: 16 levels pass the depth check, 17 are refused before parsing") {
    auto nested = [](std::size_t levels) {  // the record's own object is the first level
        return R"({"schema": "poems-record/2", "x": )" + std::string(levels - 1, '[') + std::string(levels - 1, ']') + "}";
    };
    // At the limit the file is parsed and read: its only problem is the key the format lacks.
    CHECK(problems_of(nested(kMaxRecordDepth), "deep.json") == std::vector<std::string>{"deep.json: /x: unknown key \"x\""});
    CHECK(problems_of(nested(kMaxRecordDepth + 1), "deep.json") ==
          std::vector<std::string>{"deep.json: nested too deeply (more than 16 levels) \u2014 this is not a record "
                                   "POEMS Companion writes"});
}

// ---------------------------------------------------------------------------------------------
// tests/fixtures/record-accepted/: records that look unusual but are valid. Each loads with no
// problem, keeps every entry, and saves to text that loads back the same.
// ---------------------------------------------------------------------------------------------

TEST_CASE("every unusual but valid record is accepted, kept whole and round-trips") {
    const fs::path dir = fs::path(POEMS_TEST_FIXTURES) / "record-accepted";
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".json") continue;
        ++n;
        const std::string name = e.path().filename().string();
        INFO(name);
        const std::string text = record_test::slurp(e.path());
        RecordLoad l = record_from_json_text(text, name);
        REQUIRE(l.problems.empty());
        REQUIRE(l.record);
        const Json doc = Json::parse(text.substr(text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0));
        const RecordSummary summary = summarize_record(*l.record);
        for (const auto& [section, count] : summary.counts) {
            INFO(section);
            CHECK(count == (doc.contains(section) ? doc[section].size() : 0));
        }
        RecordLoad back = record_from_json_text(dump_record(*l.record));
        REQUIRE(back.record);
        CHECK(*back.record == *l.record);
    }
    CHECK(n == 5);
}

TEST_CASE("lab results for tests the catalogue does not list are kept and reported, not hidden") {
    const std::string text = record_test::slurp(fs::path(POEMS_TEST_FIXTURES) / "record-accepted" / "unknown-lab-test.json");
    RecordLoad l = record_from_json_text(text, "unknown-lab-test.json");
    REQUIRE(l.record);
    REQUIRE(l.record->labs.size() == 3);

    Problems problems;
    std::optional<LabCatalogue> catalogue;
    for (const auto& f : embedded_content_files())
        if (std::string_view(f.name) == "labs.json")
            if (auto doc = parse_json_text(f.text, f.name, problems)) catalogue = load_lab_catalogue(*doc, problems);
    REQUIRE(catalogue);
    REQUIRE(catalogue->test("labs.vegf_serum"));

    auto unknown = results_of_unknown_tests(*l.record, *catalogue);
    REQUIRE(unknown.size() == 2);
    CHECK(unknown[0]->id == "lab-2");
    CHECK(unknown[0]->test_id == "labs.interleukin_6");
    CHECK(unknown[1]->id == "lab-3");
    CHECK(unknown[1]->test_id == "my clinic: IL-6");
    // Saving keeps them exactly as entered.
    RecordLoad back = record_from_json_text(dump_record(*l.record));
    REQUIRE(back.record);
    CHECK(back.record->labs == l.record->labs);
}
