#include "workbench/script_runner.h"

#include <wx/app.h>
#include <wx/bookctrl.h>
#include <wx/statusbr.h>
#include <wx/treectrl.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "coding/codes.h"
#include "coding/quote_sets.h"
#include "coding/documents.h"
#include "workbench/agreement_view.h"
#include "workbench/bikva_linking.h"
#include "workbench/code_tree.h"
#include "workbench/contrast_view.h"
#include "workbench/main_frame.h"
#include "workbench/segments_list.h"
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

// A key as a person presses it ("Ctrl+Shift+Z", "2", "Delete"), sent as real
// key events to whatever has the focus, so that focus and routing are tested too.
bool press_keys(const std::string& spec) {
    int modifiers = wxMOD_NONE;
    std::string rest = spec;
    for (const auto& [name, flag] : {std::pair{"Ctrl+", wxMOD_CONTROL}, std::pair{"Shift+", wxMOD_SHIFT}, std::pair{"Alt+", wxMOD_ALT}}) {
        if (const auto at = rest.find(name); at != std::string::npos) {
            modifiers |= flag;
            rest.erase(at, std::string(name).size());
        }
    }
    int key = 0;
    if (rest.size() == 1) key = static_cast<unsigned char>(rest[0]);
    else if (rest == "Delete") key = WXK_DELETE;
    else if (rest == "Enter") key = WXK_RETURN;
    else if (rest == "Escape") key = WXK_ESCAPE;
    else if (rest == "Space") key = WXK_SPACE;
    else if (rest == "Tab") key = WXK_TAB;
    else if (rest == "Down") key = WXK_DOWN;
    else if (rest == "Up") key = WXK_UP;
    else if (rest == "Home") key = WXK_HOME;
    else if (rest == "End") key = WXK_END;
    else return false;
    if (key >= 'A' && key <= 'Z' && modifiers == wxMOD_NONE) key += 'a' - 'A';
    wxUIActionSimulator simulator;
    if (!simulator.Char(key, modifiers)) return false;
    wxYield();
    return true;
}

// A drag with the left button, as real mouse events, in steps as a hand moves.
bool drag_mouse(wxPoint from, wxPoint to) {
    wxUIActionSimulator simulator;
    simulator.MouseMove(from);
    wxYield();
    simulator.MouseDown();
    wxYield();
    for (int step = 1; step <= 5; ++step) {
        simulator.MouseMove(from + (to - from) * step / 5);
        wxMilliSleep(20);
        wxYield();
    }
    simulator.MouseUp();
    wxYield();
    wxMilliSleep(50);
    wxYield();
    return true;
}

// A click with the left button, as real mouse events.
bool click_mouse(wxPoint at) {
    wxUIActionSimulator simulator;
    simulator.MouseMove(at);
    wxYield();
    simulator.MouseClick();
    wxYield();
    wxMilliSleep(50);
    wxYield();
    return true;
}

// A click with the left button on the left of the control of this name, after
// choosing the tab that holds it, as a user would.
bool click_window(const std::string& name) {
    auto* window = wxWindow::FindWindowByName(to_wx(name));
    if (!window) return false;
    for (wxWindow* page = window; page && page->GetParent(); page = page->GetParent()) {
        if (auto* book = dynamic_cast<wxBookCtrlBase*>(page->GetParent())) {
            if (const int index = book->FindPage(page); index != wxNOT_FOUND) book->SetSelection(static_cast<std::size_t>(index));
        }
    }
    wxYield();
    if (!window->IsShownOnScreen()) return false;
    return click_mouse(window->GetScreenRect().GetPosition() + wxPoint(8, window->GetSize().GetHeight() / 2));
}

// Where the code tree shows the code named `name`, on the screen.
std::optional<wxPoint> code_tree_point(wxWindow& code_tree, const std::string& name) {
    wxTreeCtrl* tree = nullptr;
    for (auto* child : code_tree.GetChildren()) {
        if ((tree = dynamic_cast<wxTreeCtrl*>(child))) break;
    }
    if (!tree) return std::nullopt;
    const wxString wanted = to_wx(name);
    std::vector<wxTreeItemId> pending{tree->GetRootItem()};
    while (!pending.empty()) {
        const auto item = pending.back();
        pending.pop_back();
        if (!item.IsOk()) continue;
        // Labels carry a key before the name ("1  ") and a count after it ("  (3)").
        wxString label = tree->GetItemText(item);
        if (const int gap = label.Find("  "); gap != wxNOT_FOUND && gap <= 8 && label.Left(gap).find_first_not_of("0123456789+CtrlAlShift") == wxString::npos) {
            label = label.Mid(static_cast<std::size_t>(gap) + 2);
        }
        if (const auto count = label.rfind("  ("); count != wxString::npos && label.EndsWith(")")) label = label.Left(count);
        if (label == wanted) {
            tree->EnsureVisible(item);
            wxYield();
            wxRect rect;
            if (!tree->GetBoundingRect(item, rect, true)) return std::nullopt;
            return tree->ClientToScreen(wxPoint(rect.x + std::min(rect.width / 2, 40), rect.y + rect.height / 2));
        }
        wxTreeItemIdValue cookie;
        for (auto child = tree->GetFirstChild(item, cookie); child.IsOk(); child = tree->GetNextChild(item, cookie)) {
            pending.insert(pending.begin(), child);
        }
    }
    return std::nullopt;
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

void ScriptRunner::step(wxTimerEvent&) {
    if (next_ >= commands_.size()) return;
    const auto command = commands_[next_++];
    std::cerr << "script: " << command << std::endl;
    if (!run(command)) {
        ++failures_;
        std::cerr << "script: failed: " << command << std::endl;
    }
    if (next_ < commands_.size()) timer_.StartOnce(600);
}

bool ScriptRunner::run(const std::string& command) {
    const auto space = command.find(' ');
    const std::string verb = command.substr(0, space);
    const std::string argument = space == std::string::npos ? std::string() : command.substr(space + 1);
    try {
        if (verb == "open") {
            frame_.open_document(DocumentStore(frame_.project()).resolve(argument).id);
        } else if (verb == "timed") {
            // The action and the repaint it causes, as the researcher waits for both.
            const auto started = std::chrono::steady_clock::now();
            const bool done = run(argument);
            frame_.Update();
            const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - started;
            std::cout << "timing\t" << argument << "\t" << elapsed.count() << std::endl;
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
            frame_.describe_code(CodeStore(frame_.project()).resolve(parts[0]).id, parts[1], parts[2], parts[3], parts[4]);
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
        } else if (verb == "status") {
            const std::string shown = from_wx(frame_.GetStatusBar()->GetStatusText(0));
            if (shown.find(argument) != std::string::npos) return true;
            std::cerr << "script: the status bar says \"" << shown << "\"" << std::endl;
            return false;
        } else if (verb == "wait") {
            wxMilliSleep(static_cast<unsigned long>(std::stoul(argument)));
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
