// The whole app in a headless ImGui context (headless.hpp), driven the way a person drives it:
// taps at a widget's place on screen and characters typed on a keyboard, through ImGui's input
// queue, read back from the app's own per-frame description of what it drew (app/description.hpp),
// which is what the accessibility mirror and the browser tests read too. Nothing here reaches
// into a page's state: a test sees what a person would see, and the record the app keeps.
#pragma once

#include "../core/catch.hpp"
#include "headless.hpp"

#include "app/description.hpp"
#include "pages/pages.hpp"
#include "poems/json_reader.hpp"

#include <imgui.h>

#include <cfloat>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace poems::ui::test {

// A phone's screen (390 x 844 logical px) with the app's touch style.
class AppDriver {
public:
    explicit AppDriver(Platform platform = {}, AppOptions options = phone_options())
        : ui_(390, 844), app_(std::move(options), std::move(platform), make_page_views()) {
        apply_style(app_.settings(), true);
        frames(2);  // the first frame lays out, the second has every rectangle in place
    }

    static AppOptions phone_options() {
        AppOptions o;
        o.start_page = Page::criteria;
        o.today = {2026, 3, 1};
        return o;
    }

    App& app() { return app_; }

    // One frame as the runners draw it (ui/app/frame.cpp, without the GPU).
    void frame() {
        apply_requests();
        ImGui::NewFrame();
        app_.draw_frame();
        ImGui::Render();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }

    // The description's entry for the widget named `test_name` in the last frame (name_last_item),
    // or nothing when it was not drawn.
    static std::optional<Json> node(const std::string& test_name) {
        const Json d = Json::parse(description_json());
        for (const auto& n : d.at("nodes"))
            if (n.value("t", "") == test_name) return n;
        return std::nullopt;
    }
    // Whether any text the app drew in the last frame contains `part`.
    static bool drawn(const std::string& part) {
        const Json d = Json::parse(description_json());
        for (const auto& n : d.at("nodes"))
            if (n.value("n", "").find(part) != std::string::npos) return true;
        return false;
    }
    // Whether the widget is drawn and selected (a radio button) or ticked (a checkbox).
    static bool selected(const std::string& test_name) {
        const auto n = node(test_name);
        return n && n->value("s", -1) == 1;
    }
    // What a text field holds.
    static std::string value(const std::string& test_name) {
        const auto n = node(test_name);
        return n ? n->value("v", "") : std::string("<not drawn: " + test_name + ">");
    }

    // A tap on the widget: scrolled into view first when it is outside the page's area (as a
    // person scrolls to it), then pressed and released at its centre.
    void tap(const std::string& test_name) {
        ImGuiIO& io = ImGui::GetIO();
        // A finger lifted from the screen: no pointer over anything. A touch always arrives with
        // its place, so ImGui sees it move there even when the last tap was on the same spot
        // (after keys were used, ImGui hovers nothing until the pointer moves).
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        frame();
        const ImVec2 at = on_screen(test_name);
        io.AddMousePosEvent(at.x, at.y);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        frame();
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        frames(3);  // the release (a button acts on it), then the page drawn from what changed
    }

    // Characters typed on a keyboard into the field that has the keyboard (tap it first).
    void type(std::string_view text) {
        ImGuiIO& io = ImGui::GetIO();
        for (char c : text) io.AddInputCharacter(static_cast<unsigned char>(c));
        frames(3);
    }
    // One key pressed and released (Enter, Backspace...), with modifiers held.
    void press(ImGuiKey key, ImGuiKeyChord mods = ImGuiMod_None) {
        ImGuiIO& io = ImGui::GetIO();
        if (mods & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(key, true);
        frame();
        io.AddKeyEvent(key, false);
        if (mods & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
        frames(3);
    }
    // Replaces what a field holds by `text`, as a person does: tap, select all, type, Enter.
    void fill(const std::string& test_name, std::string_view text) {
        tap(test_name);
        press(ImGuiKey_A, ImGuiMod_Ctrl);
        press(ImGuiKey_Backspace);
        if (!text.empty()) type(text);
        press(ImGuiKey_Enter);  // done: the field lets go of the keyboard
    }

private:
    // The centre of the widget, within the page's area of the screen.
    // Waits for the widget to stay in place (a card that just opened settles over a few frames).
    ImVec2 on_screen(const std::string& test_name) {
        for (int attempt = 0; attempt < 2; ++attempt) {
            auto n = node(test_name);
            INFO("widget " << test_name);
            REQUIRE(n);
            for (int settling = 0; settling < 8; ++settling) {
                frame();
                auto now = node(test_name);
                REQUIRE(now);
                const bool moved = now->at("x") != n->at("x") || now->at("y") != n->at("y");
                n = std::move(now);
                if (!moved) break;
            }
            const auto page = node("layout:page");
            REQUIRE(page);
            // Whole, inside the page's area less its padding (where ImGui clips what it draws).
            const float y = n->at("y").get<float>(), h = n->at("h").get<float>();
            const float pad = ImGui::GetStyle().WindowPadding.y;
            const float top = page->at("y").get<float>() + pad, bottom = page->at("y").get<float>() + page->at("h").get<float>() - pad;
            if (y >= top && y + h <= bottom) return ImVec2(n->at("x").get<float>() + n->at("w").get<float>() / 2, y + h / 2);
            REQUIRE(n->contains("i"));
            request_focus(n->at("i").get<unsigned>(), false);  // scrolls it into view
            frames(3);
        }
        FAIL("could not scroll " << test_name << " into view");
        return {};
    }

    Headless ui_;
    App app_;
};

}  // namespace poems::ui::test
