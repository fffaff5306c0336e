#pragma once
// The main window: documents, transcript, codes and retrieved segments in
// dockable panes. Every change goes through the core as one user action;
// this window only asks the core and shows the answer.
//
// main_frame.cpp holds the layout; its parts are in files of their own:
// _commands (commands, menus, keys), _updates (following the project's
// changes), _coding (coding in the transcript, undo, retrieval), _transcript
// (its menu, selection for scripts), _search, _import, _anonymity,
// _exchange (merge, REFI-QDA), _quotes (quote sets, memos) and _analyses;
// the code tree's actions and BIKVA linking are classes of their own.
#include <wx/aui/aui.h>
#include <wx/frame.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "coding/codings.h"
#include "coding/memos.h"
#include "coding/merge.h"
#include "coding/project.h"
#include "importers/anonymity.h"
#include "importers/batch.h"
#include "search/index.h"
#include "workbench/commands.h"

class wxAuiNotebook;
class wxMenu;

namespace fokus::workbench {

class DocumentTree;
class CodeTree;
class CodeTreeActions;
class AgreementView;
class QuoteSetView;
class MemoView;
class ContrastView;
class CondensationView;
class BikvaView;
class BikvaLinking;
class CooccurrenceView;
class CrosstabView;
class SearchPane;
class SegmentsList;
class TranscriptView;
class ViewUpdates;
class WorkProgress;
struct MergeSource;

class MainFrame : public wxFrame {
public:
    MainFrame(Project project, bool remember_settings);
    ~MainFrame() override;

