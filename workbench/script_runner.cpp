#include "workbench/script_runner.h"

#include <wx/app.h>
#include <wx/statusbr.h>
#include <wx/utils.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>

#include "coding/codes.h"
#include "coding/quote_sets.h"
#include "coding/documents.h"
#include "workbench/agreement_view.h"
#include "workbench/bikva_linking.h"
#include "workbench/code_tree.h"
#include "workbench/code_tree_actions.h"
#include "workbench/contrast_view.h"
#include "workbench/background_work.h"
#include "workbench/main_frame.h"
#include "workbench/segments_list.h"
#include "workbench/simulated_input.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

// "a|b|c" as its parts; with `most`, the last part keeps any further bars.
std::vector<std::string> split_at_bars(const std::string& argument, std::size_t most = 0) {
    std::vector<std::string> parts;
    for (std::string rest = argument;;) {
        const auto bar = rest.find('|');
        if (bar == std::string::npos || (most > 0 && parts.size() + 1 == most)) {
            parts.push_back(rest);
            return parts;
        }
        parts.push_back(rest.substr(0, bar));
        rest = rest.substr(bar + 1);
    }
}

double thread_cpu_milliseconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

// What a view shows, on standard output, for the test to compare.
bool print_shown(MainFrame& frame, const std::string& what) {
    const auto space = what.find(' ');
    const std::string view = what.substr(0, space);
    const std::string argument = space == std::string::npos ? std::string() : what.substr(space + 1);
    if (view == "agreement") {
        const wxString row = frame.agreement_view().shown_row(argument);
        std::cout << "shown\tagreement\t" << argument << "\t" << from_wx(row) << std::endl;
        return !row.empty();
    }
    if (view == "agreement-caption") {
        std::cout << "shown\tagreement-caption\t" << from_wx(frame.agreement_view().caption()) << std::endl;
        return true;
    }
    if (view == "segments") {
        for (const auto& row : frame.segments_list().shown_rows()) std::cout << "shown\tsegments\t" << from_wx(row) << std::endl;
        return true;
    }
    if (view == "contrast") {
        const auto& contrast = frame.contrast_view();
        std::cout << "shown\tcontrast\t" << from_wx(contrast.chosen_item()) << "\t" << contrast.left_count() << "\t"
                  << contrast.right_count() << std::endl;
        return true;
    }
    if (view == "bikva") {
        std::cout << "shown\tbikva\t" << frame.show_bikva_chains() << std::endl;
        return true;
    }
    return false;
}

}  // namespace

std::vector<std::string> read_script(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> commands;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.front() != '#') commands.push_back(line);
    }
    return commands;
}

ScriptRunner::ScriptRunner(MainFrame& frame, std::vector<std::string> commands)
    : frame_(frame), commands_(std::move(commands)), timer_(this) {
    Bind(wxEVT_TIMER, &ScriptRunner::step, this);
}

void ScriptRunner::start() { timer_.StartOnce(800); }

// Verbs whose work goes on in the background; whether it did what was asked
// is known only when it is done.
bool works_in_background(const std::string& verb) {
    return verb == "import" || verb == "import-and-replace" || verb == "merge" || verb == "export-quotes" || verb == "export-qdpx";
}

void ScriptRunner::step(wxTimerEvent&) {
    if (next_ >= commands_.size()) return;
    const auto command = commands_[next_];
    const std::string verb = command.substr(0, command.find(' '));
    // Each step waits for the background work of those before it, as a
    // researcher waits for an import to finish; "close" is the exception, to
    // show that the window can go while the work is under way. Work held back
    // for a test is not waited for, or the test could not go on to release it.
    if (verb != "close" && background_work_running() > 0 && !background_work_held()) {
        timer_.StartOnce(20);
        return;
    }
    if (!awaited_.empty()) {
        if (frame_.last_work_failed()) {
            ++failures_;
            std::cerr << "script: failed in the background: " << awaited_ << std::endl;
        }
        awaited_.clear();
    }
    ++next_;
    std::cerr << "script: " << command << std::endl;
    if (!run(command)) {
        ++failures_;
        std::cerr << "script: failed: " << command << std::endl;
    } else if (works_in_background(verb)) {
        awaited_ = command;
    }
    if (next_ < commands_.size()) timer_.StartOnce(250);
}

