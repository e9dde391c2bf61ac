// Timing of record saves and loads, shared by the native benchmark (bench_record.cpp) and a
// browser entry point (the same function runs on Emscripten's file system there).
#pragma once

#include "poems/record.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace poems::bench {

// A plausible ten-year record: 5,000 lab results, 2,000 symptom diary entries, 300 notes,
// 120 appointments, treatment events, checklist ticks and findings. Deterministic for a seed.
Record make_ten_year_record(std::uint64_t seed = 1);

struct RecordBenchResult {
    int runs = 0;
    std::size_t file_bytes = 0;
    std::size_t labs = 0, diary = 0;
    double save_ms = 0, load_ms = 0;            // medians: save_record() and load_record() on `dir`
    double to_text_ms = 0, from_text_ms = 0;    // medians: dump_record() and record_from_json_text() alone
    // A change as the app saves one (RecordKeeper::save: a line appended to record.json.journal).
    int changes = 0;                            // changes saved, a third each: a lab value, a new symptom entry, a tick
    double change_ms = 0, change_max_ms = 0;    // median and slowest of the appended ones
    double line_bytes = 0;                      // mean size of a journal line
    std::size_t compact_at = 0;                 // the journal's size at which the next save writes everything
    double load_journal_ms = 0;                 // load_record() with a journal of `journal_lines` lines
    std::size_t journal_lines = 0;
    bool ok = false;                            // every save succeeded and every load gave the record back
    std::string error;
};

// Saves and loads the record `runs` times in `dir` (its record files are deleted at the end).
RecordBenchResult run_record_benchmark(const std::filesystem::path& dir, int runs = 9);

// One line per figure, for people.
std::string to_text(const RecordBenchResult& r);

}  // namespace poems::bench
