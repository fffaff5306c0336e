#include "search/index.h"
#include "search/index_state.h"

#include <xapian.h>

#include <algorithm>
#include <set>

#include "coding/documents.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "coding/text.h"
#include "search/danish.h"
#include "search/query.h"

namespace fokus::search {
namespace {

constexpr const char* project_key = "fokus.project";
constexpr const char* journal_key = "fokus.journal";

struct Unit {
    Id document;
    Id turn;  // 0 for a document without turns
    Span span;  // the speech, without the speaker's label
    std::string speaker;
    std::optional<Id> participant;
};

std::vector<Unit> units_of(Project& project, Id document, std::int64_t length) {
    auto query = project.db().prepare(
        "SELECT t.id, t.body_start, t.end, coalesce(s.label, ''), s.participant_id FROM turns t "
        "LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? ORDER BY t.start");
    query.bind_all(document);
    std::vector<Unit> units;
    while (query.step()) {
        units.push_back(Unit{document, query.int64(0), Span{query.int64(1), query.int64(2)}, query.text(3), query.optional_int64(4)});
    }
    if (units.empty()) units.push_back(Unit{document, 0, Span{0, length}, {}, std::nullopt});
    return units;
}

std::string unique_term(Id document, Id turn) { return "Q" + std::to_string(document) + "-" + std::to_string(turn); }

}  // namespace

void Index::State::index_document(Id id, bool fresh) {
        if (!fresh) db.delete_document("D" + std::to_string(id));
        auto exists = project.db().prepare("SELECT text, length FROM documents WHERE id = ?");
        exists.bind_all(id);
        if (!exists.step()) return;
        const std::string text = exists.text(0);
        const text::OffsetMap offsets(text);
        std::vector<std::string> attribute_terms;
        for (const auto& [name, value] : DocumentStore(project).attributes(id)) attribute_terms.push_back("A" + name + "=" + value);
        auto codings = project.db().prepare("SELECT code_id, coder_id, start, end FROM codings WHERE document_id = ?");
        codings.bind_all(id);
        struct CodingSpan {
            Id code, coder;
            Span span;
        };
        std::vector<CodingSpan> coded;
        while (codings.step()) coded.push_back({codings.int64(0), codings.int64(1), Span{codings.int64(2), codings.int64(3)}});
        auto participant_attributes = project.db().prepare("SELECT name, value FROM participant_attributes WHERE participant_id = ?");
        for (const auto& unit : units_of(project, id, exists.int64(1))) {
            Xapian::Document document;
            const auto from = offsets.byte_of(static_cast<std::size_t>(unit.span.start));
            const auto to = offsets.byte_of(static_cast<std::size_t>(unit.span.end));
            Xapian::termpos position = 0;
            for (const auto& token : tokenize(std::string_view(text).substr(from, to - from))) {
                ++position;
                document.add_posting(exact_term(token.lower), position);
                document.add_posting(stem_term(token.lower), position);
                for (const auto& folded : folded_terms(token.lower)) document.add_term(folded);
            }
            document.add_boolean_term("D" + std::to_string(id));
            document.add_boolean_term(unique_term(id, unit.turn));
            for (const auto& term : attribute_terms) document.add_boolean_term(term);
            if (!unit.speaker.empty()) document.add_boolean_term("S" + unit.speaker);
            if (unit.participant) {
                participant_attributes.reset();
                participant_attributes.bind_all(*unit.participant);
                while (participant_attributes.step()) {
                    document.add_boolean_term("R" + participant_attributes.text(0) + "=" + participant_attributes.text(1));
                }
            }
            for (const auto& coding : coded) {
                if (coding.span.start < unit.span.end && unit.span.start < coding.span.end) {
                    document.add_boolean_term("C" + std::to_string(coding.code));
                    document.add_boolean_term("K" + std::to_string(coding.coder));
                }
            }
            document.set_data(std::to_string(id) + " " + std::to_string(unit.turn) + " " + std::to_string(unit.span.start) + " " +
                              std::to_string(unit.span.end) + " " + unit.speaker);
            db.add_document(document);  // the document's old turns were deleted above
        }
    }

Index::Index(std::unique_ptr<State> state) : state_(std::move(state)) {}
Index::Index(Index&&) noexcept = default;
Index::~Index() = default;

std::filesystem::path Index::path_for(const Project& project) {
    auto path = project.path();
    path += ".index";
    return path;
}

Index Index::open_for(Project& project, const Progress& progress) {
    const auto path = path_for(project);
    std::unique_ptr<State> state;
    bool damaged = false;
    try {
        state.reset(new State{project, path, Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN), false});
    } catch (const Xapian::DatabaseLockError&) {
        throw FileError(path.string(), "the search index is in use by another program; try again when it has finished");
    } catch (const Xapian::Error&) {
        damaged = true;
    }
    if (damaged) {
        // Derived data: a damaged index is thrown away and built again.
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
        try {
            state.reset(new State{project, path, Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN), false});
        } catch (const Xapian::Error& error) {
            throw FileError(path.string(), "the search index cannot be created: " + error.get_msg());
        }
    }
    Index index(std::move(state));
    const auto stored_project = index.state_->db.get_metadata(project_key);
    const auto stored_journal = index.state_->db.get_metadata(journal_key);
    const auto journal = index.state_->journal_end();
    const bool stale = damaged || stored_project != project.guid() || stored_journal.empty() || std::stoll(stored_journal) > journal;
    if (stale) {
        index.rebuild(progress);
    } else {
        index.update();
    }
    return index;
}

bool Index::rebuilt() const { return state_->rebuilt; }

void Index::rebuild(const Progress& progress) {
    auto& s = *state_;
    s.db.close();
    s.db = Xapian::WritableDatabase(s.path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    std::vector<Id> documents;
    auto query = s.project.db().prepare("SELECT id FROM documents ORDER BY id");
    while (query.step()) documents.push_back(query.int64(0));
    const auto journal = s.journal_end();
    for (std::size_t i = 0; i < documents.size(); ++i) {
        s.index_document(documents[i], true);
        if (progress) progress(i + 1, documents.size());
    }
    s.db.set_metadata(project_key, s.project.guid());
    s.db.set_metadata(journal_key, std::to_string(journal));
    s.db.commit();
    s.rebuilt = true;
}

void Index::update() {
    auto& s = *state_;
    const std::int64_t from = std::stoll(s.db.get_metadata(journal_key));
    auto query = s.project.db().prepare("SELECT DISTINCT document_id FROM change_journal WHERE seq > ?");
    query.bind_all(from);
    std::vector<Id> changed;
    while (query.step()) changed.push_back(query.int64(0));
    const auto journal = s.journal_end();
    if (changed.empty() && journal == from) return;
    for (const Id id : changed) s.index_document(id);
    s.db.set_metadata(journal_key, std::to_string(journal));
    s.db.commit();
}

}  // namespace fokus::search
