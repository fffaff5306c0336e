#include <doctest/doctest.h>

#include "coding/label_pattern.h"

using namespace fokus;

TEST_CASE("a stored label is read back into its pattern's arguments, names with quotes and spaces included") {
    using Arguments = std::vector<std::string>;
    CHECK(match_label("code with \"%s\"", "code with \"Faglig tryghed\"") == Arguments{"Faglig tryghed"});
    CHECK(match_label("uncode", "uncode") == Arguments{});
    CHECK_FALSE(match_label("uncode", "uncode all"));
    CHECK_FALSE(match_label("code with \"%s\"", "code in vivo \"ondt af mig selv\""));
    CHECK_FALSE(match_label("code with \"%s\"", "code with \"\""));  // an argument is never empty
    // A name that holds the pattern's own words: the split that fits the whole label.
    CHECK(match_label("rename code \"%s\" to \"%s\"", "rename code \"Børn to og tre\" to \"Små børn\"") ==
          Arguments{"Børn to og tre", "Små børn"});
    CHECK(match_label("code %s passages with \"%s\"", "code 12 passages with \"Æblet på \"kanten\"\"") ==
          Arguments{"12", "Æblet på \"kanten\""});
    CHECK(fill_label("kod med \"%s\"", {"Faglig tryghed"}) == "kod med \"Faglig tryghed\"");
    CHECK(fill_label("omdøb koden \"%s\" til \"%s\"", {"Børn", "Små børn"}) == "omdøb koden \"Børn\" til \"Små børn\"");
    CHECK(fill_label("100%s", {}) == "100%s");  // a hole without an argument stays as written
}
