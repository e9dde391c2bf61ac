#include "app/words.hpp"

#include "poems/embedded_files.hpp"
#include "poems/ui_words.hpp"

#include <cstdio>
#include <map>
#include <string>
#include <utility>

namespace poems::ui {

// Read from the compiled-in ui.json the first time a word is asked for (the build's content
// check has refused a broken file, so problems here mean a broken build: they are printed).
const UiWords& ui_words_catalogue() {
    static const UiWords loaded = [] {
        Problems problems;
        std::optional<UiWords> w;
        for (const auto& f : embedded_content_files())
            if (std::string_view(f.name) == "ui.json")
                if (auto doc = parse_json_text(f.text, "ui.json", problems)) w = load_ui_words(*doc, problems);
        for (const auto& p : problems) std::fprintf(stderr, "poems: content: %s\n", p.to_string().c_str());
        return w ? std::move(*w) : UiWords{};
    }();
    return loaded;
}

const char* words(std::string_view id) {
    if (const std::string* text = ui_words_catalogue().find(id)) return text->c_str();
    static std::map<std::string, std::string, std::less<>> missing;
    auto it = missing.find(id);
    if (it == missing.end()) {
        // "[id]" built by appending: "[" + a temporary draws a false GCC 12 -Wrestrict at -O3.
        std::string shown = "[";
        (shown += id) += ']';
        it = missing.emplace(std::string(id), std::move(shown)).first;
        std::fprintf(stderr, "poems: no word \"%s\" in content/ui.json\n", it->first.c_str());
    }
    return it->second.c_str();
}

}  // namespace poems::ui
