#include "context.h"

#include <unistd.h>

#include <iostream>

namespace fokus::cli {

Project Context::open(const std::string& path, bool writable) const {
    auto project = Project::open(path, writable ? Project::Access::ReadWrite : Project::Access::ReadOnly);
    project.set_coder(coder);
    return project;
}

CLI::Option* add_json_flag(CLI::App& command, bool& json) {
    return command.add_flag("--json", json, "Print JSON for scripts instead of text");
}

void print_json(const nlohmann::json& value) { std::cout << value.dump(2) << '\n'; }

bool confirm(const std::string& question) {
    if (!isatty(STDIN_FILENO)) return false;
    std::cout << question << " [j/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "j" || answer == "J" || answer == "ja" || answer == "y" || answer == "yes";
}

}  // namespace fokus::cli
