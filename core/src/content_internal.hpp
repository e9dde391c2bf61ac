// Shared between content.cpp (the loader) and content_shapes.cpp (the strict shapes of the
// topics this loader owns). Not part of the public API.
#pragma once

#include "poems/content.hpp"

namespace poems::content_detail {

// A language map {"en": "...", "fr": "..."}: English present, every value a non-empty string.
// With `word_lists`, a value may also be a list of strings ({"en": ["swelling", "edema"]}), which
// other topics use for search words.
void check_text(const Json& value, const std::string& path, const std::string& file, Problems& problems,
                bool word_lists = false);
// A non-empty list of language maps (list items, table cells, aliases). `list` may be null.
void check_text_list(const Json* list, const std::string& path, const std::string& file, Problems& problems);

// sources.json: the seeds, their declared section headings and numbered references.
std::vector<Seed> read_seeds(const Json& doc, const std::string& file, Problems& problems);
std::vector<Publication> read_publications(const Json& doc, const std::string& file, Problems& problems);

// The topics this loader reads strictly (and whose ids must start with "<topic>.").
bool is_owned_topic(const std::string& stem);

// Strict keys and shapes of the topics this loader owns; other topics are left alone.
void check_shape(const std::string& stem, const Json& doc, const std::string& file, Problems& problems);

}  // namespace poems::content_detail
