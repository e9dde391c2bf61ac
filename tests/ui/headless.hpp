// An ImGui context with no window and no renderer, so Catch2 can test the app's UI logic natively
// and under Node: a display size, the app's own fonts built into the atlas (the pixels are made
// but never uploaded), then NewFrame / draw / Render as the runners do.
#pragma once

#include "app/app.hpp"
#include "app/description.hpp"

#include <imgui.h>

namespace poems::ui::test {

class Headless {
public:
    explicit Headless(float width = 390, float height = 844, float text_scale = 1.0f, float pixel_ratio = 1.0f) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;  // nothing written to disk
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        load_fonts(text_scale, pixel_ratio);
        build_atlas();
    }
    ~Headless() { ImGui::DestroyContext(); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // Builds the atlas as a renderer's first frame would (after load_fonts() or a text size change).
    static void build_atlas() {
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ImGui::GetIO().Fonts->SetTexID(ImTextureID(1));  // any non-null id: nothing is drawn
    }

    // One frame: a window filling the display (no padding), `draw` inside it, described as the
    // app's frame is (named_items_json() then holds this frame's named items), then Render.
    template <class Draw>
    void frame(Draw&& draw) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("headless", nullptr, ImGuiWindowFlags_NoDecoration);
        begin_description();
        draw();
        end_description();
        ImGui::End();
        ImGui::Render();
    }
};

}  // namespace poems::ui::test
