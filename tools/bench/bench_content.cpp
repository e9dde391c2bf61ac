// bench_content: how long loading the compiled-in content takes (parse, the shared checks, the
// index of ids), the first time in this process and then the median of many runs; both with the
// topic checkers (the CLI) and without them; and opened lazily as the app opens it
// (open_checked_content): what the Criteria page's first frame reads, then everything.
// Usage: bench_content [RUNS]   (default 50)
#include "poems/content.hpp"
#include "poems/embedded_files.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace poems;

static double load_ms(TopicChecks topics) {
    auto a = std::chrono::steady_clock::now();
    ContentLoad load = load_content(embedded_content_files(), topics);
    auto b = std::chrono::steady_clock::now();
    if (!load.content) {
        std::fprintf(stderr, "bench_content: the compiled-in content did not load\n");
        std::exit(1);
    }
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// Opened lazily: the criteria, then a test's and a glossary term's items and a citation (what the
// first frame of the Criteria page reads); with `everything`, every file (ids()).
static double open_ms(bool everything) {
    auto a = std::chrono::steady_clock::now();
    Content content = open_checked_content(embedded_content_files());
    bool ok = content.topic("criteria") && content.item("workup.cbc") && content.item("glossary.vegf") &&
              !content.seeds().empty();
    if (everything) ok = ok && !content.ids().empty();
    auto b = std::chrono::steady_clock::now();
    if (!ok) {
        std::fprintf(stderr, "bench_content: the compiled-in content did not open\n");
        std::exit(1);
    }
    return std::chrono::duration<double, std::milli>(b - a).count();
}

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 50;
    std::size_t bytes = 0;
    for (const auto& f : embedded_content_files()) bytes += f.text.size();
    const double first = load_ms(TopicChecks::run);
    for (TopicChecks topics : {TopicChecks::run, TopicChecks::done_by_caller}) {
        std::vector<double> t;
        for (int i = 0; i < runs; ++i) t.push_back(load_ms(topics));
        std::sort(t.begin(), t.end());
        std::printf("content load (%zu KB, %s): median %.2f ms of %d runs\n", bytes / 1024,
                    topics == TopicChecks::run ? "with topic checks" : "topic checks left to the caller", t[t.size() / 2],
                    runs);
    }
    for (bool everything : {false, true}) {
        std::vector<double> t;
        for (int i = 0; i < runs; ++i) t.push_back(open_ms(everything));
        std::sort(t.begin(), t.end());
        std::printf("content opened lazily (the app), %s: median %.2f ms of %d runs\n",
                    everything ? "then every file" : "what the Criteria page's first frame reads", t[t.size() / 2], runs);
    }
    std::printf("content load, first in this process: %.2f ms\n", first);
}
