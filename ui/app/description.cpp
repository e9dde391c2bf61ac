#include "app/description.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <vector>

namespace poems::ui {

namespace {

struct Node {
    Role role = Role::none;
    std::string name, value, test;
    int state = -1, level = 0, parent = -1;
    bool disabled = false, approx = false, focused = false, editing = false, cut = false;
    ImRect rect;
    ImGuiID id = 0;
};

// An item ImGui added (hook ItemAdd) whose ItemInfo has not come yet.
struct Pending {
    ImGuiID id = 0;
    ImRect rect;
    std::size_t mark = 0;  // the text log's length when it was added
    bool disabled = false;
    float clip_right = FLT_MAX;
};

struct State {
    bool on = false;  // between begin_description and end_description
    bool skipped = false;  // this frame is not described (the first one)
    std::vector<Node> nodes;
    std::vector<int> regions;  // indexes of the open regions' nodes
    std::size_t log_mark = 0;  // text of the log up to here is described
    Pending pending;
    std::map<std::string, ImVec4> rects;
    std::map<std::string, std::string> texts;
    std::string json, json_taken;
    bool json_built = false;
    ImGuiID focus_request = 0;
    bool activate_request = false;
};

State& st() {
    static State s;
    return s;
}

const char* role_name(Role r) {
    switch (r) {
        case Role::none: return "none";
        case Role::button: return "button";
        case Role::checkbox: return "checkbox";
        case Role::radio: return "radio";
        case Role::link: return "link";
        case Role::textbox: return "textbox";
        case Role::combobox: return "combobox";
        case Role::tab: return "tab";
        case Role::expander: return "expander";
        case Role::heading: return "heading";
        case Role::text: return "text";
        case Role::list_item: return "listitem";
        case Role::status: return "status";
        case Role::alert: return "alert";
        case Role::banner: return "banner";
        case Role::navigation: return "navigation";
        case Role::main: return "main";
    }
    return "none";
}

bool is_region(Role r) { return r == Role::banner || r == Role::navigation || r == Role::main; }

// The visible part of an ImGui label ("Save##labs" -> "Save").
std::string visible_label(const char* label) {
    if (!label) return {};
    const char* end = std::strstr(label, "##");
    return end ? std::string(label, end) : std::string(label);
}

// Whitespace collapsed, ends trimmed.
std::string squeeze(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// ImGui's text log adds decorations around what widgets render: "[label]" for buttons,
// "[x] label" for checkboxes, "{value}" for fields and combos, "###" around tree nodes, and a
// line of dashes for a separator.
std::string undecorate(std::string s) {
    s = squeeze(s);
    for (const char* prefix : {"[x] ", "[ ] ", "[~] ", "(x) ", "( ) ", "### ", "###", "## "})
        if (s.rfind(prefix, 0) == 0) s.erase(0, std::strlen(prefix));
    auto strip = [&s](char open, char close) {
        if (s.size() >= 2 && s.front() == open && s.back() == close) s = squeeze(s.substr(1, s.size() - 2));
    };
    strip('[', ']');
    strip('{', '}');
    if (s.size() >= 6 && s.compare(s.size() - 3, 3, "###") == 0) s = squeeze(s.substr(0, s.size() - 3));
    return s;
}

// Words of ImGui's text log: decorations off, and what is not words (a separator's dashes, which
// can end up before the next words on one line; the " |" a table logs between cells).
std::string logged_words(std::string_view logged) {
    std::string line = undecorate(std::string(logged));
    if (line.rfind("--------", 0) == 0) {
        const std::size_t words = line.find_first_not_of('-');
        line = words == std::string::npos ? std::string() : squeeze(line.substr(words));
    }
    while (!line.empty() && (line.back() == '|' || line.back() == ' ')) line.pop_back();
    while (!line.empty() && (line.front() == '|' || line.front() == ' ')) line.erase(0, 1);
    return line;
}

std::string_view log_text() {
    const ImGuiContext& g = *GImGui;
    return std::string_view(g.LogBuffer.begin(), static_cast<std::size_t>(g.LogBuffer.size()));
}

// Keeps ImGui's text log on while the app's window is built: it captures the words every
// widget renders, and it makes ImGui submit items (and child windows) that are scrolled out of
// view instead of skipping them. A popup's End() turns logging off: this turns it back on.
void arm_log() {
    ImGuiContext& g = *GImGui;
    if (g.LogEnabled || !st().on) return;
    g.LogEnabled = true;
    g.LogType = ImGuiLogType_Buffer;
    g.LogNextPrefix = g.LogNextSuffix = nullptr;
    g.LogDepthRef = 0;
    g.LogDepthToExpand = 0;  // never auto-open tree nodes because the log is on
    g.LogLinePosY = FLT_MAX;
    g.LogLineFirstItem = true;
}

int current_parent() { return st().regions.empty() ? -1 : st().regions.back(); }

Node& add(Role role, const ImRect& rect, ImGuiID id) {
    Node n;
    n.role = role;
    n.rect = rect;
    n.id = id;
    n.parent = current_parent();
    st().nodes.push_back(std::move(n));
    st().json_built = false;
    return st().nodes.back();
}

// Text that ImGui logged since the last described item came from raw ImGui::Text* calls of a
// page: described as text, one entry per logged line, stacked just above `bottom` (where the
// next item starts), since the log keeps no position.
// `last_is_text`: ImGui's last item is the last of these texts (no item has been added since), so
// that one is placed exactly, and marked when it runs past its window's visible edge.
void take_orphan_text(float bottom, bool last_is_text = false) {
    State& s = st();
    const std::string_view log = log_text();
    if (s.log_mark >= log.size()) return;
    const std::string_view fresh = log.substr(s.log_mark);
    s.log_mark = log.size();
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= fresh.size()) {
        std::size_t end = fresh.find('\n', start);
        if (end == std::string_view::npos) end = fresh.size();
        std::string line = logged_words(fresh.substr(start, end - start));
        const bool rule = !line.empty() && line.find_first_not_of('-') == std::string::npos;
        if (!line.empty() && !rule) lines.push_back(std::move(line));
        start = end + 1;
    }
    if (lines.empty()) return;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float left = window->Pos.x + window->DC.Indent.x;
    const float width = std::max(1.0f, window->WorkRect.Max.x - left);
    float y = bottom;
    std::vector<ImRect> rects(lines.size());
    for (std::size_t i = lines.size(); i-- > 0;) {
        const ImVec2 size = ImGui::CalcTextSize(lines[i].c_str(), nullptr, false, width);
        y -= size.y;
        rects[i] = ImRect(left, y, left + size.x, y + size.y);
        y -= ImGui::GetStyle().ItemSpacing.y;
    }
    const ImGuiContext& g = *GImGui;
    const bool exact_last = last_is_text && g.LastItemData.ID == 0 && g.LastItemData.Rect.GetWidth() > 0 &&
                            g.LastItemData.Rect.GetHeight() >= ImGui::GetTextLineHeight() * 0.8f;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const bool exact = exact_last && i + 1 == lines.size();
        Node& n = add(Role::text, exact ? g.LastItemData.Rect : rects[i], 0);
        n.name = std::move(lines[i]);
        n.approx = !exact;
        if (exact) n.cut = n.rect.Max.x > window->ClipRect.Max.x + 0.5f;
    }
}

// The entry for ImGui's last item, when the hooks or the layer already made one this frame.
Node* find_last_item() {
    const ImGuiContext& g = *GImGui;
    auto& nodes = st().nodes;
    const int stop = std::max(0, static_cast<int>(nodes.size()) - 8);
    for (int i = static_cast<int>(nodes.size()) - 1; i >= stop; --i) {
        Node& n = nodes[i];
        if (is_region(n.role)) break;
        if (g.LastItemData.ID != 0 ? n.id == g.LastItemData.ID
                                   : n.id == 0 && n.rect.Min.x == g.LastItemData.Rect.Min.x &&
                                         n.rect.Min.y == g.LastItemData.Rect.Min.y && n.rect.Max.x == g.LastItemData.Rect.Max.x &&
                                         n.rect.Max.y == g.LastItemData.Rect.Max.y)
            return &n;
    }
    return nullptr;
}

// A text field with no label of its own is named by the text just before it (its label above).
std::string label_before() {
    auto& nodes = st().nodes;
    for (int i = static_cast<int>(nodes.size()) - 1, seen = 0; i >= 0 && seen < 3; --i, ++seen) {
        const Node& n = nodes[i];
        if (is_region(n.role)) break;
        if (n.role == Role::text || n.role == Role::heading) return n.name.size() > 120 ? n.name.substr(0, 120) : n.name;
    }
    return {};
}

void mark_cut(Node& n) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window) n.cut = n.rect.Max.x > window->ClipRect.Max.x + 0.5f;
}

}  // namespace

