// Writes fokus(1) from the workbench's own table of its command line, at
// build time, so the page says what `fokus --help` says.
#include <iostream>
#include <string>

#include "workbench/command_line_options.h"

namespace {

std::string roff(const std::string& text) {
    std::string out;
    for (const char c : text) out += c == '-' ? std::string("\\-") : c == '\\' ? std::string("\\e") : std::string(1, c);
    return out;
}

}  // namespace

int main() {
    using namespace fokus::workbench;
    std::cout << ".\\\" Written at build time from the workbench's table of its command line.\n"
              << ".TH FOKUS 1 \"\" \"Fokus " FOKUS_VERSION "\" \"User Commands\"\n"
              << ".SH NAME\nfokus \\- workbench for qualitative analysis of interview and focus\\-group transcripts\n"
              << ".SH SYNOPSIS\n\\fBfokus\\fR";
    for (const CommandLineOption& option : command_line_options()) {
        std::cout << " [\\fB\\-\\-" << roff(option.name) << "\\fR";
        if (option.value) std::cout << " \\fI" << roff(option.value) << "\\fR";
        std::cout << "]";
    }
    std::cout << " [\\fI" << roff(project_argument_description) << "\\fR]\n"
              << ".SH DESCRIPTION\n"
                 "\\fBfokus\\fR opens a Fokus project (\\fI.fokus\\fR): transcripts to code with a code tree, search in "
                 "Danish, compare codes across municipalities, roles and BIKVA stages, follow BIKVA chains, condense, "
                 "write memos, collect quotes, and undo any step. Started without a project, it shows a welcome page: "
                 "a new project, a project to open, the sample study, a REFI\\-QDA project to import, and the recent "
                 "projects. A REFI\\-QDA project (\\fI.qdpx\\fR) given instead is imported into a new project, and a REFI\\-QDA "
                 "codebook (\\fI.qdc\\fR) starts a new project with its codes.\n.PP\nEverything the workbench does can also be done with \\fBfokus\\-cli\\fR(1).\n"
              << ".SH OPTIONS\n";
    for (const CommandLineOption& option : command_line_options()) {
        std::cout << ".TP\n\\fB\\-\\-" << roff(option.name) << "\\fR";
        if (option.value) std::cout << " \\fI" << roff(option.value) << "\\fR";
        std::cout << '\n' << roff(option.description) << '\n';
    }
    std::cout << ".SH ENVIRONMENT\n.TP\n\\fBFOKUS_CODER\\fR\nThe name recorded with each change (else the login name).\n"
              << ".SH FILES\n.TP\n\\fI~/.config/fokus/fokus.conf\\fR\nSettings: the language, the recent projects, "
                 "whether the tour is shown.\n"
              << ".TP\n\\fI/usr/share/fokus/sample/sample.fokus\\fR\nThe coded sample study; the welcome page opens a copy.\n"
              << ".TP\n\\fI/usr/share/doc/fokus/guide/\\fR\nThe user guide, in Danish and English (Help ▸ User guide).\n"
              << ".SH \"SEE ALSO\"\n\\fBfokus\\-cli\\fR(1)\n";
}
