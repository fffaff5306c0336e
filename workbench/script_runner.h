#pragma once
// Drives the workbench from a script file, one command a line, through the
// same code paths as the user's keys and clicks. Used by the GUI test:
//   open NAME | select TEXT | select-span START END | caret TEXT | scroll LINES | key N | pick TYPED | invivo |
//   uncode | undo | redo | retrieve CODE | search QUERY | code-hits TYPED |
//   import FOLDER[|NAMES] | import-and-replace FOLDER|NAMES | crosstab ATTRIBUTE |
//   drag FROM|TO (a real mouse drag from inside FROM to inside TO) | command NAME | focus transcript|search | press KEY (a real key event: "Ctrl+Z", "2", "Delete") | status TEXT |
//   click-code NAME (a real click on the code in the code tree) | click-link HREF (a real click on a chains view link, "remove:7") |
//   note TEXT (the next BIKVA link's note, without asking) | shown agreement CODE|agreement-caption|segments|contrast|bikva
//   (prints "shown<TAB>VIEW<TAB>..." with what the view shows) | press also takes Space, Tab, Down, Up, Home, End |
//   crosstab-cell CODE|VALUE | bikva | agreement UNIT[|CODERS] | disagreements CODE | blind [off] | describe CODE|NAME|#COLOUR|DEFINITION|MEMO | cooccurrence | cell ROW CODE|COLUMN CODE | screenshot PATH | wait MS | quit
// "timed COMMAND" runs the command, repaints, and prints "timing<TAB>COMMAND<TAB>ms".
#include <wx/timer.h>

#include <string>
#include <vector>

namespace fokus::workbench {

class MainFrame;

class ScriptRunner : public wxEvtHandler {
public:
    ScriptRunner(MainFrame& frame, std::vector<std::string> commands);
    void start();
    int failures() const { return failures_; }

private:
    void step(wxTimerEvent& event);
    bool run(const std::string& command);

    MainFrame& frame_;
    std::vector<std::string> commands_;
    std::size_t next_ = 0;
    int failures_ = 0;
    std::string awaited_;  // the step whose background work is still to be judged
    wxTimer timer_;
};

std::vector<std::string> read_script(const std::string& path);

}  // namespace fokus::workbench
