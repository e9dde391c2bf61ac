// load_content()'s topic checks: every topic registered in poems/topics.hpp whose file is
// present is read by its own strict loader, after the shared checks passed, so `poems content
// check` and the build refuse content that a topic's own parser would refuse.
#include "poems/content.hpp"
#include "poems/topics.hpp"

namespace poems {

std::vector<Problem> check_topic_structure(const Content& content) {
    Topics topics(content);
    topics.read_present();
    return topics.problems();
}

}  // namespace poems
