// Where the record meets the disk. This is the ONLY place in core that does file I/O for the
// record: everything else works on Record values and JSON text (record_json.hpp).
//
// Files in the record folder (docs/record.md):
//   record.json             the record
//   record.json.bak         the record as it was before the last save
//   record.json.tmp         a save in progress (left over only when a save was interrupted)
//   record.json.broken-<n>  a record file that could not be read, kept instead of deleted
//   record.json.schema-<n>  a copy of the record as it was before it was migrated from schema n
//   record.json.journal     the changes saved since record.json was last written whole
//                           (record_journal.hpp; applied by load_record, ended by save_record)
//
// Only std::filesystem, stdio and (outside Emscripten) fsync are used, so the same code runs on
// the desktop and in the browser on a folder the app mounts with IDBFS (the app then calls
// FS.syncfs to persist it).
#pragma once

#include "poems/record_json.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poems {

inline constexpr const char* kRecordFileName = "record.json";
inline constexpr const char* kBrowserRecordDir = "/persistent";  // where the browser app mounts IDBFS

// The folder the app keeps the record in when the person did not choose one:
//   Linux and other Unix: $XDG_DATA_HOME/poems-companion, else ~/.local/share/poems-companion
//   macOS: ~/Library/Application Support/poems-companion; Windows: %APPDATA%\poems-companion
//   browser (Emscripten): /persistent
// Empty when no home folder is known (the app must then ask for a folder).
std::filesystem::path default_record_dir();
// The Unix rule on given values (null = not set), so tests need not change the environment.
std::filesystem::path xdg_record_dir(const char* xdg_data_home, const char* home);

// ---- Saving ---------------------------------------------------------------------------------
// The steps of a save, in order. A crash at any point leaves record.json as the old or the new
// record (or, between backup_previous and replace, no record.json but the old one as .bak, which
// load_record() then uses).
enum class SaveStep {
    write_tmp,        // create record.json.tmp and write the new record into it
    sync_tmp,         // flush and fsync it, close it
    backup_previous,  // rename record.json (if any) to record.json.bak, replacing the old .bak
    replace,          // rename record.json.tmp to record.json
    end_journal,      // remove record.json.journal: its changes are in the new record.json
    sync_dir,         // fsync the folder so the renames themselves are on disk
};
const char* to_string(SaveStep s);

// Failure injection for tests: a save stops as if the process died, leaving files as they are.
struct SaveFaults {
    std::optional<SaveStep> stop_before;    // stop just before this step
    std::optional<std::size_t> tmp_bytes;   // write only this many bytes of the .tmp, then stop (a torn write)
    std::optional<std::size_t> journal_bytes;  // append only this many bytes to the journal, then stop
};

struct SaveResult {
    bool ok = false;
    std::string message;    // on failure: what went wrong, in plain words; record.json is untouched
    std::size_t bytes = 0;  // size of the saved file (or of the journal line appended)
    std::uint64_t hash = 0; // record_text_hash() of record.json as it now is
};

// Saves atomically (the steps above). Refuses, without touching any file, a record that would not
// load back (e.g. a note over the length limit, a file over the size limit): what is on disk must
// always be readable. Creates `dir` if needed. Never throws.
SaveResult save_record(const std::filesystem::path& dir, const Record& r, const SaveFaults& faults = {});

// ---- Loading --------------------------------------------------------------------------------
enum class RecordSource { none, main, backup };

// The journal beside record.json (record_journal.hpp) as load_record() found it.
struct JournalState {
    bool usable = false;              // changes may be appended: record.json was loaded as it is, unmigrated
    std::uint64_t snapshot_hash = 0;  // record_text_hash() of the record.json text loaded
    std::size_t snapshot_bytes = 0;   // its size
    std::size_t bytes = 0;            // the journal's bytes up to its last good line (0: none yet)
    std::size_t lines = 0;            // changes applied from it
};

struct StoreLoad {
    Record record;                          // empty when nothing could be loaded
    RecordSource source = RecordSource::none;
    // True when the app must not save over the folder: a newer app wrote the record, or a file
    // could not be read or moved aside. The app shows `messages` and keeps the record read-only.
    bool read_only = false;
    int from_schema = 0;
    bool migrated = false;
    std::vector<std::string> messages;      // plain sentences for the person, in order
    Problems problems;                      // the details, with file and JSON Pointer
    JournalState journal;
};

// Loads record.json and applies record.json.journal when it was written against that record.json
// (a damaged line stops it there: the journal is kept as record.json.broken-<n>, with a message;
// a journal left from before the last full save is ignored). If record.json is missing, corrupt or
// invalid, it is never deleted: a broken file is renamed to record.json.broken-<n> and
// record.json.bak is loaded instead, with a message saying so.
// A record from a newer app is refused and left untouched (read_only). Never throws.
StoreLoad load_record(const std::filesystem::path& dir);

// Appends `bytes` to record.json.journal, first cutting it to `valid_bytes` (a torn line left by
// a stopped append) or, at 0, starting it afresh; flushed and fsynced (outside the browser).
// For RecordKeeper (record_journal.hpp).
SaveResult append_record_journal(const std::filesystem::path& dir, std::string_view bytes, std::size_t valid_bytes,
                                 const SaveFaults& faults = {});

// ---- "Delete all my data" -------------------------------------------------------------------
struct DeleteResult {
    bool ok = false;
    std::size_t removed = 0;  // files removed
    std::string message;
};
// Removes record.json and every record.json.* file (backup, tmp, broken and pre-migration
// copies) from `dir`. The folder itself stays (in the browser it is the IDBFS mount point).
DeleteResult delete_record_files(const std::filesystem::path& dir);

// ---- Export and import (no I/O: the caller downloads or uploads the text) -------------------
std::string export_record(const Record& r);                    // pretty JSON of the current schema
std::string export_file_name(const Date& today);               // "poems-record-2025-03-15.json"

struct RecordImport {
    RecordLoad load;                // the parsed, validated, migrated record or the problems
    std::optional<RecordDiff> diff; // what replacing `current` with it would change (when valid)
};
RecordImport import_record(std::string_view text, const Record& current, const std::string& file = "");

// Reads a whole file of at most `max_bytes` (one more byte is read to detect a larger file).
// For the CLI and the app's "open file"; nothing when it cannot be read (the reason in `error`).
std::optional<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes, std::string& error);
// The same from a stream that is already open (the CLI's standard input), to its end; not closed.
std::optional<std::string> read_text_stream(std::FILE* f, std::size_t max_bytes, std::string& error);

}  // namespace poems
