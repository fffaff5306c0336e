#include "cli/reference.h"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <sstream>
#include <vector>

#include "coding/codes.h"
#include "coding/documents.h"
#include "coding/error.h"

namespace fokus::cli {
namespace {

struct Argument {
    std::string name;         // PROJECT, or the option's names: --colour, --color
    std::vector<std::string> long_names;  // without dashes, for completion
    std::string value;        // the value's placeholder; empty for a flag
    std::string description;
    bool positional = false;
    bool repeats = false;
    bool required = false;
};

struct Command {
    std::string path;  // "codes add"
    std::string description;
    std::string footer;  // only where it is the command's own, not the app's
    std::vector<Argument> arguments;
    std::vector<std::string> subcommands;
};

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return text;
}

Argument argument_of(const CLI::Option& option) {
    Argument argument;
    argument.description = option.get_description();
    argument.required = option.get_required();
    argument.repeats = option.get_items_expected_max() > 1;
    if (option.get_positional() && option.get_lnames().empty() && option.get_snames().empty()) {
        argument.positional = true;
        argument.name = option.get_name(true);
        return argument;
    }
    for (const auto& name : option.get_snames()) argument.name += (argument.name.empty() ? "-" : ", -") + name;
    for (const auto& name : option.get_lnames()) {
        argument.name += (argument.name.empty() ? "--" : ", --") + name;
        argument.long_names.push_back(name);
    }
    if (option.get_expected_max() > 0 && option.get_type_size_max() > 0) {
        const std::string first = option.get_lnames().empty() ? option.get_type_name() : option.get_lnames().front();
        argument.value = upper(first);
        std::replace(argument.value.begin(), argument.value.end(), '-', '_');
    }
    return argument;
}

// Every command, depth first in the order they were added. The help flag is
// left out: every command has it, and the man page says so once.
void collect(const CLI::App& app, const std::string& path, std::vector<Command>& commands) {
    Command command;
    command.path = path;
    command.description = app.get_description();
    const CLI::App* parent = app.get_parent();
    if (parent && app.get_footer() != parent->get_footer()) command.footer = app.get_footer();
    for (const CLI::Option* option : app.get_options()) {
        if (option == app.get_help_ptr() || option == app.get_help_all_ptr() || option->get_group().empty()) continue;
        command.arguments.push_back(argument_of(*option));
    }
    std::vector<const CLI::App*> children;
    for (const CLI::App* child : app.get_subcommands({})) {
        if (child->get_name().empty() || child->get_group().empty()) continue;
        command.subcommands.push_back(child->get_name());
        children.push_back(child);
    }
    commands.push_back(command);
    for (const CLI::App* child : children) collect(*child, path.empty() ? child->get_name() : path + " " + child->get_name(), commands);
}

// Text for roff: backslashes and minus signs escaped, no line read as a request.
std::string roff(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
    }
    std::string guarded;
    std::istringstream lines(out);
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
        if (!first) guarded += '\n';
        first = false;
        if (!line.empty() && (line[0] == '.' || line[0] == '\'')) guarded += "\\&";
        guarded += line;
    }
    return guarded;
}

std::string synopsis_of(const Command& command) {
    std::string line = "\\fBfokus\\-cli " + roff(command.path) + "\\fR";
    for (const Argument& argument : command.arguments) {
        if (!argument.positional) continue;
        std::string word = "\\fI" + roff(argument.name) + "\\fR" + (argument.repeats ? "\\ ..." : "");
        line += " " + (argument.required ? word : "[" + word + "]");
    }
    if (std::any_of(command.arguments.begin(), command.arguments.end(), [](const Argument& a) { return !a.positional; }))
        line += " [\\fIOPTIONS\\fR]";
    if (!command.subcommands.empty()) line += " [\\fIACTION\\fR]";
    return line;
}

void write_arguments(const Command& command, std::ostream& out) {
    for (const Argument& argument : command.arguments) {
        out << ".TP\n";
        if (argument.positional) {
            out << "\\fI" << roff(argument.name) << "\\fR" << (argument.repeats ? " ..." : "") << '\n';
        } else {
            out << "\\fB" << roff(argument.name) << "\\fR";
            if (!argument.value.empty()) out << " \\fI" << roff(argument.value) << "\\fR";
            out << '\n';
        }
        out << roff(argument.description.empty() ? "(no description)" : argument.description) << '\n';
    }
}

// The footer's paragraphs, each line break within one a space.
std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> result;
    std::string current;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty()) {
            if (!current.empty()) result.push_back(current);
            current.clear();
        } else {
            current += (current.empty() ? "" : " ") + line;
        }
    }
    if (!current.empty()) result.push_back(current);
    return result;
}

