// Settings: text size and colours, and "Your data": what is stored where, export, import (shown
// and confirmed before anything changes) and "delete all my data" (confirmed).
#include "pages/pages.hpp"

#include "app/test_hooks.hpp"
#include "app/palette.hpp"
#include "app/widgets.hpp"
#include "app/words.hpp"
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
        s.message = fill_in(words("settings.could_not_read_picked"), "file", name);
        return;
    }
    s.pending = import_record(text, app.record(), name);
    s.pending_name = name;
    s.message.clear();
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
    if (warn) ImGui::PushStyleColor(ImGuiCol_Text, colour(Tone::error));
    text_wrapped(text);
    if (warn) ImGui::PopStyleColor();
    name_last_text("settings:keeping", text);
}

void draw_your_data(App& app, DataPageState& s) {
    heading(words("settings.your_data"));
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
    if (!app.record_loaded()) text_muted(words("keeping.opening_record"));
    else text_muted(counts.empty() ? std::string(words("settings.record_empty")) : fill_in(words("settings.record_holds"), "counts", counts));

    const std::string exported = app.care().last_export
                                     ? fill_in(words("keeping.last_export"), "date", to_string(*app.care().last_export))
                                     : std::string(words("keeping.never_exported"));
    text_muted(exported);
    name_last_text("settings:last-export", exported);
    if (ImGui::Button(words("keeping.export_button"))) s.message = app.export_record_now();
    name_last_item("data:export");

    // Import: browser file picker, or a path on the desktop.
    if (platform.open_file) {
        same_line_if_fits(words("settings.import_picker"));
        if (ImGui::Button(words("settings.import_picker"))) {
            app.on_file_opened = [&app, &s](const std::string& name, const std::string& text) {
                review_import(app, s, name, text);
            };
            platform.open_file(".json,application/json");
        }
        name_last_item("data:import");
    } else {
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 30 * ImGui::GetFontSize()));
        input_field("##importpath", s.import_path, sizeof s.import_path, words("settings.import_path_hint"));
        ImGui::SameLine();
        if (ImGui::Button(words("settings.import"))) {
            std::string error;
            auto text = read_text_file(s.import_path, 16u << 20, error);
            if (text) review_import(app, s, s.import_path, *text);
            else s.message = fill_in(fill_in(words("settings.could_not_read"), "file", s.import_path), "why", error);
        }
    }

    if (s.pending) {
        card_begin("import-review");
        const RecordImport& imp = *s.pending;
        if (!imp.load.record) {
            text_wrapped(fill_in(words("settings.import_refused"), "file", s.pending_name));
            for (const auto& p : imp.load.problems) bullet_text(p.to_string());
            if (ImGui::Button(words("settings.close")) || escape_cancels()) s.pending.reset();
        } else {
            text_wrapped(fill_in(words("settings.import_would_replace"), "file", s.pending_name));
            if (imp.diff)
                for (const auto& line : imp.diff->lines) bullet_text(line);
            if (ImGui::Button(words("settings.import_confirm"))) {
                app.replace_record(*imp.load.record);
                s.message = fill_in(words("settings.imported"), "file", s.pending_name);
                s.pending.reset();
            }
            name_last_item("data:import:confirm");
            ImGui::SameLine();
            if (ImGui::Button(words("settings.cancel")) || escape_cancels()) s.pending.reset();
        }
        card_end();
    }

    ImGui::Spacing();
    if (!s.confirm_delete) {
        if (ImGui::Button(words("settings.delete_all"))) s.confirm_delete = true;
        name_last_item("data:delete");
    } else {
        card_begin("confirm-delete");
        text_wrapped(words("settings.delete_warning"));
        if (ImGui::Button(words("settings.delete_confirm"))) {
            s.message = app.delete_all_data();
            s.confirm_delete = false;
        }
        name_last_item("data:delete:confirm");
        ImGui::SameLine();
        if (ImGui::Button(words("settings.delete_keep")) || escape_cancels()) s.confirm_delete = false;
        card_end();
    }
    if (!s.message.empty()) text_wrapped(s.message);
}

void draw_page(App& app, DataPageState& s) {
    Settings& settings = app.settings();
    heading(words("settings.text_size"));
    // Steps of 10% rather than a free slider: easier to hit with an unsteady finger.
    if (ImGui::Button(" - ") && settings.text_size_percent > Settings::kMinTextSize)
        settings.text_size_percent -= Settings::kTextSizeStep;
    describe_last_item(Role::button, words("settings.text_smaller"));
    name_last_item("settings:text:smaller");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d%%", settings.text_size_percent);
    ImGui::SameLine();
    if (ImGui::Button(" + ") && settings.text_size_percent < Settings::kMaxTextSize)
        settings.text_size_percent += Settings::kTextSizeStep;
    describe_last_item(Role::button, words("settings.text_larger"));
    name_last_item("settings:text:larger");
    heading(words("settings.colours"));
    if (ImGui::RadioButton(words("settings.light"), !settings.dark)) settings.dark = false;
    name_last_item("settings:colours:light");
    ImGui::SameLine();
    if (ImGui::RadioButton(words("settings.dark"), settings.dark)) settings.dark = true;
    name_last_item("settings:colours:dark");

    draw_your_data(app, s);

    ImGui::Spacing();
    ImGui::Separator();
    text_wrapped(words("settings.about"));
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
