#pragma once
// Intercoder agreement in a project: how far two or more coders agree on
// chosen codes in chosen documents, each code taken as a present/absent
// decision per unit (character, word, sentence or speaker turn), and where
// exactly they disagree, so a group can discuss those passages side by side.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coding/segments.h"
#include "coding/types.h"

namespace fokus {

class Project;

enum class AgreementUnit { Character, Word, Sentence, Turn };

// "character", "word", "sentence" or "turn"; InputError naming anything else.
AgreementUnit parse_agreement_unit(std::string_view name);
std::string_view agreement_unit_name(AgreementUnit unit);

struct AgreementRequest {
    std::vector<std::string> coders;  // names, two or more
    AgreementUnit unit = AgreementUnit::Word;
    std::vector<CodeItem> codes;      // all codable codes when empty
    std::vector<Id> documents;        // all documents when empty
};

// Absent where undefined (see agreement_statistics.h): a code nobody used.
struct AgreementScores {
    std::optional<double> percent;
    std::optional<double> cohen_kappa;  // only for two coders
    std::optional<double> fleiss_kappa;
    std::optional<double> krippendorff_alpha;
    std::int64_t units = 0;  // units compared (for "overall": units × codes some coder used)
};

struct CodeAgreement {
    CodeItem code;
    AgreementScores scores;
};

struct AgreementReport {
    std::vector<std::string> coders;  // as stored in the project
    AgreementUnit unit = AgreementUnit::Word;
    std::vector<CodeAgreement> codes;
    // Every unit × code decision pooled into one table, over the codes at
    // least one of the coders applied: a code nobody used is left out.
    AgreementScores overall;
};

// A contiguous stretch of units where some coders applied the code and others did not.
struct Disagreement {
    Id document = 0;
    std::string document_name;
    Span span;
    std::string text;
    std::vector<std::string> applied_by;
    std::vector<std::string> not_applied_by;
};

// NotFoundError naming an unknown coder; InputError for fewer than two coders.
AgreementReport measure_agreement(Project& project, const AgreementRequest& request);

// What the statistics of each code count: how many units were compared, how
// many every chosen coder applied the code to, and how many each coder alone
// applied it to. In the order of the request's codes (all codable codes when empty).
struct CodedUnits {
    CodeItem code;
    std::int64_t units = 0;
    std::int64_t by_everyone = 0;
    std::vector<std::int64_t> by_one_alone;  // per coder, in the report's order
    std::vector<std::int64_t> by_coder;      // per coder: every unit they applied it to
};
std::vector<CodedUnits> count_coded_units(Project& project, const AgreementRequest& request);

// The disagreeing stretches of `code`, in document order. Neighbouring units
// merge into one stretch while the same coders applied the code.
std::vector<Disagreement> find_disagreements(Project& project, const AgreementRequest& request, const CodeItem& code);

}  // namespace fokus
