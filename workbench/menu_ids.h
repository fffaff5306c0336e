#pragma once
// Window ids of the main window's commands and of its context menus' choices,
// and the fields of its status bar.
#include <wx/defs.h>

namespace fokus::workbench {

enum MenuId {
    undo_id = wxID_HIGHEST + 1,
    redo_id,
    code_selected_id,
    pick_code_id,
    in_vivo_id,
    uncode_id,
    search_id,
    cooccurrence_id,
    crosstab_id,
    bikva_id,
    agreement_id,
    blind_id,
    import_id,
    merge_id,
    export_qdpx_id,
    anonymity_check_id,
    deep_check_id,
    share_id,
    quote_selection_id,
    language_danish_id,
    language_english_id,
    language_system_id,
    memo_document_id,
    view_documents_id,
    view_codes_id,
    view_segments_id,
    view_reset_id,
    about_id,
    readme_id,
    contrast_id,
    condensation_id,
    reindex_id,
    first_uncode_choice_id,
    last_uncode_choice_id = first_uncode_choice_id + 50,
    first_memo_choice_id,
    last_memo_choice_id = first_memo_choice_id + 50,
    first_comment_choice_id,
    last_comment_choice_id = first_comment_choice_id + 50,
    first_recode_choice_id,
    last_recode_choice_id = first_recode_choice_id + 50,
};

enum StatusField { message_field = 0, position_field = 1, codings_field = 2 };

}  // namespace fokus::workbench
