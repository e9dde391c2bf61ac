#include "app/widgets.hpp"

#include "app/test_hooks.hpp"

#include <algorithm>
#include <cstring>
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
        line += app.data().content().format_citation(sources[i]);
    }
    // A whole-pixel size: with fractional line heights ImGui's layout (which truncates positions
    // toward zero) makes items above a scrolled view a pixel taller, and long pages drift.
    const float size = ImGui::GetFontSize();
    ImGui::SetWindowFontScale(std::floor(size * 0.85f) / size);
    text_muted(line);
    ImGui::SetWindowFontScale(1.0f);
}

void sources_line(const App& app, std::string_view item_id) { sources_line(app, app.data().content().sources_of(item_id)); }

std::string item_text(const App& app, std::string_view item_id, const char* field) {
    const Json* item = app.data().content().item(item_id);
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
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row = std::max(44.0f, ImGui::GetFrameHeight());
    const char* hidden = std::strstr(label, "##");
    const char* text_end = hidden ? hidden : label + std::strlen(label);
    const float text_w = ImGui::CalcTextSize(label, text_end).x;
    const bool wrap = row + style.ItemInnerSpacing.x + text_w > ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, (row - ImGui::GetFontSize()) * 0.5f));
    // A drawn border: the light theme's frame colour is the same white as cards.
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(1.5f, style.FrameBorderSize));
    bool changed = false;
    if (!wrap) {
        changed = ImGui::Checkbox(label, value);
        ImGui::PopStyleVar(2);
        return changed;
    }
    // Too wide for the row (a phone): the box, then the label wrapped beside it, which also toggles.
    ImGui::PushID(label);
    changed = ImGui::Checkbox("##box", value);
    ImGui::PopStyleVar(2);
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    const float wrap_w = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    const ImVec2 size = ImGui::CalcTextSize(label, text_end, false, wrap_w);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = std::max(row, size.y);
    if (ImGui::InvisibleButton("label", ImVec2(wrap_w, h))) {
        *value = !*value;
        changed = true;
    }
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x, pos.y + (h - size.y) * 0.5f),
                                        ImGui::GetColorU32(ImGuiCol_Text), label, text_end, wrap_w);
    ImGui::PopID();
    return changed;
}

bool expander_text(const char* id, std::string_view text, bool open, int font) {
    ImGui::PushFont(ImGui::GetIO().Fonts->Fonts[font]);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float arrow_w = ImGui::GetFontSize();
    const float avail = std::max(arrow_w * 2, ImGui::GetContentRegionAvail().x);
    const float wrap = avail - arrow_w - style.ItemInnerSpacing.x * 2;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const ImVec2 text_size = ImGui::CalcTextSize(begin, end, false, wrap);
    const float h = std::max(44.0f, text_size.y + style.FramePadding.y * 2);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(avail, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (ImGui::IsItemHovered() || ImGui::IsItemActive())
        dl->AddRectFilled(pos, ImVec2(pos.x + avail, pos.y + h),
                          ImGui::GetColorU32(ImGui::IsItemActive() ? ImGuiCol_ButtonHovered : ImGuiCol_Button),
                          style.FrameRounding);
    const ImU32 color = ImGui::GetColorU32(ImGuiCol_Text);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x, pos.y + (h - text_size.y) * 0.5f), color, begin,
                end, wrap);
    // A triangle pointing right when closed, down when open.
    const ImVec2 c(pos.x + avail - arrow_w * 0.5f - style.ItemInnerSpacing.x, pos.y + h * 0.5f);
    const float r = arrow_w * 0.3f;
    if (open) dl->AddTriangleFilled(ImVec2(c.x - r, c.y - r * 0.6f), ImVec2(c.x + r, c.y - r * 0.6f), ImVec2(c.x, c.y + r * 0.7f), color);
    else dl->AddTriangleFilled(ImVec2(c.x - r * 0.6f, c.y - r), ImVec2(c.x - r * 0.6f, c.y + r), ImVec2(c.x + r * 0.7f, c.y), color);
    ImGui::PopFont();
    return clicked;
}

bool wrapped_button(const char* id, std::string_view text, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wrap = std::max(1.0f, width - style.FramePadding.x * 2);
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const ImVec2 text_size = ImGui::CalcTextSize(begin, end, false, wrap);
    const ImVec2 size(width, std::max(ImGui::GetFrameHeight(), text_size.y + style.FramePadding.y * 2));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, size);
    const ImGuiCol bg = ImGui::IsItemActive() ? ImGuiCol_ButtonActive : ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered : ImGuiCol_Button;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::GetColorU32(bg), style.FrameRounding);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                ImVec2(pos.x + style.FramePadding.x, pos.y + (size.y - text_size.y) * 0.5f),
                ImGui::GetColorU32(ImGuiCol_Text), begin, end, wrap);
    return clicked;
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
