#include "catch.hpp"
#include "poems/record_json.hpp"
#include "test_record_support.hpp"

using namespace poems;
using record_test::any_record;

namespace {

Record small_record() {
    Record r;
    r.profile = {"Maria", 1968, "female"};
    r.findings = Json::parse(R"({"polyneuropathy": "present"})");
    r.checklist = {{"check.ask_vegf", {2023, 2, 1}}};
    r.events = {{"ev-1", "diagnosis", {2023, 3, 10}, "", ""}};
    r.labs = {{"lab-1", "labs.vegf_serum", 1450, "pg/mL", {2023, 2, 20}, ""},
              {"lab-2", "labs.platelets", 512, "10^9/L", {2023, 7, 15}, "after radiation"}};
    r.symptoms = {{"sym-1", {2023, 1, 5}, "tingling feet", 6, ""}};
    r.appointments = {{"appt-1", {2023, 8, 1}, "Haematology", {"labs.vegf_serum"}, ""}};
    r.notes = {{"note-1", {2023, 3, 10}, "Ask about ASCT."}};
    r.asked_doctor = {"missing.vegf"};
    return r;
}

std::string only_problem(const RecordLoad& l) {
    REQUIRE(l.problems.size() == 1);
    return l.problems[0].to_string();
}

}  // namespace

TEST_CASE("a record survives writing and reading back unchanged") {
    Record r = small_record();
    RecordLoad back = record_from_json_text(dump_record(r));
    REQUIRE(back.problems.empty());
    REQUIRE(back.record);
    CHECK(*back.record == r);
    CHECK(back.from_schema == kRecordSchemaVersion);
    CHECK_FALSE(back.migrated);
}

TEST_CASE("the findings are written as they are held: nested, numbers exact, keys in order") {
    Record r;
    r.findings = Json::parse(R"({"vegf": {"value": 1450.5, "unit": "pg/mL", "sample": "serum"}, "castleman_disease": "unknown",
                                 "m_protein_tests": [{"test": "spep", "result": "negative"}]})");
    const std::string text = dump_record(r, -1);
    CHECK(text.find(R"("findings":{"castleman_disease":"unknown","m_protein_tests":[{"result":"negative",)"
                    R"("test":"spep"}],"vegf":{"sample":"serum","unit":"pg/mL","value":1450.5}})") != std::string::npos);
    RecordLoad back = record_from_json_text(text);
    std::string problems;
    for (const auto& p : back.problems) problems += p.to_string() + "\n";
    INFO(problems);
    CHECK(back.problems.empty());
    REQUIRE(back.record);
    CHECK(back.record->findings == r.findings);
}

TEST_CASE("hundreds of generated records round-trip through JSON, pretty and compact") {
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Record r = any_record(seed);
        for (int indent : {-1, 2}) {
            RecordLoad back = record_from_json_text(dump_record(r, indent));
            INFO("seed " << seed << " indent " << indent << ": "
                         << (back.problems.empty() ? "" : back.problems[0].to_string()));
            REQUIRE(back.record);
            CHECK(*back.record == r);
        }
    }
}

TEST_CASE("an empty record round-trips") {
    RecordLoad back = record_from_json_text(dump_record(Record{}));
    REQUIRE(back.record);
    CHECK(*back.record == Record{});
}

TEST_CASE("the saved text starts with the schema") {
    std::string text = dump_record(small_record());
    CHECK(text.rfind("{\n  \"schema\": \"poems-record/3\",", 0) == 0);
}

TEST_CASE("record_to_json and the dumped text hold the same document") {
    Record r = any_record(42);
    CHECK(record_to_json(r) == Json::parse(dump_record(r)));
}

TEST_CASE("text exactly at the length limit is accepted, one character more is refused") {
    Record r = small_record();
    r.notes[0].text = std::string(kMaxTextChars - 1, 'a') + "\U0001F600";  // 4 bytes, 1 character
    CHECK(record_from_json_text(dump_record(r)).record);
    r.notes[0].text += "b";
    CHECK(only_problem(record_from_json_text(dump_record(r))) ==
          "/notes/0/text: is 10001 characters long; the limit is 10000");
}

TEST_CASE("a 10 MB note is refused with the limit named") {
    Record r = small_record();
    r.notes[0].text = std::string(10'000'000, 'x');
    CHECK(only_problem(record_from_json_text(dump_record(r, -1), "big.json")) ==
          "big.json: /notes/0/text: is 10000000 characters long; the limit is 10000");
}

TEST_CASE("a file over the size limit is refused before parsing") {
    std::string text = dump_record(small_record());
    text.append(kMaxRecordFileBytes, ' ');
    RecordLoad l = record_from_json_text(text, "r.json");
    CHECK(only_problem(l).rfind("r.json: file is too large (", 0) == 0);
    CHECK(only_problem(l).find("the limit is 16777216") != std::string::npos);
}

TEST_CASE("a list with more entries than the limit is refused as a whole") {
    std::string text = R"({"schema": "poems-record/2", "notes": [)";
    for (std::size_t i = 0; i <= kMaxEntriesPerList; ++i) text += i ? ",{}" : "{}";
    text += "]}";
    CHECK(only_problem(record_from_json_text(text)) == "/notes: has 100001 entries; the limit is 100000");
}

TEST_CASE("an entry with a wrong note type is refused, not dropped silently") {
    std::string text = R"({"schema": "poems-record/2", "labs": [{"id": "l", "date": "2024-01-01",
        "test_id": "t", "value": 1, "unit": "u", "note": 5}]})";
    CHECK(only_problem(record_from_json_text(text)) == "/labs/0/note: expected a string, got a number");
}

