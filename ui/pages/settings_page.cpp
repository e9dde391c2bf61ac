// Settings: text size and colours, and "Your data": what is stored where, export, import (shown
// and confirmed before anything changes) and "delete all my data" (confirmed).
#include "pages/pages.hpp"

#include "app/test_hooks.hpp"
#include "app/words.hpp"
#include "app/widgets.hpp"
#include "poems/record_json.hpp"
#include "poems/record_store.hpp"

#include <imgui.h>

#include <optional>

namespace poems::ui {

namespace {
struct DataPageState {
    std::string message;                  // the outcome of the last export/import/delete, in words
    std::optional<RecordImport> pending;  // an import waiting for the person's confirmation
    std::string pending_name;
    char import_path[512] = "";           // desktop: the file to import
    bool confirm_delete = false;
};
DataPageState state;

void review_import(App& app, const std::string& name, const std::string& text) {
    state.pending.reset();
    if (name.empty()) return;  // picker cancelled
    if (text.empty()) {
        state.message = "Could not read " + name + " (is it larger than 16 MB, or not a text file?).";
        return;
    }
    state.pending = import_record(text, app.record(), name);
    state.pending_name = name;
    state.message.clear();
}

// Where the record stands in this browser (docs/record.md, "Keeping the record"), with the one
// thing to do about it.
void draw_keeping(const App& app) {
    const char* text = words("keeping.asking");
    bool warn = false;
    switch (app.keeping()) {
        case Keeping::unknown: break;
        case Keeping::kept: text = words("keeping.kept"); break;
        case Keeping::may_be_deleted: text = words("keeping.may_be_deleted"), warn = true; break;
        case Keeping::not_kept: text = words("keeping.not_kept"), warn = true; break;
    }
    if (warn) ImGui::PushStyleColor(ImGuiCol_Text, app.settings().dark ? ImVec4(1.0f, 0.62f, 0.55f, 1) : ImVec4(0.70f, 0.15f, 0.12f, 1));
    text_wrapped(text);
    if (warn) ImGui::PopStyleColor();
    name_last_text("settings:keeping", text);
}

void draw_your_data(App& app) {
    heading("Your data");
    const Platform& platform = app.platform();
    if (platform.name == "browser") {
        text_wrapped(words("keeping.stored_in_browser"));
        draw_keeping(app);
    } else {
        text_wrapped(words("keeping.stored_on_computer"));
        const std::string folder = fill_in(words("keeping.record_folder"), "folder", platform.record_dir.string());
        text_wrapped(folder);
        name_last_text("settings:record-folder", folder);
    }
    if (app.suggest_home_screen()) {
        text_wrapped(words("keeping.home_screen_advice"));
        name_last_text("settings:home-screen", words("keeping.home_screen_advice"));
        text_wrapped(words("keeping.home_screen_move"));
    }
    const RecordSummary summary = summarize_record(app.record());
    std::string counts;
    for (const auto& [section, n] : summary.counts)
        if (n > 0) counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + section_label(section, n);
    if (!app.record_loaded()) text_muted("Opening your saved record...");
    else text_muted(counts.empty() ? "Your record is empty." : "Your record holds " + counts + ".");

    const std::string exported = app.care().last_export
                                     ? fill_in(words("keeping.last_export"), "date", to_string(*app.care().last_export))
                                     : std::string(words("keeping.never_exported"));
    text_muted(exported);
    name_last_text("settings:last-export", exported);
    if (ImGui::Button(words("keeping.export_button"))) state.message = app.export_record_now();
    name_last_item("data:export");

    // Import: browser file picker, or a path on the desktop.
    if (platform.open_file) {
        same_line_if_fits("Import a record...");
        if (ImGui::Button("Import a record...")) {
            app.on_file_opened = [&app](const std::string& name, const std::string& text) { review_import(app, name, text); };
            platform.open_file(".json,application/json");
        }
        name_last_item("data:import");
    } else {
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 30 * ImGui::GetFontSize()));
        ImGui::InputTextWithHint("##importpath", "path of a record file to import", state.import_path, sizeof state.import_path);
        ImGui::SameLine();
        if (ImGui::Button("Import")) {
            std::string error;
            auto text = read_text_file(state.import_path, 16u << 20, error);
            if (text) review_import(app, state.import_path, *text);
            else state.message = "Could not read " + std::string(state.import_path) + ": " + error;
        }
    }

    if (state.pending) {
        card_begin("import-review");
        const RecordImport& imp = *state.pending;
        if (!imp.load.record) {
            text_wrapped("This file cannot be imported; nothing was changed. Problems found in " + state.pending_name + ":");
            for (const auto& p : imp.load.problems) bullet_text(p.to_string());
            if (ImGui::Button("Close")) state.pending.reset();
        } else {
            text_wrapped("Importing " + state.pending_name + " would replace your record:");
            if (imp.diff)
                for (const auto& line : imp.diff->lines) bullet_text(line);
            if (ImGui::Button("Replace my record with this file")) {
                app.replace_record(*imp.load.record);
                state.message = "Imported " + state.pending_name + ".";
                state.pending.reset();
            }
            name_last_item("data:import:confirm");
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) state.pending.reset();
        }
        card_end();
    }

    ImGui::Spacing();
    if (!state.confirm_delete) {
        if (ImGui::Button("Delete all my data...")) state.confirm_delete = true;
        name_last_item("data:delete");
    } else {
        card_begin("confirm-delete");
        text_wrapped("This deletes everything you entered from this device, including the backup. It cannot be "
                     "undone. Export a copy first if you may need it.");
        if (ImGui::Button("Yes, delete everything")) {
            state.message = app.delete_all_data();
            state.confirm_delete = false;
        }
        name_last_item("data:delete:confirm");
        ImGui::SameLine();
        if (ImGui::Button("Keep my data")) state.confirm_delete = false;
        card_end();
    }
    if (!state.message.empty()) text_wrapped(state.message);
}
}  // namespace

void draw_settings_page(App& app, Settings& settings) {
    heading("Text size");
    // Steps of 10% rather than a free slider: easier to hit with an unsteady finger.
    if (ImGui::Button(" - ") && settings.text_size_percent > Settings::kMinTextSize)
        settings.text_size_percent -= Settings::kTextSizeStep;
    name_last_item("settings:text:smaller");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d%%", settings.text_size_percent);
    ImGui::SameLine();
    if (ImGui::Button(" + ") && settings.text_size_percent < Settings::kMaxTextSize)
        settings.text_size_percent += Settings::kTextSizeStep;
    name_last_item("settings:text:larger");
    heading("Colours");
    if (ImGui::RadioButton("Light", !settings.dark)) settings.dark = false;
    name_last_item("settings:colours:light");
    ImGui::SameLine();
    if (ImGui::RadioButton("Dark", settings.dark)) settings.dark = true;
    name_last_item("settings:colours:dark");

    draw_your_data(app);

    ImGui::Spacing();
    ImGui::Separator();
    text_wrapped("POEMS Companion informs; it never diagnoses. It shows whether a set of findings matches the "
                 "published criteria, why, and what is still unknown. Only a doctor can diagnose POEMS syndrome.");
}

}  // namespace poems::ui
