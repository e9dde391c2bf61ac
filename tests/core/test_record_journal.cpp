// The record journal (record_journal.hpp, docs/record.md "The journal"): a change is appended as a
// line, loads back exactly, and every way a journal can be cut short, damaged, left over or
// hostile ends with the record as it last was whole, never a silent loss.
#include "catch.hpp"
#include "poems/record_journal.hpp"
#include "test_record_support.hpp"

#include <cstdio>
#include <filesystem>

using namespace poems;
namespace fs = std::filesystem;
using record_test::any_record;
using record_test::Rng;
using record_test::slurp;
using record_test::spit;
using record_test::TempDir;

namespace {

// One of the edits a person makes in the app, chosen at random.
void edit(Record& r, Rng& rng, int step) {
    const std::string n = std::to_string(step);
    switch (rng.below(13)) {
        case 0: r.labs.push_back({"lab-new-" + n, "labs.vegf_serum", 100.0 + step, "pg/mL", {2024, 1, 1 + step % 28}, ""}); break;
        case 1:
            if (!r.labs.empty()) r.labs[static_cast<std::size_t>(rng.below(static_cast<int>(r.labs.size())))].value = step;
            break;
        case 2:
            if (!r.symptoms.empty()) r.symptoms.erase(r.symptoms.begin() + rng.below(static_cast<int>(r.symptoms.size())));
            break;
        case 3: r.symptoms.push_back({"sym-new-" + n, {2024, 2, 1}, "fatigue \u00e9\U0001F600", step % 11, "a \"note\"\n"}); break;
        case 4: r.checklist.push_back({"check.step_" + n, {2024, 3, 1}}); break;
        case 5: r.profile.display_name = "Name " + n; break;
        case 6: r.findings = Json::parse(R"({"polyneuropathy": "present"})"); break;
        case 7:
            if (r.notes.size() > 1) std::swap(r.notes.front(), r.notes.back());  // a reorder: the whole list
            break;
        case 8:
            if (!r.appointments.empty()) r.appointments.back().test_ids.push_back("labs.step_" + n);
            break;
        case 9:  // an entry removed, and one added with the same id at the end
            if (!r.events.empty()) {
                TreatmentEvent e = r.events.front();
                r.events.erase(r.events.begin());
                e.note = "moved " + n;
                r.events.push_back(e);
            }
            break;
        case 10: r.function.push_back({"fn-new-" + n, {2024, 4, 1}, "diary.walking.one_aid", "", ""}); break;
        case 11:  // a weight added, or the first one removed
            if (step % 2 == 0 || r.weights.empty()) r.weights.push_back({"wt-new-" + n, {2024, 5, 1}, 70.5 + step, "kg", ""});
            else r.weights.erase(r.weights.begin());
            break;
        default: r.asked_doctor.push_back("missing.step_" + n); break;
    }
}

const fs::path kJournal = "record.json.journal";

}  // namespace

TEST_CASE("a change is appended to the journal, not written whole, and loads back the same") {
    TempDir dir;
    RecordKeeper keeper;
    Record r = any_record(7, 20);
    REQUIRE(keeper.save(dir.path, r).ok);  // no journal yet: the whole record
    CHECK_FALSE(keeper.last_save_appended());
    const std::string snapshot = slurp(dir / "record.json");

    r.labs.push_back({"lab-99", "labs.vegf_serum", 1450, "pg/mL", {2025, 3, 1}, "after the second cycle"});
    if (!r.symptoms.empty()) r.symptoms.erase(r.symptoms.begin());
    r.profile.display_name = "Maria";
    SaveResult s = keeper.save(dir.path, r);
    REQUIRE(s.ok);
    CHECK(keeper.last_save_appended());
    CHECK(slurp(dir / "record.json") == snapshot);  // untouched
    CHECK(fs::exists(dir / "record.json.journal"));
    CHECK(s.bytes < 2000);

    StoreLoad l = load_record(dir.path);
    CHECK(l.record == r);
    CHECK(l.messages.empty());
    CHECK(l.journal.usable);
    CHECK(l.journal.lines == 1);
    CHECK(l.journal.bytes == fs::file_size(dir / "record.json.journal"));

    // Nothing changed: nothing written.
    const auto size = fs::file_size(dir / "record.json.journal");
    REQUIRE(keeper.save(dir.path, r).ok);
    CHECK(fs::file_size(dir / "record.json.journal") == size);
}

