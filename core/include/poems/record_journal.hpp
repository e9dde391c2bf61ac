// The record journal: a save that changes a few entries appends just those changes, as one line,
// to record.json.journal beside record.json, instead of writing the whole record again; now and
// then (compaction) the whole record is saved as before and the journal starts afresh.
// Why: a ten-year record is about 1 MiB of JSON, and writing all of it after every tick of a
// checkbox took 60-70 ms of the main thread (ARCHITECTURE.md, "Saving a change").
//
// This is a storage layout, not a format version: record.json keeps the record's schema
// (record_json.hpp), and each journal line holds parts of a record in that same schema, read by the
// same strict reader. docs/record.md ("The journal") describes the file and its guarantees.
//
// The file:
//   line 1:  <check> {"journal":"poems-record-journal/1","schema":"poems-record/2","snapshot":"<hash>"}
//   line n:  <check> {"n":<n>,"set":{...},"del":{...},"put":{...}}
// <check> is the FNV-1a 64-bit hash of the JSON text after it (16 hex digits), so a line damaged
// on disk is told apart from a good one; <hash> is that of record.json's bytes, so a journal is
// only ever applied to the record it was written against. A last line without its newline is a
// save that was stopped while appending: it is left out (that change was never saved).
//   set: whole sections, as in a record ("profile", "findings", "asked_doctor", or a list that
//        was reordered);
//   del: list section -> ids of entries removed (checklist ticks: their item_id);
//   put: list section -> entries added or changed, matched by id (a new id goes at the end).
#pragma once

#include "poems/record_store.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace poems {

inline constexpr const char* kRecordJournalSuffix = ".journal";  // record.json.journal
inline constexpr const char* kRecordJournalFormat = "poems-record-journal/1";

// FNV-1a, 64 bits: the journal's line checks and its tie to record.json.
std::uint64_t record_text_hash(std::string_view text);

// What changed from `before` to `after`, as the payload of one journal line (without "n"): an
// empty object when nothing changed.
Json record_changes(const Record& before, const Record& after);

// A whole journal line: check, JSON, newline.
std::string journal_line(const Json& payload);
// The first line, for a journal written against record.json text with this hash.
std::string journal_header(std::uint64_t snapshot_hash);

// Applies one line's payload to `r`, all or nothing: every part is read with the record's own
// strict reader (record_from_json, as the `schema` given), and a payload that would break the
// record (an unknown section, an id given twice, a list over its limit) changes nothing.
bool apply_record_changes(const Json& payload, int schema, Record& r, Problems& problems, const std::string& where);

struct JournalReplay {
    bool has_header = false;          // a complete, well-formed first line
    std::uint64_t snapshot = 0;       // the record.json hash the header names
    int schema = 0;                   // the schema its lines are written in
    bool applies = false;             // has_header and snapshot == the hash given
    std::size_t lines = 0;            // changes applied
    std::size_t valid_bytes = 0;      // up to the end of the last line read whole and applied
    bool torn_tail = false;           // bytes after the last newline (a stopped append), left out
    Problems problems;                // the first line that could not be read; nothing after it was applied
};
// Reads a journal and, when it was written against record.json text of `snapshot_hash`, applies
// its lines in order to `r` (the record read from that text). Stops at the first line that cannot
// be read or applied, reporting it; never throws.
JournalReplay replay_journal(std::string_view text, std::uint64_t snapshot_hash, Record& r,
                             const std::string& file = "record.json.journal");

// Keeps what is on disk in mind so that a save writes only what changed. The app holds one; the
// CLI and tests may use load_record()/save_record() directly (a full save also ends the journal).
class RecordKeeper {
public:
    // load_record(dir) (which applies the journal), remembering the record as it is on disk.
    StoreLoad load(const std::filesystem::path& dir);
    // Appends the changes since the last load or save to the journal (and fsyncs it, outside the
    // browser); saves the whole record instead (compaction) when there is no usable journal, when
    // the journal would pass compact_at() bytes, or after a migration. The same guarantees as
    // save_record(): what is written loads back, or nothing is written and the reason is returned.
    SaveResult save(const std::filesystem::path& dir, const Record& r, const SaveFaults& faults = {});
    // The whole record, now (import, "Delete all my data" then a change, or when the app is idle).
    SaveResult save_full(const std::filesystem::path& dir, const Record& r, const SaveFaults& faults = {});
    // Whether the last successful save() appended to the journal (else it saved the whole record).
    bool last_save_appended() const { return last_appended_; }
    const JournalState& journal() const { return state_; }
    // A journal longer than this is folded into record.json at the next save: max(64 KiB,
    // record.json's size / 8), so that replaying it at start stays a small part of reading the record.
    std::size_t compact_at() const;
    std::size_t compact_at_bytes = 0;  // for tests: a fixed threshold instead (0: the rule above)

private:
    std::filesystem::path dir_;
    bool known_ = false;    // on_disk_ and state_ describe dir_
    Record on_disk_;        // what load_record(dir_) would give now
    JournalState state_;
    bool last_appended_ = false;
};

}  // namespace poems