bool ScriptRunner::run(const std::string& command) {
    const auto space = command.find(' ');
    const std::string verb = command.substr(0, space);
    const std::string argument = space == std::string::npos ? std::string() : command.substr(space + 1);
    try {
        if (verb == "open") {
            frame_.open_document(DocumentStore(frame_.project()).resolve(argument).id);
        } else if (verb == "timed") {
            // The action and the repaint it causes, as the researcher waits for
            // both: work it left for later (CallAfter) is done, and every
            // window it made dirty is painted, before the clock stops.
            // Beside the time waited, the window's own processor time: on a
            // busy machine the one grows with the load, the other does not.
            const auto started = std::chrono::steady_clock::now();
            const double cpu_started = thread_cpu_milliseconds();
            const bool done = run(argument);
            wxTheApp->ProcessPendingEvents();
            const auto acted = std::chrono::steady_clock::now();
            frame_.Update();
            const auto painted = std::chrono::steady_clock::now();
            const std::chrono::duration<double, std::milli> elapsed = painted - started;
            const std::chrono::duration<double, std::milli> painting = painted - acted;
            std::cout << "timing\t" << argument << "\t" << elapsed.count() << "\t" << painting.count() << "\t"
                      << thread_cpu_milliseconds() - cpu_started << std::endl;
            return done;
        } else if (verb == "select-span") {
            const auto space_at = argument.find(' ');
            if (space_at == std::string::npos) return false;
            return frame_.select_span(Span{std::stoll(argument.substr(0, space_at)), std::stoll(argument.substr(space_at + 1))});
        } else if (verb == "scroll") {
            frame_.scroll_transcript(std::stoi(argument));
        } else if (verb == "select") {
            return frame_.select_text(argument);
        } else if (verb == "caret") {
            return frame_.put_caret_at(argument);
        } else if (verb == "key") {
            frame_.code_with_key(argument);
        } else if (verb == "assign-key") {
            // assign-key CODE|KEY (KEY empty for none), as the code's "Assign key…" does
            const auto parts = split_at_bars(argument, 2);
            return parts.size() == 2 && frame_.assign_key(CodeStore(frame_.project()).resolve(parts[0]).id, parts[1]);
        } else if (verb == "drag-to-code") {
            // drag-to-code CODE: the selected passage dragged with the mouse onto the code in the code tree
            const auto points = frame_.drop_points(argument);
            return points && drag_mouse(points->first, points->second);
        } else if (verb == "click") {
            // click NAME: a left click on the middle of the control of that name
            return click_window(argument);
        } else if (verb == "pick") {
            return frame_.pick_code(argument);
        } else if (verb == "invivo") {
            frame_.code_in_vivo();
        } else if (verb == "uncode") {
            frame_.uncode_at_caret();
        } else if (verb == "undo") {
            frame_.undo();
        } else if (verb == "redo") {
            frame_.redo();
        } else if (verb == "retrieve") {
            frame_.retrieve(CodeStore(frame_.project()).resolve(argument).id);
        } else if (verb == "search") {
            frame_.search(argument);
            return frame_.search_hit_count() > 0;
        } else if (verb == "code-hits") {
            return frame_.code_search_hits(argument);
        } else if (verb == "import" || verb == "import-and-replace") {
            // import FOLDER[|NAME,NAME]: with the folder's manifest.csv and participants.csv when present.
            const auto bar = argument.find('|');
            const std::filesystem::path folder = argument.substr(0, bar);
            importers::BatchOptions options;
            if (std::filesystem::exists(folder / "manifest.csv")) options.manifest = (folder / "manifest.csv").string();
            if (std::filesystem::exists(folder / "participants.csv")) options.participants = (folder / "participants.csv").string();
            std::vector<std::string> names;
            for (std::string rest = bar == std::string::npos ? "" : argument.substr(bar + 1); !rest.empty();) {
                const auto comma = rest.find(',');
                names.push_back(rest.substr(0, comma));
                rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
            }
            return frame_.import_transcripts({folder}, options, names,
                                             verb == "import" ? MainFrame::Findings::Keep : MainFrame::Findings::ReplaceAll);
        } else if (verb == "describe") {
            // describe CODE|NEW NAME|#COLOUR|DEFINITION|MEMO
            const auto parts = split_at_bars(argument);
            if (parts.size() != 5) return false;
            frame_.code_tree_actions().describe(CodeStore(frame_.project()).resolve(parts[0]).id, parts[1], parts[2], parts[3], parts[4]);
        } else if (verb == "agreement") {
            // agreement UNIT[|CODER,CODER...]
            const auto bar = argument.find('|');
            std::vector<std::string> coders;
            for (std::string rest = bar == std::string::npos ? "" : argument.substr(bar + 1); !rest.empty();) {
                const auto comma = rest.find(',');
                coders.push_back(rest.substr(0, comma));
                rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
            }
            return frame_.show_agreement(coders, argument.substr(0, bar));
        } else if (verb == "quote-retrieved") {
            // quote-retrieved SET: every retrieved segment into the named quote set
            const auto set = QuoteSetStore(frame_.project()).resolve(argument).id;
            return frame_.add_to_quote_set(frame_.retrieved_codings(), set);
        } else if (verb == "quote-set") {
            return frame_.show_quote_set(argument);
        } else if (verb == "export-quotes") {
            return frame_.export_quote_set(argument);
        } else if (verb == "memo-document" || verb == "memo-coding") {
            // memo-document TITLE|TEXT on the open document; memo-coding TITLE|TEXT on the first coding at the caret
            const auto bar = argument.find('|');
            if (bar == std::string::npos) return false;
            MemoTarget target;
            if (verb == "memo-document") {
                const auto document = frame_.current_document();
                if (!document) return false;
                target = MemoTarget{MemoTarget::Kind::Document, *document};
            } else {
                const auto here = frame_.codings_at_caret();
                if (here.empty()) return false;
                target = MemoTarget{MemoTarget::Kind::Coding, here.front()};
            }
            return frame_.write_memo(target, argument.substr(0, bar), argument.substr(bar + 1));
        } else if (verb == "condense") {
            // condense COLUMNS|CODE|COLUMN|TEXT (COLUMNS empty for documents; the text may hold bars)
            const auto parts = split_at_bars(argument, 4);
            return parts.size() == 4 && frame_.condense(parts[0], parts[1], parts[2], parts[3]);
        } else if (verb == "comment-coding") {
            // comment-coding TEXT on the first coding at the caret
            const auto here = frame_.codings_at_caret();
            return !here.empty() && frame_.comment_coding(here.front(), argument);
        } else if (verb == "recode") {
            // recode CODE: the first coding at the caret moves to that code
            const auto here = frame_.codings_at_caret();
            return !here.empty() && frame_.recode(here.front(), CodeStore(frame_.project()).resolve(argument).id);
        } else if (verb == "group-by") {
            return frame_.group_documents(argument);
        } else if (verb == "contrast") {
            // contrast CODE|ATTRIBUTE|LEFT|RIGHT
            const auto parts = split_at_bars(argument);
            return parts.size() == 4 && frame_.show_contrast(parts[0], parts[1], parts[2], parts[3]);
        } else if (verb == "merge") {
            // merge PATH[|theirs]: no questions asked, as from a script
            const auto bar = argument.find('|');
            return frame_.merge_project(argument.substr(0, bar), bar != std::string::npos && argument.substr(bar + 1) == "theirs", false);
        } else if (verb == "disagreements") {
            return frame_.show_disagreements(argument);
        } else if (verb == "blind") {
            frame_.set_blind(argument != "off");
        } else if (verb == "crosstab") {
            return frame_.show_crosstab(argument);
        } else if (verb == "crosstab-cell") {
            const auto bar = argument.find('|');
            return bar != std::string::npos && frame_.open_crosstab_cell(argument.substr(0, bar), argument.substr(bar + 1));
        } else if (verb == "bikva") {
            frame_.show_bikva_chains();
        } else if (verb == "cooccurrence") {
            frame_.show_cooccurrence();
        } else if (verb == "scroll-heatmap") {
            // scroll-heatmap RIGHT DOWN: in scroll steps
            const auto space_at = argument.find(' ');
            if (space_at == std::string::npos) return false;
            return frame_.scroll_heatmap(std::stoi(argument.substr(0, space_at)), std::stoi(argument.substr(space_at + 1)));
        } else if (verb == "cell") {
            const auto bar = argument.find('|');
            if (bar == std::string::npos) return false;
            return frame_.open_cooccurrence_cell(argument.substr(0, bar), argument.substr(bar + 1));
        } else if (verb == "screenshot") {
            wxYield();
            return frame_.save_screenshot(to_wx(argument));
        } else if (verb == "command") {
            return frame_.run_command(argument);
        } else if (verb == "focus") {
            return frame_.focus(argument);
        } else if (verb == "drag") {
            const auto parts = split_at_bars(argument, 2);
            if (parts.size() != 2) return false;
            const auto points = frame_.drag_points(parts[0], parts[1]);
            return points && drag_mouse(points->first, points->second);
        } else if (verb == "click-code") {
            const auto point = code_tree_point(frame_.code_tree(), argument);
            return point && click_mouse(*point);
        } else if (verb == "click-link") {
            const auto point = frame_.bikva_link_point(argument);
            return point && click_mouse(*point);
        } else if (verb == "note") {
            frame_.bikva_linking().answer_next_note(argument);
        } else if (verb == "shown") {
            wxYield();
            return print_shown(frame_, argument);
        } else if (verb == "press") {
            return press_keys(argument);
        } else if (verb == "expect") {
            // expect WHAT = N: the view shows N (MainFrame::shown_count)
            const auto equals = argument.rfind(" = ");
            if (equals == std::string::npos) return false;
            const auto shown = frame_.shown_count(argument.substr(0, equals));
            const auto expected = std::stoll(argument.substr(equals + 3));
            if (shown == expected) return true;
            std::cerr << "script: " << argument.substr(0, equals) << " shows " << (shown ? std::to_string(*shown) : "nothing") << std::endl;
            return false;
        } else if (verb == "status") {
            const std::string shown = from_wx(frame_.GetStatusBar()->GetStatusText(0));
            if (shown.find(argument) != std::string::npos) return true;
            std::cerr << "script: the status bar says \"" << shown << "\"" << std::endl;
            return false;
        } else if (verb == "wait") {
            wxMilliSleep(static_cast<unsigned long>(std::stoul(argument)));
        } else if (verb == "hold-work") {
            hold_background_work(argument != "off");
        } else if (verb == "export-qdpx") {
            return frame_.export_qdpx(argument);
        } else if (verb == "close") {
            std::cerr << "script: closing with " << background_work_running() << " background work under way" << std::endl;
            next_ = commands_.size();  // nothing is left to run the steps on
            frame_.Close(true);
        } else if (verb == "quit") {
            wxTheApp->ExitMainLoop();
            frame_.Destroy();
        } else {
            return false;
        }
        return true;
    } catch (const std::exception& error) {
        std::cerr << "script: " << error.what() << std::endl;
        return false;
    }
}

}  // namespace fokus::workbench