    // The user's actions, also driven by the scripted test.
    void open_document(Id document);
    void code_selection(Id code);
    // A code key ("4", "Shift+5"): codes the selection with the code that has it.
    void code_with_key(const std::string& key);
    // Asks which key should code with the code; assign_key also gives it, as one step.
    void ask_and_assign_key(Id code);
    bool assign_key(Id code, const std::string& key);
    // For scripts: where a drag of the selected passage onto the code presses and releases the mouse.
    std::optional<std::pair<wxPoint, wxPoint>> drop_points(const std::string& code);
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
    // The code tree's menu, editor, new codes, deleting, moving and merging.
    CodeTreeActions& code_tree_actions() { return *code_tree_actions_; }
    // For scripts: select the first occurrence of `text`, or put the caret at its start.
    bool select_text(const std::string& text);
    bool select_span(Span span);
    void scroll_transcript(int lines);
    bool put_caret_at(const std::string& text);
    // For scripts: where a drag from inside the first word of `from` to inside
    // the last word of `to` (found after it) presses and releases the mouse.
    std::optional<std::pair<wxPoint, wxPoint>> drag_points(const std::string& from, const std::string& to);
    bool save_screenshot(const wxString& path);
    // Searches as if typed in the search pane, and shows its tab.
    void search(const std::string& query);
    // Brings the search index up to date in the background (anew: builds it
    // from the project again); a search asked for meanwhile runs when it is ready.
    void prepare_search_index(bool anew);
    // Codes every hit of the last search with the first code matching `typed`.
    bool code_search_hits(const std::string& typed);
    std::size_t search_hit_count() const;
    void show_cooccurrence();
    // What to do with the anonymisation check's findings after an import.
    enum class Findings { Review, ReplaceAll, Keep };
    // Starts importing in the background, with a progress bar whose Cancel
    // stops between files; the new transcripts are then checked. False when
    // the import could not start; whether it added anything is known when the
    // background work is done (last_work_failed).
    bool import_transcripts(const std::vector<std::filesystem::path>& inputs, importers::BatchOptions options,
                            const std::vector<std::string>& names, Findings findings);
    bool open_cooccurrence_cell(const std::string& row, const std::string& column);
    // Scrolls the heatmap in the tab in front; false when that tab has none.
    bool scroll_heatmap(int right, int down);
    // Shows codes by the attribute ("municipality", "participant.role"); false when no document has it.
    bool show_crosstab(const std::string& attribute);
    bool open_crosstab_cell(const std::string& code, const std::string& value);
    std::size_t show_bikva_chains();
    // Compares the coders (all who coded, when empty) by the unit; then a code's disagreements.
    bool show_agreement(const std::vector<std::string>& coders, const std::string& unit);
    bool show_disagreements(const std::string& code);
    void set_blind(bool blind);
    // Merges another project (.fokus or .qdpx) into this one as one undoable
    // step; with `confirm`, its dry run is shown first for the user to settle.
    bool merge_project(const std::filesystem::path& other, bool take_theirs, bool confirm);
    // Whether the last background work that changes the project (an import, a
    // merge, an export) failed or did nothing; scripts ask once it is done.
    bool last_work_failed() const { return last_work_failed_; }
    // Adds codings as quotes to a set (asked for when none is given); one step of undo.
    bool add_to_quote_set(const std::vector<Id>& codings, std::optional<Id> set = std::nullopt);
    std::vector<Id> retrieved_codings() const;
    bool show_quote_set(const std::string& name);
    bool export_quote_set(const std::string& path);
    // Writes the project as REFI-QDA in the background, as it is now.
    bool export_qdpx(const std::string& path);
    // Opens the memo editor on a new memo for the target; write_memo also saves it.
    void start_memo(const MemoTarget& target);
    bool write_memo(const MemoTarget& target, const std::string& title, const std::string& text);
    std::optional<Id> current_document() const;
    // A comment on a coding, and a coding moved to another code; one step of undo each.
    bool comment_coding(Id coding, const std::string& comment);
    bool recode(Id coding, Id code);
    // Groups the document tree by a document attribute; false when no document has it.
    bool group_documents(const std::string& attribute);
    // Shows a code's segments for two values of an attribute; false unless both are found and something is shown.
    // Writes a condensation cell as if typed: columns by an attribute (or documents when empty).
    bool condense(const std::string& columns, const std::string& code, const std::string& column, const std::string& text);
    bool show_contrast(const std::string& item, const std::string& attribute, const std::string& left, const std::string& right);
    std::vector<Id> codings_at_caret() const;
    // Runs a command by its registered name ("edit.undo"), as its menu item or key would.
    bool run_command(const std::string& name);
    // Puts the keyboard focus in "transcript" or "search", as a click would.
    bool focus(const std::string& what);

    Project& project() { return project_; }
    // A number a view shows, read as a researcher would, with its tab brought
    // to the front: "segments" (rows retrieved), "transcript" (codings
    // highlighted), "cooccurrence ROW|COLUMN" (segments in the cell, by code
    // names; 0 for a code left out as unused). None when there is no such view.
    std::optional<std::int64_t> shown_count(const std::string& what);
    // The views and the linking, for scripts that look at what they show.
    BikvaLinking& bikva_linking() { return *bikva_linking_; }
    AgreementView& agreement_view() { return *agreement_; }
    SegmentsList& segments_list() { return *segments_; }
    ContrastView& contrast_view() { return *contrast_; }
    CodeTree& code_tree() { return *codes_; }
    // Where the chains view draws a link ("remove:7"), scrolled into view; for a script's click.
    std::optional<wxPoint> bikva_link_point(const std::string& href);

private:
    // codings, codes: an action on this window's connection, and history: its
    // undo or redo; the views followed it as the project announced it
    // (follow_changes). anything: a change no announcement told of (made on
    // another connection, or by a merge or an import): every view is brought
    // up to date.
    enum class Changed { codings, codes, history, anything };

