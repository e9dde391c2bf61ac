// libFuzzer target for the content loader: the input is one content file, swapped into the real
// content set compiled into the program (the file whose "topic" it names, or added beside them when
// it names none), so the links across files, the citations and every topic's own checks run on
// it. Whatever the bytes, the loader gives a Content or named problems (a file and a message),
// never a crash or a hang; a Content that loads answers every lookup the pages make.
// Run with tools/fuzz.sh content SECONDS (seeds: content/*.json, tests/fixtures/content-bad).
#include "fuzz_check.hpp"
#include "poems/content.hpp"
#include "poems/embedded_files.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace poems;
using poems::fuzz::require;

// The value of the first "topic" key in the text, found without parsing (the text may not parse).
static std::string_view topic_named(std::string_view text) {
    const auto at = text.find("\"topic\"");
    if (at == std::string_view::npos) return {};
    std::size_t i = at + 7;
    while (i < text.size() && (text[i] == ' ' || text[i] == ':' || text[i] == '\n' || text[i] == '\t')) ++i;
    if (i >= text.size() || text[i] != '"') return {};
    const auto end = text.find('"', i + 1);
    return end == std::string_view::npos ? std::string_view{} : text.substr(i + 1, end - i - 1);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string topic(topic_named(text));
    const std::string wanted = topic + ".json";

    std::vector<EmbeddedFile> files;
    const char* name = "fuzz.json";  // the fuzzed file's name in the set
    for (const auto& f : embedded_content_files()) {
        if (name == std::string_view("fuzz.json") && !topic.empty() && wanted == f.name) {
            name = f.name;
            files.push_back({f.name, text});
        } else {
            files.push_back(f);
        }
    }
    if (name == std::string_view("fuzz.json")) files.push_back({name, text});

    // Text that is not JSON stops at the loader's first step: load it on its own, which gives the
    // same problem without parsing the other 200 KB again (about 10 times faster under ASan).
    {
        Problems syntax;
        const bool parsed = parse_json_text(text, "fuzz.json", syntax).has_value();
        poems::fuzz::check_json_verdict(text, syntax, parsed);
        if (!parsed) {
            const EmbeddedFile alone[] = {{name, text}};
            ContentLoad load = load_content(alone);
            require(!load.content && !load.problems.empty());
            for (const auto& p : load.problems) require(!p.message.empty() && !p.file.empty());
            return 0;
        }
    }

    ContentLoad load = load_content(files);
    require(load.content.has_value() == load.problems.empty());
    for (const auto& p : load.problems) require(!p.message.empty() && !p.file.empty());
    if (!load.content) return 0;

    // A Content that loads must answer what the pages ask of it.
    const Content& c = *load.content;
    for (const auto& id : c.ids()) {
        require(c.item(id) != nullptr);
        require(!c.topic_of(id).empty());
        for (const auto& s : c.sources_of(id)) require(!c.format_citation(s).empty());
    }
    for (const auto& g : c.glossary()) require(!g.id.empty());
    for (const auto& chapter : c.guide())
        for (const auto& id : chapter.item_ids) require(c.has_id(id));
    return 0;
}