static void take_pending_combo();

void begin_description() {
    State& s = st();
    ImGuiContext& g = *GImGui;
    // The first frame of a start-up shows the page as fast as it can: the description (the whole
    // page laid out, the hooks, the log) starts with the second, drawn right after it.
    static long frames = 0;
    s.skipped = ++frames == 1;
    s.on = !s.skipped;
    s.nodes.clear();
    s.regions.clear();
    s.rects.clear();
    s.texts.clear();
    s.pending = {};
    s.json_built = false;
    g.LogBuffer.clear();
    s.log_mark = 0;
    if (s.skipped) return;
    g.TestEngineHookItems = true;
    arm_log();
}

void end_description() {
    State& s = st();
    if (!s.on) return;
    take_pending_combo();
    take_orphan_text(ImGui::GetCursorScreenPos().y, true);
    while (!s.regions.empty()) end_region();
    // A control drawn with no words of its own (a "##done" checkbox beside its label) is named
    // by what is beside it on its line, else by the text just before it, as a label would.
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        Node& n = s.nodes[i];
        if (!n.name.empty() || n.role == Role::none || n.role == Role::text || n.role == Role::heading ||
            n.role == Role::list_item || n.role == Role::status || n.role == Role::alert || is_region(n.role))
            continue;
        if (i + 1 < s.nodes.size()) {
            const Node& next = s.nodes[i + 1];
            if (next.parent == n.parent && !next.name.empty() && next.rect.Min.y < n.rect.Max.y && next.rect.Max.y > n.rect.Min.y) {
                n.name = next.name;
                continue;
            }
        }
        for (std::size_t j = i; j-- > 0 && i - j <= 3;) {
            const Node& before = s.nodes[j];
            if (before.parent != n.parent || is_region(before.role)) break;
            if (!before.name.empty() && (before.role == Role::text || before.role == Role::heading)) {
                n.name = before.name;
                break;
            }
        }
    }
    ImGuiContext& g = *GImGui;
    for (Node& n : s.nodes) {
        n.focused = n.id != 0 && n.id == g.NavId && !g.NavDisableHighlight;
        n.editing = n.id != 0 && n.id == g.ActiveId && g.InputTextState.ID == n.id;
    }
    s.on = false;
    g.TestEngineHookItems = false;
    // ImGui ends logging itself when the window ends (End() calls LogFinish()).
}

