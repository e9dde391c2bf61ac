// Native benchmark of saving and loading a ten-year record: bench_record [DIR] [RUNS],
// or bench_record --write-record FILE to write that record.
// DIR defaults to a fresh folder under the system temp folder. Build in Release for real figures.
#include "record_bench.hpp"

#include "poems/record_json.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    // --write-record FILE: the ten-year record as the app saves it (for tools/bench/bench.mjs's
    // returning visit).
    if (argc == 3 && std::string(argv[1]) == "--write-record") {
        std::FILE* f = std::fopen(argv[2], "wb");
        const std::string text = poems::dump_record(poems::bench::make_ten_year_record(), 1);
        const bool ok = f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
        if (f) std::fclose(f);
        return ok ? 0 : 1;
    }
    fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "poems-bench-record";
    int runs = argc > 2 ? std::atoi(argv[2]) : 9;
    if (runs < 1) runs = 1;
    poems::bench::RecordBenchResult r = poems::bench::run_record_benchmark(dir, runs);
    std::fputs(poems::bench::to_text(r).c_str(), stdout);
    std::error_code ec;
    if (argc <= 1) fs::remove_all(dir, ec);
    return r.ok ? 0 : 1;
}