std::string value_kind(const Argument& argument) {
    const std::string name = argument.positional ? argument.name
                                                 : (argument.long_names.empty() ? "" : upper(argument.long_names.front()));
    if (name == "PROJECT") return "project";
    if (name == "DOCUMENT" || name == "WITHOUT-DOCUMENT" || name.ends_with("_DOCUMENT")) return "document";
    if (name == "CODE") return "code";
    return "file";
}

std::string bash_quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

}  // namespace

void write_man_page(const CLI::App& app, const std::string& version, std::ostream& out) {
    std::vector<Command> commands;
    collect(app, "", commands);
    const Command& top = commands.front();
    out << ".\\\" Written by fokus-cli --man from the definitions of its commands.\n";
    out << ".TH FOKUS\\-CLI 1 \"\" \"Fokus " << version << "\" \"User Commands\"\n";
    out << ".SH NAME\nfokus\\-cli \\- code, search and analyse interview and focus\\-group transcripts from the command line\n";
    out << ".SH SYNOPSIS\n\\fBfokus\\-cli\\fR [\\fB\\-\\-coder\\fR \\fINAME\\fR] \\fICOMMAND\\fR \\fIPROJECT\\fR [\\fIARGUMENTS\\fR] [\\fIOPTIONS\\fR]\n";
    out << ".br\n\\fBfokus\\-cli\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR\n";
    out << ".SH DESCRIPTION\n" << roff(app.get_description()) << "\n.PP\n"
        << "Everything the workbench, \\fBfokus\\fR(1), does can be done with \\fBfokus\\-cli\\fR. Each change to a project "
           "is one step that \\fBfokus\\-cli undo\\fR takes back. Every command takes \\fB\\-h\\fR, \\fB\\-\\-help\\fR "
           "for its own options.\n";
    out << ".SH OPTIONS\n";
    write_arguments(top, out);
    out << ".SH COMMANDS\n";
    for (std::size_t i = 1; i < commands.size(); ++i) {
        const Command& command = commands[i];
        out << ".SS \"" << roff(command.path) << "\"\n" << synopsis_of(command) << "\n.PP\n"
            << roff(command.description) << '\n';
        if (!command.subcommands.empty()) {
            std::string actions;
            for (const auto& name : command.subcommands) actions += (actions.empty() ? "" : ", ") + ("\\fB" + roff(name) + "\\fR");
            out << ".PP\nActions: " << actions << ".\n";
        }
        write_arguments(command, out);
        for (const std::string& paragraph : paragraphs(command.footer)) out << ".PP\n" << roff(paragraph) << '\n';
    }
    for (const std::string& paragraph : paragraphs(app.get_footer())) {
        if (paragraph.rfind("Run '", 0) == 0) continue;  // said in DESCRIPTION
        if (paragraph.rfind("Exit codes:", 0) == 0) {
            out << ".SH \"EXIT STATUS\"\n" << roff(paragraph.substr(std::string("Exit codes: ").size())) << '\n';
        } else {
            out << ".SH NOTES\n" << roff(paragraph) << '\n';
        }
    }
    out << ".SH ENVIRONMENT\n.TP\n\\fBFOKUS_CODER\\fR\nThe name recorded with each change when \\fB\\-\\-coder\\fR is not given "
           "(else the login name).\n";
    out << ".SH FILES\n.TP\n\\fI/usr/share/fokus/sample/\\fR\nA coded sample study to try the commands on.\n"
           ".TP\n\\fI/usr/share/doc/fokus/guide/\\fR\nThe user guide, in Danish and English.\n";
    out << ".SH \"SEE ALSO\"\n\\fBfokus\\fR(1)\n";
}

