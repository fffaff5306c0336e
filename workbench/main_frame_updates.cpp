// The main window following the project's changes: each view redoes only
// what shows what an action, undo or redo changed.
#include <wx/stc/stc.h>

#include <set>
#include <vector>

#include "coding/changes.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "workbench/agreement_view.h"
#include "workbench/bikva_view.h"
#include "workbench/code_tree.h"
#include "workbench/condensation_view.h"
#include "workbench/contrast_view.h"
#include "workbench/cooccurrence_view.h"
#include "workbench/crosstab_view.h"
#include "workbench/document_tree.h"
#include "workbench/main_frame.h"
#include "workbench/memo_view.h"
#include "workbench/quote_set_view.h"
#include "workbench/search_pane.h"
#include "workbench/segments_list.h"
#include "workbench/transcript_view.h"
#include "workbench/view_updates.h"

namespace fokus::workbench {

// Each view redoes only what shows the change: the code and document trees
// their counts (or themselves, when codes or documents changed), the
// transcript the stretch of text whose codings changed, the tabs what they list.
void MainFrame::follow_changes(const Changes& changes) {
    try {
        // The codes' keys are kept in project_info.
        const bool codes_changed = changes.touches("codes") || changes.touches("code_sets") || changes.touches("code_set_members") ||
                                   changes.touches("project_info");
        if (codes_changed) {
            codes_->populate(project_);
        } else if (changes.touches("codings")) {
            codes_->refresh_counts(project_, changes.coded_codes());
        }
        if (changes.touches("documents") || changes.touches("document_attributes")) {
            documents_->populate(project_);
            if (const auto document = transcript_->document()) documents_->mark(*document);
        } else if (changes.touches("codings")) {
            documents_->refresh_counts(project_, changes.coded_documents());
        }
        follow_in_transcript(changes);
        if (changes.touches("document_attributes")) search_->populate(project_);
        updates_->changed(changes);
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::follow_in_transcript(const Changes& changes) {
    const auto document = transcript_->document();
    if (!document) return;
    if (changes.documents.count(*document)) {
        // Its text, turns or name changed (undo, redo and pseudonymisation
        // can change the text itself), or it is gone.
        const bool still_there = [&] {
            try {
                DocumentStore(project_).get(*document);
                return true;
            } catch (const NotFoundError&) {
                return false;
            }
        }();
        if (!still_there) {
            transcript_->clear();
            return;
        }
        const int first_line = transcript_->editor()->GetFirstVisibleLine();
        open_document(*document);
        transcript_->editor()->SetFirstVisibleLine(first_line);
    } else if (changes.touches("codes")) {
        // Colours and names may have changed everywhere.
        transcript_->update_codings(visible_codings(*document), CodeStore(project_).all());
    } else if (const auto changed = changes.coded_span_in(*document)) {
        // Only the codings that changed are read again, not every coding of a long document.
        std::set<Id> changed_codings;
        for (const auto& coding : changes.codings) {
            if (coding.document == *document) changed_codings.insert(coding.coding);
        }
        std::vector<Coding> codings;
        CodingStore store(project_);
        for (const Id id : changed_codings) {
            try {
                const auto coding = store.get(id);
                if (coding.document == *document && (!blind_ || coding.coder_name == project_.coder_name())) codings.push_back(coding);
            } catch (const NotFoundError&) {
                // Removed.
            }
        }
        transcript_->update_codings_within(changed_codings, std::move(codings), *changed);
    }
}

// After a change no announcement told of: every view anew.
void MainFrame::refresh_everything() {
    try {
        codes_->populate(project_);
        documents_->populate(project_);
        search_->populate(project_);
        if (const auto document = transcript_->document()) {
            Changes all;
            all.documents.insert(*document);
            follow_in_transcript(all);
        }
        updates_->everything_changed();
    } catch (const std::exception& error) {
        report(error);
    }
}

// Which changes each tab shows, and how it is brought up to date.
void MainFrame::watch_views() {
    updates_ = std::make_unique<ViewUpdates>(*bottom_);
    const auto guarded = [this](auto refresh) {
        return [this, refresh] {
            try {
                refresh();
            } catch (const std::exception& error) {
                report(error);
            }
        };
    };
    using Show = ViewUpdates::OnShow;
    // What the analyses count: codings, codes, and the documents, speakers and attributes they are grouped by.
    const auto coded_material = ViewUpdates::any_of({"codings", "codes", "code_sets", "code_set_members", "documents", "document_attributes",
                                                     "participants", "participant_attributes", "speakers", "turns"});
    updates_->watch(
        segments_,
        [this](const Changes& changes) {
            return retrieved_ && (changes.coded_codes().count(*retrieved_) || changes.touches("codes") || changes.touches("documents") ||
                                  changes.touches("turns") || changes.touches("speakers") || changes.touches("participants"));
        },
        guarded([this] {
            if (!retrieved_) return;
            try {
                CodeStore(project_).get(*retrieved_);
            } catch (const NotFoundError&) {
                // Its code was deleted: nothing is retrieved any more.
                retrieved_.reset();
                segments_->show_segments(project_, {});
                return;
            }
            retrieve(*retrieved_);
        }));
    updates_->watch(cooccurrence_, coded_material, guarded([this] {
                        if (cooccurrence_shown_) cooccurrence_->refresh(project_);
                    }));
    updates_->watch(crosstab_, coded_material, guarded([this] { crosstab_->refresh(project_); }), Show::Always);
    updates_->watch(contrast_, coded_material, guarded([this] { contrast_->refresh(project_); }), Show::Always);
    updates_->watch(bikva_, ViewUpdates::any_of({"links", "documents", "document_attributes", "turns", "speakers"}),
                    guarded([this] { bikva_->refresh(project_); }), Show::Always);
    updates_->watch(agreement_, ViewUpdates::any_of({"codings", "codes", "documents", "coders"}), guarded([this] { agreement_->refresh(project_); }),
                    Show::Always);
    updates_->watch(quote_sets_, ViewUpdates::any_of({"quote_sets", "quotes", "codings", "codes", "documents"}),
                    guarded([this] { quote_sets_->refresh(project_); }), Show::Always);
    updates_->watch(memos_, ViewUpdates::any_of({"memos", "codes", "codings", "documents"}), guarded([this] { memos_->refresh(project_); }),
                    Show::Always);
    updates_->watch(condensations_, ViewUpdates::any_of({"condensations", "codings", "codes", "documents", "document_attributes"}),
                    guarded([this] { condensations_->refresh(project_); }), Show::Always);
}

}  // namespace fokus::workbench