TEST_CASE("random edits saved through the journal, with compactions, always load back the same") {
    for (std::uint64_t seed : {1, 2, 3}) {
        INFO("seed " << seed);
        TempDir dir;
        Rng rng(seed);
        RecordKeeper keeper;
        keeper.compact_at_bytes = 6000;  // small, so that compaction happens often
        Record r = any_record(seed, 15);
        REQUIRE(keeper.save(dir.path, r).ok);
        int appended = 0, whole = 0;
        for (int step = 0; step < 120; ++step) {
            edit(r, rng, step);
            SaveResult s = keeper.save(dir.path, r);
            REQUIRE(s.ok);
            (keeper.last_save_appended() ? appended : whole) += 1;
            if (step % 7 == 0) {
                StoreLoad l = load_record(dir.path);
                REQUIRE(l.messages.empty());
                REQUIRE(l.record == r);
                // A fresh keeper (the app started again) goes on from what it loaded.
                if (step % 14 == 0) {
                    RecordKeeper again;
                    again.compact_at_bytes = keeper.compact_at_bytes;
                    REQUIRE(again.load(dir.path).record == r);
                    keeper = again;
                }
            }
        }
        CHECK(appended > 60);
        CHECK(whole > 1);  // compactions
        CHECK(load_record(dir.path).record == r);
    }
}

TEST_CASE("an append stopped at any length leaves the record as it was before that change") {
    TempDir probe;
    Record r1 = any_record(21, 10), r2 = r1, r3 = r1;
    r2.labs.push_back({"lab-a", "labs.platelets", 210, "\u00d710\u2079/L", {2025, 1, 2}, ""});
    r3 = r2;
    r3.notes.push_back({"note-x", {2025, 1, 3}, "asked about ASCT"});
    // The length of the line that saves r3.
    RecordKeeper k0;
    REQUIRE(k0.save(probe.path, r1).ok);
    REQUIRE(k0.save(probe.path, r2).ok);
    const auto before = fs::file_size(probe / "record.json.journal");
    REQUIRE(k0.save(probe.path, r3).ok);
    const std::size_t line = fs::file_size(probe / "record.json.journal") - before;

    for (std::size_t cut = 0; cut < line; ++cut) {
        INFO("cut after " << cut << " of " << line << " bytes");
        TempDir dir;
        RecordKeeper keeper;
        REQUIRE(keeper.save(dir.path, r1).ok);
        REQUIRE(keeper.save(dir.path, r2).ok);
        SaveFaults faults;
        faults.journal_bytes = cut;
        REQUIRE_FALSE(keeper.save(dir.path, r3, faults).ok);
        StoreLoad l = load_record(dir.path);
        REQUIRE(l.record == r2);
        REQUIRE(l.messages.empty());  // a stopped save is not damage: that change was never saved
        // The app starts again and saves the change: the torn bytes are cut off first.
        RecordKeeper again;
        again.load(dir.path);
        REQUIRE(again.save(dir.path, r3).ok);
        REQUIRE(again.last_save_appended());
        REQUIRE(load_record(dir.path).record == r3);
        // The same keeper (the app running on) writes it too: whole, as it cannot know the file.
        RecordKeeper same = keeper;
        REQUIRE(same.save(dir.path, r3).ok);
        REQUIRE(load_record(dir.path).record == r3);
    }
}

TEST_CASE("the first save of a journal stopped at any length loses only that change") {
    Record r1 = any_record(5, 6), r2 = r1;
    r2.asked_doctor.push_back("missing.vegf_late");
    for (std::size_t cut : {0, 1, 16, 17, 60, 120, 200}) {
        INFO(cut);
        TempDir dir;
        RecordKeeper keeper;
        REQUIRE(keeper.save(dir.path, r1).ok);
        SaveFaults faults;
        faults.journal_bytes = cut;
        keeper.save(dir.path, r2, faults);
        StoreLoad l = load_record(dir.path);
        CHECK(l.messages.empty());
        CHECK((l.record == r1 || (cut >= 200 && l.record == r2)));
    }
}

