#include "workbench/bikva_view.h"

#include <wx/html/htmlcell.h>

#include "analysis/bikva_chains.h"
#include "coding/documents.h"
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

// The four BIKVA stages by who speaks in them.
wxString stage_name(const std::optional<int>& stage) {
    if (!stage) return _("Stage unknown");
    switch (*stage) {
        case 1: return _("Stage 1: users");
        case 2: return _("Stage 2: frontline staff");
        case 3: return _("Stage 3: management");
        case 4: return _("Stage 4: politicians");
        default: return wxString::Format(_("Stage %d"), *stage);
    }
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

// A link's note, and the way to take the link away again.
wxString link_footer(const Link* link) {
    if (!link) return {};
    wxString html = "<br>";
    if (!link->note.empty()) html += "<i>" + wxString(_("Note:")) + " " + escape(link->note) + "</i> &nbsp; ";
    return html + wxString::Format("<font size=\"-1\"><a href=\"remove:%lld\">", static_cast<long long>(link->id)) +
           wxString(_("remove link")) + "</a></font>";
}

const Link* find_link(const std::vector<Link>& links, Link::Kind kind, const SpanRef& from, const SpanRef& to) {
    for (const auto& link : links) {
        if (link.kind == kind && link.from == from && link.to == to) return &link;
    }
    return nullptr;
}

// The cell whose link is `href`, depth first.
const wxHtmlCell* find_link_cell(const wxHtmlCell* cell, const wxString& href) {
    for (; cell; cell = cell->GetNext()) {
        if (const auto* info = cell->GetLink(); info && info->GetHref() == href && !cell->GetFirstChild()) return cell;
        if (const auto* inner = find_link_cell(cell->GetFirstChild(), href)) return inner;
    }
    return nullptr;
}

}  // namespace

BikvaView::BikvaView(wxWindow* parent) : wxHtmlWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO) {
    SetBorders(8);
    Bind(wxEVT_HTML_LINK_CLICKED, [this](wxHtmlLinkEvent& event) {
        const wxString href = event.GetLinkInfo().GetHref();
        long long document = 0, start = 0, end = 0;
        if (wxString id; href.StartsWith("remove:", &id)) {
            long long link = 0;
            if (id.ToLongLong(&link) && remove_) remove_(link);
        } else if (std::sscanf(href.utf8_str(), "%lld:%lld:%lld", &document, &start, &end) == 3 && jump_) {
            jump_(document, Span{start, end});
        }
    });
}

void BikvaView::refresh(Project& project) {
    const auto chains = bikva_chains(project);
    const auto links = LinkStore(project).all();
    chains_ = chains.size();
    links_ = links.size();
    wxString html = "<html><body>";
    if (marked_) {
        try {
            DocumentStore documents(project);
            html += "<table width=\"100%\" cellpadding=\"6\" cellspacing=\"0\" border=\"0\"><tr><td bgcolor=\"#FFF4D6\"><b>" +
                    wxString(_("Marked statement")) + "</b> &nbsp; <font color=\"#555555\">" + escape(documents.get(marked_->document).name) +
                    "</font><br>" + escape(documents.excerpt(marked_->document, marked_->span)) + "<br><font size=\"-1\">" +
                    wxString(_("Select where it was read out, or a reaction to it, in a later stage's transcript; then right-click "
                               "and choose \"Present the marked statement here\" or \"Mark as reaction to the marked statement\".")) +
                    "</font></td></tr></table>";
        } catch (const std::exception&) {
            marked_.reset();  // its document is gone
        }
    }
    html += "<h3>" + wxString(_("Statements carried forward")) + "</h3>";
    if (chains.empty()) {
        html += "<p>" + wxString(_("No statement has been linked yet. Select a statement in its transcript, right-click and choose "
                                   "\"Mark as BIKVA statement\"; then select where it was read out, or a reaction, in a later "
                                   "stage's transcript.")) + "</p>";
    }
    // The statement on the left, where it went and what it met on the right: the
    // width is used, so that a chain is seen without scrolling.
    for (const auto& chain : chains) {
        html += "<table width=\"100%\" cellpadding=\"6\" cellspacing=\"0\" border=\"0\"><tr><td width=\"38%\" valign=\"top\" "
                "bgcolor=\"#EEF2F8\"><b>" + stage_name(chain.statement.stage) + "</b><br>" + passage(chain.statement) +
                "</td><td valign=\"top\">";
        wxString later;
        const auto add_group = [&](const wxString& heading, const wxString& items) {
            later += (later.empty() ? "" : "<br><br>") + wxString("<b>") + heading + "</b><br>" + items;
        };
        if (!chain.presented.empty()) {
            wxString items;
            for (const auto& place : chain.presented) {
                items += (items.empty() ? "" : "<br><br>") + passage(place) +
                         link_footer(find_link(links, Link::Kind::PresentedTo, chain.statement.where, place.where));
            }
            add_group(_("Read out at"), items);
        }
        for (const auto& [stage, reactions] : chain.reactions) {
            wxString items;
            for (const auto& reaction : reactions) {
                items += (items.empty() ? "" : "<br><br>") + passage(reaction) +
                         link_footer(find_link(links, Link::Kind::Reaction, reaction.where, chain.statement.where));
            }
            add_group(wxString::Format(_("Reactions, %s"), stage_name(stage ? std::optional<int>(stage) : std::nullopt)), items);
        }
        html += later + "</td></tr></table><br>";
    }
    const auto advice = good_advice(project);
    html += "<h3>" + wxString(_("Good advice to the next level")) + "</h3>";
    if (advice.empty()) {
        html += "<p>" + wxString(_("Nothing is coded \"Gode råd\" yet. Select the advice in the transcript, right-click and choose "
                                   "\"Write down as good advice\".")) + "</p>";
    }
    for (const auto& [stage, segments] : advice) {
        html += "<p><b>" + stage_name(stage ? std::optional<int>(stage) : std::nullopt) + "</b></p><ul>";
        for (const auto& segment : segments) html += "<li>" + passage(segment) + "</li>";
        html += "</ul>";
    }
    const int scrolled = GetViewStart().y;
    SetPage(html + "</body></html>");
    Scroll(-1, scrolled);
}

std::optional<wxPoint> BikvaView::screen_point_of_link(const wxString& href) {
    const auto* cell = find_link_cell(GetInternalRepresentation(), href);
    if (!cell) return std::nullopt;
    const wxPoint at = cell->GetAbsPos();
    int unit_x = 1, unit_y = 1;
    GetScrollPixelsPerUnit(&unit_x, &unit_y);
    if (unit_y > 0) Scroll(-1, std::max(0, (at.y - GetClientSize().GetHeight() / 3) / unit_y));
    const wxPoint client = CalcScrolledPosition(wxPoint(at.x + cell->GetWidth() / 2, at.y + cell->GetHeight() / 2));
    if (!GetClientRect().Contains(client)) return std::nullopt;
    return ClientToScreen(client);
}

}  // namespace fokus::workbench
