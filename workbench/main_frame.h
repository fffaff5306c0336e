#pragma once
// The main window: documents, transcript, codes and retrieved segments in
// dockable panes. Every change goes through the core as one user action;
// this window only asks the core and shows the answer.
#include <wx/aui/aui.h>
#include <wx/frame.h>

#include <memory>
#include <string>

#include "coding/project.h"

class wxMenu;

namespace fokus::workbench {

class DocumentTree;
class CodeTree;
class SegmentsList;
class TranscriptView;

class MainFrame : public wxFrame {
public:
    MainFrame(Project project, bool remember_settings);
    ~MainFrame() override;

    // The user's actions, also driven by the scripted test.
    void open_document(Id document);
    void code_selection(Id code);
    void code_with_key(int number);
    void code_with_selected_code();
    // Ctrl+K: the code picker; `typed` (for scripts) picks the first match without the dialog.
    void pick_code();
    bool pick_code(const std::string& typed);
    // Ctrl+I: a new code named by the selected words, applied to them, as one step.
    void code_in_vivo();
    void uncode_at_caret();
    void uncode(Id coding);
    void undo();
    void redo();
    void retrieve(Id code);
    // For scripts: select the first occurrence of `text`, or put the caret at its start.
    bool select_text(const std::string& text);
    bool put_caret_at(const std::string& text);
    bool save_screenshot(const wxString& path);

    Project& project() { return project_; }

private:
    enum class Changed { codings, codes, anything };

    void build_menus();
    void build_toolbar();
    void open_another_project(const wxString& path);
    void refresh_after_change(Changed changed, const wxString& message);
    void update_status();
    void update_undo_labels();
    void show_context_menu();
    void on_key(wxKeyEvent& event);
    void report(const std::exception& error);

    Project project_;
    bool remember_settings_;
    wxAuiManager aui_;
    DocumentTree* documents_;
    CodeTree* codes_;
    TranscriptView* transcript_;
    SegmentsList* segments_;
    wxMenu* recent_menu_ = nullptr;
};

}  // namespace fokus::workbench
