// The saved form of a person's record: JSON with a `"schema": "poems-record/<N>"` version, read
// strictly, migrated from every older version, and bounded by limits that protect the app from
// broken or hostile files. No file I/O here (that is record_store.hpp): text in, text out.
// The format is described in docs/record.md.
#pragma once

#include "poems/record.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poems {

// ---- Format version -------------------------------------------------------------------------
// Bump kRecordSchemaVersion whenever the saved shape changes, keep an example of the old version
// in tests/fixtures/record-migrations/, and add a step to migrate_record_json().
inline constexpr int kRecordSchemaVersion = 3;
inline constexpr const char* kRecordSchemaPrefix = "poems-record/";
std::string record_schema_name(int version = kRecordSchemaVersion);  // "poems-record/3"

// ---- Limits (the only place they are defined; messages quote them) --------------------------
// Generous: a ten-year record with 5,000 lab results is about 1 MiB.
inline constexpr std::size_t kMaxRecordFileBytes = 16u << 20;  // 16 MiB
inline constexpr std::size_t kMaxRecordDepth = 16;             // the format needs 5 levels
inline constexpr std::size_t kMaxEntriesPerList = 100000;      // per list: labs, notes, ...
inline constexpr std::size_t kMaxTextChars = 10000;            // notes and other free text
inline constexpr std::size_t kMaxNameChars = 200;              // names, titles, symptoms, treatments
inline constexpr std::size_t kMaxIdChars = 100;                // entry ids and content ids
inline constexpr std::size_t kMaxUnitChars = 32;               // lab units
inline constexpr int kMinSeverity = 0;
inline constexpr int kMaxSeverity = 10;
inline constexpr double kMaxWeightValue = 2000;            // kg or lb: above it is a typing slip
inline constexpr int kMinBirthYear = 1900;
inline constexpr int kMaxBirthYear = 2100;

// ---- Writing --------------------------------------------------------------------------------
// Always the current schema. Empty optional strings (notes, treatment type, profile fields) are
// left out. Never throws; invalid UTF-8 in a string is replaced when dumped (see dump_record).
Json record_to_json(const Record& r);
// The JSON text of record_to_json: `indent` < 0 for compact, otherwise pretty with that indent.
std::string dump_record(const Record& r, int indent = 2);

// ---- Reading --------------------------------------------------------------------------------
struct RecordLoad {
    std::optional<Record> record;  // set only when there were no problems
    Problems problems;             // each with file, JSON Pointer and a plain message
    int from_schema = 0;           // the version the text was written in (0 when unknown)
    bool migrated = false;         // from_schema < kRecordSchemaVersion and migrated in memory
    bool newer_schema = false;     // written by a newer app: never overwrite such a file
};

// Strict: unknown keys, wrong types, invalid dates, severity outside 0-10, duplicate ids within a
// list, a text over a limit, an unknown or newer schema are all refused with the path named.
// Findings are checked with parse_findings(). Never throws.
RecordLoad record_from_json_text(std::string_view text, const std::string& file = "");
// The same on an already parsed document (the fuzzer and tests use it).
RecordLoad record_from_json(const Json& doc, const std::string& file = "");

// Brings an older document up to the current schema in place. Returns the version it was in
// (0 if it has no readable schema; a problem is added then, and for a newer schema too).
int migrate_record_json(Json& doc, Problems& problems, const std::string& file = "");

// ---- Comparing, for import ------------------------------------------------------------------
struct SectionDiff {
    std::string section;  // the record key: "labs", "symptoms", ...
    std::size_t added = 0, removed = 0, changed = 0, unchanged = 0;
    bool operator==(const SectionDiff&) const = default;
};

struct RecordDiff {
    std::vector<SectionDiff> sections;  // every list section, in the format's order
    bool profile_changed = false;
    bool findings_changed = false;
    // Plain sentences for the confirmation dialog, e.g. "12 lab results will be added, 1 changed".
    // Sections without any change are left out; one line says so when nothing changes at all.
    std::vector<std::string> lines;

    bool identical() const;
    const SectionDiff* section(std::string_view name) const;
};

// What replacing `current` with `incoming` would do. Entries are matched by id (checklist ticks by
// item id, "asked doctor" items by value).
RecordDiff summarize_differences(const Record& current, const Record& incoming);

// ---- Summary, for `poems record check` and the app's "about my data" -----------------------
struct RecordSummary {
    std::vector<std::pair<std::string, std::size_t>> counts;  // section key -> entries
    std::optional<Date> first_date, last_date;                 // over every dated entry
};
RecordSummary summarize_record(const Record& r);

// Plain name of a section for people: "lab results", "symptom entries", "function entries", ...
const char* section_label(std::string_view section, std::size_t count);

}  // namespace poems
