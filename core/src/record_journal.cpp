// The record journal (record_journal.hpp): what changed, as a line; reading lines back; and the
// keeper that appends them. The journal's file I/O is in record_store.cpp, beside the rest.
#include "poems/record_journal.hpp"

#include <algorithm>
#include <cstdio>
#include <system_error>
#include <unordered_set>

namespace fs = std::filesystem;

namespace poems {

std::uint64_t record_text_hash(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

namespace {

std::string hex16(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::optional<std::uint64_t> from_hex16(std::string_view s) {
    if (s.size() != 16) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : s) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) return std::nullopt;
        v = v * 16 + static_cast<std::uint64_t>(d);
    }
    return v;
}

// The lists whose entries have ids: changed entry by entry. Everything else is set whole.
// (Checklist ticks are matched by their item id.)
template <typename F>
void for_each_id_list(F&& f) {
    f("checklist", &Record::checklist);
    f("events", &Record::events);
    f("labs", &Record::labs);
    f("symptoms", &Record::symptoms);
    f("appointments", &Record::appointments);
    f("notes", &Record::notes);
    f("function", &Record::function);
    f("weights", &Record::weights);
}

const std::string& key_of(const ChecklistTick& t) { return t.item_id; }
template <typename T>
const std::string& key_of(const T& e) {
    return e.id;
}

bool is_id_list(std::string_view key) {
    bool found = false;
    for_each_id_list([&](const char* name, auto) { found |= key == name; });
    return found;
}

enum class ListChange { none, whole, entries };

// How `after` differs from `before`: nothing; entries removed (by id) and entries changed in place
// or added at the end (`put`); or, when the order of the remaining entries changed, the whole list.
template <typename T>
ListChange diff_list(const std::vector<T>& before, const std::vector<T>& after, std::vector<std::string>& removed,
                     std::vector<T>& put) {
    if (before == after) return ListChange::none;
    std::vector<const T*> kept;  // `before` without what was removed, in order
    kept.reserve(before.size());
    bool same_ids = after.size() >= before.size();
    for (std::size_t i = 0; same_ids && i < before.size(); ++i) same_ids = key_of(before[i]) == key_of(after[i]);
    if (same_ids) {
        for (const auto& e : before) kept.push_back(&e);
    } else {
        std::unordered_set<std::string_view> ids;
        ids.reserve(after.size());
        for (const auto& e : after) ids.insert(key_of(e));
        for (const auto& e : before) {
            if (ids.count(key_of(e))) kept.push_back(&e);
            else removed.push_back(key_of(e));
        }
    }
    for (std::size_t i = 0; i < after.size(); ++i) {
        if (i < kept.size()) {
            if (key_of(*kept[i]) != key_of(after[i])) {  // reordered: send the whole list
                removed.clear();
                put.clear();
                return ListChange::whole;
            }
            if (!(*kept[i] == after[i])) put.push_back(after[i]);
        } else {
            put.push_back(after[i]);
        }
    }
    return ListChange::entries;
}

// The index of the entry with this id, searching from the end (recent entries change most).
template <typename T>
std::ptrdiff_t find_id(const std::vector<T>& list, const std::string& id) {
    for (std::size_t i = list.size(); i-- > 0;)
        if (key_of(list[i]) == id) return static_cast<std::ptrdiff_t>(i);
    return -1;
}

// A journal line: "<16 hex digits> <json>". False (with the reason) when damaged.
bool read_line(std::string_view line, Json& out, std::string& why, const std::string& file) {
    if (line.size() < 18 || line[16] != ' ') {
        why = "is not a journal line (it must start with 16 hex digits and a space)";
        return false;
    }
    auto check = from_hex16(line.substr(0, 16));
    std::string_view json = line.substr(17);
    if (!check || *check != record_text_hash(json)) {
        why = "is damaged (its check does not match its text)";
        return false;
    }
    Problems problems;
    auto doc = parse_json_text(json, file, problems, {kMaxRecordFileBytes, kMaxRecordDepth});
    if (!doc || !doc->is_object()) {
        why = problems.empty() ? "is not a JSON object" : problems.front().message;
        return false;
    }
    out = std::move(*doc);
    return true;
}

}  // namespace

