#include "workbench/heatmap_labels.h"

#include <wx/intl.h>

#include "coding/attributes.h"
#include "workbench/attribute_labels.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

wxString measure_label(exporters::CooccurrenceMeasure measure) {
    using exporters::CooccurrenceMeasure;
    switch (measure) {
        case CooccurrenceMeasure::Pairs: return _("Count: pairs of coded segments.");
        case CooccurrenceMeasure::Segments: return _("Count: segments that take part in a co-occurrence.");
        case CooccurrenceMeasure::Documents: return _("Count: documents with the co-occurrence.");
        case CooccurrenceMeasure::C: return _("Measure: c coefficient.");
        case CooccurrenceMeasure::Jaccard: return _("Measure: Jaccard.");
    }
    return {};
}

wxString share_label(CrosstabCount count, exporters::CrosstabShare share) {
    using exporters::CrosstabShare;
    switch (count) {
        case CrosstabCount::Codings:
            return share == CrosstabShare::Count        ? _("Number of codings.")
                   : share == CrosstabShare::RowPercent ? _("Percent of the code's codings (row).")
                                                        : _("Percent of the column's codings.");
        case CrosstabCount::Documents:
            return share == CrosstabShare::Count        ? _("Number of documents.")
                   : share == CrosstabShare::RowPercent ? _("Percent of the code's documents (row).")
                                                        : _("Percent of the column's documents.");
        case CrosstabCount::Participants:
            return share == CrosstabShare::Count        ? _("Number of participants.")
                   : share == CrosstabShare::RowPercent ? _("Percent of the code's participants (row).")
                                                        : _("Percent of the column's participants.");
    }
    return {};
}

}  // namespace

void label_cooccurrence_heatmap(exporters::Heatmap& heatmap, exporters::CooccurrenceMeasure measure) {
    heatmap.title = from_wx(_("Code co-occurrence"));
    heatmap.caption = from_wx(measure_label(measure) + " " + _("Grey cells: the code with itself."));
}

void label_crosstab_heatmap(exporters::Heatmap& heatmap, const Crosstab& table, exporters::CrosstabShare share) {
    const std::string attribute = table.attribute.of == AttributeCondition::Of::Participant
                                      ? std::string(participant_attribute_prefix) + table.attribute.name
                                      : table.attribute.name;
    heatmap.title = from_wx(wxString::Format(_("Codes by %s"), attribute_label(attribute)));
    heatmap.caption = from_wx(share_label(table.count, share));
    for (std::size_t i = 0; i < table.values.size() && i < heatmap.column_labels.size(); ++i) {
        if (table.values[i].empty()) heatmap.column_labels[i] = from_wx(_("no value"));
    }
}

}  // namespace fokus::workbench