TEST_CASE("a damaged line stops the journal there: the record as of the change before, the file kept, and a message") {
    // (The journal is then cut back to the lines read, so that what was shown stays the record.)
    TempDir dir;
    RecordKeeper keeper;
    Record r = any_record(31, 8);
    REQUIRE(keeper.save(dir.path, r).ok);
    std::vector<Record> states{r};
    for (int i = 0; i < 4; ++i) {
        r.labs.push_back({"lab-j" + std::to_string(i), "labs.tsh", 1.5 + i, "mIU/L", {2025, 4, 1 + i}, ""});
        REQUIRE(keeper.save(dir.path, r).ok);
        REQUIRE(keeper.last_save_appended());
        states.push_back(r);
    }
    std::string journal = slurp(dir / kJournal);
    // Line 4 holds the third change; flip one byte in the middle of it.
    std::size_t at = 0;
    for (int i = 0; i < 3; ++i) at = journal.find('\n', at) + 1;
    std::string damaged = journal;
    damaged[at + 40] = damaged[at + 40] == 'x' ? 'y' : 'x';
    spit(dir / kJournal, damaged);

    StoreLoad l = load_record(dir.path);
    CHECK(l.record == states[2]);
    REQUIRE(l.messages.size() == 1);
    CHECK(l.messages[0].find("record.json.journal could not be read past change 2") == 0);
    CHECK(l.messages[0].find("record.json.broken-1") != std::string::npos);
    CHECK(l.messages[0].find("line 4") != std::string::npos);
    CHECK_FALSE(l.read_only);
    CHECK(slurp(dir / "record.json.broken-1") == damaged);  // kept byte for byte
    CHECK(slurp(dir / kJournal) == journal.substr(0, at));   // cut back to the changes that were read
    CHECK(l.journal.usable);

    // From now on the record is the one shown: loaded again, with no message, and changed further.
    RecordKeeper again;
    StoreLoad l2 = again.load(dir.path);
    CHECK(l2.record == states[2]);
    CHECK(l2.messages.empty());
    Record next = states[2];
    next.asked_doctor.push_back("missing.after_damage");
    REQUIRE(again.save(dir.path, next).ok);
    CHECK(again.last_save_appended());
    CHECK(load_record(dir.path).record == next);
}

TEST_CASE("hostile journal lines are refused with what and where, and change nothing") {
    Record base = any_record(41, 5);
    base.labs = {{"lab-1", "labs.vegf_serum", 900, "pg/mL", {2024, 1, 1}, ""}};
    struct Case {
        const char* payload;
        const char* expect;
    } cases[] = {
        {R"({"n":1,"put":{"symptoms":[{"id":"s","date":"2024-01-01","symptom":"x","severity":11}]}})", "must be between 0 and 10"},
        {R"({"n":1,"put":{"labs":[{"id":"lab-2","date":"2024-02-30","test_id":"t","value":1,"unit":"u"}]}})", "date"},
        {R"({"n":1,"put":{"asked_doctor":["missing.a"]}})", "cannot be changed entry by entry"},
        {R"({"n":1,"del":{"checklist":["check.nope"]}})", "no entry \"check.nope\""},
        {R"({"n":1,"set":{"schema":"poems-record/9"}})", "cannot be changed"},
        {R"({"n":1,"set":{"labz":[]}})", "unknown key"},
        {R"({"n":1,"del":{"labs":["lab-404"]}})", "no entry \"lab-404\""},
        {R"({"n":1,"del":{"labs":["lab-1","lab-1"]}})", "removed twice"},
        {R"({"n":1,"del":{"labs":"lab-1"}})", "must be a list of ids"},
        {R"({"n":1,"set":{"labs":[]},"del":{"labs":["lab-1"]}})", "also set whole"},
        {R"({"n":0})", "whole number above 0"},
        {R"({"n":1,"wipe":true})", "unknown key"},
        {R"({"n":1,"put":{"labs":[{"id":"a","date":"2024-01-01","test_id":"t","value":1,"unit":"u"},{"id":"a","date":"2024-01-01","test_id":"t","value":2,"unit":"u"}]}})", "is used twice"},
        {R"([1,2,3])", "is not a JSON object"},
    };
    for (const auto& c : cases) {
        INFO(c.payload);
        TempDir dir;
        REQUIRE(save_record(dir.path, base).ok);
        const std::string header = journal_header(record_text_hash(slurp(dir / "record.json")));
        const std::string line = journal_line(Json::parse(c.payload));
        spit(dir / kJournal, header + line);
        StoreLoad l = load_record(dir.path);
        CHECK(l.record == base);
        REQUIRE_FALSE(l.problems.empty());
        CHECK(l.problems.front().file.find("record.json.journal line 2") == 0);
        CHECK(l.problems.front().to_string().find(c.expect) != std::string::npos);
        REQUIRE(l.messages.size() == 1);
        CHECK(slurp(dir / "record.json.broken-1") == header + line);
    }
}

TEST_CASE("a journal that is not one, or too large, is kept aside with a message") {
    Record base = any_record(43, 5);
    for (std::string text : {std::string("garbage\n"), std::string("0000000000000000 {}\n"),
                             journal_line(Json::parse(R"({"journal":"poems-record-journal/1","schema":"poems-record/2"})")),
                             std::string(kMaxRecordFileBytes + 1, '\n')}) {
        INFO(text.substr(0, 60));
        TempDir dir;
        REQUIRE(save_record(dir.path, base).ok);
        spit(dir / kJournal, text);
        StoreLoad l = load_record(dir.path);
        CHECK(l.record == base);
        REQUIRE(l.messages.size() == 1);
        CHECK(l.messages[0].find("record.json.journal") == 0);
        CHECK(fs::file_size(dir / "record.json.broken-1") == text.size());
        CHECK_FALSE(fs::exists(dir / kJournal));
    }
}