Json record_changes(const Record& before, const Record& after) {
    Record set_part, put_part;
    std::vector<std::string> set_keys, put_keys;
    Json del = Json::object();
    if (!(before.profile == after.profile)) set_part.profile = after.profile, set_keys.push_back("profile");
    if (before.findings != after.findings) set_part.findings = after.findings, set_keys.push_back("findings");
    if (before.asked_doctor != after.asked_doctor) set_part.asked_doctor = after.asked_doctor, set_keys.push_back("asked_doctor");
    for_each_id_list([&](const char* name, auto member) {
        std::vector<std::string> removed;
        switch (diff_list(before.*member, after.*member, removed, put_part.*member)) {
            case ListChange::none: return;
            case ListChange::whole:
                set_part.*member = after.*member;
                set_keys.push_back(name);
                return;
            case ListChange::entries:
                if (!removed.empty()) del[name] = removed;
                if (!(put_part.*member).empty()) put_keys.push_back(name);
                return;
        }
    });
    Json out = Json::object();
    if (!set_keys.empty()) {
        Json all = record_to_json(set_part);
        Json& set = out["set"] = Json::object();
        for (const auto& k : set_keys) set[k] = std::move(all[k]);
    }
    if (!del.empty()) out["del"] = std::move(del);
    if (!put_keys.empty()) {
        Json all = record_to_json(put_part);
        Json& put = out["put"] = Json::object();
        for (const auto& k : put_keys) put[k] = std::move(all[k]);
    }
    return out;
}

std::string journal_line(const Json& payload) {
    // Broken UTF-8 (which the UI never produces) is replaced, as in dump_record.
    std::string json = payload.dump(-1, ' ', false, Json::error_handler_t::replace);
    return hex16(record_text_hash(json)) + " " + json + "\n";
}

std::string journal_header(std::uint64_t snapshot_hash) {
    Json h = Json::object();
    h["journal"] = kRecordJournalFormat;
    h["schema"] = record_schema_name();
    h["snapshot"] = hex16(snapshot_hash);
    return journal_line(h);
}

