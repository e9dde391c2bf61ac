#pragma once
// Drag-to-scroll for touch screens. ImGui scrolls a window only with the wheel or its scrollbar;
// on a phone people drag the content itself. Call once per frame, right after ImGui::NewFrame().
namespace poems::ui {

void touch_drag_scroll();

}  // namespace poems::ui
