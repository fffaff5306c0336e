#include <doctest/doctest.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "coding/identity.h"

using namespace fokus;

namespace {

// Sets or clears an environment variable for one test and puts it back after.
class EnvironmentVariable {
public:
    EnvironmentVariable(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) setenv(name, value, 1);
        else unsetenv(name);
    }
    ~EnvironmentVariable() {
        if (old_) setenv(name_, old_->c_str(), 1);
        else unsetenv(name_);
    }
    EnvironmentVariable(const EnvironmentVariable&) = delete;
    EnvironmentVariable& operator=(const EnvironmentVariable&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("the coder is $FOKUS_CODER when set, else the login name, even without $USER") {
    {
        const EnvironmentVariable chosen("FOKUS_CODER", "Søren Ærø");
        CHECK(default_coder_name() == "Søren Ærø");
    }
    const EnvironmentVariable no_chosen("FOKUS_CODER", nullptr);
    {
        const EnvironmentVariable user("USER", "åse");
        CHECK(default_coder_name() == "åse");
    }
    const EnvironmentVariable no_user("USER", nullptr);
    const EnvironmentVariable no_logname("LOGNAME", nullptr);
    const passwd* account = getpwuid(geteuid());
    REQUIRE(account != nullptr);
    CHECK(default_coder_name() == std::string(account->pw_name));
}

TEST_CASE("GUIDs are version 4 and recognised; other text is not") {
    const auto guid = new_guid();
    CHECK(is_guid(guid));
    CHECK(guid.size() == 36);
    CHECK(guid[14] == '4');
    CHECK_FALSE(is_guid("ikke-en-guid-æøå"));
    CHECK(new_guid() != guid);
}
