// The only file in core that does file I/O for the record (see record_store.hpp).
#include "poems/record_store.hpp"

#include "poems/record_journal.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <system_error>

#if !defined(__EMSCRIPTEN__) && !defined(_WIN32)
#include <fcntl.h>
#include <unistd.h>
#define POEMS_HAVE_FSYNC 1
#endif

namespace fs = std::filesystem;

namespace poems {

// ---- Where ----------------------------------------------------------------------------------

fs::path xdg_record_dir(const char* xdg_data_home, const char* home) {
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (xdg_data_home && *xdg_data_home && fs::path(xdg_data_home).is_absolute())
        return fs::path(xdg_data_home) / "poems-companion";
    if (home && *home) return fs::path(home) / ".local" / "share" / "poems-companion";
    return {};
}

fs::path default_record_dir() {
#if defined(__EMSCRIPTEN__)
    return kBrowserRecordDir;
#elif defined(_WIN32)
    const char* appdata = std::getenv("APPDATA");
    return appdata && *appdata ? fs::path(appdata) / "poems-companion" : fs::path();
#elif defined(__APPLE__)
    const char* home = std::getenv("HOME");
    return home && *home ? fs::path(home) / "Library" / "Application Support" / "poems-companion" : fs::path();
#else
    return xdg_record_dir(std::getenv("XDG_DATA_HOME"), std::getenv("HOME"));
#endif
}

// ---- Small file helpers -----------------------------------------------------------------------

static fs::path sibling(const fs::path& dir, const std::string& suffix) { return dir / (std::string(kRecordFileName) + suffix); }

std::optional<std::string> read_text_stream(std::FILE* f, std::size_t max_bytes, std::string& error) {
    std::string text;
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
        text.append(buffer, n);
        if (text.size() > max_bytes) {
            error = "it is larger than the limit of " + std::to_string(max_bytes) + " bytes";
            return std::nullopt;
        }
    }
    if (std::ferror(f)) {
        error = "a read error occurred";
        return std::nullopt;
    }
    return text;
}

std::optional<std::string> read_text_file(const fs::path& path, std::size_t max_bytes, std::string& error) {
    std::FILE* f = std::fopen(path.string().c_str(), "rb");
    if (!f) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    auto text = read_text_stream(f, max_bytes, error);
    std::fclose(f);
    return text;
}

// The first free "record.json.<stem><n>".
static fs::path free_name(const fs::path& dir, const std::string& stem) {
    for (int n = 1;; ++n) {
        fs::path p = sibling(dir, "." + stem + std::to_string(n));
        std::error_code ec;
        if (!fs::exists(p, ec) && !ec) return p;
        if (n > 100000) return sibling(dir, "." + stem + "last");
    }
}

static void sync_dir(const fs::path& dir) {
#ifdef POEMS_HAVE_FSYNC
    int fd = ::open(dir.string().c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);  // best effort: some file systems refuse fsync on a folder
        ::close(fd);
    }
#else
    (void)dir;
#endif
}

// ---- Saving -----------------------------------------------------------------------------------

const char* to_string(SaveStep s) {
    switch (s) {
        case SaveStep::write_tmp: return "write_tmp";
        case SaveStep::sync_tmp: return "sync_tmp";
        case SaveStep::backup_previous: return "backup_previous";
        case SaveStep::replace: return "replace";
        case SaveStep::end_journal: return "end_journal";
        case SaveStep::sync_dir: return "sync_dir";
    }
    return "?";
}

static SaveResult failed(std::string message) { return {false, std::move(message), 0, 0}; }

// Flushes what was written to the disk (fsync where the system has it) and closes the file;
// false when any step failed. Shared by the whole save and the journal's append.
static bool flush_sync_close(std::FILE* f, bool ok) {
    ok = ok && std::fflush(f) == 0;
#ifdef POEMS_HAVE_FSYNC
    ok = ok && ::fsync(::fileno(f)) == 0;
#endif
    return std::fclose(f) == 0 && ok;
}

