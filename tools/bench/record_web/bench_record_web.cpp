// Browser entry point of the record benchmark: saves and loads a ten-year record in Emscripten's
// file system (MEMFS: the app's IndexedDB copy is a separate, asynchronous step) and prints the
// figures, then "bench-record: done" for tools/bench/bench.mjs.
#include "record_bench.hpp"

#include <cstdio>

int main() {
    const poems::bench::RecordBenchResult r = poems::bench::run_record_benchmark("/bench-record", 5);
    std::fputs(poems::bench::to_text(r).c_str(), stdout);
    std::puts(r.ok ? "bench-record: done" : "bench-record: failed");
    return 0;
}