bool apply_record_changes(const Json& payload, int schema, Record& r, Problems& problems, const std::string& where) {
    const std::size_t before = problems.size();
    auto fail = [&](const std::string& pointer, const std::string& message) { problems.push_back({where, pointer, message}); };
    if (!payload.is_object()) {
        fail("", "must be an object");
        return false;
    }
    for (const auto& [key, value] : payload.items()) {
        if (key != "n" && key != "set" && key != "del" && key != "put") fail("/" + key, "unknown key \"" + key + "\"");
        else if (key == "n" && !((value.is_number_unsigned() && value.get<std::uint64_t>() > 0) ||
                                  (value.is_number_integer() && value.get<std::int64_t>() > 0)))
            fail("/n", "must be a whole number above 0");
        else if (key != "n" && !value.is_object()) fail("/" + key, "must be an object");
    }
    if (problems.size() != before) return false;
    static const Json kEmpty = Json::object();
    const Json& set = payload.contains("set") ? payload["set"] : kEmpty;
    const Json& del = payload.contains("del") ? payload["del"] : kEmpty;
    const Json& put = payload.contains("put") ? payload["put"] : kEmpty;

    // Every part is read by the record's own reader, as a record of the journal's schema.
    auto read_part = [&](const Json& part, const char* name, bool id_lists_only) -> std::optional<Record> {
        Json doc = Json::object();
        for (const auto& [key, value] : part.items()) {
            if (key == "schema" || (id_lists_only && !is_id_list(key))) {
                fail(std::string("/") + name + "/" + key, "\"" + key + "\" cannot be " + (key == "schema" ? "changed" : "changed entry by entry") + " in a journal");
                continue;
            }
            if (std::string_view(name) != "set" && (set.contains(key))) fail(std::string("/") + name + "/" + key, "is also set whole in the same line");
            doc[key] = value;
        }
        doc["schema"] = record_schema_name(schema);
        RecordLoad l = record_from_json(doc, where + " /" + name);
        problems.insert(problems.end(), l.problems.begin(), l.problems.end());
        return l.record;
    };
    std::optional<Record> set_rec = read_part(set, "set", false);
    std::optional<Record> put_rec = read_part(put, "put", true);
    for (const auto& [key, ids] : del.items()) {
        const std::string at = "/del/" + key;
        if (!is_id_list(key)) fail(at, "\"" + key + "\" has no entries to remove by id");
        else if (set.contains(key)) fail(at, "is also set whole in the same line");
        else if (!ids.is_array()) fail(at, "must be a list of ids");
        else
            for (std::size_t i = 0; i < ids.size(); ++i)
                if (!ids[i].is_string() || ids[i].get_ref<const std::string&>().empty() ||
                    ids[i].get_ref<const std::string&>().size() > 4 * kMaxIdChars)
                    fail(at + "/" + std::to_string(i), "must be an id");
    }
    if (problems.size() != before || !set_rec || !put_rec) return false;

    // Removals must name entries that are there, and the lists must stay within their limit:
    // checked before anything changes, so a line applies whole or not at all.
    for_each_id_list([&](const char* name, auto member) {
        const auto& list = r.*member;
        std::unordered_set<std::string> gone;
        if (del.contains(name))
            for (const auto& id : del[name]) {
                const std::string& s = id.get_ref<const std::string&>();
                if (find_id(list, s) < 0) fail(std::string("/del/") + name, "there is no entry \"" + s.substr(0, 100) + "\" to remove");
                else if (!gone.insert(s).second) fail(std::string("/del/") + name, "\"" + s.substr(0, 100) + "\" is removed twice");
            }
        std::size_t added = 0;
        for (const auto& e : (*put_rec).*member) added += gone.count(key_of(e)) || find_id(list, key_of(e)) < 0;
        if (list.size() - gone.size() + added > kMaxEntriesPerList)
            fail(std::string("/put/") + name, "would make the list longer than " + std::to_string(kMaxEntriesPerList) + " entries");
    });
    if (problems.size() != before) return false;

    for (auto it = set.begin(); it != set.end(); ++it) {
        const std::string& key = it.key();  // (not a structured binding: clang 14 cannot capture one)
        if (key == "profile") r.profile = set_rec->profile;
        else if (key == "findings") r.findings = set_rec->findings;
        else if (key == "asked_doctor") r.asked_doctor = set_rec->asked_doctor;
        else for_each_id_list([&](const char* name, auto member) { if (key == name) r.*member = std::move((*set_rec).*member); });
    }
    for_each_id_list([&](const char* name, auto member) {
        auto& list = r.*member;
        if (del.contains(name))
            for (const auto& id : del[name]) list.erase(list.begin() + find_id(list, id.get_ref<const std::string&>()));
        for (auto& e : (*put_rec).*member) {
            std::ptrdiff_t at = find_id(list, key_of(e));
            if (at >= 0) list[static_cast<std::size_t>(at)] = std::move(e);
            else list.push_back(std::move(e));
        }
    });
    return true;
}

JournalReplay replay_journal(std::string_view text, std::uint64_t snapshot_hash, Record& r, const std::string& file) {
    JournalReplay rep;
    try {
        std::size_t pos = 0, line_no = 0;
        while (pos < text.size()) {
            const std::size_t nl = text.find('\n', pos);
            if (nl == std::string_view::npos) {
                rep.torn_tail = true;  // an append that was stopped: never part of a save
                break;
            }
            ++line_no;
            const std::string where = file + " line " + std::to_string(line_no);
            Json payload;
            std::string why;
            if (!read_line(text.substr(pos, nl - pos), payload, why, file)) {
                rep.problems.push_back({where, "", why});
                break;
            }
            if (line_no == 1) {
                const Json* format = payload.contains("journal") ? &payload["journal"] : nullptr;
                const Json* schema = payload.contains("schema") ? &payload["schema"] : nullptr;
                const Json* snap = payload.contains("snapshot") ? &payload["snapshot"] : nullptr;
                std::uint64_t hash = 0;
                bool hash_ok = false;
                if (snap && snap->is_string())
                    if (auto h = from_hex16(snap->get_ref<const std::string&>())) hash = *h, hash_ok = true;
                int version = 0;
                const std::string prefix = kRecordSchemaPrefix;
                if (schema && schema->is_string() && schema->get_ref<const std::string&>().rfind(prefix, 0) == 0) {
                    const std::string digits = schema->get_ref<const std::string&>().substr(prefix.size());
                    if (!digits.empty() && digits.size() < 4 && digits.find_first_not_of("0123456789") == std::string::npos)
                        version = std::stoi(digits);
                }
                if (!format || *format != kRecordJournalFormat || !hash_ok || version < 1 || payload.size() != 3) {
                    rep.problems.push_back({where, "", "is not the header of a " + std::string(kRecordJournalFormat) + " file"});
                    break;
                }
                rep.has_header = true;
                rep.snapshot = hash;
                rep.schema = version;
                rep.applies = hash == snapshot_hash;
                rep.valid_bytes = nl + 1;
                if (!rep.applies) break;  // written against another record.json: not applied at all
            } else {
                if (!apply_record_changes(payload, rep.schema, r, rep.problems, where)) break;
                ++rep.lines;
                rep.valid_bytes = nl + 1;
            }
            pos = nl + 1;
        }
    } catch (const std::exception& e) {  // out of memory: report, never crash
        rep.problems.push_back({file, "", std::string("could not be read: ") + e.what()});
    }
    return rep;
}