SaveResult save_record(const fs::path& dir, const Record& r, const SaveFaults& faults) {
    auto stop = [&](SaveStep s) { return faults.stop_before && *faults.stop_before == s; };
    auto stopped = [&](SaveStep s) { return failed(std::string("save stopped before step ") + to_string(s) + " (test fault)"); };
    try {
        const std::string text = dump_record(r, 1);
        // What goes on disk must load back, or the next start would set it aside as broken.
        RecordLoad check = record_from_json_text(text);
        if (!check.record) {
            std::string first = check.problems.empty() ? "" : check.problems.front().to_string();
            return failed("your record was not saved because it would not load back: " + first);
        }

        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec) return failed("could not create the folder " + dir.string() + ": " + ec.message());
        const fs::path main = sibling(dir, ""), tmp = sibling(dir, ".tmp"), bak = sibling(dir, ".bak");

        // 1. Write the new record next to the old one.
        if (stop(SaveStep::write_tmp)) return stopped(SaveStep::write_tmp);
        std::FILE* f = std::fopen(tmp.string().c_str(), "wb");
        if (!f) return failed("could not write " + tmp.string() + ": " + std::strerror(errno));
        std::size_t to_write = faults.tmp_bytes ? std::min(*faults.tmp_bytes, text.size()) : text.size();
        bool ok = std::fwrite(text.data(), 1, to_write, f) == to_write;
        if (faults.tmp_bytes) {
            std::fclose(f);
            return failed("save stopped after " + std::to_string(to_write) + " bytes of the temporary file (test fault)");
        }

        // 2. Make sure the bytes are on the disk before any rename makes them the record.
        if (stop(SaveStep::sync_tmp)) {
            std::fclose(f);
            return stopped(SaveStep::sync_tmp);
        }
        ok = flush_sync_close(f, ok);
        if (!ok) {
            std::string why = std::strerror(errno);
            fs::remove(tmp, ec);
            return failed("could not write " + tmp.string() + " (" + why + "); your record on disk was not changed");
        }

        // 3. Keep the previous record as the backup.
        if (stop(SaveStep::backup_previous)) return stopped(SaveStep::backup_previous);
        bool had_main = fs::exists(main, ec);
        if (had_main) {
            fs::rename(main, bak, ec);
            if (ec) {
                fs::remove(tmp, ec);
                return failed("could not keep the previous record as " + bak.string() + "; your record on disk was not changed");
            }
        }

        // 4. The new record takes its place (rename is atomic).
        if (stop(SaveStep::replace)) return stopped(SaveStep::replace);
        fs::rename(tmp, main, ec);
        if (ec) {
            std::string why = ec.message();
            if (had_main) fs::rename(bak, main, ec);  // put the old record back
            return failed("could not replace " + main.string() + " (" + why + "); your previous record was kept");
        }

        // 5. The journal's changes are all in the new record.json. (Stopped before this, the
        // journal names the record.json before, now the backup, and load_record() ignores it.)
        if (stop(SaveStep::end_journal)) return stopped(SaveStep::end_journal);
        fs::remove(sibling(dir, kRecordJournalSuffix), ec);

        // 6. Make the renames durable.
        if (stop(SaveStep::sync_dir)) return stopped(SaveStep::sync_dir);
        sync_dir(dir);
        return {true, "", text.size(), record_text_hash(text)};
    } catch (const std::exception& e) {  // e.g. out of memory: report, never crash the app
        return failed(std::string("your record was not saved: ") + e.what());
    }
}

// ---- The journal (record_journal.hpp) ----------------------------------------------------------

