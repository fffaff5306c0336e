#pragma once
// A project's content named by GUIDs and names only, never by row ids, so that
// two copies of one project (synced through a hub) compare equal exactly when
// they hold the same codes, codings, memos, quotes and attributes.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/condensation.h"
#include "coding/documents.h"
#include "coding/memos.h"
#include "coding/project.h"
#include "coding/quote_sets.h"

namespace fokus::testing {

inline std::string project_by_guid(Project& project) {
    std::map<Id, std::string> code_guid, document_guid, coding_guid;
    for (const auto& code : CodeStore(project).all()) code_guid[code.id] = code.guid;
    for (const auto& document : DocumentStore(project).all()) document_guid[document.id] = document.guid;
    const auto codings = CodingStore(project).list();
    for (const auto& coding : codings) coding_guid[coding.id] = coding.guid;
    std::vector<std::string> lines;
    for (const auto& code : CodeStore(project).all()) {
        lines.push_back("code " + code.guid + " " + code.name + " " + code.color + " [" + code.definition + "] under " +
                        (code.parent ? code_guid[*code.parent] : std::string("-")));
    }
    for (const auto& document : DocumentStore(project).all()) {
        lines.push_back("document " + document.guid + " " + document.name + " " + std::to_string(document.length));
        for (const auto& [name, value] : DocumentStore(project).attributes(document.id)) {
            lines.push_back("attribute " + document.guid + " " + name + "=" + value);
        }
    }
    for (const auto& coding : codings) {
        lines.push_back("coding " + coding.guid + " " + code_guid[coding.code] + " in " + document_guid[coding.document] + " " +
                        std::to_string(coding.span.start) + "-" + std::to_string(coding.span.end) + " by " + coding.coder_name +
                        " [" + coding.comment + "]");
    }
    for (const auto& memo : MemoStore(project).list()) {
        lines.push_back("memo " + memo.guid + " " + memo.title + ": " + memo.text + " by " + memo.author);
    }
    QuoteSetStore quote_sets(project);
    for (const auto& set : quote_sets.all()) {
        lines.push_back("quote set " + set.guid + " " + set.name);
        for (const auto& quote : quote_sets.quotes(set.id)) {
            lines.push_back("quote in " + set.guid + " " + document_guid[quote.document] + " " + std::to_string(quote.span.start) +
                            "-" + std::to_string(quote.span.end) + " from " + (quote.coding ? coding_guid[*quote.coding] : "-") +
                            " [" + quote.comment + "]");
        }
    }
    for (const auto& condensation : CondensationStore(project).list()) {
        lines.push_back("condensation " + code_guid[condensation.code] + " " +
                        (condensation.scope.document ? document_guid[*condensation.scope.document]
                                                     : condensation.scope.attribute + "=" + condensation.scope.value) +
                        ": " + condensation.text);
    }
    std::sort(lines.begin(), lines.end());
    std::string joined;
    for (const auto& line : lines) joined += line + "\n";
    return joined;
}

}  // namespace fokus::testing