void begin_region(Role region, std::string_view name) {
    take_orphan_text(ImGui::GetCursorScreenPos().y);
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    Node& n = add(region, window->Rect(), 0);
    n.name = std::string(name);
    st().regions.push_back(static_cast<int>(st().nodes.size()) - 1);
}

void end_region() {
    State& s = st();
    if (s.regions.empty()) return;
    take_pending_combo();
    take_orphan_text(ImGui::GetCursorScreenPos().y, true);
    s.regions.pop_back();
}

void description_mark() {
    if (!st().on) return;
    arm_log();
    take_pending_combo();
    take_orphan_text(ImGui::GetCursorScreenPos().y, true);
}

void describe_last_item(Role role, std::string_view name, int state, std::string_view value) {
    State& s = st();
    if (!s.on) return;
    const ImGuiContext& g = *GImGui;
    Node* n = find_last_item();
    if (role == Role::none) {
        if (n && n->test.empty()) s.nodes.erase(s.nodes.begin() + (n - s.nodes.data()));
        else if (n) n->role = Role::none;
        s.log_mark = log_text().size();
        return;
    }
    if (!n) n = &add(role, g.LastItemData.Rect, g.LastItemData.ID);
    n->role = role;
    n->name = squeeze(name);
    n->state = state;
    n->value = std::string(value);
    n->rect = g.LastItemData.Rect;
    n->disabled = (g.LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
    n->approx = false;
    mark_cut(*n);
    s.log_mark = log_text().size();
    s.json_built = false;
    arm_log();
}

void describe_last_value(std::string_view value, std::string_view name) {
    if (!st().on) return;
    Node* n = find_last_item();
    if (!n) return;
    n->value = std::string(value);
    if (!name.empty()) n->name = squeeze(name);
    st().json_built = false;
}

void describe_last_text(Role role, std::string_view text, int level) {
    State& s = st();
    if (!s.on) return;
    const ImGuiContext& g = *GImGui;
    Node* n = find_last_item();
    if (!n) n = &add(role, g.LastItemData.Rect, g.LastItemData.ID);
    n->role = role;
    n->name = squeeze(text);
    n->level = level;
    n->rect = g.LastItemData.Rect;
    n->approx = false;
    mark_cut(*n);
    s.log_mark = log_text().size();
    s.json_built = false;
    arm_log();
}

void name_last_item(const std::string& name) {
    State& s = st();
    const ImGuiContext& g = *GImGui;
    const ImRect& r = g.LastItemData.Rect;
    s.rects[name] = ImVec4(r.Min.x, r.Min.y, r.Max.x, r.Max.y);
    if (!s.on) return;
    Node* n = find_last_item();
    if (!n) {
        // A raw ImGui::Text* call just before: its words, at the item's exact place.
        const std::string_view log = log_text();
        std::string shown = g.LastItemData.ID == 0 && s.log_mark < log.size() ? logged_words(log.substr(s.log_mark)) : "";
        n = &add(shown.empty() ? Role::none : Role::text, r, g.LastItemData.ID);
        n->name = std::move(shown);
        if (ImGuiWindow* window = ImGui::GetCurrentWindow()) n->cut = r.Max.x > window->ClipRect.Max.x + 0.5f;
        s.log_mark = std::max(s.log_mark, log.size());
    }
    n->test = name;
    s.json_built = false;
}

void name_last_text(const std::string& name, std::string_view text) {
    name_last_item(name);
    st().texts[name] = std::string(text);
}

std::string named_texts_json() {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [name, text] : st().texts) out[name] = text;
    return out.dump();
}

