// fokus-cli: the command-line face of Fokus. Everything a researcher can do in
// the workbench can be done here, which is also how scripts and tests drive it.
#include <iostream>
#include <optional>
#include <string>

#include "cli/context.h"
#include "cli/reference.h"
#include "cli/terminal.h"
#include "coding/error.h"
#include "coding/identity.h"
#include "hub/connection.h"

namespace {

// A first word that is neither an option nor a command: CLI11 would only say
// that a command is required, which reads as if none had been given.
std::optional<std::string> unknown_command(CLI::App& app, int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') return std::nullopt;
    const std::string word = argv[1];
    for (const CLI::App* command : app.get_subcommands({}))
        if (command->check_name(word)) return std::nullopt;
    std::string known;
    for (const CLI::App* command : app.get_subcommands({})) known += (known.empty() ? "" : ", ") + command->get_name();
    return "fokus-cli: no command named \"" + word + "\"; the commands are: " + known +
           "\nRun 'fokus-cli --help' for what each does.";
}

}  // namespace

int main(int argc, char** argv) {
    using namespace fokus;
    const cli::TerminalGuard terminal;
    cli::Context context{default_coder_name()};
    CLI::App app{"Fokus: qualitative analysis of interview and focus-group transcripts.", "fokus-cli"};
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--coder", context.coder, "Name of the person whose changes are recorded (default: $FOKUS_CODER or the login name)");
    app.footer(
        "Run 'fokus-cli COMMAND --help' for a command's options.\n\n"
        "Exit codes: 0 done; 1 the request was refused (unknown code, span outside the text, empty or\n"
        "duplicate name, nothing to undo); 2 the command line was wrong; 3 the project could not be used\n"
        "(missing, not a Fokus project, damaged, made by a newer version, in use); 4 a file could not be\n"
        "read or written (a full disk) or is malformed; 5 an internal error; 6 some items of a batch\n"
        "failed (4 when none could be imported); 7 the hub could not be reached or refused the request (the\n"
        "copy is left whole; sync again later).\n\n"
        "On a terminal, control characters in names and texts are shown escaped (\\x1b); in a file or pipe\n"
        "they are written as stored.");
    cli::add_project_commands(app, context);
    cli::add_code_commands(app, context);
    cli::add_coding_commands(app, context);
    cli::add_analysis_commands(app, context);
    cli::add_bikva_commands(app, context);
    cli::add_import_commands(app, context);
    cli::add_anonymity_commands(app, context);
    cli::add_search_commands(app, context);
    cli::add_matrix_export_commands(app, context);
    cli::add_backup_commands(app, context);
    cli::add_check_command(app, context);
    cli::add_agreement_commands(app, context);
    cli::add_quote_commands(app, context);
    cli::add_exchange_commands(app, context);
    cli::add_hub_commands(app, context);
    cli::add_word_commands(app, context);
    cli::add_concordance_command(app, context);
    cli::add_transcript_command(app, context);
    cli::add_survey_commands(app, context);
    cli::add_media_commands(app, context);
    if (const auto message = unknown_command(app, argc, argv)) {
        std::cerr << *message << '\n';
        return cli::usage;
    }
    // --man, --bash-completion and --complete-names: for the package and the
    // shell, so left out of --help.
    if (const auto code = cli::answer_reference_request(app, context, argc, argv)) return *code;
    try {
        app.parse(argc, argv);
        return cli::ok;
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::ParseError& error) {
        app.exit(error);
        return cli::usage;
    } catch (const cli::ExitAfterReport& failure) {
        return failure.exit_code;
    } catch (const hub::HubError& error) {
        std::cerr << "fokus-cli: " << error.what() << '\n';
        return cli::hub_problem;
    } catch (const ProjectError& error) {
        std::cerr << "fokus-cli: " << error.what() << '\n';
        return cli::project_problem;
    } catch (const DatabaseError& error) {
        std::cerr << "fokus-cli: " << error.what() << '\n';
        return cli::project_problem;
    } catch (const FileError& error) {
        std::cerr << "fokus-cli: " << error.what() << '\n';
        return cli::file_problem;
    } catch (const InputError& error) {
        std::cerr << "fokus-cli: " << error.what() << '\n';
        return cli::refused;
    } catch (const std::exception& error) {
        std::cerr << "fokus-cli: " << error.what() << '\n';
        return cli::internal;
    }
}