TEST_CASE("a journal left by a full save stopped before it ended it is ignored; one for another record is kept aside") {
    Record r1 = any_record(51, 6), r2 = r1, r3 = r1;
    r2.notes.push_back({"note-j", {2025, 5, 5}, "journaled"});
    r3.profile.display_name = "after import";

    SECTION("stopped before end_journal") {
        TempDir dir;
        RecordKeeper keeper;
        REQUIRE(keeper.save(dir.path, r1).ok);
        REQUIRE(keeper.save(dir.path, r2).ok);
        REQUIRE(keeper.last_save_appended());
        SaveFaults faults;
        faults.stop_before = SaveStep::end_journal;
        REQUIRE_FALSE(keeper.save_full(dir.path, r2, faults).ok);
        CHECK(fs::exists(dir / kJournal));
        StoreLoad l = load_record(dir.path);
        CHECK(l.record == r2);
        CHECK(l.messages.empty());
        CHECK(l.journal.usable);
        RecordKeeper again;
        again.load(dir.path);
        REQUIRE(again.save(dir.path, r3).ok);
        CHECK(again.last_save_appended());  // a fresh journal, for the new record.json
        CHECK(load_record(dir.path).record == r3);
    }
    SECTION("a full save ends the journal") {
        TempDir dir;
        RecordKeeper keeper;
        REQUIRE(keeper.save(dir.path, r1).ok);
        REQUIRE(keeper.save(dir.path, r2).ok);
        REQUIRE(save_record(dir.path, r3).ok);  // e.g. `poems record import`
        CHECK_FALSE(fs::exists(dir / kJournal));
        CHECK(load_record(dir.path).record == r3);
        // The keeper that did not write it notices and saves whole.
        Record r4 = r3;
        r4.asked_doctor.push_back("missing.x");
        REQUIRE(keeper.save(dir.path, r4).ok);
        CHECK_FALSE(keeper.last_save_appended());
        CHECK(load_record(dir.path).record == r4);
    }
    SECTION("a journal for a record.json that is neither the record nor its backup") {
        TempDir dir;
        RecordKeeper keeper;
        REQUIRE(keeper.save(dir.path, r1).ok);
        REQUIRE(keeper.save(dir.path, r2).ok);
        const std::string journal = slurp(dir / kJournal);
        Record r4 = r3;
        r4.asked_doctor.push_back("missing.other");
        REQUIRE(save_record(dir.path, r3).ok);
        REQUIRE(save_record(dir.path, r4).ok);  // the backup is now r3; the journal was for r1
        spit(dir / kJournal, journal);
        StoreLoad l = load_record(dir.path);
        CHECK(l.record == r4);
        REQUIRE(l.messages.size() == 1);
        CHECK(l.messages[0].find("another version of record.json") != std::string::npos);
        CHECK(slurp(dir / "record.json.broken-1") == journal);
    }
    SECTION("record.json damaged: the backup is loaded and the journal, which was for record.json, is kept") {
        TempDir dir;
        RecordKeeper keeper;
        REQUIRE(keeper.save(dir.path, r1).ok);
        REQUIRE(keeper.save_full(dir.path, r3).ok);  // r1 becomes the backup
        REQUIRE(keeper.save(dir.path, r2).ok);       // journal for r3
        spit(dir / "record.json", "{\"schema\": \"poems-record/2\", ");
        StoreLoad l = load_record(dir.path);
        CHECK(l.record == r1);
        CHECK(l.messages.size() == 2);
        CHECK(fs::exists(dir / "record.json.broken-1"));
        CHECK(fs::exists(dir / "record.json.broken-2"));  // the journal
        CHECK_FALSE(l.journal.usable);
    }
    SECTION("record.json missing between the steps of a compaction: the backup and its journal") {
        TempDir dir;
        RecordKeeper keeper;
        REQUIRE(keeper.save(dir.path, r1).ok);
        REQUIRE(keeper.save(dir.path, r2).ok);
        SaveFaults faults;
        faults.stop_before = SaveStep::replace;
        REQUIRE_FALSE(keeper.save_full(dir.path, r2, faults).ok);
        CHECK_FALSE(fs::exists(dir / "record.json"));
        StoreLoad l = load_record(dir.path);
        CHECK(l.record == r2);  // r1 from the backup, and the journal's change on it
        CHECK(l.source == RecordSource::backup);
    }
}

