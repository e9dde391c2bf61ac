// "Take it to the doctor": the visit summary and the letter asking for a POEMS evaluation
// (poems/document.hpp), opened to print or save as PDF (the browser: a new page from a Blob URL
// and its print dialog; the desktop: an HTML file beside the record, opened in the default
// browser) or downloaded. Its own words are the "doc." words of content/ui.json.
#include "pages/pages.hpp"

#include "app/test_hooks.hpp"
#include "app/widgets.hpp"
#include "app/words.hpp"
#include "poems/document.hpp"
#include "poems/topics.hpp"

#include <imgui.h>

namespace poems::ui {

namespace {
Document make_document(App& app, const DocumentsCardState& card, bool letter) {
    const AppData& d = app.data();
    const DocumentContent dc = document_content(d);
    DocumentOptions options;
    options.own_paragraph = card.own_paragraph;
    return letter ? evaluation_letter(app.record(), dc, app.today(), options)
                  : visit_summary(app.record(), dc, app.today(), options);
}
}  // namespace

void draw_documents_card(App& app, DocumentsCardState& card, const char* where) {
    auto w = [](const char* key) { return std::string(words(std::string("doc.") + key)); };
    ImGui::PushID(where);
    card_begin("documents");
    heading(w("documents_heading"));
    text_wrapped(w("documents_intro"));
    const std::vector<std::string> choices = {w("summary_button"), w("letter_button")};
    choice_buttons("documents:which", choices, &card.which);
    name_last_item(std::string("documents:shown:") + (card.which == 0 ? "summary" : "letter"));
    if (card.which == 1) {
        text_muted(w("own_paragraph_label"));
        ImGui::InputTextMultiline("##own", card.own_paragraph, sizeof card.own_paragraph,
                                  ImVec2(-1, ImGui::GetTextLineHeight() * 4));
        name_last_item("documents:own_paragraph");
    }
    const bool disabled = !app.record_loaded();
    ImGui::BeginDisabled(disabled);
    if (app.platform().open_document && ImGui::Button(w("print_button").c_str())) {
        const Document doc = make_document(app, card, card.which == 1);
        const DocumentOpened opened = app.platform().open_document(document_file_name(doc), render_html(doc));
        card.message = !opened.error.empty() ? opened.error
                       : !opened.printed     ? w("print_blocked")
                       : opened.where.empty() ? std::string()
                                              : w("saved_at") + " " + opened.where;
    }
    name_last_item("documents:print");
    if (app.platform().save_file) {
        ImGui::SameLine();
        if (ImGui::Button(w("download_button").c_str())) {
            const Document doc = make_document(app, card, card.which == 1);
            card.message = app.platform().save_file(document_file_name(doc), "text/html", render_html(doc));
        }
        name_last_item("documents:download");
    }
    ImGui::EndDisabled();
    if (!card.message.empty()) {
        text_muted(card.message);
        name_last_item("documents:message");
    }
    card_end();
    ImGui::PopID();
}

}  // namespace poems::ui
