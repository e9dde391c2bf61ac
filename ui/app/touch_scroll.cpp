// A finger that goes down and moves more than a few pixels scrolls the window under it (or the
// nearest parent that can scroll) and cancels the press of the widget it started on, so dragging
// across a button or a checkbox never clicks it. A finger that lifts without moving is a tap, as
// before. Text fields (selecting, the phone keyboard) and scrollbars keep their own drag.
#include "app/touch_scroll.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

namespace poems::ui {
namespace {

struct DragScroll {
    ImGuiID window_id = 0;  // the window being scrolled, by id (windows can be recreated)
    bool scrolling = false;
};
DragScroll g_drag;

ImGuiWindow* scrollable_window_at(ImGuiWindow* w) {
    while (w && w->ScrollMax.y <= 0.0f && w->ScrollMax.x <= 0.0f) {
        if (w->Flags & ImGuiWindowFlags_Popup) return nullptr;  // a popup never scrolls what is behind it
        w = w->ParentWindow;
    }
    return w;
}

// Moves the content of `w` with the finger: a finger moving up scrolls down.
void scroll_with_finger(ImGuiWindow* w, ImVec2 finger_moved) {
    ImGui::SetScrollY(w, w->Scroll.y - finger_moved.y);
    ImGui::SetScrollX(w, w->Scroll.x - finger_moved.x);
}

}  // namespace

void touch_drag_scroll() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiIO& io = g.IO;
    if (io.MouseSource != ImGuiMouseSource_TouchScreen && !g_drag.scrolling) {
        g_drag = {};
        return;
    }
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        ImGuiWindow* w = scrollable_window_at(g.HoveredWindow);
        g_drag = {w ? w->ID : 0, false};
    }
    ImGuiWindow* w = g_drag.window_id ? ImGui::FindWindowByID(g_drag.window_id) : nullptr;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        // The last move can arrive with the lift: keep it, so the content ends under the finger.
        if (w && g_drag.scrolling) scroll_with_finger(w, io.MouseDelta);
        g_drag = {};
        return;
    }
    if (!w) return;
    if (!g_drag.scrolling) {
        // Text fields and scrollbars own their drags.
        const bool text_field = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId;
        const bool scrollbar = g.ActiveId != 0 && (g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y) ||
                                                   g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_X));
        if (text_field || scrollbar) {
            g_drag = {};
            return;
        }
        const ImVec2 moved = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
        if (std::fabs(moved.x) < io.MouseDragThreshold * 2 && std::fabs(moved.y) < io.MouseDragThreshold * 2) return;
        g_drag.scrolling = true;
        ImGui::ClearActiveID();  // the press becomes a scroll: its widget must not fire on release
        // Catch up with the distance already moved, so the content stays under the finger.
        scroll_with_finger(w, moved);
        return;
    }
    scroll_with_finger(w, io.MouseDelta);
}

}  // namespace poems::ui