TEST_CASE("ids must be unique within a list but may repeat across lists") {
    Record r = small_record();
    r.notes[0].id = "lab-1";
    CHECK(record_from_json_text(dump_record(r)).record);
    r.symptoms.push_back(r.symptoms[0]);
    CHECK(only_problem(record_from_json_text(dump_record(r))) ==
          "/symptoms/1/id: \"sym-1\" is used twice in symptoms (also at /symptoms/0/id)");
}

TEST_CASE("an asked-doctor item listed twice is refused") {
    Record r = small_record();
    r.asked_doctor = {"a", "b", "a"};
    CHECK(only_problem(record_from_json_text(dump_record(r))) == "/asked_doctor/2: \"a\" is listed twice (also at /asked_doctor/0)");
}

TEST_CASE("every problem of a file is reported in one pass") {
    std::string text = R"({"schema": "poems-record/2", "symptoms": [
        {"id": "s1", "date": "2024-13-01", "symptom": "pain", "severity": 11},
        {"id": "s2", "date": "2024-01-01", "symptom": "", "severity": -1}]})";
    RecordLoad l = record_from_json_text(text);
    CHECK_FALSE(l.record);
    CHECK(l.problems.size() == 4);
}

TEST_CASE("the schema name carries the version") {
    CHECK(record_schema_name() == "poems-record/3");
    CHECK(record_schema_name(1) == "poems-record/1");
}

TEST_CASE("a newer schema is refused with advice and flagged") {
    RecordLoad l = record_from_json_text(R"({"schema": "poems-record/4", "medications": []})");
    CHECK(l.newer_schema);
    CHECK(l.from_schema == 4);
    CHECK(only_problem(l) == "/schema: this record was written by a newer version of POEMS Companion (schema 4); "
                             "this version reads up to 3 \u2014 update the app; the file was not changed");
}

TEST_CASE("schema names that only look like versions are not versions") {
    for (const char* s : {"poems-record/", "poems-record/0", "poems-record/02", "poems-record/2x", "poems-record/-1",
                          "poems-record/99999999999", "POEMS-RECORD/2"}) {
        RecordLoad l = record_from_json_text(std::string(R"({"schema": ")") + s + "\"}");
        INFO(s);
        CHECK_FALSE(l.record);
        CHECK_FALSE(l.newer_schema);
        CHECK(l.from_schema == 0);
    }
}

TEST_CASE("a record that is not valid UTF-8 in memory is still saved, with replacement characters") {
    Record r = small_record();
    r.notes[0].text = "bad \xff byte";
    RecordLoad back = record_from_json_text(dump_record(r));
    REQUIRE(back.record);
    CHECK(back.record->notes[0].text == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("fresh entry ids count up past the highest one in use") {
    std::vector<LabResult> labs(2);
    labs[0].id = "lab-7";
    labs[1].id = "lab-x";
    CHECK(next_entry_id(labs, "lab") == "lab-8");
    CHECK(next_entry_id(std::vector<LabResult>{}, "lab") == "lab-1");
    CHECK(next_entry_id(std::vector<std::string>{"note-2", "lab-9"}, "note") == "note-3");
}

// ---- differences ----------------------------------------------------------------------------

TEST_CASE("comparing a record with itself finds nothing to change") {
    Record r = small_record();
    RecordDiff d = summarize_differences(r, r);
    CHECK(d.identical());
    CHECK(d.lines == std::vector<std::string>{"Nothing will change: the imported record is the same as yours"});
}

TEST_CASE("differences are counted per section and said in plain words") {
    Record current = small_record();
    Record incoming = current;
    for (int i = 0; i < 12; ++i)
        incoming.labs.push_back({"lab-new-" + std::to_string(i), "labs.vegf_serum", 100.0 + i, "pg/mL", {2024, 1, 1}, ""});
    incoming.labs[0].value = 1500;                       // changed
    incoming.symptoms.clear();                           // 1 removed
    incoming.profile.birth_year = 1969;
    RecordDiff d = summarize_differences(current, incoming);
    REQUIRE(d.section("labs"));
    CHECK(*d.section("labs") == SectionDiff{"labs", 12, 0, 1, 1});
    CHECK(*d.section("symptoms") == SectionDiff{"symptoms", 0, 1, 0, 0});
    CHECK(d.profile_changed);
    CHECK_FALSE(d.findings_changed);
    CHECK(d.lines == std::vector<std::string>{"Your profile (name, birth year or sex) will change",
                                              "12 lab results will be added, 1 changed",
                                              "1 symptom entry will be removed"});
}

TEST_CASE("checklist ticks are matched by item and asked-doctor items by value") {
    Record current = small_record(), incoming = current;
    incoming.checklist[0].date = {2023, 2, 2};
    incoming.asked_doctor = {"missing.other"};
    RecordDiff d = summarize_differences(current, incoming);
    CHECK(*d.section("checklist") == SectionDiff{"checklist", 0, 0, 1, 0});
    CHECK(*d.section("asked_doctor") == SectionDiff{"asked_doctor", 1, 1, 0, 0});
    CHECK(d.lines == std::vector<std::string>{"1 checklist tick will be changed",
                                              "1 question marked as asked will be added, 1 removed"});
}

TEST_CASE("the summary counts every section and spans every dated entry") {
    RecordSummary s = summarize_record(small_record());
    CHECK(s.counts.size() == 9);
    CHECK(s.counts[2] == std::pair<std::string, std::size_t>{"labs", 2});
    CHECK(s.first_date == Date{2023, 1, 5});
    CHECK(s.last_date == Date{2023, 8, 1});
}
