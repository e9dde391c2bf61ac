// Times search_centers(): on the shipped directory (8 centers) and on a synthetic directory of
// 10,000 centers, to show that a search per keystroke stays far below one frame (16 ms).
// Usage: bench_centers [CONTENT_DIR]   (default: the compiled-in content)
#include "poems/centers.hpp"
#include "poems/embedded_files.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

using namespace poems;

namespace {

std::string centers_text(int argc, char** argv) {
    if (argc > 1) {
        std::ifstream in(std::string(argv[1]) + "/centers.json", std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
    for (const auto& f : embedded_content_files())
        if (std::string_view(f.name) == "centers.json") return std::string(f.text);
    return {};
}

// Median-free and simple: the mean over enough runs to take at least ~0.2 s.
template <typename F>
double mean_microseconds(F&& run, std::size_t& sink) {
    using clock = std::chrono::steady_clock;
    std::size_t runs = 0;
    auto start = clock::now();
    do {
        sink += run();
        ++runs;
    } while (clock::now() - start < std::chrono::milliseconds(200));
    return std::chrono::duration<double, std::micro>(clock::now() - start).count() / double(runs);
}

}  // namespace

int main(int argc, char** argv) {
    Problems problems;
    auto doc = parse_json_text(centers_text(argc, argv), "centers.json", problems);
    if (!doc) {
        std::fprintf(stderr, "bench_centers: cannot read centers.json\n");
        return 2;
    }
    CenterDirectory dir = load_centers(*doc, problems, "centers.json");
    if (!problems.empty()) {
        for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
        return 2;
    }

    // The synthetic directory: copies of the real entries with numbered names and cities, so
    // the text to fold has the real length and accents.
    std::vector<Center> big;
    big.reserve(10000);
    for (int i = 0; i < 10000; ++i) {
        Center c = dir.centers[i % dir.centers.size()];
        // Appended, not a literal + a temporary: GCC 12 at -O3 flags that with a false -Wrestrict.
        (c.id += '_') += std::to_string(i);
        (c.name.by_lang["en"] += ' ') += std::to_string(i);
        if (!c.city.empty()) (c.city.by_lang["en"] += " Süd ") += std::to_string(i);
        big.push_back(std::move(c));
    }

    const CenterQuery queries[] = {
        {"", "", false},
        {"hopitaux", "", false},
        {"HÔPITAUX paris", "", false},
        {"pulmonary hypertension", "asia", false},
        {"", "europe", true},
        {"zzzz", "", false},
    };
    std::size_t sink = 0;
    auto start = std::chrono::steady_clock::now();
    CenterSearchIndex index = build_center_search_index(big, dir.regions);
    std::printf("building the search index of 10,000 centers: %.1f ms (once, at load)\n\n",
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    std::printf("%-40s %12s %12s %14s %8s\n", "query", "8 centers", "10,000", "10,000 indexed", "matches");
    for (const auto& q : queries) {
        std::string label = "\"" + q.words + "\"" + (q.region.empty() ? "" : " region=" + q.region) +
                            (q.remote_only ? " remote" : "");
        double small = mean_microseconds([&] { return search_centers(dir.centers, q, dir.regions).size(); }, sink);
        double large = mean_microseconds([&] { return search_centers(big, q, dir.regions).size(); }, sink);
        double indexed = mean_microseconds([&] { return search_centers(big, q, index).size(); }, sink);
        std::printf("%-40s %9.2f us %9.0f us %11.0f us %8zu\n", label.c_str(), small, large, indexed,
                    search_centers(big, q, index).size());
    }
    return sink == 0 ? 1 : 0;  // keeps the work from being optimised away
}
