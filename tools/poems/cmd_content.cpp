// poems content check [DIR]: validates the content files, the compiled-in ones or DIR/*.json.
// Exit codes: 0 valid (prints a summary), 2 invalid (prints one problem per line) or bad usage.
#include "commands.hpp"

#include "poems/content.hpp"
#include "poems/embedded_files.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace poems::cli {

static int content_usage() {
    std::fprintf(stderr, "usage: poems content check [DIR]\n"
                         "  checks the content compiled into this program, or DIR/*.json when DIR is given\n");
    return 2;
}

int run_content(Args args) {
    if (args.empty() || args[0] != "check" || args.size() > 2) return content_usage();

    // Files read from disk must outlive the EmbeddedFile views on them.
    std::vector<std::string> names, texts;
    std::vector<EmbeddedFile> files;
    std::string where = "compiled-in content";
    if (args.size() == 2) {
        namespace fs = std::filesystem;
        fs::path dir(args[1]);
        where = dir.string();
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            std::fprintf(stderr, "poems content check: \"%s\" is not a folder\n", where.c_str());
            return 2;
        }
        std::vector<fs::path> paths;
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (e.is_regular_file() && e.path().extension() == ".json") paths.push_back(e.path());
        std::sort(paths.begin(), paths.end());
        for (const auto& p : paths) {
            std::ifstream in(p, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            names.push_back(p.filename().string());
            texts.push_back(text.str());
        }
        for (std::size_t i = 0; i < names.size(); ++i) files.push_back({names[i].c_str(), texts[i]});
    } else {
        auto embedded = embedded_content_files();
        files.assign(embedded.begin(), embedded.end());
    }

    ContentLoad load = load_content(files);
    if (!load.content) {
        for (const auto& p : load.problems) std::printf("%s\n", p.to_string().c_str());
        std::printf("content: %zu problem%s in %s\n", load.problems.size(), load.problems.size() == 1 ? "" : "s",
                    where.c_str());
        return 2;
    }
    const Content& c = *load.content;
    std::size_t total = 0;
    for (const auto& t : c.counts()) total += t.items;
    std::printf("content: valid (%s): %zu files, %zu items, %zu seeds, %zu references\n", where.c_str(),
                c.counts().size(), total, c.seeds().size(), c.references().size());
    for (const auto& t : c.counts()) std::printf("  %-22s %4zu items\n", t.file.c_str(), t.items);
    return 0;
}

}  // namespace poems::cli
