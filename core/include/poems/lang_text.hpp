// Small pieces shared by the checklists and centers loaders: a copied language map
// ({"en": ..., "fr": ...}) and the strict readers for it, for citations and for id lists.
// Copies, not pointers into the document, so a loaded Checklists or CenterDirectory owns its
// text and can outlive the JSON it came from.
#pragma once

#include "poems/content.hpp"  // SourceRef
#include "poems/json_reader.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poems {

struct LangText {
    std::map<std::string, std::string, std::less<>> by_lang;  // "en" is always present once loaded

    // The text in `lang`, or the English text when there is no translation ("" when empty).
    const std::string& in(std::string_view lang = "en") const;
    bool empty() const { return by_lang.empty(); }
};

// Where problems go: the list and the file name the ObjectReader was given (it does not expose them).
struct ReadSink {
    Problems& problems;
    const std::string& file;
};

// Reads a language map at `key`: an object of non-empty strings with at least "en".
std::optional<LangText> read_lang_text(ObjectReader& r, ReadSink sink, std::string_view key, bool required = true);
// The same for a value that is itself the language map (a list element).
std::optional<LangText> read_lang_text_value(const Json& v, const std::string& path, Problems& problems,
                                             const std::string& file);

// The head every topic file with a typed reader starts with: "schema" and "topic" (the content
// loader checks them) are passed over, "title" must be a language map and "note" may be one.
void read_topic_head(ObjectReader& r, ReadSink sink);

// A whole topic file: its head, then `body(reader, sink, out)` for the rest, then no key left
// unread. Nothing when any of it had a problem (they are in `problems`).
template <class T, class Body>
std::optional<T> read_topic(const Json& doc, Problems& problems, const std::string& file, Body&& body) {
    const std::size_t before = problems.size();
    T out;
    ObjectReader r(doc, "", problems, file);
    ReadSink sink{problems, file};
    read_topic_head(r, sink);
    body(r, sink, out);
    r.finish();
    if (problems.size() != before) return std::nullopt;
    return out;
}

// Reads "sources": a non-empty list of {"seed", "section", "refs"?}. Only the shape is checked
// here; whether the seed and section exist is the content check's job (content.hpp).
std::vector<SourceRef> read_source_refs(ObjectReader& r, ReadSink sink, std::string_view key = "sources",
                                        bool required = true);

// Reads a list of ids (non-empty strings, no duplicates). When `prefixes` is not empty every id
// must start with one of them (e.g. {"workup."}).
std::vector<std::string> read_id_list(ObjectReader& r, ReadSink sink, std::string_view key, bool required = false,
                                      const std::vector<std::string>& prefixes = {});

// Lowercase, dot-separated, at least two parts: "center.mayo", "checklist.suspect.ask_bone_imaging".
bool is_well_formed_id(std::string_view id);

}  // namespace poems
