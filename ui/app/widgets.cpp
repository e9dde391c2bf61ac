#include "app/widgets.hpp"

#include "app/test_hooks.hpp"

#include <algorithm>
#include <cmath>

#include <imgui.h>

namespace poems::ui {

void heading(std::string_view text) {
    ImGui::Spacing();
    ImGui::PushFont(ImGui::GetIO().Fonts->Fonts[kFontBold]);
    text_wrapped(text);
    ImGui::PopFont();
}

void text_wrapped(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

void text_muted(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped(text);
    ImGui::PopStyleColor();
}

void bullet_text(std::string_view text) {
    ImGui::Bullet();
    ImGui::SameLine();
    text_wrapped(text);
}

void sources_line(const App& app, const std::vector<SourceRef>& sources) {
    if (sources.empty()) return;
    std::string line = sources.size() == 1 ? "Source: " : "Sources: ";
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (i) line += "; ";
        line += app.data().content.format_citation(sources[i]);
    }
    // A whole-pixel size: with fractional line heights ImGui's layout (which truncates positions
    // toward zero) makes items above a scrolled view a pixel taller, and long pages drift.
    const float size = ImGui::GetFontSize();
    ImGui::SetWindowFontScale(std::floor(size * 0.85f) / size);
    text_muted(line);
    ImGui::SetWindowFontScale(1.0f);
}

void sources_line(const App& app, std::string_view item_id) { sources_line(app, app.data().content.sources_of(item_id)); }

std::string item_text(const App& app, std::string_view item_id, const char* field) {
    const Json* item = app.data().content.item(item_id);
    if (!item || !item->contains(field)) return {};
    return std::string(text_in((*item)[field]));
}

bool item_link(App& app, const std::string& item_id, std::string_view label) {
    std::string text(label);
    if (text.empty()) text = item_text(app, item_id, "term");
    if (text.empty()) text = item_text(app, item_id, "title");
    if (text.empty()) text = item_id;
    const ImVec4 link = app.settings().dark ? ImVec4(0.55f, 0.75f, 1.0f, 1) : ImVec4(0.10f, 0.30f, 0.75f, 1);
    ImGui::PushStyleColor(ImGuiCol_Text, link);
    ImGui::PushID(item_id.c_str());
    const bool clicked = ImGui::Selectable(text.c_str(), false, ImGuiSelectableFlags_None, ImGui::CalcTextSize(text.c_str()));
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, b.y), ImVec2(b.x, b.y), ImGui::GetColorU32(link));
    name_last_item("link:" + item_id);
    ImGui::PopID();
    ImGui::PopStyleColor();
    if (clicked) app.open_item(item_id);
    return clicked;
}

bool big_checkbox(const char* label, bool* value) {
    // The checkbox box grows with the frame padding; the label wraps beside it.
    const float row = std::max(44.0f, ImGui::GetFrameHeight());
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, (row - ImGui::GetFontSize()) * 0.5f));
    const bool changed = ImGui::Checkbox(label, value);
    ImGui::PopStyleVar();
    return changed;
}

bool choice_buttons(const char* id, const std::vector<std::string>& labels, int* selected) {
    bool changed = false;
    ImGui::PushID(id);
    const float avail = ImGui::GetContentRegionAvail().x;
    float used = 0;
    for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
        const float w = ImGui::CalcTextSize(labels[i].c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (i > 0) {
            if (used + ImGui::GetStyle().ItemSpacing.x + w <= avail) ImGui::SameLine();
            else used = 0;
        }
        const bool on = *selected == i;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        ImGui::PushID(i);
        if (ImGui::Button(labels[i].c_str())) {
            changed = *selected != i;
            *selected = i;
        }
        name_last_item(std::string(id) + ":" + std::to_string(i));
        ImGui::PopID();
        if (on) ImGui::PopStyleColor();
        used += (used > 0 ? ImGui::GetStyle().ItemSpacing.x : 0) + w;
    }
    ImGui::PopID();
    return changed;
}

void card_begin(const char* id) {
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 8.0f);
    ImGui::BeginChild(id, ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
}

void card_end() {
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

bool copy_button(App& app, const char* label, const std::string& text) {
    static double copied_at = -10;
    const bool clicked = ImGui::Button(label);
    if (clicked) {
        if (app.platform().copy_text) app.platform().copy_text(text);
        else ImGui::SetClipboardText(text.c_str());
        copied_at = ImGui::GetTime();
    }
    if (ImGui::GetTime() - copied_at < 3.0) {
        ImGui::SameLine();
        ImGui::TextDisabled("Copied");
    }
    return clicked;
}

}  // namespace poems::ui
