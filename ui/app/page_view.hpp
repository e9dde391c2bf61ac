// A page of the app as the app sees it: a view that draws itself from the state it keeps, and is
// told when the record under it was replaced. The App owns one per page (made by the runner from
// ui/pages/pages.hpp, so that ui/app never includes the pages); a page keeps its own state in
// its view object, never in function statics, and reaches other pages only through App::open().
#pragma once

#include <string>
#include <utility>

namespace poems::ui {

class App;

class PageView {
public:
    virtual ~PageView() = default;
    // Draws the page into the page area, at any width from a 360 px phone to a desktop window.
    virtual void draw(App& app) = 0;
    // The whole record was replaced (first read, import, "delete all my data"): forget what was
    // read from the old one. Called once per replacement, before the next frame.
    virtual void on_record_replaced(App&) {}
    // Another page asked to show one item here (a center's card, a Guide entry): App::open().
    virtual void show_item(App&, const std::string& /*item_id*/) {}
};

// The usual page: its state and one function that draws it. When the record is replaced the
// state starts again from what the page was made with (an open form or a pending confirmation
// was about the old record; anything shared, such as the documents card, stays).
template <typename State, void (*Draw)(App&, State&)>
class PageOf final : public PageView {
public:
    explicit PageOf(State initial = {}) : initial_(initial), state_(std::move(initial)) {}
    void draw(App& app) override { Draw(app, state_); }
    void on_record_replaced(App&) override { state_ = initial_; }

private:
    State initial_;
    State state_;
};

}  // namespace poems::ui
