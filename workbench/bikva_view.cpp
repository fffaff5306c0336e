#include "workbench/bikva_view.h"

#include "analysis/bikva_chains.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

wxString escape(const std::string& text) {
    wxString escaped;
    for (const auto c : to_wx(text)) {
        if (c == '<') escaped += "&lt;";
        else if (c == '>') escaped += "&gt;";
        else if (c == '&') escaped += "&amp;";
        else if (c == '\n') escaped += "<br>";
        else escaped += c;
    }
    return escaped;
}

wxString stage_name(const std::optional<int>& stage) {
    return stage ? wxString::Format(_("Stage %d"), *stage) : wxString(_("Stage unknown"));
}

// One passage: who said it, where, the words, and its codes; a link to the text.
wxString passage(const ChainSegment& segment) {
    wxString html = wxString::Format("<a href=\"%lld:%lld:%lld\">", static_cast<long long>(segment.where.document),
                                     static_cast<long long>(segment.where.span.start), static_cast<long long>(segment.where.span.end));
    html += "<font color=\"#555555\">" + escape(segment.document) + (segment.speaker.empty() ? wxString() : " · " + escape(segment.speaker)) +
            "</font></a><br>" + escape(segment.text);
    if (!segment.codes.empty()) {
        wxString codes;
        for (const auto& code : segment.codes) codes += (codes.empty() ? "" : ", ") + escape(code);
        html += "<br><font size=\"-1\" color=\"#1F4E99\">" + codes + "</font>";
    }
    return html;
}

}  // namespace

BikvaView::BikvaView(wxWindow* parent) : wxHtmlWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO) {
    SetBorders(8);
    Bind(wxEVT_HTML_LINK_CLICKED, [this](wxHtmlLinkEvent& event) {
        long long document = 0, start = 0, end = 0;
        if (std::sscanf(event.GetLinkInfo().GetHref().utf8_str(), "%lld:%lld:%lld", &document, &start, &end) == 3 && jump_) {
            jump_(document, Span{start, end});
        }
    });
}

void BikvaView::refresh(Project& project) {
    const auto chains = bikva_chains(project);
    chains_ = chains.size();
    wxString html = "<html><body><h3>" + wxString(_("Statements carried forward")) + "</h3>";
    if (chains.empty()) {
        html += "<p>" + wxString(_("No statement has been linked yet. Link a passage to where it was read out at a later "
                                   "stage, and the reactions there to it (fokus-cli bikva present / react).")) + "</p>";
    }
    for (const auto& chain : chains) {
        html += "<table width=\"100%\" cellpadding=\"4\" cellspacing=\"0\" border=\"0\"><tr><td bgcolor=\"#EEF2F8\"><b>" +
                stage_name(chain.statement.stage) + "</b><br>" + passage(chain.statement) + "</td></tr>";
        for (const auto& [stage, reactions] : chain.reactions) {
            html += "<tr><td><blockquote><b>" + wxString::Format(_("Reactions, stage %d"), stage) + "</b>";
            for (const auto& reaction : reactions) html += "<p>" + passage(reaction) + "</p>";
            html += "</blockquote></td></tr>";
        }
        html += "</table><br>";
    }
    const auto advice = good_advice(project);
    html += "<h3>" + wxString(_("Good advice to the next level")) + "</h3>";
    if (advice.empty()) html += "<p>" + wxString(_("Nothing is coded \"Gode råd\" yet.")) + "</p>";
    for (const auto& [stage, segments] : advice) {
        html += "<p><b>" + stage_name(stage ? std::optional<int>(stage) : std::nullopt) + "</b></p><ul>";
        for (const auto& segment : segments) html += "<li>" + passage(segment) + "</li>";
        html += "</ul>";
    }
    SetPage(html + "</body></html>");
}

}  // namespace fokus::workbench
