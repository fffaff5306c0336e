#pragma once
// The words on a heatmap (title, caption, a column without a value) in the
// interface's language, for the views and for what they export.
#include "analysis/crosstab.h"
#include "exporters/heatmap.h"
#include "exporters/matrix_table.h"

namespace fokus::workbench {

void label_cooccurrence_heatmap(exporters::Heatmap& heatmap, exporters::CooccurrenceMeasure measure);
void label_crosstab_heatmap(exporters::Heatmap& heatmap, const Crosstab& table, exporters::CrosstabShare share);

}  // namespace fokus::workbench
