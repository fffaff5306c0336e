#include "workbench/pane_tour.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/config.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace fokus::workbench {

namespace {
constexpr const char* tour_setting = "/Interface/ShowTour";
}

bool tour_wanted() {
    bool wanted = true;
    wxConfig::Get()->Read(tour_setting, &wanted);
    return wanted;
}

void set_tour_wanted(bool wanted) {
    wxConfig::Get()->Write(tour_setting, wanted);
    wxConfig::Get()->Flush();
}

void show_pane_tour(wxWindow* parent) {
    wxDialog dialog(parent, wxID_ANY, _("A short tour of Fokus"));
    auto* page = new wxBoxSizer(wxVERTICAL);
    const wxString stops[][2] = {
        {_("Documents, on the left"), _("The transcripts with their attributes (municipality, BIKVA stage …). Click one to read it.")},
        {_("The transcript, in the middle"), _("Select words and press a code's key, drag them onto a code, or Ctrl+I to code them in vivo. The stripes beside the text show the codings.")},
        {_("Codes, on the right"), _("The code tree with counts. Click a code to see its segments below, double-click it to code the selected words, right-click it to rename, describe or merge it.")},
        {_("The tabs below"), _("Retrieved segments, search, co-occurrence, crosstab, BIKVA chains, agreement between coders, quote sets, contrast, condensation and memos.")},
        {_("Undo"), _("Every step can be undone with Ctrl+Z and redone with Ctrl+Y.")},
    };
    for (const auto& stop : stops) {
        auto* heading = new wxStaticText(&dialog, wxID_ANY, stop[0]);
        heading->SetFont(heading->GetFont().Bold());
        auto* text = new wxStaticText(&dialog, wxID_ANY, stop[1]);
        text->Wrap(dialog.FromDIP(480));
        page->Add(heading, 0, wxLEFT | wxRIGHT | wxTOP, dialog.FromDIP(14));
        page->Add(text, 0, wxLEFT | wxRIGHT, dialog.FromDIP(14));
    }
    auto* again = new wxCheckBox(&dialog, wxID_ANY, _("Show this tour when a project opens"));
    again->SetValue(tour_wanted());
    page->Add(again, 0, wxALL, dialog.FromDIP(14));
    page->Add(dialog.CreateStdDialogButtonSizer(wxOK), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, dialog.FromDIP(14));
    dialog.SetSizerAndFit(page);
    dialog.CentreOnParent();
    dialog.ShowModal();
    set_tour_wanted(again->GetValue());
}

}  // namespace fokus::workbench