    // The commands, menus, toolbar and keys (main_frame_commands.cpp).
    void register_commands();
    void build_menus();
    void build_toolbar();
    void open_another_project(const wxString& path);
    void step_through_history(bool back);
    void refresh_after_change(Changed changed, const wxString& message);
    // What the project announced an action, undo or redo changed, shown where it is seen.
    void follow_changes(const Changes& changes);
    void follow_in_transcript(const Changes& changes);
    void refresh_everything();
    void watch_views();
    void update_status();
    void update_undo_labels();
    void show_context_menu();
    void on_key(wxKeyEvent& event);
    void report(const std::exception& error);
    // BIKVA linking (main_frame_bikva.cpp).
    void connect_bikva_linking();
    void search_index_ready(bool built);
    std::optional<search::SearchResult> run_search(const std::string& query, const search::SearchOptions& options);
    void code_hits(const std::vector<search::Hit>& hits, search::HitLevel level, const std::vector<std::size_t>& chosen, Id code);
    std::optional<Id> ask_for_code();
    void ask_and_import();
    void ask_and_merge();
    // The steps of a merge after the background work: the preview settled by
    // the user, then the outcome shown.
    void settle_merge(std::shared_ptr<Project> merging, std::shared_ptr<const MergeSource> source, MergeOptions options,
                      const MergeReport& preview);
    void merged(const MergeOptions& options, const MergeReport& report, std::size_t left_out);
    // Background work that changes the project failed: the window shows it and the project as it is.
    void work_failed(const std::exception& error);
    std::optional<Id> ask_for_quote_set();
    void quote_selection();
    void ask_and_export_qdpx();
    void imported(const importers::BatchReport& outcome, const std::set<Id>& before, const std::vector<std::string>& names,
                  Findings findings);
    void check_new_documents(const std::vector<Id>& documents, const std::vector<std::string>& names, Findings findings);
    // Anonymisation (main_frame_anonymity.cpp).
    void replace_identifying(const std::vector<importers::Finding>& found, bool permanent);
    std::optional<std::vector<std::string>> ask_for_names(const wxString& title);
    void ask_and_check_anonymity();
    void ask_and_check_files();
    void ask_and_share();
    void inform(const wxString& message);
    std::vector<Coding> visible_codings(Id document);
    void show_tab(wxWindow* page);
    void grow_bottom_pane();
    void fit_to_display();
    void show_pane(const char* name, bool shown);
    void reset_layout();
    void open_user_guide();
    void show_about();

    Project project_;
    bool remember_settings_;
    wxAuiManager aui_;
    wxString first_layout_;
    CommandRegistry commands_;
    bool can_undo_ = false;
    bool can_redo_ = false;
    DocumentTree* documents_;
    CodeTree* codes_;
    TranscriptView* transcript_;
    SegmentsList* segments_;
    wxAuiNotebook* bottom_;
    SearchPane* search_;
    CooccurrenceView* cooccurrence_;
    CrosstabView* crosstab_;
    BikvaView* bikva_;
    std::unique_ptr<BikvaLinking> bikva_linking_;
    std::unique_ptr<CodeTreeActions> code_tree_actions_;
    AgreementView* agreement_;
    QuoteSetView* quote_sets_;
    MemoView* memos_;
    ContrastView* contrast_;
    CondensationView* condensations_;
    // Blind coding: only the current coder's codings are shown.
    bool blind_ = false;
    std::vector<std::string> anonymity_names_;  // as last given, for the next check
    bool cooccurrence_shown_ = false;
    // The code whose segments the Retrieved segments tab lists.
    std::optional<Id> retrieved_;
    std::unique_ptr<ViewUpdates> updates_;
    int subscription_ = 0;
    // Opened at the first search once prepared; declared after project_, so closed before it.
    std::optional<search::Index> index_;
    bool indexing_ = false;
    std::optional<std::string> pending_query_;  // asked for while the index was being prepared
    // Over the window while background work changes the project.
    std::unique_ptr<WorkProgress> progress_;
    bool last_work_failed_ = false;
    wxMenu* recent_menu_ = nullptr;
};

}  // namespace fokus::workbench
