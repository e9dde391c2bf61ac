// make_font_atlas RATIO FILE: writes the font atlas the app builds at a pixel ratio of RATIO and
// text size 100% (ui/app/style.cpp, load_fonts) as a file the browser build fetches at start-up
// (ui/app/font_atlas_file.hpp, web/boot.js). Built by the browser build and run with Node, so the
// file comes from the very code, fonts and numbers the app runs with.
#include "app/app.hpp"
#include "app/font_atlas_file.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_font_atlas RATIO FILE\n");
        return 2;
    }
    const float ratio = std::strtof(argv[1], nullptr);
    if (!(ratio >= 1.0f && ratio <= 4.0f)) {
        std::fprintf(stderr, "make_font_atlas: RATIO must be 1 to 4, not '%s'\n", argv[1]);
        return 2;
    }
    ImGui::CreateContext();
    poems::ui::load_fonts(1.0f, ratio);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);  // nothing offered: stb_truetype
    const std::string file = poems::ui::save_font_atlas(*ImGui::GetIO().Fonts);
    std::FILE* out = std::fopen(argv[2], "wb");
    if (!out || std::fwrite(file.data(), 1, file.size(), out) != file.size() || std::fclose(out) != 0) {
        std::fprintf(stderr, "make_font_atlas: cannot write %s\n", argv[2]);
        return 1;
    }
    std::printf("make_font_atlas: %s, %dx%d, %zu bytes\n", argv[2], width, height, file.size());
    ImGui::DestroyContext();
    return 0;
}
