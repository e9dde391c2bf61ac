#include "poems/record_json.hpp"

#include "poems/findings.hpp"
#include "poems/text.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <type_traits>
#include <unordered_map>

namespace poems {

std::string record_schema_name(int version) { return kRecordSchemaPrefix + std::to_string(version); }

// ============================================================================================
// Writing
// ============================================================================================

namespace {

template <typename J>
void put_if(J& j, const char* key, const std::string& s) {
    if (!s.empty()) j[key] = s;
}

// Built for both nlohmann::json (sorted keys, what callers get) and nlohmann::ordered_json (the
// saved text, where "schema" comes first and entries read id, date, ... as a person expects).
template <typename J>
J to_json_as(const Record& r) {
    J j = J::object();
    j["schema"] = record_schema_name();

    J profile = J::object();
    put_if(profile, "display_name", r.profile.display_name);
    if (r.profile.birth_year) profile["birth_year"] = *r.profile.birth_year;
    put_if(profile, "sex", r.profile.sex);
    j["profile"] = std::move(profile);

    const Json findings = r.findings.is_object() ? r.findings : Json::object();
    if constexpr (std::is_same_v<J, Json>) j["findings"] = findings;
    else j["findings"] = J(findings);  // (nlohmann converts between its two kinds of object)

    J checklist = J::array();
    for (const auto& t : r.checklist) checklist.push_back({{"item_id", t.item_id}, {"date", to_string(t.date)}});
    j["checklist"] = std::move(checklist);

    J events = J::array();
    for (const auto& e : r.events) {
        J o = {{"id", e.id}, {"date", to_string(e.date)}, {"kind", e.kind}};
        put_if(o, "treatment_type", e.treatment_type);
        put_if(o, "note", e.note);
        events.push_back(std::move(o));
    }
    j["events"] = std::move(events);

    J labs = J::array();
    for (const auto& l : r.labs) {
        J o = {{"id", l.id}, {"date", to_string(l.date)}, {"test_id", l.test_id}, {"value", l.value}, {"unit", l.unit}};
        put_if(o, "note", l.note);
        labs.push_back(std::move(o));
    }
    j["labs"] = std::move(labs);

    J symptoms = J::array();
    for (const auto& s : r.symptoms) {
        J o = {{"id", s.id}, {"date", to_string(s.date)}};
        put_if(o, "symptom_id", s.symptom_id);
        put_if(o, "symptom", s.symptom);
        o["severity"] = s.severity;
        put_if(o, "note", s.note);
        symptoms.push_back(std::move(o));
    }
    j["symptoms"] = std::move(symptoms);

    J appointments = J::array();
    for (const auto& a : r.appointments) {
        J o = {{"id", a.id}, {"date", to_string(a.date)}, {"title", a.title}};
        if (!a.test_ids.empty()) o["test_ids"] = a.test_ids;
        if (!a.done_test_ids.empty()) o["done_test_ids"] = a.done_test_ids;
        put_if(o, "note", a.note);
        appointments.push_back(std::move(o));
    }
    j["appointments"] = std::move(appointments);

    J notes = J::array();
    for (const auto& n : r.notes) notes.push_back({{"id", n.id}, {"date", to_string(n.date)}, {"text", n.text}});
    j["notes"] = std::move(notes);

    j["asked_doctor"] = r.asked_doctor;

    J function = J::array();
    for (const auto& f : r.function) {
        J o = {{"id", f.id}, {"date", to_string(f.date)}};
        put_if(o, "walking", f.walking);
        put_if(o, "hands", f.hands);
        put_if(o, "note", f.note);
        function.push_back(std::move(o));
    }
    j["function"] = std::move(function);

    J weights = J::array();
    for (const auto& w : r.weights) {
        J o = {{"id", w.id}, {"date", to_string(w.date)}, {"value", w.value}, {"unit", w.unit}};
        put_if(o, "note", w.note);
        weights.push_back(std::move(o));
    }
    j["weights"] = std::move(weights);
    return j;
}

}  // namespace

Json record_to_json(const Record& r) { return to_json_as<Json>(r); }

std::string dump_record(const Record& r, int indent) {
    // `replace`: a string with broken UTF-8 (which the UI should never produce) must not make a
    // save throw and lose everything else; it is stored with U+FFFD in place of the bad bytes.
    return to_json_as<nlohmann::ordered_json>(r).dump(indent, ' ', false, Json::error_handler_t::replace) +
           (indent >= 0 ? "\n" : "");
}

// ============================================================================================
// Migrations: each step takes a document of version N to N+1, in place.
// ============================================================================================

// Schema 1 (the first public format) differed from 2 in three ways:
//   - findings were under "poems_findings" instead of "findings";
//   - lab results had no "id" and named their test "test" instead of "test_id";
//   - there were no appointments.
// Anything else in a version-1 file that version 1 did not have is refused as unknown.
static void migrate_1_to_2(Json& doc, Problems& problems, const std::string& file) {
    static const std::set<std::string> v1_keys = {"schema", "profile", "poems_findings", "checklist", "events",
                                                  "labs",   "symptoms", "notes", "asked_doctor"};
    std::vector<std::string> unknown;
    for (const auto& [key, _] : doc.items())
        if (!v1_keys.count(key)) unknown.push_back(key);
    for (const auto& key : unknown)
        problems.push_back({file, pointer_child("", key), "unknown key \"" + key + "\" (in a schema 1 record)"});

    if (doc.contains("poems_findings")) {
        doc["findings"] = std::move(doc["poems_findings"]);
        doc.erase("poems_findings");
    }
    auto labs = doc.find("labs");
    if (labs == doc.end() || !labs->is_array()) return;  // the schema 2 reader reports the type
    for (std::size_t i = 0; i < labs->size(); ++i) {
        Json& lab = (*labs)[i];
        if (!lab.is_object()) continue;
        for (const char* key : {"id", "test_id"})
            if (lab.contains(key))
                problems.push_back({file, pointer_child(pointer_child("/labs", i), key),
                                    std::string("unknown key \"") + key + "\" (in a schema 1 record)"});
        if (lab.contains("id") || lab.contains("test_id")) continue;
        // Ids in file order, so the same version-1 file always migrates to the same record.
        lab["id"] = "lab-" + std::to_string(i + 1);
        if (lab.contains("test")) {
            lab["test_id"] = std::move(lab["test"]);
            lab.erase("test");
        }
    }
}

// Schema 2 differed from 3 in that:
//   - a symptom entry had free text only ("symptom"), no "symptom_id": it reads as "other";
//   - an appointment's "test_ids" were "done or planned", with no "done_test_ids": they read as
//     planned, not done, until the person confirms them (SAFETY.md H17: a past appointment alone
//     no longer marks a test done);
//   - there were no "function" and no "weights" lists.
// The shapes are otherwise the same, so the step only refuses what version 2 never had.
static void migrate_2_to_3(Json& doc, Problems& problems, const std::string& file, int from) {
    const std::string in = " (in a schema " + std::to_string(from) + " record)";
    for (const char* key : {"function", "weights"})
        if (doc.contains(key)) problems.push_back({file, pointer_child("", key), std::string("unknown key \"") + key + "\"" + in});
    auto entries = [&](const char* section, const char* key) {
        auto list = doc.find(section);
        if (list == doc.end() || !list->is_array()) return;
        for (std::size_t i = 0; i < list->size(); ++i)
            if ((*list)[i].is_object() && (*list)[i].contains(key))
                problems.push_back({file, pointer_child(pointer_child(pointer_child("", section), i), key),
                                    std::string("unknown key \"") + key + "\"" + in});
    };
    entries("symptoms", "symptom_id");
    entries("appointments", "done_test_ids");
}

int migrate_record_json(Json& doc, Problems& problems, const std::string& file) {
    if (!doc.is_object()) {
        problems.push_back({file, "", std::string("a record must be a JSON object, got ") + json_type_name(doc)});
        return 0;
    }
    const std::string expected = "(expected \"" + record_schema_name() + "\")";
    auto it = doc.find("schema");
    if (it == doc.end()) {
        problems.push_back({file, "/schema", "missing: this is not a POEMS Companion record " + expected});
        return 0;
    }
    if (!it->is_string()) {
        problems.push_back({file, "/schema", std::string("expected a string, got ") + json_type_name(*it)});
        return 0;
    }
    const std::string schema = it->get<std::string>();
    const std::string prefix = kRecordSchemaPrefix;
    int version = 0;
    if (schema.size() > prefix.size() && schema.size() <= prefix.size() + 6 && schema.compare(0, prefix.size(), prefix) == 0 &&
        schema[prefix.size()] != '0' &&
        std::all_of(schema.begin() + static_cast<long>(prefix.size()), schema.end(), [](char c) { return c >= '0' && c <= '9'; }))
        version = std::stoi(schema.substr(prefix.size()));
    if (version == 0) {
        problems.push_back({file, "/schema", "\"" + schema + "\" is not a POEMS Companion record schema " + expected});
        return 0;
    }
    if (version > kRecordSchemaVersion) {
        problems.push_back({file, "/schema",
                            "this record was written by a newer version of POEMS Companion (schema " +
                                std::to_string(version) + "); this version reads up to " +
                                std::to_string(kRecordSchemaVersion) + " \u2014 update the app; the file was not changed"});
        return version;
    }
    if (version == 1) migrate_1_to_2(doc, problems, file);
    if (version <= 2) migrate_2_to_3(doc, problems, file, version);
    // Add further steps here: if (version <= 3) migrate_3_to_4(doc, problems, file); ...
    doc["schema"] = record_schema_name();
    return version;
}

// ============================================================================================
// Reading schema 3
// ============================================================================================

namespace {

std::string format_limit(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::size_t utf8_chars(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

struct Reader {
    Problems& problems;
    const std::string& file;

    // A string with a length limit; `non_empty` refuses "" and whitespace.
    std::optional<std::string> text(ObjectReader& r, std::string_view key, bool required, bool non_empty,
                                    std::size_t max_chars) {
        auto s = r.string(key, required, non_empty);
        if (!s) return std::nullopt;
        if (s->size() > max_chars) {  // bytes >= characters, so this is a cheap first test
            std::size_t n = utf8_chars(*s);
            if (n > max_chars) {
                r.fail(key, "is " + std::to_string(n) + " characters long; the limit is " + std::to_string(max_chars));
                return std::nullopt;
            }
        }
        return s;
    }

    std::optional<Date> date(ObjectReader& r, std::string_view key) {
        auto s = r.string(key, true, false);
        if (!s) return std::nullopt;
        auto d = parse_date(*s);
        if (!d) {
            std::string shown = s->size() > 40 ? s->substr(0, 40) + "..." : *s;
            r.fail(key, "\"" + shown + "\" is not a valid date (expected YYYY-MM-DD, e.g. 2024-03-15)");
        }
        return d;
    }

    // Reads the list at `key` entry by entry. `read` returns the entry or nothing.
    template <typename T, typename Read>
    void list(ObjectReader& top, const char* key, std::vector<T>& out, Read read) {
        const Json* arr = top.array(key);
        if (!arr) return;
        const std::string path = pointer_child("", key);
        if (arr->size() > kMaxEntriesPerList) {
            top.fail(key, "has " + std::to_string(arr->size()) + " entries; the limit is " + std::to_string(kMaxEntriesPerList));
            return;
        }
        out.reserve(arr->size());
        for (std::size_t i = 0; i < arr->size(); ++i) {
            ObjectReader e((*arr)[i], pointer_child(path, i), problems, file);
            if (!e.is_object()) continue;
            std::optional<T> entry = read(e);
            e.finish();
            if (entry) out.push_back(std::move(*entry));
        }
    }

    // Refuses a second entry with the same id (or item id) in one list.
    void unique(const Json& doc, const char* section, const char* id_key) {
        auto found = doc.find(section);
        const Json* arr = found == doc.end() ? nullptr : &*found;
        if (!arr || !arr->is_array() || arr->size() > kMaxEntriesPerList) return;
        std::unordered_map<std::string, std::size_t> first;
        const std::string path = pointer_child("", section);
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const Json& e = (*arr)[i];
            if (!e.is_object()) continue;
            auto it = e.find(id_key);
            if (it == e.end() || !it->is_string()) continue;
            std::string id = it->get<std::string>();
            auto [pos, inserted] = first.emplace(id, i);
            if (!inserted)
                problems.push_back({file, pointer_child(pointer_child(path, i), id_key),
                                    "\"" + (id.size() > 40 ? id.substr(0, 40) + "..." : id) + "\" is used twice in " + section + " (also at " +
                                        pointer_child(pointer_child(path, pos->second), id_key) + ")"});
        }
    }

    // A list of short strings (ids), no repeats.
    std::vector<std::string> id_list(const Json& arr, const std::string& path) {
        std::vector<std::string> out;
        if (arr.size() > kMaxEntriesPerList) {
            problems.push_back({file, path, "has " + std::to_string(arr.size()) + " entries; the limit is " +
                                                std::to_string(kMaxEntriesPerList)});
            return out;
        }
        std::unordered_map<std::string, std::size_t> first;
        for (std::size_t i = 0; i < arr.size(); ++i) {
            const std::string at = pointer_child(path, i);
            const Json& v = arr[i];
            if (!v.is_string()) {
                problems.push_back({file, at, std::string("expected a string, got ") + json_type_name(v)});
                continue;
            }
            std::string s = v.get<std::string>();
            if (is_blank(s)) {
                problems.push_back({file, at, "must not be empty"});
                continue;
            }
            if (utf8_chars(s) > kMaxIdChars) {
                problems.push_back({file, at, "is " + std::to_string(utf8_chars(s)) + " characters long; the limit is " +
                                                  std::to_string(kMaxIdChars)});
                continue;
            }
            auto [pos, inserted] = first.emplace(s, i);
            if (!inserted) {
                problems.push_back({file, at, "\"" + s + "\" is listed twice (also at " + pointer_child(path, pos->second) + ")"});
                continue;
            }
            out.push_back(std::move(s));
        }
        return out;
    }
};

}  // namespace

RecordLoad record_from_json(const Json& original, const std::string& file) {
    RecordLoad load;
    Json doc = original;
    load.from_schema = migrate_record_json(doc, load.problems, file);
    if (load.from_schema > kRecordSchemaVersion) load.newer_schema = true;
    // Problems during a migration (keys the old version never had) make the rest noise.
    if (load.from_schema == 0 || load.newer_schema || !load.problems.empty()) return load;
    load.migrated = load.from_schema < kRecordSchemaVersion;

    Problems& problems = load.problems;
    Reader rd{problems, file};
    Record rec;
    ObjectReader top(doc, "", problems, file);
    top.ignore("schema");

    if (const Json* p = top.object("profile")) {
        ObjectReader pr(*p, "/profile", problems, file);
        if (auto s = rd.text(pr, "display_name", false, false, kMaxNameChars)) rec.profile.display_name = *s;
        if (auto y = pr.integer("birth_year")) {
            if (*y < kMinBirthYear || *y > kMaxBirthYear)
                pr.fail("birth_year", "must be between " + std::to_string(kMinBirthYear) + " and " +
                                          std::to_string(kMaxBirthYear) + ", got " + std::to_string(*y));
            else rec.profile.birth_year = static_cast<int>(*y);
        }
        if (auto s = pr.string("sex", false, false)) {
            const auto& allowed = profile_sexes();
            if (s->empty() || std::find(allowed.begin(), allowed.end(), *s) != allowed.end()) rec.profile.sex = *s;
            else pr.fail("sex", "\"" + s->substr(0, 40) + "\" is not one of \"female\", \"male\", \"other\" (or leave it out)");
        }
        pr.finish();
    }

    if (const Json* f = top.object("findings")) {
        if (parse_findings(*f, problems, "/findings", file)) rec.findings = *f;
    }

    rd.list(top, "checklist", rec.checklist, [&](ObjectReader& e) -> std::optional<ChecklistTick> {
        auto item = rd.text(e, "item_id", true, true, kMaxIdChars);
        auto date = rd.date(e, "date");
        if (!item || !date) return std::nullopt;
        return ChecklistTick{*item, *date};
    });

    rd.list(top, "events", rec.events, [&](ObjectReader& e) -> std::optional<TreatmentEvent> {
        auto id = rd.text(e, "id", true, true, kMaxIdChars);
        auto kind = e.one_of("kind", event_kinds(), true);
        auto date = rd.date(e, "date");
        auto type = rd.text(e, "treatment_type", false, false, kMaxNameChars);
        auto note = rd.text(e, "note", false, false, kMaxTextChars);
        if (!id || !kind || !date || (e.value("treatment_type") && !type) || (e.value("note") && !note)) return std::nullopt;
        return TreatmentEvent{*id, *kind, *date, type.value_or(""), note.value_or("")};
    });

    rd.list(top, "labs", rec.labs, [&](ObjectReader& e) -> std::optional<LabResult> {
        auto id = rd.text(e, "id", true, true, kMaxIdChars);
        auto test = rd.text(e, "test_id", true, true, kMaxIdChars);
        auto value = e.number("value", true);
        auto unit = rd.text(e, "unit", true, true, kMaxUnitChars);
        auto date = rd.date(e, "date");
        auto note = rd.text(e, "note", false, false, kMaxTextChars);
        if (!id || !test || !value || !unit || !date || (e.value("note") && !note)) return std::nullopt;
        return LabResult{*id, *test, *value, *unit, *date, note.value_or("")};
    });

    rd.list(top, "symptoms", rec.symptoms, [&](ObjectReader& e) -> std::optional<SymptomEntry> {
        auto id = rd.text(e, "id", true, true, kMaxIdChars);
        auto date = rd.date(e, "date");
        auto symptom_id = rd.text(e, "symptom_id", false, true, kMaxIdChars);
        auto symptom = rd.text(e, "symptom", false, true, kMaxNameChars);
        bool what_ok = !(e.value("symptom_id") && !symptom_id) && !(e.value("symptom") && !symptom);
        if (what_ok && !symptom_id && !symptom) {
            e.fail("", "needs a \"symptom_id\" (a symptom of the diary's list) or a \"symptom\" (your own words, for \"other\")");
            what_ok = false;
        } else if (symptom_id && symptom) {
            e.fail("symptom", "is only for \"other\" (an entry without a \"symptom_id\"); put your words in \"note\"");
            what_ok = false;
        }
        // A plain int, not the optional: GCC 12 at -O2 warned that the optional's value "may be
        // used uninitialized" (-Wmaybe-uninitialized, a false positive through the inlined lambda).
        int severity = 0;
        bool severity_ok = false;
        if (const auto read = e.integer("severity", true)) {
            if (*read < kMinSeverity || *read > kMaxSeverity)
                e.fail("severity", "must be between " + std::to_string(kMinSeverity) + " and " +
                                       std::to_string(kMaxSeverity) + ", got " + std::to_string(*read));
            else severity = static_cast<int>(*read), severity_ok = true;
        }
        auto note = rd.text(e, "note", false, false, kMaxTextChars);
        if (!id || !date || !what_ok || !severity_ok || (e.value("note") && !note)) return std::nullopt;
        return SymptomEntry{*id, *date, symptom.value_or(""), severity, note.value_or(""), symptom_id.value_or("")};
    });

    rd.list(top, "appointments", rec.appointments, [&](ObjectReader& e) -> std::optional<Appointment> {
        auto id = rd.text(e, "id", true, true, kMaxIdChars);
        auto date = rd.date(e, "date");
        auto title = rd.text(e, "title", true, true, kMaxNameChars);
        std::vector<std::string> tests;
        std::size_t before = problems.size();
        if (const Json* t = e.array("test_ids")) tests = rd.id_list(*t, pointer_child(e.path(), "test_ids"));
        std::vector<std::string> done;
        if (const Json* t = e.array("done_test_ids")) {
            const std::string path = pointer_child(e.path(), "done_test_ids");
            done = rd.id_list(*t, path);
            for (std::size_t i = 0; i < done.size(); ++i)
                if (std::find(tests.begin(), tests.end(), done[i]) == tests.end())
                    problems.push_back({file, pointer_child(path, i),
                                        "\"" + done[i].substr(0, 40) + "\" is not one of this appointment's test_ids (a test is confirmed done only where it was planned)"});
        }
        bool tests_ok = problems.size() == before;
        auto note = rd.text(e, "note", false, false, kMaxTextChars);
        if (!id || !date || !title || !tests_ok || (e.value("note") && !note)) return std::nullopt;
        return Appointment{*id, *date, *title, std::move(tests), note.value_or(""), std::move(done)};
    });

    rd.list(top, "notes", rec.notes, [&](ObjectReader& e) -> std::optional<Note> {
        auto id = rd.text(e, "id", true, true, kMaxIdChars);
        auto date = rd.date(e, "date");
        auto text = rd.text(e, "text", true, true, kMaxTextChars);
        if (!id || !date || !text) return std::nullopt;
        return Note{*id, *date, *text};
    });

    if (const Json* a = top.array("asked_doctor")) rec.asked_doctor = rd.id_list(*a, "/asked_doctor");

    rd.list(top, "function", rec.function, [&](ObjectReader& e) -> std::optional<FunctionEntry> {
        auto id = rd.text(e, "id", true, true, kMaxIdChars);
        auto date = rd.date(e, "date");
        auto walking = rd.text(e, "walking", false, true, kMaxIdChars);
        auto hands = rd.text(e, "hands", false, true, kMaxIdChars);
        auto note = rd.text(e, "note", false, false, kMaxTextChars);
        bool levels_ok = !(e.value("walking") && !walking) && !(e.value("hands") && !hands);
        if (levels_ok && !walking && !hands) {
            e.fail("", "needs \"walking\" or \"hands\" (a level of the diary's self-report), or both");
            levels_ok = false;
        }
        if (!id || !date || !levels_ok || (e.value("note") && !note)) return std::nullopt;
        return FunctionEntry{*id, *date, walking.value_or(""), hands.value_or(""), note.value_or("")};
    });

    rd.list(top, "weights", rec.weights, [&](ObjectReader& e) -> std::optional<WeightEntry> {
        auto id = rd.text(e, "id", true, true, kMaxIdChars);
        auto date = rd.date(e, "date");
        // A plain double and a flag, not optional::reset(): GCC 12 -O3 warns that the optional's
        // value "may be used uninitialized" (a false positive; -Werror in native-release).
        const auto value = e.number("value", true);
        const double amount = value.value_or(0);
        bool amount_ok = value.has_value();
        if (amount_ok && (amount <= 0 || amount > kMaxWeightValue)) {
            e.fail("value", "must be above 0 and at most " + format_limit(kMaxWeightValue) + ", got " + format_limit(amount));
            amount_ok = false;
        }
        auto unit = e.one_of("unit", weight_units(), true);
        auto note = rd.text(e, "note", false, false, kMaxTextChars);
        if (!id || !date || !amount_ok || !unit || (e.value("note") && !note)) return std::nullopt;
        return WeightEntry{*id, *date, amount, *unit, note.value_or("")};
    });
    top.finish();

    // Ids must be unique within each list (the UI edits and deletes entries by id).
    rd.unique(doc, "checklist", "item_id");
    for (const char* section : {"events", "labs", "symptoms", "appointments", "notes", "function", "weights"})
        rd.unique(doc, section, "id");

    if (problems.empty()) load.record = std::move(rec);
    return load;
}

RecordLoad record_from_json_text(std::string_view text, const std::string& file) {
    RecordLoad load;
    std::optional<Json> doc = parse_json_text(text, file, load.problems, {kMaxRecordFileBytes, kMaxRecordDepth});
    if (!doc) {
        for (auto& p : load.problems) {
            if (p.message.rfind("file is too large", 0) == 0 || p.message.rfind("nested too deeply", 0) == 0)
                p.message += " \u2014 this is not a record POEMS Companion writes";
        }
        return load;
    }
    return record_from_json(*doc, file);
}

// ============================================================================================
// Comparing and summarizing
// ============================================================================================

const char* section_label(std::string_view section, std::size_t count) {
    bool one = count == 1;
    if (section == "checklist") return one ? "checklist tick" : "checklist ticks";
    if (section == "events") return one ? "treatment event" : "treatment events";
    if (section == "labs") return one ? "lab result" : "lab results";
    if (section == "symptoms") return one ? "symptom entry" : "symptom entries";
    if (section == "appointments") return one ? "appointment" : "appointments";
    if (section == "notes") return one ? "note" : "notes";
    if (section == "function") return one ? "function entry (walking, hands)" : "function entries (walking, hands)";
    if (section == "weights") return one ? "weight" : "weights";
    if (section == "asked_doctor") return one ? "question marked as asked" : "questions marked as asked";
    return one ? "entry" : "entries";
}

bool RecordDiff::identical() const {
    if (profile_changed || findings_changed) return false;
    for (const auto& s : sections)
        if (s.added || s.removed || s.changed) return false;
    return true;
}

const SectionDiff* RecordDiff::section(std::string_view name) const {
    for (const auto& s : sections)
        if (s.section == name) return &s;
    return nullptr;
}

template <typename T, typename Key>
static SectionDiff diff_list(const char* name, const std::vector<T>& current, const std::vector<T>& incoming, Key key) {
    SectionDiff d{name};
    std::unordered_map<std::string, const T*> by_key;
    for (const auto& e : current) by_key.emplace(key(e), &e);
    std::set<std::string> seen;
    for (const auto& e : incoming) {
        auto it = by_key.find(key(e));
        if (it == by_key.end()) ++d.added;
        else if (seen.insert(it->first).second) (*it->second == e ? d.unchanged : d.changed)++;
    }
    d.removed = by_key.size() - seen.size();
    return d;
}

RecordDiff summarize_differences(const Record& current, const Record& incoming) {
    RecordDiff diff;
    auto id = [](const auto& e) { return e.id; };
    diff.sections.push_back(diff_list("checklist", current.checklist, incoming.checklist, [](const ChecklistTick& t) { return t.item_id; }));
    diff.sections.push_back(diff_list("events", current.events, incoming.events, id));
    diff.sections.push_back(diff_list("labs", current.labs, incoming.labs, id));
    diff.sections.push_back(diff_list("symptoms", current.symptoms, incoming.symptoms, id));
    diff.sections.push_back(diff_list("appointments", current.appointments, incoming.appointments, id));
    diff.sections.push_back(diff_list("notes", current.notes, incoming.notes, id));
    diff.sections.push_back(diff_list("function", current.function, incoming.function, id));
    diff.sections.push_back(diff_list("weights", current.weights, incoming.weights, id));
    diff.sections.push_back(diff_list("asked_doctor", current.asked_doctor, incoming.asked_doctor, [](const std::string& s) { return s; }));
    diff.profile_changed = !(current.profile == incoming.profile);
    diff.findings_changed = current.findings != incoming.findings;

    if (diff.profile_changed) diff.lines.push_back("Your profile (name, birth year or sex) will change");
    if (diff.findings_changed) diff.lines.push_back("Your criteria findings will change");
    for (const auto& s : diff.sections) {
        std::string line;
        auto part = [&](std::size_t n, const char* verb) {
            if (!n) return;
            if (line.empty()) line = std::to_string(n) + " " + section_label(s.section, n) + " will be " + verb;
            else line += ", " + std::to_string(n) + " " + verb;
        };
        part(s.added, "added");
        part(s.changed, "changed");
        part(s.removed, "removed");
        if (!line.empty()) diff.lines.push_back(line);
    }
    if (diff.identical()) diff.lines.push_back("Nothing will change: the imported record is the same as yours");
    return diff;
}

RecordSummary summarize_record(const Record& r) {
    RecordSummary s;
    s.counts = {{"checklist", r.checklist.size()}, {"events", r.events.size()}, {"labs", r.labs.size()},
                {"symptoms", r.symptoms.size()},   {"appointments", r.appointments.size()},
                {"notes", r.notes.size()},         {"function", r.function.size()},
                {"weights", r.weights.size()},     {"asked_doctor", r.asked_doctor.size()}};
    auto see = [&](const Date& d) {
        if (!s.first_date || d < *s.first_date) s.first_date = d;
        if (!s.last_date || d > *s.last_date) s.last_date = d;
    };
    for (const auto& e : r.checklist) see(e.date);
    for (const auto& e : r.events) see(e.date);
    for (const auto& e : r.labs) see(e.date);
    for (const auto& e : r.symptoms) see(e.date);
    for (const auto& e : r.appointments) see(e.date);
    for (const auto& e : r.notes) see(e.date);
    for (const auto& e : r.function) see(e.date);
    for (const auto& e : r.weights) see(e.date);
    return s;
}

}  // namespace poems
