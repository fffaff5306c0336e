#include "workbench/segments_list.h"

#include <wx/dcclient.h>
#include <wx/htmllbox.h>
#include <wx/menu.h>
#include <wx/settings.h>
#include <wx/sizer.h>

#include <algorithm>
#include <map>

#include "coding/attributes.h"
#include "coding/documents.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

// The first two columns' widths for the list's width, in pixels: a share of
// it, within bounds, so that a wide window gives its room to the text. The
// header and the rows use the same.
struct ColumnWidths {
    int document;
    int coder;
};
ColumnWidths column_widths(int width) {
    return {std::clamp(width * 22 / 100, 110, 230), std::clamp(width * 11 / 100, 70, 140)};
}
// How much of the text around a segment is shown, at most, in characters.
constexpr std::size_t context_length = 60;
const char* const dimmed = "#8A8A8A";

wxString escape(const wxString& text) {
    wxString escaped;
    for (const auto c : text) {
        if (c == '<') escaped += "&lt;";
        else if (c == '>') escaped += "&gt;";
        else if (c == '&') escaped += "&amp;";
        else if (c == '\n') escaped += ' ';
        else escaped += c;
    }
    return escaped;
}

bool is_space(wxUniChar c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The words just before the segment, within its line and after `floor` (where
// the turn's words begin, after the speaker's label), cut at a word.
// Positions are code points, as wxString indexes them.
wxString words_before(const wxString& text, std::size_t start, std::size_t floor) {
    std::size_t from = start;
    while (from > floor && text[from - 1] != '\n' && start - from < context_length) --from;
    const bool cut = from > floor && text[from - 1] != '\n';
    if (cut) {
        while (from < start && !is_space(text[from])) ++from;  // not half a word
    }
    wxString words = text.Mid(from, start - from);
    words.Trim(false).Trim(true);
    if (words.empty()) return {};
    return cut ? wxString::FromUTF8("…") + words : words;
}

wxString words_after(const wxString& text, std::size_t end) {
    std::size_t to = end;
    while (to < text.length() && text[to] != '\n' && to - end < context_length) ++to;
    const bool cut = to < text.length() && text[to] != '\n';
    if (cut) {
        while (to > end && !is_space(text[to - 1])) --to;
    }
    wxString words = text.Mid(end, to - end);
    words.Trim(true).Trim(false);
    if (words.empty()) return {};
    return cut ? words + wxString::FromUTF8("…") : words;
}

}  // namespace

// The rows, each laid out as HTML so that the text wraps; only the rows in
// view are laid out.
class SegmentRows : public wxHtmlListBox {
public:
    explicit SegmentRows(wxWindow* parent) : wxHtmlListBox(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLB_MULTIPLE) {}

    void show(std::vector<SegmentsList::Row> rows) {
        rows_ = std::move(rows);
        DeselectAll();
        SetItemCount(rows_.size());
        ScrollToRow(0);
        RefreshAll();
    }
    const std::vector<SegmentsList::Row>& rows() const { return rows_; }

private:
    wxString OnGetItem(size_t n) const override {
        const auto& row = rows_[n];
        const auto widths = column_widths(GetClientSize().GetWidth());
        wxString html = wxString::Format("<table width=\"100%%\" cellpadding=\"3\" cellspacing=\"0\"><tr>"
                                          "<td width=\"%d\" valign=\"top\">",
                                          widths.document);
        html += "<font size=\"-1\">" + escape(row.document);
        if (!row.speaker.empty()) html += "<br><b>" + escape(row.speaker) + "</b>";
        html += wxString::Format("</font></td><td width=\"%d\" valign=\"top\"><font size=\"-1\">", widths.coder) + escape(row.coders) +
                "</font></td><td valign=\"top\">";
        if (!row.before.empty()) html += "<font color=\"" + wxString(dimmed) + "\">" + escape(row.before) + " </font>";
        html += escape(row.text);
        if (!row.after.empty()) html += "<font color=\"" + wxString(dimmed) + "\"> " + escape(row.after) + "</font>";
        return html + "</td></tr></table>";
    }

    // A thin line between rows, so that wrapped rows stay apart.
    void OnDrawSeparator(wxDC& dc, wxRect& rect, size_t) const override {
        dc.SetPen(wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_3DLIGHT)));
        dc.DrawLine(rect.GetLeft(), rect.GetBottom(), rect.GetRight() + 1, rect.GetBottom());
        rect.height -= 1;
    }

    std::vector<SegmentsList::Row> rows_;
};

namespace {

// The column titles above the rows, where the rows' columns begin.
class SegmentsHeader : public wxWindow {
public:
    explicit SegmentsHeader(wxWindow* parent) : wxWindow(parent, wxID_ANY) {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        SetMinSize(wxSize(-1, GetCharHeight() + 8));
        Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
            Refresh();
            event.Skip();
        });
        Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
            wxPaintDC dc(this);
            dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE)));
            dc.Clear();
            dc.SetFont(GetFont().Bold());
            dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_BTNTEXT));
            const int width = GetClientSize().GetWidth();
            const int y = 4;
            // The rows' table is inside the list's border; 3 pixels of cell padding.
            const int left = 1 + 3;
            // Each title within its column, cut off rather than running into the next.
            const auto widths = column_widths(width);
            const int coder_at = left + widths.document;
            const int segment_at = coder_at + widths.coder;
            {
                wxDCClipper clip(dc, wxRect(0, 0, coder_at - 4, GetClientSize().GetHeight()));
                dc.DrawText(_("Document and speaker"), left, y);
            }
            {
                wxDCClipper clip(dc, wxRect(coder_at, 0, segment_at - coder_at - 4, GetClientSize().GetHeight()));
                dc.DrawText(_("Coder"), coder_at, y);
            }
            dc.DrawText(_("Segment, with the words around it"), segment_at, y);
        });
    }
};

}  // namespace

