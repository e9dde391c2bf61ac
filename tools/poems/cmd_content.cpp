// poems content check [DIR] [--seeds SEEDS | --no-copy-check]: validates the content files, the
// compiled-in ones or DIR/*.json, and checks that no string copies 20 or more words in a row from
// a seed (copy_check.hpp). SEEDS defaults to ../shared/seeds beside the source tree this program
// was built from (POEMS_SOURCE_DIR); a missing seeds folder skips that check, saying so.
// Exit codes: 0 valid (prints a summary), 2 invalid (prints one problem per line) or bad usage.
#include "commands.hpp"

#include "poems/content.hpp"
#include "poems/copy_check.hpp"
#include "poems/embedded_files.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace poems::cli {

#ifndef POEMS_SOURCE_DIR
#define POEMS_SOURCE_DIR "."
#endif

static const char* default_seeds() { return POEMS_SOURCE_DIR "/../shared/seeds"; }

static int content_usage() {
    std::fprintf(stderr,
                 "usage: poems content check [DIR] [--seeds SEEDS | --no-copy-check]\n"
                 "  checks the content compiled into this program, or DIR/*.json when DIR is given,\n"
                 "  and that no string shares %zu or more words in a row with a seed (SEEDS/*.txt;\n"
                 "  default %s, skipped with a note when missing)\n",
                 poems::kCopyRunLimit, default_seeds());
    return 2;
}

// The files of `dir` whose names end in `extension`, by name, with their text: the seeds (*.txt)
// and a content folder (*.json). False when `dir` is not a folder: the caller says so.
static bool read_folder(const std::filesystem::path& dir, const char* extension, std::vector<SeedText>& out) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return false;
    std::vector<fs::path> paths;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == extension) paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        out.push_back({p.filename().string(), text.str()});
    }
    return true;
}

int run_content(Args all_args) {
    // Options first, then the positional words: check [DIR].
    std::vector<std::string_view> args;
    std::string seeds_dir = default_seeds();
    bool copy_check = true;
    for (std::size_t i = 0; i < all_args.size(); ++i) {
        if (all_args[i] == "--seeds") {
            if (i + 1 >= all_args.size() || all_args[i + 1].empty()) return content_usage();
            seeds_dir = all_args[++i];
        } else if (all_args[i] == "--no-copy-check") {
            copy_check = false;
        } else {
            args.push_back(all_args[i]);
        }
    }
    if (args.empty() || args[0] != "check" || args.size() > 2) return content_usage();

    // Files read from disk must outlive the EmbeddedFile views on them.
    std::vector<SeedText> folder;  // {name, text} of each file read from a folder
    std::vector<EmbeddedFile> files;
    std::string where = "compiled-in content";
    if (args.size() == 2) {
        where = std::string(args[1]);
        if (!read_folder(where, ".json", folder)) {
            std::fprintf(stderr, "poems content check: \"%s\" is not a folder\n", where.c_str());
            return 2;
        }
        for (const auto& f : folder) files.push_back({f.file.c_str(), f.text});
    } else {
        auto embedded = embedded_content_files();
        files.assign(embedded.begin(), embedded.end());
    }

    ContentLoad load = load_content(files);
    Problems problems = std::move(load.problems);

    // The copied-text check runs on every file that parses, valid or not, so that one run lists
    // every problem. Its own problems join the loader's.
    std::string copy_summary;
    if (!copy_check) {
        copy_summary = "copied-text check not run (--no-copy-check)";
    } else {
        std::vector<SeedText> seeds;
        if (!read_folder(seeds_dir, ".txt", seeds)) {
            std::fprintf(stderr, "content: the copied-text check was skipped because the seeds folder \"%s\" is missing\n",
                         seeds_dir.c_str());
        } else if (seeds.empty()) {
            problems.push_back({"", "", "the seeds folder \"" + seeds_dir + "\" holds no seed text files (*.txt)"});
        } else {
            auto t0 = std::chrono::steady_clock::now();
            SeedIndex index(std::move(seeds));
            CopyCheckResult copies;
            for (const auto& f : files) {
                Problems ignored;  // syntax errors are the loader's to report
                if (auto doc = parse_json_text(f.text, f.name, ignored)) find_copied_text(*doc, f.name, index, copies);
            }
            auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            problems.insert(problems.end(), copies.problems.begin(), copies.problems.end());
            char line[512];
            std::snprintf(line, sizeof line,
                          "copied-text check: %zu strings against %zu seeds (%zu words) in %s: %zu with %zu or more "
                          "words in a row from a seed (%.0f ms)",
                          copies.strings, index.size(), index.word_count(), seeds_dir.c_str(), copies.problems.size(),
                          index.min_run(), ms);
            copy_summary = line;
        }
    }

    if (!problems.empty() || !load.content) {
        for (const auto& p : problems) std::printf("%s\n", p.to_string().c_str());
        if (!copy_summary.empty()) std::printf("%s\n", copy_summary.c_str());
        std::printf("content: %zu problem%s in %s\n", problems.size(), problems.size() == 1 ? "" : "s", where.c_str());
        return 2;
    }
    const Content& c = *load.content;
    std::size_t total = 0;
    for (const auto& t : c.counts()) total += t.items;
    std::printf("content: valid (%s): %zu files, %zu items, %zu seeds, %zu references\n", where.c_str(),
                c.counts().size(), total, c.seeds().size(), c.references().size());
    for (const auto& t : c.counts()) std::printf("  %-22s %4zu items\n", t.file.c_str(), t.items);
    if (!copy_summary.empty()) std::printf("%s\n", copy_summary.c_str());
    return 0;
}

}  // namespace poems::cli
