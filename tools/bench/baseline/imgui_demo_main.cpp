// The baseline for tools/bench: Dear ImGui's own demo window, drawn the stock way (every frame,
// vsync-paced), from the same ImGui sources, backends and flags as the app. It reports its first
// frame and frame count through the same hooks as the app so the bench measures both alike, and
// the start-up marks the two share (main, gl-ready, first-frame) for the bench's breakdown.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#ifdef __EMSCRIPTEN__
#include <SDL_opengles2.h>
#include <emscripten.h>
#else
#include <SDL_opengl.h>
#endif

static SDL_Window* window = nullptr;
static long frames = 0, exit_after = 0;
static bool running = true;

#ifdef __EMSCRIPTEN__
extern "C" EMSCRIPTEN_KEEPALIVE long poems_frames_drawn() { return frames; }
#endif

static void frame() {
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        ImGui_ImplSDL2_ProcessEvent(&e);
        if (e.type == SDL_QUIT) running = false;
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    ImGui::ShowDemoWindow();
    ImGui::Render();
    ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, (int)(io.DisplaySize.x * io.DisplayFramebufferScale.x), (int)(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(0.45f, 0.55f, 0.60f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++frames;
#ifdef __EMSCRIPTEN__
    if (frames == 1) EM_ASM({ performance.mark('poems:first-frame'); window.poemsFirstFrameAt = performance.now(); });
#else
    SDL_GL_SwapWindow(window);
    if (frames == 1) std::printf("imgui-demo: first frame drawn\n");
    std::fflush(stdout);
    if (exit_after && frames >= exit_after) running = false;
#endif
}

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
    EM_ASM({ performance.mark('poems:main'); });
#endif
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--exit-after-frames") == 0) exit_after = std::atol(argv[i + 1]);
    SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER);
#ifdef __EMSCRIPTEN__
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    const char* glsl = "#version 300 es";
#else
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    const char* glsl = "#version 150";
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    window = SDL_CreateWindow("Dear ImGui demo", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                              SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext gl = SDL_GL_CreateContext(window);
    SDL_GL_MakeCurrent(window, gl);
#ifdef __EMSCRIPTEN__
    EM_ASM({ performance.mark('poems:gl-ready'); });
#endif
    SDL_GL_SetSwapInterval(1);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init(glsl);
#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop(frame, 0, true);
#else
    while (running) frame();
    std::printf("imgui-demo: %ld frames drawn, clean exit\n", frames);
#endif
    return 0;
}