std::string named_items_json() {
    std::string out = "{";
    char buf[128];
    for (const auto& [name, r] : st().rects) {
        std::snprintf(buf, sizeof buf, "[%.1f,%.1f,%.1f,%.1f]", r.x, r.y, r.z, r.w);
        if (out.size() > 1) out += ",";
        out += "\"" + name + "\":" + buf;  // names are ASCII identifiers chosen in code
    }
    return out + "}";
}

const std::string& description_json() {
    State& s = st();
    if (s.json_built) return s.json;
    nlohmann::json nodes = nlohmann::json::array();
    std::map<std::string, int> seen;  // keys made unique (a name or a text given twice)
    for (const Node& n : s.nodes) {
        if (n.role == Role::none && n.test.empty()) continue;
        std::string key;
        if (!n.test.empty()) key = "t:" + n.test;
        else if (n.id != 0) key = "i:" + std::to_string(n.id);
        else key = std::string("x:") + role_name(n.role) + ":" + std::to_string(ImHashStr(n.name.c_str()));
        // Appended, not "#" + a temporary: GCC 12 at -O3 flags that pattern with a false -Wrestrict.
        if (const int again = seen[key]++) (key += '#') += std::to_string(again);
        nlohmann::json j = {{"k", key}, {"r", role_name(n.role)}, {"n", n.name},
                            {"x", std::round(n.rect.Min.x * 10) / 10}, {"y", std::round(n.rect.Min.y * 10) / 10},
                            {"w", std::round(n.rect.GetWidth() * 10) / 10}, {"h", std::round(n.rect.GetHeight() * 10) / 10},
                            {"p", n.parent}};
        if (!n.value.empty()) j["v"] = n.value;
        if (n.state >= 0) j["s"] = n.state;
        if (n.level > 0) j["l"] = n.level;
        if (n.disabled) j["d"] = 1;
        if (n.id != 0) j["i"] = n.id;
        if (n.focused) j["f"] = 1;
        if (n.editing) j["e"] = 1;
        if (!n.test.empty()) j["t"] = n.test;
        if (n.approx) j["a"] = 1;
        if (n.cut) j["c"] = 1;
        nodes.push_back(std::move(j));
    }
    // Parents are indexes into the list as written: entries left out shift them.
    std::vector<int> index_of(s.nodes.size(), -1);
    for (std::size_t i = 0, k = 0; i < s.nodes.size(); ++i)
        if (!(s.nodes[i].role == Role::none && s.nodes[i].test.empty())) index_of[i] = static_cast<int>(k++);
    for (auto& j : nodes) {
        const int p = j["p"].get<int>();
        j["p"] = p >= 0 ? index_of[static_cast<std::size_t>(p)] : -1;
    }
    s.json = nlohmann::json{{"nodes", std::move(nodes)}}.dump();
    s.json_built = true;
    return s.json;
}

bool description_changed() {
    State& s = st();
    if (s.skipped) return false;
    const std::string& now = description_json();
    if (now == s.json_taken) return false;
    s.json_taken = now;
    return true;
}

void request_focus(unsigned id, bool activate) {
    st().focus_request = id;
    st().activate_request = activate;
}

