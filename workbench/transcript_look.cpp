#include "workbench/transcript_look.h"

namespace fokus::workbench {

void set_up_transcript_look(wxStyledTextCtrl& editor) {
    // Nothing here listens to the editor's modification events; sent, one for
    // each styled turn and each highlighted coding, they cost more than the
    // styling itself on a long transcript.
    editor.SetModEventMask(0);
    // Lines laid out once stay laid out while the page is shown: a repaint
    // after a highlight changed does not measure every visible line again.
    editor.SetLayoutCache(wxSTC_CACHE_PAGE);
    editor.SetWrapMode(wxSTC_WRAP_WORD);
    editor.SetMarginWidth(0, 0);
    editor.SetMarginWidth(1, 0);
    editor.SetMarginLeft(14);
    editor.SetMarginRight(14);
    editor.SetExtraAscent(3);
    editor.SetExtraDescent(3);
    editor.SetCaretLineVisible(false);
    editor.SetScrollWidthTracking(false);
    editor.SetUseHorizontalScrollBar(false);
    wxFont font(wxFontInfo(11).Family(wxFONTFAMILY_SWISS).FaceName("DejaVu Sans"));
    editor.StyleSetFont(wxSTC_STYLE_DEFAULT, font);
    editor.StyleClearAll();
    editor.StyleSetBold(label, true);
    editor.StyleSetForeground(label, wxColour(28, 50, 92));
    editor.StyleSetForeground(timestamp, wxColour(150, 150, 150));
    // Looks like the body; see isolate_wide_punctuation().
    editor.StyleSetForeground(isolated_body, editor.StyleGetForeground(body));
    editor.SetSelBackground(true, wxColour(180, 205, 240));
    editor.MarkerDefine(alternate_turn_marker, wxSTC_MARK_BACKGROUND, wxColour(243, 246, 250), wxColour(243, 246, 250));
    editor.MarkerDefine(playing_turn_marker, wxSTC_MARK_BACKGROUND, wxColour(255, 240, 190), wxColour(255, 240, 190));
    editor.SetMarginType(time_margin, wxSTC_MARGIN_TEXT);
    editor.SetMarginWidth(time_margin, 0);
    editor.SetMarginSensitive(time_margin, true);
    // A text margin is painted in the line numbers' colours where a line has no text.
    editor.StyleSetBackground(wxSTC_STYLE_LINENUMBER, wxColour(255, 255, 255));
    editor.SetMarginCursor(time_margin, wxSTC_CURSORARROW);
    editor.StyleSetFont(time_margin_style, wxFont(wxFontInfo(9).Family(wxFONTFAMILY_SWISS).FaceName("DejaVu Sans")));
    editor.StyleSetForeground(time_margin_style, wxColour(140, 140, 140));
    editor.StyleSetBackground(time_margin_style, wxColour(255, 255, 255));
    editor.UsePopUp(wxSTC_POPUP_NEVER);
    for (int i = 0; i < indicator_count; ++i) {
        editor.IndicatorSetStyle(first_indicator + i, wxSTC_INDIC_STRAIGHTBOX);
        editor.IndicatorSetAlpha(first_indicator + i, 45);
        editor.IndicatorSetOutlineAlpha(first_indicator + i, 90);
        editor.IndicatorSetUnder(first_indicator + i, true);
    }
    editor.IndicatorSetStyle(search_hit_indicator, wxSTC_INDIC_ROUNDBOX);
    editor.IndicatorSetForeground(search_hit_indicator, wxColour(255, 200, 40));
    editor.IndicatorSetAlpha(search_hit_indicator, 110);
    editor.IndicatorSetOutlineAlpha(search_hit_indicator, 200);
    editor.IndicatorSetUnder(search_hit_indicator, true);
}

}  // namespace fokus::workbench