SegmentsList::SegmentsList(wxWindow* parent) : wxPanel(parent) {
    header_ = new SegmentsHeader(this);
    rows_ = new SegmentRows(this);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(header_, 0, wxEXPAND);
    column->Add(rows_, 1, wxEXPAND);
    SetSizer(column);
    rows_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent& event) {
        const auto index = static_cast<std::size_t>(event.GetSelection());
        const auto& rows = rows_->rows();
        if (index < rows.size() && jump_) jump_(rows[index].segments.front().document, rows[index].segments.front().span);
    });
    rows_->Bind(wxEVT_CONTEXT_MENU, [this](wxContextMenuEvent&) {
        if (!quote_ || rows_->rows().empty()) return;
        wxMenu menu;
        const bool chosen = rows_->GetSelectedCount() > 0;
        menu.Append(1, chosen ? _("Add the chosen segments to a quote set…") : _("Add all these segments to a quote set…"));
        if (GetPopupMenuSelectionFromUser(menu) == 1) quote_(codings());
    });
}

std::vector<Id> SegmentsList::codings() const {
    std::vector<Id> chosen, all;
    const auto& rows = rows_->rows();
    for (std::size_t row = 0; row < rows.size(); ++row) {
        const bool selected = rows_->IsSelected(row);
        for (const auto& segment : rows[row].segments) {
            all.push_back(segment.coding);
            if (selected) chosen.push_back(segment.coding);
        }
    }
    return chosen.empty() ? all : chosen;
}

void SegmentsList::set_without_interviewers(bool without) {
    without_interviewers_ = without;
    if (project_ && item_) show(*project_, *item_);
}

std::size_t SegmentsList::row_count() const { return rows_->rows().size(); }

std::vector<wxString> SegmentsList::shown_rows() const {
    std::vector<wxString> shown;
    for (const auto& row : rows_->rows()) {
        shown.push_back(row.document + " | " + row.speaker + " | " + row.coders + " | " + row.before + " | " + row.text + " | " +
                        row.after);
    }
    return shown;
}

void SegmentsList::show(Project& project, const CodeItem& item) {
    project_ = &project;
    item_ = item;
    SegmentFilter filter;
    filter.without_interviewers = without_interviewers_;
    std::vector<Segment> of_item;
    for (auto& segment : load_segments(project, filter)) {
        if (std::find(item.codes.begin(), item.codes.end(), segment.code) != item.codes.end()) of_item.push_back(std::move(segment));
    }
    show_segments(project, std::move(of_item));
}

void SegmentsList::show_segments(Project& project, std::vector<Segment> segments) {
    std::vector<Row> rows;
    // Segments come ordered by document and start; the same passage and code by
    // another coder follows its first, or comes within the same start.
    for (auto& segment : segments) {
        auto same = std::find_if(rows.rbegin(), rows.rend(), [&](const Row& row) {
            const auto& first = row.segments.front();
            return first.document == segment.document && first.span.start == segment.span.start &&
                   first.span.end == segment.span.end && first.code == segment.code;
        });
        if (same != rows.rend()) {
            same->segments.push_back(std::move(segment));
        } else {
            rows.push_back(Row{{std::move(segment)}, {}, {}, {}, {}, {}, {}});
        }
    }
    DocumentStore documents(project);
    const auto coder_names = CoderDirectory(project).names();
    std::map<Id, std::pair<wxString, wxString>> texts;  // document -> name, text
    std::map<Id, std::int64_t> body_starts;              // turn -> where its words begin
    for (auto& row : rows) {
        const auto& first = row.segments.front();
        auto found = texts.find(first.document);
        if (found == texts.end()) {
            found = texts.emplace(first.document, std::pair{to_wx(documents.get(first.document).name), to_wx(documents.text(first.document))}).first;

        }
        const auto& [name, text] = found->second;
        row.document = name;
        row.speaker = to_wx(first.speaker);
        for (const auto& segment : row.segments) {
            const auto coder = coder_names.find(segment.coder);
            row.coders += (row.coders.empty() ? "" : ", ") + (coder != coder_names.end() ? to_wx(coder->second) : wxString("?"));
        }
        const auto start = static_cast<std::size_t>(first.span.start);
        const auto end = static_cast<std::size_t>(first.span.end);
        row.text = text.Mid(start, end - start);
        // The speaker's label and time are in the first column, not repeated before the words.
        std::size_t floor = 0;
        if (first.turn && !body_starts.count(*first.turn)) {
            for (const auto& turn : documents.turns(first.document)) body_starts[turn.id] = turn.body_start;
        }
        if (first.turn) {
            const auto body = body_starts.find(*first.turn);
            if (body != body_starts.end() && body->second <= first.span.start) floor = static_cast<std::size_t>(body->second);
        }
        row.before = words_before(text, start, floor);
        row.after = words_after(text, end);
    }
    rows_->show(std::move(rows));
}

}  // namespace fokus::workbench
