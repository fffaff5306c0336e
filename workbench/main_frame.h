#pragma once
// The main window: documents, transcript, codes and retrieved segments in
// dockable panes. Every change goes through the core as one user action.
#include <wx/aui/aui.h>
#include <wx/frame.h>

#include <memory>

#include "coding/project.h"

namespace fokus::workbench {

class DocumentTree;
class CodeTree;
class SegmentsList;
class TranscriptView;

class MainFrame : public wxFrame {
public:
    MainFrame(Project project, bool remember_layout);
    ~MainFrame() override;

    // The user's actions, also driven by the scripted test.
    void open_document(Id document);
    void code_selection(Id code);
    void code_with_key(int number);
    void uncode_at_caret();
    void undo();
    void redo();
    void retrieve(Id code);
    bool select_text(const std::string& text);
    bool save_screenshot(const wxString& path);

    Project& project() { return project_; }

private:
    void build_menus();
    void refresh_after_change(const wxString& message);
    void update_status();
    void on_key(wxKeyEvent& event);
    void report(const std::exception& error);

    Project project_;
    bool remember_layout_;
    wxAuiManager aui_;
    DocumentTree* documents_;
    CodeTree* codes_;
    TranscriptView* transcript_;
    SegmentsList* segments_;
};

}  // namespace fokus::workbench
