#include "record_bench.hpp"

#include "poems/record_journal.hpp"
#include "poems/record_store.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

namespace poems::bench {

namespace {

struct Rng {  // splitmix64, the same numbers everywhere
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

const char* kWords[] = {"tingling", "in", "both", "feet", "worse", "after", "walking", "slept", "badly", "swollen",
                        "ankles", "called", "the", "clinic", "about", "results", "felt", "stronger", "today", "tired"};

std::string sentence(Rng& rng, int words) {
    std::string s;
    for (int i = 0; i < words; ++i) (s += i ? " " : "") += kWords[rng.below(20)];  // appended: '" " + a temporary' draws a false GCC 12 -Wrestrict at -O3
    return s;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

template <typename F>
double time_ms(F f) {
    auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Record make_ten_year_record(std::uint64_t seed) {
    Rng rng{seed};
    const Date start{2015, 1, 1};
    const int span = 3652;
    auto day = [&] { return add_days(start, rng.below(span)); };
    struct Test { const char* id; const char* unit; int lo, hi; };
    const Test tests[] = {{"labs.vegf_serum", "pg/mL", 200, 4000}, {"labs.vegf_plasma", "pg/mL", 20, 600},
                          {"labs.platelets", "×10⁹/L", 150, 700},  {"labs.hemoglobin", "g/dL", 10, 18},
                          {"labs.creatinine", "mg/dL", 0, 3},      {"labs.tsh", "mIU/L", 0, 10},
                          {"labs.testosterone", "ng/dL", 100, 900}, {"labs.flc_lambda", "mg/L", 5, 80}};

    Record r;
    r.profile = {"Sam", 1962, "male"};
    r.findings = Json::parse(R"({"schema": "poems-findings/1", "polyneuropathy": "present",
        "monoclonal_plasma_cell_disorder": "present", "sclerotic_bone_lesions": "present",
        "vegf": {"value": 2300, "unit": "pg/mL", "sample": "serum"},
        "endocrine_findings": ["hypogonadism"], "skin_changes": "present",
        "m_protein_tests": [{"test": "serum_immunofixation", "result": "positive"}]})");
    for (int i = 0; i < 40; ++i) r.checklist.push_back({"check.item_" + std::to_string(i), day()});
    const char* kinds[] = {"diagnosis", "treatment_start", "treatment_end", "asct", "remission", "relapse"};
    for (int i = 0; i < 12; ++i)
        r.events.push_back({"ev-" + std::to_string(i + 1), kinds[i % 6], day(), i % 6 == 1 ? "lenalidomide-dexamethasone" : "",
                            i % 2 ? sentence(rng, 8) : ""});
    for (int i = 0; i < 5000; ++i) {
        const Test& t = tests[rng.below(8)];
        double value = t.lo + static_cast<double>(rng.next() % 100000) / 100000.0 * (t.hi - t.lo);
        r.labs.push_back({"lab-" + std::to_string(i + 1), t.id, std::round(value * 100) / 100, t.unit, day(),
                          rng.below(10) == 0 ? sentence(rng, 6) : ""});
    }
    for (int i = 0; i < 2000; ++i)
        r.symptoms.push_back({"sym-" + std::to_string(i + 1), day(), "", rng.below(11), rng.below(3) == 0 ? sentence(rng, 12) : "",
                              rng.below(2) ? "diary.symptom.numbness_tingling" : "diary.symptom.fatigue"});
    for (int i = 0; i < 120; ++i)
        r.appointments.push_back({"appt-" + std::to_string(i + 1), day(), "Haematology follow-up",
                                  {"labs.vegf_serum", "labs.platelets"}, rng.below(4) == 0 ? sentence(rng, 10) : "",
                                  {"labs.vegf_serum"}});
    for (int i = 0; i < 120; ++i)
        r.function.push_back({"fn-" + std::to_string(i + 1), day(), "diary.walking.one_aid", "", ""});
    for (int i = 0; i < 260; ++i)
        r.weights.push_back({"wt-" + std::to_string(i + 1), day(), 60 + rng.below(300) / 10.0, "kg", ""});
    for (int i = 0; i < 300; ++i) r.notes.push_back({"note-" + std::to_string(i + 1), day(), sentence(rng, 60)});
    for (int i = 0; i < 10; ++i) r.asked_doctor.push_back("missing.item_" + std::to_string(i));
    return r;
}

RecordBenchResult run_record_benchmark(const std::filesystem::path& dir, int runs) {
    RecordBenchResult out;
    out.runs = runs;
    const Record record = make_ten_year_record();
    out.labs = record.labs.size();
    out.diary = record.symptoms.size();
    std::vector<double> save, load, to_text_v, from_text_v;
    std::string text;
    out.ok = true;
    for (int i = 0; i < runs && out.ok; ++i) {
        to_text_v.push_back(time_ms([&] { text = dump_record(record, 1); }));
        from_text_v.push_back(time_ms([&] { out.ok = record_from_json_text(text).record.has_value(); }));
        SaveResult s;
        save.push_back(time_ms([&] { s = save_record(dir, record); }));
        if (!s.ok) {
            out.ok = false;
            out.error = s.message;
            break;
        }
        out.file_bytes = s.bytes;
        StoreLoad l;
        load.push_back(time_ms([&] { l = load_record(dir); }));
        if (!(l.record == record)) {
            out.ok = false;
            out.error = "the loaded record differs from the saved one";
        }
    }
    // Changes, as the app saves them: each appends a line to the journal, until the journal is
    // long enough to be folded into record.json (the full save timed above).
    if (out.ok) {
        RecordKeeper keeper;
        Record r = record;
        SaveResult s = keeper.save_full(dir, r);
        out.compact_at = keeper.compact_at();
        std::vector<double> change;
        std::size_t bytes = 0;
        out.changes = std::max(60, runs * 20);
        for (int i = 0; i < out.changes && s.ok; ++i) {
            if (i % 3 == 0) r.labs[static_cast<std::size_t>(i * 37) % r.labs.size()].value += 1;
            else if (i % 3 == 1) r.symptoms.push_back({"sym-b" + std::to_string(i), {2025, 1, 1 + i % 28}, "", i % 11, "", "diary.symptom.fatigue"});
            else r.checklist.push_back({"check.bench_" + std::to_string(i), {2025, 2, 1}});
            double t = time_ms([&] { s = keeper.save(dir, r); });
            if (keeper.last_save_appended()) {
                change.push_back(t);
                bytes += s.bytes;
            }
        }
        if (!s.ok) {
            out.ok = false;
            out.error = s.message;
        }
        out.change_ms = median(change);
        out.change_max_ms = change.empty() ? 0 : *std::max_element(change.begin(), change.end());
        out.line_bytes = change.empty() ? 0 : static_cast<double>(bytes) / static_cast<double>(change.size());
        out.journal_lines = keeper.journal().lines;
        StoreLoad l;
        out.load_journal_ms = time_ms([&] { l = load_record(dir); });
        if (out.ok && !(l.record == r)) {
            out.ok = false;
            out.error = "the record loaded with its journal differs from the saved one";
        }
    }
    delete_record_files(dir);
    out.save_ms = median(save);
    out.load_ms = median(load);
    out.to_text_ms = median(to_text_v);
    out.from_text_ms = median(from_text_v);
    return out;
}

std::string to_text(const RecordBenchResult& r) {
    char buf[1024];
    std::snprintf(buf, sizeof buf,
                  "record: %zu lab results, %zu diary entries, file %.1f KiB (%zu bytes)\n"
                  "save_record: %.1f ms median of %d (of which JSON text %.1f ms)\n"
                  "load_record: %.1f ms median of %d (of which parse + check %.1f ms)\n"
                  "a change (journal line, %.0f bytes): %.2f ms median of %d, slowest %.2f ms; the whole record is "
                  "written again when the journal passes %.0f KiB, about every %.0f changes\n"
                  "load_record with a journal of %zu changes: %.1f ms\n"
                  "%s%s\n",
                  r.labs, r.diary, static_cast<double>(r.file_bytes) / 1024.0, r.file_bytes, r.save_ms, r.runs,
                  r.to_text_ms, r.load_ms, r.runs, r.from_text_ms, r.line_bytes, r.change_ms, r.changes, r.change_max_ms,
                  static_cast<double>(r.compact_at) / 1024.0, r.line_bytes > 0 ? static_cast<double>(r.compact_at) / r.line_bytes : 0.0,
                  r.journal_lines, r.load_journal_ms, r.ok ? "ok" : "FAILED: ", r.error.c_str());
    return buf;
}

}  // namespace poems::bench
