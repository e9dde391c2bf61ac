#include "app/widgets.hpp"

#include "app/palette.hpp"
#include "app/description.hpp"
#include "app/words.hpp"

#include <algorithm>
#include <cstring>
#include <cmath>

#include <imgui.h>

namespace poems::ui {

void title(std::string_view text) {
    FontScope font(kFontHeading);
    text_wrapped(text);
    describe_last_text(Role::heading, text, 2);  // under the page's own title (level 1)
}

void heading(std::string_view text) {
    ImGui::Spacing();
    bold_text(text);
    describe_last_text(Role::heading, text, 3);
}

void bold_text(std::string_view text) {
    FontScope font(kFontBold);
    text_wrapped(text);
}

bool input_field(const char* id, char* buf, std::size_t size, const char* hint) {
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    if (ImGui::CalcItemWidth() > ImGui::GetContentRegionAvail().x) ImGui::SetNextItemWidth(-FLT_MIN);
    const bool changed = hint ? ImGui::InputTextWithHint(id, hint, buf, size) : ImGui::InputText(id, buf, size);
    // Its value is what it holds, never the hint; its name is the hint, or else the label before it.
    describe_last_value(buf, hint ? hint : "");
    ImGui::PopStyleVar();
    return changed;
}

bool number_field(const char* id, char* buf, std::size_t size) {
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 12 * ImGui::GetFontSize()));
    return input_field(id, buf, size);
}

RowAction edit_remove_buttons(const std::string& row_id, std::string& confirming, const RowWords& words,
                              const std::string& prefix, const char* delete_name) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool asking = confirming == row_id;
    const std::string_view first = asking ? words.remove : words.edit, second = asking ? words.keep : words.remove;
    const float buttons_w = ImGui::CalcTextSize(first.data(), first.data() + first.size()).x +
                            ImGui::CalcTextSize(second.data(), second.data() + second.size()).x +
                            style.FramePadding.x * 4 + style.ItemSpacing.x;
    // On the row's line, right-aligned, when there is room after what the row drew; else below.
    const float row_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    const float right = ImGui::GetContentRegionMax().x;
    if (right - row_end > buttons_w + 2 * style.ItemSpacing.x) ImGui::SameLine(right - buttons_w);
    RowAction action = RowAction::none;
    const std::string first_label = std::string(first) + "##first", second_label = std::string(second) + "##second";
    if (asking) {
        if (ImGui::Button(first_label.c_str())) action = RowAction::remove;
        name_last_item(prefix + ":" + delete_name + "_confirm:" + row_id);
        ImGui::SameLine();
        if (ImGui::Button(second_label.c_str()) || escape_cancels()) confirming.clear();
        text_wrapped(words.question);
    } else {
        if (ImGui::Button(first_label.c_str())) action = RowAction::edit;
        name_last_item(prefix + ":edit:" + row_id);
        ImGui::SameLine();
        if (ImGui::Button(second_label.c_str())) confirming = row_id;
        name_last_item(prefix + ":" + delete_name + ":" + row_id);
    }
    return action;
}

bool escape_cancels() {
    return ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::GetIO().WantTextInput;
}

void text_wrapped(std::string_view text) {
    description_mark();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    describe_last_text(Role::text, text);
}

void text_muted(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped(text);
    ImGui::PopStyleColor();
}

void bullet_text(std::string_view text) {
    description_mark();
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    describe_last_text(Role::list_item, text);
}