SaveResult append_record_journal(const fs::path& dir, std::string_view bytes, std::size_t valid_bytes, const SaveFaults& faults) {
    const fs::path path = sibling(dir, kRecordJournalSuffix);
    std::error_code ec;
    if (valid_bytes > 0 && fs::file_size(path, ec) != valid_bytes) {
        // A line cut short by a stopped append: never part of a save, and in the way of the next line.
        if (!ec) fs::resize_file(path, valid_bytes, ec);
        if (ec) return failed("could not write " + path.string() + ": " + ec.message() + "; your record on disk was not changed");
    }
    std::FILE* f = std::fopen(path.string().c_str(), valid_bytes > 0 ? "ab" : "wb");
    if (!f) return failed("could not write " + path.string() + ": " + std::strerror(errno) + "; your record on disk was not changed");
    const std::size_t to_write = faults.journal_bytes ? std::min(*faults.journal_bytes, bytes.size()) : bytes.size();
    bool ok = std::fwrite(bytes.data(), 1, to_write, f) == to_write;
    if (faults.journal_bytes) {
        std::fclose(f);
        return failed("save stopped after " + std::to_string(to_write) + " bytes of the journal line (test fault)");
    }
    ok = flush_sync_close(f, ok);
    if (!ok) {
        std::string why = std::strerror(errno);
        // Whatever part of the line reached the disk has no newline or a wrong check: load_record
        // leaves it out, and the next append cuts it off.
        return failed("could not write " + path.string() + " (" + why + "); your last change was not saved");
    }
    return {true, "", bytes.size(), 0};
}

// ---- Loading ----------------------------------------------------------------------------------

namespace {

enum class Outcome { loaded, missing, unreadable, broken, newer };

struct Attempt {
    Outcome outcome = Outcome::missing;
    RecordLoad load;
    std::string error;  // for unreadable
    std::uint64_t hash = 0;  // of the text read
    std::size_t bytes = 0;
};

Attempt try_load(const fs::path& path) {
    Attempt a;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        a.outcome = ec ? Outcome::unreadable : Outcome::missing;
        a.error = ec.message();
        return a;
    }
    std::string error;
    auto text = read_text_file(path, kMaxRecordFileBytes, error);
    if (!text) {
        // Too large counts as broken (it cannot be a record this app wrote); anything else is an
        // I/O problem that may go away, so the file is left where it is.
        if (fs::file_size(path, ec) > kMaxRecordFileBytes && !ec) {
            a.outcome = Outcome::broken;
            a.load.problems.push_back({path.filename().string(), "", error});
        } else {
            a.outcome = Outcome::unreadable;
            a.error = error;
        }
        return a;
    }
    a.hash = record_text_hash(*text);
    a.bytes = text->size();
    a.load = record_from_json_text(*text, path.filename().string());
    a.outcome = a.load.record ? Outcome::loaded : a.load.newer_schema ? Outcome::newer : Outcome::broken;
    return a;
}

std::string first_problem(const RecordLoad& l) {
    if (l.problems.empty()) return "unknown problem";
    std::string s = l.problems.front().to_string();
    if (l.problems.size() > 1) s += " (and " + std::to_string(l.problems.size() - 1) + " more)";
    return s;
}

}  // namespace

