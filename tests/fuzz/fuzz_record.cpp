// libFuzzer target for the record parser: any bytes must be refused with problems or loaded, never
// crash, hang or leak; and a record that loads must save to text that loads back to the same record.
// The JSON parser and the scanner that words syntax errors in our own terms must agree too.
// Run with tools/fuzz.sh record SECONDS (seeds: tests/fuzz/corpus/record/, tests/fixtures/record-bad/,
// tests/fixtures/record-migrations/).
#include "fuzz_check.hpp"
#include "poems/record_json.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    poems::RecordLoad load = poems::record_from_json_text(text, "fuzz.json");
    {
        poems::Problems problems;
        auto doc = poems::parse_json_text(text, "fuzz.json", problems, {poems::kMaxRecordFileBytes, poems::kMaxRecordDepth});
        poems::fuzz::check_json_verdict(text, problems, doc.has_value());
    }
    if (load.record.has_value() != load.problems.empty()) __builtin_trap();  // a record, or problems
    if (!load.record) return 0;

    for (int indent : {-1, 1}) {
        poems::RecordLoad back = poems::record_from_json_text(poems::dump_record(*load.record, indent));
        if (!back.record || !(*back.record == *load.record) || back.migrated) __builtin_trap();
        if (!poems::summarize_differences(*load.record, *back.record).identical()) __builtin_trap();
    }
    return 0;
}
