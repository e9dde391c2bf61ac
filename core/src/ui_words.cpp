#include "poems/ui_words.hpp"

#include "poems/document.hpp"
#include "poems/text.hpp"

namespace poems {

const std::string* UiWords::find(std::string_view id, std::string_view lang) const {
    auto it = words.find(id);
    return it == words.end() ? nullptr : &it->second.in(lang);
}

std::optional<UiWords> load_ui_words(const Json& doc, Problems& problems, const std::string& file) {
    return read_topic<UiWords>(doc, problems, file, [&](ObjectReader& r, ReadSink, UiWords& out) {
        const Json* words = r.object("words", true);
        if (!words) return;
        for (const auto& [id, text] : words->items()) {
            const std::string path = pointer_child("/words", id);
            if (!is_well_formed_id(id)) {
                problems.push_back({file, path, quote(id) + " is not a word id: lowercase letters, digits and '_' "
                                                              "in two or more parts joined by '.', such as \"labs.save\""});
                continue;
            }
            if (auto t = read_lang_text_value(text, path, problems, file)) out.words.emplace(id, std::move(*t));
        }
        for (const auto& key : document_word_keys())
            if (!words->contains("doc." + key))
                problems.push_back({file, "/words", "missing \"doc." + key + "\": the printable documents use it"});
    });
}

}  // namespace poems