// The journal, after record.json (or its backup) was loaded as `loaded`: applied when it belongs
// to that text, ignored when it belongs to the text before the last full save (`other`, read only
// then), else kept aside. Nothing is ever deleted here.
static void read_journal(const fs::path& dir, StoreLoad& out, const Attempt* loaded, const fs::path& other) {
    const fs::path path = sibling(dir, kRecordJournalSuffix);
    if (loaded) {
        out.journal.snapshot_hash = loaded->hash;
        out.journal.snapshot_bytes = loaded->bytes;
    }
    const bool appendable = loaded && out.source == RecordSource::main && !out.migrated;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        out.journal.usable = appendable && !ec;
        return;
    }
    auto set_aside = [&](const std::string& why, bool changes_missing) {
        fs::path dest = free_name(dir, "broken-");
        fs::rename(path, dest, ec);
        if (ec) {
            out.read_only = true;
            out.messages.push_back("record.json.journal " + why + " and could not be moved aside (" + ec.message() +
                                   "); nothing was changed");
            return;
        }
        out.messages.push_back("record.json.journal " + why + "; it was kept as " + dest.filename().string() +
                               (changes_missing ? ". Changes saved after that point may be missing" : ""));
    };
    std::string error;
    auto text = read_text_file(path, kMaxRecordFileBytes, error);
    if (!text) {
        if (fs::file_size(path, ec) > kMaxRecordFileBytes && !ec) return set_aside("is too large to be a journal this app wrote", true);
        out.read_only = true;
        out.messages.push_back("record.json.journal could not be read (" + error +
                               "); nothing was changed, and nothing will be saved until it can be read");
        return;
    }
    // Applied in place: each line applies whole or not at all, and nothing when it is not this record's.
    JournalReplay rep = replay_journal(*text, loaded ? loaded->hash : 0, out.record);
    if (rep.applies) {
        out.journal.bytes = rep.valid_bytes;
        out.journal.lines = rep.lines;
        if (rep.problems.empty()) {
            out.journal.usable = appendable;
            return;
        }
        // A copy of the whole file is kept aside, and the journal is cut back to the changes that
        // were read, so that they stay part of the record from now on.
        out.problems.insert(out.problems.end(), rep.problems.begin(), rep.problems.end());
        const fs::path dest = free_name(dir, "broken-");
        fs::copy_file(path, dest, ec);
        if (!ec) fs::resize_file(path, rep.valid_bytes, ec);
        if (ec) {
            out.read_only = true;
            out.messages.push_back("record.json.journal could not be read past change " + std::to_string(rep.lines) +
                                   " and could not be kept aside (" + ec.message() + "); nothing was changed");
            return;
        }
        out.journal.usable = appendable;
        out.messages.push_back("record.json.journal could not be read past change " + std::to_string(rep.lines) + " (" +
                               first_problem(RecordLoad{{}, rep.problems}) +
                               "), so your record is shown as it was after that change; the whole file was kept as " +
                               dest.filename().string() + ". Changes saved after that point may be missing");
        return;
    }
    if (!rep.has_header) {
        if (rep.problems.empty()) {  // empty, or a first line cut short: a journal whose first save was stopped
            out.journal.usable = appendable;
            return;
        }
        out.problems.insert(out.problems.end(), rep.problems.begin(), rep.problems.end());
        return set_aside("could not be read (" + first_problem(RecordLoad{{}, rep.problems}) + ")", true);
    }
    // Written against another record.json. The one before the last full save (now the backup):
    // that save stopped before it removed the journal, and every change in it is in record.json.
    if (loaded && out.source == RecordSource::main) {
        std::string ignored;
        auto before = read_text_file(other, kMaxRecordFileBytes, ignored);
        if (before && record_text_hash(*before) == rep.snapshot) {
            out.journal.usable = appendable;  // the next change starts it afresh
            return;
        }
    }
    set_aside("was written for another version of record.json and was not applied", true);
}

