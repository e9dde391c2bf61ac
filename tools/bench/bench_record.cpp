// Native benchmark of saving and loading a ten-year record: bench_record [DIR] [RUNS].
// DIR defaults to a fresh folder under the system temp folder. Build in Release for real figures.
#include "record_bench.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "poems-bench-record";
    int runs = argc > 2 ? std::atoi(argv[2]) : 9;
    if (runs < 1) runs = 1;
    poems::bench::RecordBenchResult r = poems::bench::run_record_benchmark(dir, runs);
    std::fputs(poems::bench::to_text(r).c_str(), stdout);
    std::error_code ec;
    if (argc <= 1) fs::remove_all(dir, ec);
    return r.ok ? 0 : 1;
}
