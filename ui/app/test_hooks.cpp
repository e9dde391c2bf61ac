#include "app/test_hooks.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>

namespace poems::ui {

static std::map<std::string, ImVec4>& rects() {
    static std::map<std::string, ImVec4> r;
    return r;
}

static std::map<std::string, std::string>& texts() {
    static std::map<std::string, std::string> t;
    return t;
}

void clear_named_items() {
    rects().clear();
    texts().clear();
}

void name_last_text(const std::string& name, std::string_view text) {
    name_last_item(name);
    texts()[name] = std::string(text);
}

std::string named_texts_json() {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [name, text] : texts()) out[name] = text;
    return out.dump();
}

void name_last_item(const std::string& name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    rects()[name] = ImVec4(a.x, a.y, b.x, b.y);
}

std::string named_items_json() {
    std::string out = "{";
    char buf[128];
    for (const auto& [name, r] : rects()) {
        std::snprintf(buf, sizeof buf, "[%.1f,%.1f,%.1f,%.1f]", r.x, r.y, r.z, r.w);
        if (out.size() > 1) out += ",";
        out += "\"" + name + "\":" + buf;  // names are ASCII identifiers chosen in code
    }
    return out + "}";
}

}  // namespace poems::ui
