#include "workbench/code_editor.h"

#include <wx/clrpicker.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "workbench/strings.h"

namespace fokus::workbench {

CodeEditor::CodeEditor(wxWindow* parent, const CodeDescription& code, std::int64_t codings)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Code \"%s\""), to_wx(code.name)), wxDefaultPosition, wxSize(640, 560),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    name_ = new wxTextCtrl(this, wxID_ANY, to_wx(code.name));
    colour_ = new wxColourPickerCtrl(this, wxID_ANY, wxColour(to_wx(code.colour)));
    definition_ = new wxTextCtrl(this, wxID_ANY, to_wx(code.definition), wxDefaultPosition, wxSize(-1, 140), wxTE_MULTILINE);
    memo_ = new wxTextCtrl(this, wxID_ANY, to_wx(code.memo), wxDefaultPosition, wxSize(-1, 140), wxTE_MULTILINE);
    definition_->SetHint(_("When is a passage coded so, and when not"));
    memo_->SetHint(_("Your notes on the code: doubts, ideas, decisions of the group"));

    auto* top = new wxFlexGridSizer(2, wxSize(8, 8));
    top->AddGrowableCol(1);
    top->Add(new wxStaticText(this, wxID_ANY, _("Name")), 0, wxALIGN_CENTER_VERTICAL);
    top->Add(name_, 1, wxEXPAND);
    top->Add(new wxStaticText(this, wxID_ANY, _("Colour")), 0, wxALIGN_CENTER_VERTICAL);
    top->Add(colour_, 0);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(top, 0, wxEXPAND | wxALL, 8);
    column->Add(new wxStaticText(this, wxID_ANY, _("Definition")), 0, wxLEFT | wxRIGHT, 8);
    column->Add(definition_, 1, wxEXPAND | wxALL, 8);
    column->Add(new wxStaticText(this, wxID_ANY, _("Memo")), 0, wxLEFT | wxRIGHT, 8);
    column->Add(memo_, 1, wxEXPAND | wxALL, 8);
    column->Add(new wxStaticText(this, wxID_ANY, wxString::Format(wxPLURAL("Used in %lld coding.", "Used in %lld codings.", codings),
                                                                   static_cast<long long>(codings))),
                0, wxLEFT | wxRIGHT, 8);
    column->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
    SetSizer(column);
}

CodeDescription CodeEditor::edited() const {
    return CodeDescription{from_wx(name_->GetValue()), from_wx(colour_->GetColour().GetAsString(wxC2S_HTML_SYNTAX)),
                           from_wx(definition_->GetValue()), from_wx(memo_->GetValue())};
}

}  // namespace fokus::workbench
