// The app's own words by id, from content/ui.json (poems/ui_words.hpp): titles, buttons, labels
// and messages, so that pages hold no literals and the accessibility mirror, the documents and,
// later, other languages read them from one place. Clinical text stays in its topic files.
//   ImGui::Button(words("keeping.not_now"));
//   text_wrapped(fill_in(words("keeping.last_export"), "date", to_string(d)));   // poems/text.hpp
#pragma once

#include "poems/text.hpp"
#include "poems/ui_words.hpp"

#include <string_view>

namespace poems::ui {

// The English text of `id`, valid for the life of the program. An id that ui.json lacks shows as
// "[id]" (and is reported once on stderr) rather than vanishing; tests/ui/test_ui_words.cpp fails
// for every id the code asks for that ui.json lacks, and for every word nothing asks for.
const char* words(std::string_view id);

// The whole catalogue, read from the compiled-in ui.json the first time (for tests).
const UiWords& ui_words_catalogue();

}  // namespace poems::ui
