// The app's own words (content/ui.json) against the code that asks for them: every id a page
// asks for exists, and every word is asked for somewhere, so a misspelt id fails here instead of
// showing "[labs.sav]" to someone.
#include "../core/catch.hpp"

#include "app/words.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>

using namespace poems;

namespace {
const UiWords& catalogue() { return ui::ui_words_catalogue(); }

// Where the app's sources (ui/, wasm/) name word ids: `words("an.id")` calls, and every string
// literal shaped like an id (a table of ids read with words(table[i]) names them there).
struct IdsInCode {
    std::map<std::string, std::string> called;    // id -> the file and line that asks for it
    std::map<std::string, std::string> literals;  // the same, for any literal
};
const IdsInCode& ids_in_code() {
    static const IdsInCode found = [] {
        IdsInCode out;
        const std::regex call(R"re(\bwords\("([^"]+)"\))re");
        const std::regex literal(R"re("([a-z0-9_]+(\.[a-z0-9_]+)+)")re");
        for (const char* folder : {"ui", "wasm"}) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(std::filesystem::path(POEMS_SOURCE_DIR) / folder)) {
                const auto ext = e.path().extension();
                if (ext != ".cpp" && ext != ".hpp") continue;
                std::ifstream in(e.path());
                std::string line;
                for (int n = 1; std::getline(in, line); ++n) {
                    const std::string where = e.path().filename().string() + ":" + std::to_string(n);
                    for (std::sregex_iterator m(line.begin(), line.end(), call), end; m != end; ++m) out.called.emplace((*m)[1], where);
                    for (std::sregex_iterator m(line.begin(), line.end(), literal), end; m != end; ++m) out.literals.emplace((*m)[1], where);
                }
            }
        }
        return out;
    }();
    return found;
}
}  // namespace

TEST_CASE("every word the app asks for is in ui.json", "[ui][words]") {
    const auto& asked = ids_in_code().called;
    REQUIRE(asked.size() >= 100);  // the scan found the pages' calls
    for (const auto& [id, where] : asked) {
        INFO(where << " asks for \"" << id << "\"");
        CHECK(catalogue().has(id));
    }
}

TEST_CASE("every word of ui.json is asked for by the app or the documents", "[ui][words]") {
    const auto& named = ids_in_code().literals;
    for (const auto& [id, text] : catalogue().words) {
        if (id.rfind("doc.", 0) == 0) continue;  // the documents' words: load_ui_words() requires each one
        INFO("ui.json has \"" << id << "\" but nothing asks for it");
        CHECK(named.count(id) == 1);
    }
}

TEST_CASE("a word looked up by id is the catalogue's text; an unknown id shows itself", "[ui][words]") {
    CHECK(std::string(ui::words("keeping.not_now")) == catalogue().find("keeping.not_now")->c_str());
    CHECK(std::string(ui::words("no.such_word")) == "[no.such_word]");
    CHECK(ui::words("no.such_word") == ui::words("no.such_word"));  // kept, not rebuilt
    CHECK(fill_in(ui::words("keeping.last_export"), "date", "2026-03-01") == "Last exported on 2026-03-01.");
}
