// Settings: text size and colours, and "Your data": what is stored where, export, import (shown
// and confirmed before anything changes) and "delete all my data" (confirmed).
#include "pages/pages.hpp"

#include "app/test_hooks.hpp"
#include "app/ui_strings.hpp"
#include "app/palette.hpp"
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

void review_import(App& app, DataPageState& s, const std::string& name, const std::string& text) {
    s.pending.reset();
    if (name.empty()) return;  // picker cancelled
    if (text.empty()) {
        s.message = "Could not read " + name + " (is it larger than 16 MB, or not a text file?).";
        return;
    }
    s.pending = import_record(text, app.record(), name);
    s.pending_name = name;
    s.message.clear();
}

// Where the record stands in this browser (docs/record.md, "Keeping the record"), with the one
// thing to do about it.
void draw_keeping(const App& app) {
    const char* text = words::kKeepingUnknown;
    bool warn = false;
    switch (app.keeping()) {
        case Keeping::unknown: break;
        case Keeping::kept: text = words::kKeepingKept; break;
        case Keeping::may_be_deleted: text = words::kKeepingMayBeDeleted, warn = true; break;
        case Keeping::not_kept: text = words::kKeepingNotKept, warn = true; break;
    }
    if (warn) ImGui::PushStyleColor(ImGuiCol_Text, colour(Tone::error));
    text_wrapped(text);
    if (warn) ImGui::PopStyleColor();
    name_last_text("settings:keeping", text);
}

void draw_your_data(App& app, DataPageState& s) {
    heading("Your data");
    const Platform& platform = app.platform();
    if (platform.name == "browser") {
        text_wrapped(words::kStoredInBrowser);
        draw_keeping(app);
    } else {
        text_wrapped(words::kStoredOnComputer);
        const std::string folder = words::fill(words::kRecordFolder, "folder", platform.record_dir.string());
        text_wrapped(folder);
        name_last_text("settings:record-folder", folder);
    }
    if (app.suggest_home_screen()) {
        text_wrapped(words::kHomeScreenAdvice);
        name_last_text("settings:home-screen", words::kHomeScreenAdvice);
        text_wrapped(words::kHomeScreenMove);
    }
    const RecordSummary summary = summarize_record(app.record());
    std::string counts;
    for (const auto& [section, n] : summary.counts)
        if (n > 0) counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + section_label(section, n);
    if (!app.record_loaded()) text_muted("Opening your saved record...");
    else text_muted(counts.empty() ? "Your record is empty." : "Your record holds " + counts + ".");

    const std::string exported = app.care().last_export
                                     ? words::fill(words::kLastExport, "date", to_string(*app.care().last_export))
                                     : std::string(words::kNeverExported);
    text_muted(exported);
    name_last_text("settings:last-export", exported);
    if (ImGui::Button(words::kExportButton)) s.message = app.export_record_now();
    name_last_item("data:export");

    // Import: browser file picker, or a path on the desktop.
    if (platform.open_file) {
        same_line_if_fits("Import a record...");
        if (ImGui::Button("Import a record...")) {
            app.on_file_opened = [&app, &s](const std::string& name, const std::string& text) {
                review_import(app, s, name, text);
            };
            platform.open_file(".json,application/json");
        }
        name_last_item("data:import");
    } else {
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 30 * ImGui::GetFontSize()));
        input_field("##importpath", s.import_path, sizeof s.import_path, "path of a record file to import");
        ImGui::SameLine();
        if (ImGui::Button("Import")) {
            std::string error;
            auto text = read_text_file(s.import_path, 16u << 20, error);
            if (text) review_import(app, s, s.import_path, *text);
            else s.message = "Could not read " + std::string(s.import_path) + ": " + error;
        }
    }

    if (s.pending) {
        card_begin("import-review");
        const RecordImport& imp = *s.pending;
        if (!imp.load.record) {
            text_wrapped("This file cannot be imported; nothing was changed. Problems found in " + s.pending_name + ":");
            for (const auto& p : imp.load.problems) bullet_text(p.to_string());
            if (ImGui::Button("Close")) s.pending.reset();
        } else {
            text_wrapped("Importing " + s.pending_name + " would replace your record:");
            if (imp.diff)
                for (const auto& line : imp.diff->lines) bullet_text(line);
            if (ImGui::Button("Replace my record with this file")) {
                app.replace_record(*imp.load.record);
                s.message = "Imported " + s.pending_name + ".";
                s.pending.reset();
            }
            name_last_item("data:import:confirm");
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) s.pending.reset();
        }
        card_end();
    }

    ImGui::Spacing();
    if (!s.confirm_delete) {
        if (ImGui::Button("Delete all my data...")) s.confirm_delete = true;
        name_last_item("data:delete");
    } else {
        card_begin("confirm-delete");
        text_wrapped("This deletes everything you entered from this device, including the backup. It cannot be "
                     "undone. Export a copy first if you may need it.");
        if (ImGui::Button("Yes, delete everything")) {
            s.message = app.delete_all_data();
            s.confirm_delete = false;
        }
        name_last_item("data:delete:confirm");
        ImGui::SameLine();
        if (ImGui::Button("Keep my data")) s.confirm_delete = false;
        card_end();
    }
    if (!s.message.empty()) text_wrapped(s.message);
}

void draw_page(App& app, DataPageState& s) {
    Settings& settings = app.settings();
    heading("Text size");
    // Steps of 10% rather than a free slider: easier to hit with an unsteady finger.
    if (ImGui::Button(" - ") && settings.text_size_percent > Settings::kMinTextSize)
        settings.text_size_percent -= Settings::kTextSizeStep;
    describe_last_item(Role::button, words::kTextSmaller);
    name_last_item("settings:text:smaller");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d%%", settings.text_size_percent);
    ImGui::SameLine();
    if (ImGui::Button(" + ") && settings.text_size_percent < Settings::kMaxTextSize)
        settings.text_size_percent += Settings::kTextSizeStep;
    describe_last_item(Role::button, words::kTextLarger);
    name_last_item("settings:text:larger");
    heading("Colours");
    if (ImGui::RadioButton("Light", !settings.dark)) settings.dark = false;
    name_last_item("settings:colours:light");
    ImGui::SameLine();
    if (ImGui::RadioButton("Dark", settings.dark)) settings.dark = true;
    name_last_item("settings:colours:dark");

    draw_your_data(app, s);

    ImGui::Spacing();
    ImGui::Separator();
    text_wrapped("POEMS Companion informs; it never diagnoses. It shows whether a set of findings matches the "
                 "published criteria, why, and what is still unknown. Only a doctor can diagnose POEMS syndrome.");
}

class SettingsPage final : public PageView {
public:
    void draw(App& app) override { draw_page(app, s_); }
    // A pending import was compared with the old record: it must be reviewed again.
    void on_record_replaced(App&) override { s_.pending.reset(); }
private:
    DataPageState s_;
};

}  // namespace

std::unique_ptr<PageView> make_settings_page() { return std::make_unique<SettingsPage>(); }

}  // namespace poems::ui