TEST_CASE("delete_record_files removes the journal, and the next save writes the whole record") {
    TempDir dir;
    RecordKeeper keeper;
    Record r = any_record(61, 6);
    REQUIRE(keeper.save(dir.path, r).ok);
    r.asked_doctor.push_back("missing.y");
    REQUIRE(keeper.save(dir.path, r).ok);
    REQUIRE(fs::exists(dir / kJournal));
    REQUIRE(delete_record_files(dir.path).ok);
    CHECK_FALSE(fs::exists(dir / kJournal));
    Record fresh;
    fresh.notes.push_back({"note-1", {2025, 6, 1}, "starting again"});
    REQUIRE(keeper.save(dir.path, fresh).ok);
    CHECK_FALSE(keeper.last_save_appended());
    CHECK(load_record(dir.path).record == fresh);
}

TEST_CASE("a change that would not load back is refused and nothing is written") {
    TempDir dir;
    RecordKeeper keeper;
    Record r = any_record(71, 4);
    REQUIRE(keeper.save(dir.path, r).ok);
    r.asked_doctor.push_back("missing.z");
    REQUIRE(keeper.save(dir.path, r).ok);
    const std::string journal = slurp(dir / kJournal);
    Record bad = r;
    bad.notes.push_back({"note-long", {2025, 1, 1}, std::string(kMaxTextChars + 1, 'a')});
    SaveResult s = keeper.save(dir.path, bad);
    CHECK_FALSE(s.ok);
    CHECK(s.message.find("would not load back") != std::string::npos);
    CHECK(slurp(dir / kJournal) == journal);
    // The keeper still knows what is on disk: the next good change is appended.
    r.asked_doctor.push_back("missing.w");
    REQUIRE(keeper.save(dir.path, r).ok);
    CHECK(keeper.last_save_appended());
    CHECK(load_record(dir.path).record == r);
}

TEST_CASE("a migrated record is saved whole before any change is journaled") {
    TempDir dir;
    spit(dir / "record.json", R"({"schema": "poems-record/1", "labs": [{"date": "2023-01-01", "test": "labs.tsh", "value": 2, "unit": "mIU/L"}]})");
    RecordKeeper keeper;
    StoreLoad l = keeper.load(dir.path);
    REQUIRE(l.migrated);
    CHECK_FALSE(l.journal.usable);
    Record r = l.record;
    r.asked_doctor.push_back("missing.a");
    REQUIRE(keeper.save(dir.path, r).ok);
    CHECK_FALSE(keeper.last_save_appended());
    r.asked_doctor.push_back("missing.b");
    REQUIRE(keeper.save(dir.path, r).ok);
    CHECK(keeper.last_save_appended());
    CHECK(load_record(dir.path).record == r);
}

TEST_CASE("a journal the version before wrote (schema 2) applies to its record, migrated with it") {
    TempDir dir;
    spit(dir / "record.json", R"({"schema": "poems-record/2", "symptoms": [{"id": "sym-1", "date": "2024-01-01", "symptom": "numb feet", "severity": 3}]})");
    Json h = Json::object();
    h["journal"] = kRecordJournalFormat;
    h["schema"] = "poems-record/2";
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(record_text_hash(slurp(dir / "record.json"))));
    h["snapshot"] = hash;
    spit(dir / kJournal, journal_line(h) +
                             journal_line(Json::parse(R"({"n":1,"put":{"symptoms":[{"id":"sym-2","date":"2024-02-01","symptom":"swollen ankles","severity":5}]}})")));
    StoreLoad l = load_record(dir.path);
    INFO((l.problems.empty() ? std::string() : l.problems.front().to_string()));
    REQUIRE(l.problems.empty());
    CHECK(l.migrated);
    REQUIRE(l.record.symptoms.size() == 2);
    CHECK(l.record.symptoms[1].symptom == "swollen ankles");  // a version-2 symptom is the person's words ("other")
    CHECK(l.record.symptoms[1].symptom_id.empty());

    SECTION("a version-2 line cannot carry what version 2 never had") {
        spit(dir / kJournal, journal_line(h) + journal_line(Json::parse(R"({"n":1,"put":{"weights":[{"id":"w","date":"2024-02-01","value":70,"unit":"kg"}]}})")));
        StoreLoad bad = load_record(dir.path);
        CHECK(bad.record.symptoms.size() == 1);
        REQUIRE_FALSE(bad.problems.empty());
        CHECK(bad.problems.front().file.find("record.json.journal line 2") == 0);
    }
}