void sources_line(const App& app, const std::vector<SourceRef>& sources) {
    if (sources.empty()) return;
    std::string line = std::string(sources.size() == 1 ? words("widgets.source") : words("widgets.sources")) + " ";
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

bool text_link(App& /*app*/, std::string_view label, const std::string& name, float min_height, std::string_view trailing) {
    const ImVec4 link = colour(Tone::link);
    const ImU32 link_colour = ImGui::GetColorU32(link), text_colour = ImGui::GetColorU32(ImGuiCol_Text);
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float wrap = std::max(size * 4, ImGui::GetContentRegionAvail().x);
    // The label and what follows it are laid out as one text, so a comma never starts a line.
    const std::string shown = std::string(label) + std::string(trailing);
    const char* begin = shown.c_str();
    const char* link_end = begin + label.size();
    const char* end = begin + shown.size();
    const ImVec2 text_size = ImGui::CalcTextSize(begin, end, false, wrap);
    const float h = std::max(text_size.y, min_height);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(name.c_str());
    const bool clicked = ImGui::InvisibleButton("link", ImVec2(text_size.x, h));
    describe_last_item(Role::link, label);
    name_last_item(name);
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (ImGui::IsItemHovered()) dl->AddRectFilled(pos, ImVec2(pos.x + text_size.x, pos.y + h), ImGui::GetColorU32(ImGuiCol_Button), 4);
    // Line by line, so each line gets its underline.
    float y = pos.y + (h - text_size.y) * 0.5f;
    for (const char* s = begin; s < end;) {
        const char* line_end = font->CalcWordWrapPositionA(size / font->FontSize, s, end, wrap);
        if (line_end == s) ++line_end;  // a word wider than the page: at least one character a line
        const char* underlined_end = std::clamp(link_end, s, line_end);
        const float underlined_w = ImGui::CalcTextSize(s, underlined_end).x;
        if (s < underlined_end) {
            dl->AddText(font, size, ImVec2(pos.x, y), link_colour, s, underlined_end);
            dl->AddLine(ImVec2(pos.x, y + size), ImVec2(pos.x + underlined_w, y + size), link_colour);
        }
        if (underlined_end < line_end)
            dl->AddText(font, size, ImVec2(pos.x + underlined_w, y), text_colour, underlined_end, line_end);
        s = line_end;
        while (s < end && (*s == ' ' || *s == '\n')) ++s;
        y += ImGui::GetTextLineHeight();
    }
    return clicked;
}

bool item_link(App& app, const std::string& item_id, std::string_view label, std::string_view trailing) {
    std::string text(label);
    if (text.empty()) text = item_text(app, item_id, "term");
    if (text.empty()) text = item_text(app, item_id, "title");
    if (text.empty()) text = item_id;
    const bool clicked = text_link(app, text, "link:" + item_id, 0, trailing);
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
    const std::string_view name(label, static_cast<std::size_t>(text_end - label));
    if (!wrap) {
        changed = ImGui::Checkbox(label, value);
        describe_last_item(Role::checkbox, name, *value ? 1 : 0);
        ImGui::PopStyleVar(2);
        return changed;
    }
    // Too wide for the row (a phone): the box, then the label wrapped beside it, which also toggles.
    ImGui::PushID(label);
    changed = ImGui::Checkbox("##box", value);
    describe_last_item(Role::checkbox, name, *value ? 1 : 0);
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
    describe_last_item(Role::none, {});  // the label is part of the checkbox described above
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
    describe_last_item(Role::expander, text, open ? 1 : 0);
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
    describe_last_item(Role::button, text);
    const ImGuiCol bg = ImGui::IsItemActive() ? ImGuiCol_ButtonActive : ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered : ImGuiCol_Button;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::GetColorU32(bg), style.FrameRounding);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                ImVec2(pos.x + style.FramePadding.x, pos.y + (size.y - text_size.y) * 0.5f),
                ImGui::GetColorU32(ImGuiCol_Text), begin, end, wrap);
    return clicked;
}

void same_line_if_fits(std::string_view next_label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(next_label.data(), next_label.data() + next_label.size(), true).x +
                        style.FramePadding.x * 2;
    const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;  // (this column's, in a table)
    if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
}

bool choice_buttons(const char* id, const std::vector<std::string>& labels, int* selected, bool tabs) {
    bool changed = false;
    ImGui::PushID(id);
    for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
        if (i > 0) same_line_if_fits(labels[i]);
        const bool on = *selected == i;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        ImGui::PushID(i);
        // A label wider than the line (a phone, large text) wraps inside its button instead of
        // running past the edge.
        const float avail = ImGui::GetContentRegionAvail().x;
        const bool too_wide = ImGui::CalcTextSize(labels[i].c_str()).x + ImGui::GetStyle().FramePadding.x * 2 > avail;
        if (too_wide ? wrapped_button("##choice", labels[i], avail) : ImGui::Button(labels[i].c_str())) {
            changed = *selected != i;
            *selected = i;
        }
        describe_last_item(tabs ? Role::tab : Role::radio, labels[i], *selected == i ? 1 : 0);
        name_last_item(std::string(id) + ":" + std::to_string(i));
        ImGui::PopID();
        if (on) ImGui::PopStyleColor();
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
        ImGui::TextDisabled("%s", words("widgets.copied"));
        describe_last_text(Role::status, words("widgets.copied"));
    }
    return clicked;
}

}  // namespace poems::ui