StoreLoad load_record(const fs::path& dir) {
    StoreLoad out;
    try {
        const fs::path main = sibling(dir, ""), bak = sibling(dir, ".bak");
        auto take = [&](Attempt& a, RecordSource source) {
            out.record = std::move(*a.load.record);
            out.source = source;
            out.from_schema = a.load.from_schema;
            out.migrated = a.load.migrated;
            const fs::path& path = source == RecordSource::main ? main : bak;
            if (out.migrated) {
                // Keep the file as it was before the migration, once, in case the migration is wrong.
                fs::path copy = sibling(dir, ".schema-" + std::to_string(out.from_schema));
                std::error_code ec;
                if (!fs::exists(copy, ec)) fs::copy_file(path, copy, ec);
                out.messages.push_back("Your record was written by an older version of POEMS Companion (schema " +
                                       std::to_string(out.from_schema) + ") and was updated to schema " +
                                       std::to_string(kRecordSchemaVersion) + "; a copy of the old file was kept as " +
                                       copy.filename().string());
            }
        };
        auto refuse_newer = [&](Attempt& a) {
            out.read_only = true;
            out.from_schema = a.load.from_schema;
            out.messages.push_back(first_problem(a.load));
            out.problems.insert(out.problems.end(), a.load.problems.begin(), a.load.problems.end());
        };
        auto unreadable = [&](const fs::path& p, const std::string& error) {
            out.read_only = true;
            out.messages.push_back(p.filename().string() + " could not be read (" + error +
                                   "); nothing was changed, and nothing will be saved until it can be read");
        };
        // Moves a broken file aside; false (and read-only) when even that fails.
        auto set_aside = [&](const fs::path& p, Attempt& a, std::string& kept_as) {
            out.problems.insert(out.problems.end(), a.load.problems.begin(), a.load.problems.end());
            fs::path dest = free_name(dir, "broken-");
            std::error_code ec;
            fs::rename(p, dest, ec);
            if (ec) {
                out.read_only = true;
                out.messages.push_back(p.filename().string() + " could not be read (" + first_problem(a.load) +
                                       ") and could not be moved aside (" + ec.message() + "); nothing was changed");
                return false;
            }
            kept_as = dest.filename().string();
            return true;
        };

        Attempt m = try_load(main);
        std::string why;  // what happened to record.json, when the backup is needed
        switch (m.outcome) {
            case Outcome::loaded:
                take(m, RecordSource::main);
                read_journal(dir, out, &m, bak);
                return out;
            case Outcome::newer: refuse_newer(m); return out;
            case Outcome::unreadable: unreadable(main, m.error); return out;
            case Outcome::missing: why = "record.json was missing (the last save was probably interrupted)"; break;
            case Outcome::broken: {
                std::string kept;
                if (!set_aside(main, m, kept)) return out;
                why = "record.json could not be read (" + first_problem(m.load) + "); the broken file was kept as " + kept;
                break;
            }
        }

        Attempt b = try_load(bak);
        switch (b.outcome) {
            case Outcome::loaded:
                take(b, RecordSource::backup);
                read_journal(dir, out, &b, main);
                out.messages.insert(out.messages.begin(),
                                    why + ". Your record from the save before (record.json.bak) was loaded instead; "
                                          "changes made after that save may be missing");
                return out;
            case Outcome::newer:
                out.messages.push_back(why);
                refuse_newer(b);
                return out;
            case Outcome::unreadable:
                out.messages.push_back(why);
                unreadable(bak, b.error);
                return out;
            case Outcome::missing:
                // A first start (nothing at all) is not worth a message; a lost record is.
                if (m.outcome == Outcome::broken)
                    out.messages.push_back(why + ". There is no backup, so the app starts with an empty record");
                read_journal(dir, out, nullptr, main);  // a journal without its record is kept aside
                return out;
            case Outcome::broken: {
                std::string kept;
                if (!set_aside(bak, b, kept)) return out;
                out.messages.push_back(why + ". The backup could not be read either (" + first_problem(b.load) +
                                       ") and was kept as " + kept + ", so the app starts with an empty record");
                return out;
            }
        }
    } catch (const std::exception& e) {
        out = StoreLoad{};
        out.read_only = true;
        out.messages.push_back(std::string("your record could not be loaded: ") + e.what() + "; nothing was changed");
    }
    return out;
}

// ---- Deleting ---------------------------------------------------------------------------------

DeleteResult delete_record_files(const fs::path& dir) {
    DeleteResult out;
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        out.ok = !ec;
        out.message = ec ? ec.message() : "there was nothing to delete";
        return out;
    }
    const std::string name = kRecordFileName, prefix = name + ".";
    std::vector<fs::path> doomed;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string f = it->path().filename().string();
        if (f == name || f.rfind(prefix, 0) == 0) doomed.push_back(it->path());
    }
    if (ec) {
        out.message = "could not list " + dir.string() + ": " + ec.message();
        return out;
    }
    std::vector<std::string> failures;
    for (const auto& p : doomed) {
        if (fs::remove(p, ec) && !ec) ++out.removed;
        else failures.push_back(p.filename().string() + " (" + ec.message() + ")");
    }
    sync_dir(dir);
    out.ok = failures.empty();
    if (out.ok) out.message = std::to_string(out.removed) + (out.removed == 1 ? " file" : " files") + " deleted";
    else {
        out.message = "could not delete:";
        for (const auto& f : failures) out.message += " " + f;
    }
    return out;
}

// ---- Export and import ------------------------------------------------------------------------

std::string export_record(const Record& r) { return dump_record(r, 2); }

std::string export_file_name(const Date& today) { return "poems-record-" + to_string(today) + ".json"; }

RecordImport import_record(std::string_view text, const Record& current, const std::string& file) {
    RecordImport out;
    out.load = record_from_json_text(text, file);
    if (out.load.record) out.diff = summarize_differences(current, *out.load.record);
    return out;
}

}  // namespace poems
