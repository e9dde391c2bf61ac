// The app's own words (content/ui.json): page titles, buttons, labels, messages and the printable
// documents' headings, looked up by id ("keeping.saved_here", "doc.h_labs"). They are ours, not
// clinical statements: checked strictly like the rest of content, but they cite no source.
// Clinical sentences stay in their topic files. A "{name}" in a text is filled in with fill_in()
// (poems/text.hpp).
#pragma once

#include "poems/json_reader.hpp"
#include "poems/lang_text.hpp"

#include <map>
#include <string>
#include <string_view>

namespace poems {

struct UiWords {
    std::map<std::string, LangText, std::less<>> words;

    bool has(std::string_view id) const { return words.find(id) != words.end(); }
    // The text of `id` in `lang` (English without a translation), or nullptr for an unknown id.
    const std::string* find(std::string_view id, std::string_view lang = "en") const;
};

// Strict: {"schema", "topic": "ui", "title", "note"?, "words": {id: {"en": ...}}}; every id
// well formed (lowercase, dot-separated: "labs.save"), every text a language map with English;
// and every word the documents need ("doc." + document_word_keys()) present. Problems name the
// file and the JSON Pointer.
std::optional<UiWords> load_ui_words(const Json& doc, Problems& problems, const std::string& file = "ui.json");

}  // namespace poems