// ---- RecordKeeper ---------------------------------------------------------------------------

StoreLoad RecordKeeper::load(const fs::path& dir) {
    StoreLoad l = load_record(dir);
    dir_ = dir;
    on_disk_ = l.record;
    state_ = l.journal;
    known_ = !l.read_only;
    last_appended_ = false;
    return l;
}

std::size_t RecordKeeper::compact_at() const {
    if (compact_at_bytes) return compact_at_bytes;
    return std::max<std::size_t>(64 * 1024, state_.snapshot_bytes / 8);
}

SaveResult RecordKeeper::save_full(const fs::path& dir, const Record& r, const SaveFaults& faults) {
    last_appended_ = false;
    SaveResult s = save_record(dir, r, faults);
    if (!s.ok) {
        known_ = false;  // the files may be anywhere between the old and the new record: read nothing into it
        return s;
    }
    dir_ = dir;
    on_disk_ = r;
    state_ = {};
    state_.usable = true;
    state_.snapshot_hash = s.hash;
    state_.snapshot_bytes = s.bytes;
    known_ = true;
    return s;
}

SaveResult RecordKeeper::save(const fs::path& dir, const Record& r, const SaveFaults& faults) {
    last_appended_ = false;
    if (!known_ || dir != dir_ || !state_.usable) return save_full(dir, r, faults);
    // The files must still be the ones this keeper knows ("Delete all my data", another program):
    // record.json at its size and the journal at least as long as the part read or written.
    std::error_code ec;
    const fs::path main = dir / kRecordFileName, journal = dir / (std::string(kRecordFileName) + kRecordJournalSuffix);
    if (fs::file_size(main, ec) != state_.snapshot_bytes || ec) return save_full(dir, r, faults);
    if (state_.bytes > 0 && (fs::file_size(journal, ec) < state_.bytes || ec)) return save_full(dir, r, faults);

    try {
        Json change = record_changes(on_disk_, r);
        if (change.empty()) return {true, "", 0, state_.snapshot_hash};
        change["n"] = state_.lines + 1;
        const std::string line = journal_line(change);
        const std::string header = state_.bytes == 0 ? journal_header(state_.snapshot_hash) : std::string();
        if (state_.bytes + header.size() + line.size() > compact_at()) return save_full(dir, r, faults);

        // What goes on disk must load back: the line is read as load_record() will read it, onto
        // the record as it is on disk, and must give the record being saved.
        Json back;
        std::string why;
        Problems problems;
        if (!read_line(std::string_view(line).substr(0, line.size() - 1), back, why, "record.json.journal"))
            return {false, "your record was not saved because the change would not load back: " + why, 0, 0};
        if (!apply_record_changes(back, kRecordSchemaVersion, on_disk_, problems, "record.json.journal"))
            return {false, "your record was not saved because it would not load back: " + problems.front().to_string(), 0, 0};
        if (!(on_disk_ == r)) return save_full(dir, r, faults);  // e.g. broken UTF-8 replaced: the full save handles it

        SaveResult w = append_record_journal(dir, header + line, state_.bytes, faults);
        if (!w.ok) {
            known_ = false;  // on_disk_ already has the change: the next save writes everything
            return w;
        }
        state_.bytes += header.size() + line.size();
        state_.lines += 1;
        last_appended_ = true;
        return {true, "", header.size() + line.size(), state_.snapshot_hash};
    } catch (const std::exception& e) {
        known_ = false;
        return {false, std::string("your record was not saved: ") + e.what(), 0, 0};
    }
}

}  // namespace poems
