// backup and restore: copies of the project beside it, and putting one back.
#include <iostream>
#include <memory>

#include "cli/context.h"
#include "cli/number_checks.h"
#include "coding/backup.h"
#include "coding/error.h"

namespace fokus::cli {

void add_backup_commands(CLI::App& app, Context& context) {
    {
        struct Options {
            std::string path;
            int keep = 5;
        };
        auto options = std::make_shared<Options>();
        auto* command = app.add_subcommand("backup", "Copy the project into PROJECT.backups/, keeping the newest few copies");
        command->add_option("PROJECT", options->path, "The project file")->required();
        command->add_option("--keep", options->keep, "How many backups to keep")->check(whole_number_from(1))->capture_default_str();
        command->callback([&context, options] {
            auto project = context.open(options->path, false);
            const auto made = backups::make(project, options->keep);
            std::cout << "Backed up to " << made.string() << '\n';
        });
    }
    {
        struct Options {
            std::string path;
            std::string backup;
            bool list = false;
        };
        auto options = std::make_shared<Options>();
        auto* command = app.add_subcommand(
            "restore", "Put a backup in place of the project (the newest good one unless named); the replaced file is kept aside");
        command->add_option("PROJECT", options->path, "The project file")->required();
        command->add_option("BACKUP", options->backup, "The backup to restore (see --list)");
        command->add_flag("--list", options->list, "List the backups, newest first, and whether each passes the integrity check and holds its texts unchanged");
        command->callback([options] {
            if (options->list) {
                const auto all = backups::list(options->path);
                if (all.empty()) std::cout << "No backups in " << backups::folder_for(options->path).string() << '\n';
                for (const auto& backup : all) {
                    std::cout << backup.made_at << " UTC  " << (backups::is_good(backup.path) ? "good     " : "DAMAGED  ")
                              << backup.path.string() << '\n';
                }
                return;
            }
            const auto chosen = options->backup.empty() ? std::nullopt : std::optional<std::filesystem::path>(options->backup);
            const auto aside = backups::restore(options->path, chosen);
            std::cout << "Restored " << options->path;
            if (!aside.empty()) std::cout << "; the replaced file is kept as " << aside.string();
            std::cout << '\n';
        });
    }
}

}  // namespace fokus::cli
