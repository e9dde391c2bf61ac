// libFuzzer target for the record journal (record_journal.hpp): any journal must be applied line
// by line or refused at a line, never crash, hang or leak, and never leave a record that would not
// save and load back (a hostile line cannot smuggle in what the record's reader refuses).
// The input is either the journal's bytes as they are (first byte odd), or its lines' JSON (first
// byte even), to which the harness adds the header and each line's check, so that the fuzzer reaches
// the changes themselves. The changes the keeper would write for the result must also rebuild it.
// Run with tools/fuzz.sh journal SECONDS (seeds: tests/fuzz/corpus/journal/).
#include "fuzz_check.hpp"
#include "poems/record_journal.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

const poems::Record& base() {
    static const poems::Record r = *poems::record_from_json_text(R"({"schema": "poems-record/2",
        "profile": {"display_name": "Sam"}, "findings": {"polyneuropathy": "present"},
        "checklist": [{"item_id": "check.a", "date": "2024-01-01"}],
        "events": [{"id": "ev-1", "date": "2023-01-01", "kind": "diagnosis"}],
        "labs": [{"id": "lab-1", "date": "2024-01-02", "test_id": "labs.vegf_serum", "value": 1450, "unit": "pg/mL"},
                 {"id": "lab-2", "date": "2024-02-02", "test_id": "labs.platelets", "value": 400, "unit": "x"}],
        "symptoms": [{"id": "sym-1", "date": "2024-01-03", "symptom": "tingling", "severity": 4}],
        "notes": [{"id": "note-1", "date": "2024-01-04", "text": "ask"}], "asked_doctor": ["missing.vegf"]})").record;
    return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool raw = data[0] & 1;
    std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::uint64_t snapshot = 0x1234abcd5678ef90ULL;
    std::string journal;
    if (raw) {
        journal = input;
    } else {
        journal = poems::journal_header(snapshot);
        std::size_t pos = 0;
        while (pos <= input.size()) {
            std::size_t nl = input.find('\n', pos);
            std::string_view json = input.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
            char check[17];
            std::snprintf(check, sizeof check, "%016llx", static_cast<unsigned long long>(poems::record_text_hash(json)));
            journal += std::string(check) + " " + std::string(json) + "\n";
            if (nl == std::string_view::npos) break;
            pos = nl + 1;
        }
    }
    poems::Record r = base();
    poems::JournalReplay rep = poems::replay_journal(journal, snapshot, r);
    poems::fuzz::require(rep.valid_bytes <= journal.size());
    poems::fuzz::require(rep.lines == 0 || rep.applies);
    if (!rep.applies) poems::fuzz::require(r == base());

    // Whatever was applied is a record the reader accepts, and saves and loads back the same.
    poems::RecordLoad back = poems::record_from_json_text(poems::dump_record(r, -1));
    poems::fuzz::require(back.record.has_value() && *back.record == r);

    // The keeper's own line for the same change rebuilds it from the base.
    poems::Json change = poems::record_changes(base(), r);
    poems::Record again = base();
    poems::Problems problems;
    if (!change.empty()) {
        change["n"] = 1;
        poems::fuzz::require(poems::apply_record_changes(change, poems::kRecordSchemaVersion, again, problems, "fuzz"));
    }
    poems::fuzz::require(again == r);
    return 0;
}
