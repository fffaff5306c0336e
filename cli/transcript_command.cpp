// export-transcript: a coded transcript to print.
#include <iostream>
#include <memory>

#include "cli/context.h"
#include "coding/documents.h"
#include "coding/segments.h"
#include "exporters/coded_transcript.h"

namespace fokus::cli {

void add_transcript_command(CLI::App& app, Context& context) {
    struct Options {
        std::string path, document, output, format;
        std::vector<std::string> codes;
        std::size_t line_width = 60;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("export-transcript",
                                       "A document as a coded transcript to read on paper (.docx, .odt, .pdf): numbered lines, "
                                       "timestamps, speakers, codes in the margin");
    command->add_option("PROJECT", options->path, "The project file")->required();
    command->add_option("DOCUMENT", options->document, "The document, by name or id")->required();
    command->add_option("OUTPUT", options->output, "The file to write: .docx, .odt or .pdf (PDF through LibreOffice)")->required();
    command->add_option("--format", options->format, "docx, odt or pdf, when the file's name does not say");
    command->add_option("--code", options->codes, "Only this code's codings in the margin, or theme:NAME (repeat for several)");
    command->add_option("--line-width", options->line_width, "Characters a line holds at most")
        ->check(CLI::Range(std::size_t{20}, std::size_t{200}))
        ->capture_default_str();
    command->callback([&context, options] {
        auto project = context.open(options->path, false);
        const auto document = DocumentStore(project).resolve(options->document);
        exporters::TranscriptOptions transcript_options;
        transcript_options.line_width = options->line_width;
        for (const auto& code : options->codes) {
            for (const Id id : resolve_item(project, code).codes) transcript_options.codes.push_back(id);
        }
        auto format_name = options->format;
        if (format_name.empty()) {
            format_name = std::filesystem::path(options->output).extension().string();
            if (!format_name.empty()) format_name.erase(0, 1);
        }
        const auto format = exporters::parse_transcript_format(format_name);
        const auto transcript = exporters::coded_transcript(project, document.id, transcript_options);
        exporters::write_transcript(options->output, transcript, format);
        std::size_t marks = 0;
        for (const auto& entry : transcript.legend) marks += static_cast<std::size_t>(entry.codings);
        std::cout << "Wrote " << options->output << ": " << transcript.lines.size() << " lines, " << marks << " codings of "
                  << transcript.legend.size() << " codes in the margin\n";
    });
}

}  // namespace fokus::cli