void write_bash_completion(const CLI::App& app, std::ostream& out) {
    std::vector<Command> commands;
    collect(app, "", commands);
    out << "# bash completion for fokus-cli, written by fokus-cli --bash-completion from the\n"
           "# definitions of its commands.\n";
    out << "declare -gA _fokus_cli_subcommands=(\n";
    for (const Command& command : commands) {
        std::string names;
        for (const auto& name : command.subcommands) names += (names.empty() ? "" : " ") + name;
        out << "  [" << bash_quoted("fokus-cli" + (command.path.empty() ? "" : " " + command.path)) << "]="
            << bash_quoted(names) << '\n';
    }
    out << ")\ndeclare -gA _fokus_cli_options=(\n";
    for (const Command& command : commands) {
        std::string names = "--help";
        for (const Argument& argument : command.arguments)
            for (const auto& name : argument.long_names) names += " --" + name;
        out << "  [" << bash_quoted("fokus-cli" + (command.path.empty() ? "" : " " + command.path)) << "]="
            << bash_quoted(names) << '\n';
    }
    // What an option's value or a positional argument is, for what to offer.
    out << ")\ndeclare -gA _fokus_cli_values=(\n";
    for (const Command& command : commands) {
        const std::string key = "fokus-cli" + (command.path.empty() ? "" : " " + command.path);
        std::string positionals;
        for (const Argument& argument : command.arguments) {
            if (argument.positional) {
                positionals += (positionals.empty() ? "" : " ") + value_kind(argument) + (argument.repeats ? "*" : "");
            } else if (!argument.value.empty()) {
                for (const auto& name : argument.long_names)
                    out << "  [" << bash_quoted(key + " --" + name) << "]=" << bash_quoted(value_kind(argument)) << '\n';
            }
        }
        out << "  [" << bash_quoted(key + " #") << "]=" << bash_quoted(positionals) << '\n';
    }
    out << ")\n";
    out << R"BASH(
_fokus_cli_names() {
  local kind=$1 project=$2 cur=$3 name
  [ -f "$project" ] || return 0
  local IFS=$'\n'
  for name in $("${COMP_WORDS[0]}" --complete-names "$kind" "$project" 2>/dev/null); do
    [[ $name == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$name")")
  done
}

_fokus_cli_offer() {
  local kind=$1 project=$2 cur=$3
  case $kind in
    project) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -X '!*.fokus' -- "$cur") $(compgen -d -- "$cur")) ;;
    document|code) _fokus_cli_names "${kind}s" "$project" "$cur" ;;
    *) compopt -o default 2>/dev/null; COMPREPLY=() ;;
  esac
}

_fokus_cli() {
  local cur=${COMP_WORDS[COMP_CWORD]} command=fokus-cli project= word i=1 kind
  local -a positionals=()
  local -i taken=0
  COMPREPLY=()
  while (( i < COMP_CWORD )); do
    word=${COMP_WORDS[i]}
    if [[ $word == --*=* ]]; then
      :
    elif [[ $word == -* ]]; then
      if [ -n "${_fokus_cli_values["$command $word"]+set}" ] || [ -n "${_fokus_cli_values["fokus-cli $word"]+set}" ]; then ((i++)); fi
    elif [[ " ${_fokus_cli_subcommands[$command]} " == *" $word "* ]]; then
      command="$command $word"; taken=0
    else
      read -ra positionals <<< "${_fokus_cli_values["$command #"]}"
      kind=${positionals[taken]:-${positionals[-1]:-}}
      [ "${kind%\*}" = project ] && project=$word
      ((taken++))
    fi
    ((i++))
  done
  word=${COMP_WORDS[COMP_CWORD-1]}
  if (( COMP_CWORD > 1 )) && [[ $word == -* ]]; then
    kind=${_fokus_cli_values["$command $word"]:-${_fokus_cli_values["fokus-cli $word"]:-}}
    if [ -n "$kind" ]; then _fokus_cli_offer "$kind" "$project" "$cur"; return 0; fi
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "${_fokus_cli_options[$command]}" -- "$cur"))
    return 0
  fi
  read -ra positionals <<< "${_fokus_cli_values["$command #"]}"
  kind=${positionals[taken]:-}
  [ -z "$kind" ] && [ ${#positionals[@]} -gt 0 ] && [[ ${positionals[-1]} == *\* ]] && kind=${positionals[-1]}
  if [ -n "$kind" ]; then
    _fokus_cli_offer "${kind%\*}" "$project" "$cur"
  fi
  if [ -z "$kind" ] || [ "$command" = fokus-cli ]; then
    COMPREPLY+=($(compgen -W "${_fokus_cli_subcommands[$command]}" -- "$cur"))
  fi
  return 0
}
complete -F _fokus_cli fokus-cli
)BASH";
}

void write_names(const Context& context, const std::string& kind, const std::string& project_path, std::ostream& out) {
    auto project = context.open(project_path, false);
    if (kind == "documents") {
        for (const Document& document : DocumentStore(project).all()) out << document.name << '\n';
    } else if (kind == "codes") {
        for (const Code& code : CodeStore(project).all()) out << code.name << '\n';
    } else {
        throw InputError("--complete-names takes documents or codes, not \"" + kind + "\"");
    }
}

std::optional<int> answer_reference_request(const CLI::App& app, const Context& context, int argc, char** argv) {
    if (argc < 2) return std::nullopt;
    const std::string request = argv[1];
    if (request == "--man" && argc == 2) {
        write_man_page(app, FOKUS_VERSION, std::cout);
        return ok;
    }
    if (request == "--bash-completion" && argc == 2) {
        write_bash_completion(app, std::cout);
        return ok;
    }
    if (request == "--complete-names" && argc == 4) {
        try {
            write_names(context, argv[2], argv[3], std::cout);
            return ok;
        } catch (const std::exception& error) {
            std::cerr << "fokus-cli: " << error.what() << '\n';
            return refused;
        }
    }
    return std::nullopt;
}

}  // namespace fokus::cli