void apply_requests() {
    State& s = st();
    if (s.focus_request == 0 || !s.activate_request) return;
    ImGuiContext& g = *GImGui;
    g.NavNextActivateId = s.focus_request;
    g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput | ImGuiActivateFlags_TryToPreserveState;
    s.activate_request = false;
}

// Gives the requested item ImGui's keyboard focus and scrolls it into view, when it is added.
static void focus_if_requested(ImGuiID id, const ImRect& bb) {
    State& s = st();
    if (s.focus_request == 0 || s.focus_request != id) return;
    ImGuiContext& g = *GImGui;
    ImGui::SetFocusID(id, g.CurrentWindow);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
    ImGui::ScrollToRectEx(g.CurrentWindow, bb, ImGuiScrollFlags_KeepVisibleEdgeY);
    s.focus_request = 0;
}

// An item that got no ItemInfo: ImGui::BeginCombo() says nothing more of itself, but logs its
// preview as "{value}": a combo box, named by the label before it.
static void take_pending_combo() {
    State& s = st();
    if (s.pending.id == 0) return;
    const std::string_view log = log_text();
    const std::string shown = s.pending.mark < log.size() ? std::string(log.substr(s.pending.mark)) : std::string();
    const std::size_t open = shown.find('{'), close = shown.rfind('}');
    const Pending p = s.pending;
    s.pending.id = 0;
    if (open == std::string::npos || close == std::string::npos || close < open || squeeze(shown).rfind('{', 0) != 0) return;
    s.log_mark = log.size();
    Node& n = add(Role::combobox, p.rect, p.id);
    n.value = squeeze(shown.substr(open + 1, close - open - 1));
    n.name = label_before();
    n.state = ImGui::IsPopupOpen(ImHashStr("##ComboPopup", 0, p.id), ImGuiPopupFlags_None) ? 1 : 0;
    n.disabled = p.disabled;
}

static void hook_item_add(ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item) {
    State& s = st();
    if (!s.on || !item) return;  // NULL: a window's or a child window's own entry
    arm_log();
    take_pending_combo();
    take_orphan_text(bb.Min.y);
    s.pending = {id, bb, log_text().size(), (item->InFlags & ImGuiItemFlags_Disabled) != 0,
                 ImGui::GetCurrentWindow()->ClipRect.Max.x};
    focus_if_requested(id, bb);
}

static void hook_item_info(ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    State& s = st();
    if (!s.on || s.pending.id != id) return;
    const std::string_view log = log_text();
    const std::string shown = s.pending.mark < log.size() ? std::string(log.substr(s.pending.mark)) : std::string();
    s.log_mark = log.size();
    Role role = Role::button;
    int state = -1;
    std::string name = squeeze(visible_label(label)), value;
    if (flags & ImGuiItemStatusFlags_Checkable) {
        role = Role::checkbox;
        state = (flags & ImGuiItemStatusFlags_Checked) ? 1 : 0;
    } else if (flags & ImGuiItemStatusFlags_Openable) {
        role = Role::expander;
        state = (flags & ImGuiItemStatusFlags_Opened) ? 1 : 0;
    } else if (squeeze(shown).rfind("(x)", 0) == 0 || squeeze(shown).rfind("( )", 0) == 0) {
        // ImGui::RadioButton logs "(x)" or "( )" before its label.
        role = Role::radio;
        state = squeeze(shown).rfind("(x)", 0) == 0 ? 1 : 0;
    } else if (flags & ImGuiItemStatusFlags_Inputable) {
        role = Role::textbox;
        const std::size_t open = shown.find('{'), close = shown.rfind('}');
        if (open != std::string::npos && close != std::string::npos && close > open)
            value = shown.substr(open + 1, close - open - 1);
        if (name.empty()) name = label_before();
    }
    s.pending.id = 0;
    // A button that rendered no words is an InvisibleButton: the widget layer describes it.
    if (role == Role::button && (name.empty() || undecorate(shown).empty())) return;
    Node& n = add(role, s.pending.rect, id);
    n.name = std::move(name);
    n.value = std::move(value);
    n.state = state;
    n.disabled = s.pending.disabled;
    n.cut = n.rect.Max.x > s.pending.clip_right + 0.5f;
}

}  // namespace poems::ui

// ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE, ui/CMakeLists.txt), called by ImGui
// while GImGui->TestEngineHookItems is set (between begin_description and end_description).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data) {
    poems::ui::hook_item_add(id, bb, item_data);
}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    poems::ui::hook_item_info(id, label, flags);
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
