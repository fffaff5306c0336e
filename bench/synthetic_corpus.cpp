#include "bench/synthetic_corpus.h"

#include <iostream>

#include <array>
#include <cmath>
#include <iostream>
#include <string_view>
#include <vector>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/text.h"

namespace fokus::bench {
namespace {

// Words of the field, in rough order of frequency; sampled with a Zipf law so
// that the index sees realistic term statistics.
constexpr std::string_view function_words[] = {
    "og", "det", "er", "at", "vi", "jeg", "i", "på", "så", "der", "en", "ikke", "man", "til", "har", "de", "med",
    "for", "et", "som", "af", "også", "bare", "jo", "lige", "nu", "hvis", "når", "kan", "skal", "vil", "være",
    "altså", "ja", "nej", "øh", "ikke", "meget", "rigtig", "godt", "hvor", "hvad", "hvordan", "fordi", "men",
    "eller", "os", "dem", "sig", "min", "vores", "deres", "alle", "nogle", "mere", "mindre", "helt", "lidt"};
constexpr std::string_view stems[] = {
    "rådgiver", "sagsbehandler", "leder", "kollega", "familie", "barn", "forælder", "borger", "sag", "team",
    "afdeling", "kommune", "opgave", "tid", "møde", "sparring", "supervision", "kursus", "uddannelse", "plan",
    "underretning", "anbringelse", "skole", "psykiatri", "jobcenter", "klage", "presse", "ledelse", "kultur",
    "tryghed", "kompetence", "motivation", "omsætning", "medarbejder", "arbejdspres", "prioritering",
    "fleksibilitet", "hjemmearbejde", "organisering", "handlerum", "beslutning", "indflydelse", "samarbejde",
    "sygemelding", "stress", "introduktion", "mentor", "erfaring", "faglighed", "metode", "dokumentation",
    "journal", "frist", "sagstal", "økonomi", "budget", "politiker", "direktør", "teamleder", "nyuddannet",
    "socialrådgiver", "børnesag", "handicap", "modtagelse", "myndighed", "netværk", "indsats", "foranstaltning",
    "plejefamilie", "institution", "udredning", "børnesamtale", "bisidder", "advokat", "ankestyrelse"};
constexpr std::string_view noun_endings[] = {"", "en", "e", "ne", "erne", "ens", "er", "s"};
constexpr std::string_view verbs[] = {
    "tænker", "synes", "oplever", "mærker", "føler", "ved", "siger", "gør", "får", "giver", "tager", "kommer",
    "går", "står", "bliver", "havde", "sagde", "prøver", "hjælper", "støtter", "taler", "snakker", "lytter",
    "prioriterer", "vurderer", "beslutter", "dokumenterer", "arbejder", "bliver", "skifter", "stopper", "søger"};
constexpr std::string_view adjectives[] = {
    "svær", "svære", "god", "gode", "travl", "tung", "tunge", "tryg", "trygge", "faglig", "faglige", "ny", "nye",
    "erfaren", "erfarne", "stor", "store", "lille", "små", "vigtig", "vigtige", "åben", "åbne", "sårbar",
    "sårbare", "kompleks", "komplekse", "urolig", "rolig", "fælles", "selvstændig", "værdifuld", "udfordrende"};
constexpr std::string_view fillers[] = {"(griner)", "[utydeligt]", "(flere griner)", "[pause]", "Mm.", "Ja ja."};
constexpr std::string_view municipalities[] = {"Kommune A", "Kommune B", "Kommune C", "Kommune D", "Kommune E"};
constexpr std::string_view forms[] = {"fokusgruppe", "gruppeinterview", "individuelt", "telefon"};

class Writer {
public:
    explicit Writer(std::uint32_t seed) : random_(seed) {}

    template <std::size_t N>
    std::string_view zipf(const std::string_view (&words)[N]) {
        // Inverse-CDF of a Zipf distribution with exponent ~1 over N ranks.
        const double u = uniform_(random_);
        const auto rank = static_cast<std::size_t>(std::pow(static_cast<double>(N) + 1.0, u)) - 1;
        return words[std::min(rank, N - 1)];
    }

    std::string word() {
        const double kind = uniform_(random_);
        if (kind < 0.45) return std::string(zipf(function_words));
        if (kind < 0.75) return std::string(zipf(stems)) + std::string(zipf(noun_endings));
        if (kind < 0.90) return std::string(zipf(verbs));
        return std::string(zipf(adjectives));
    }

    std::string sentence(std::int64_t& words) {
        const int length = 5 + static_cast<int>(uniform_(random_) * 14);
        std::string text;
        for (int i = 0; i < length; ++i) {
            std::string next = word();
            if (i == 0) next = text::fold_case(next) == next ? capitalise(next) : next;
            text += (i ? " " : "") + next;
        }
        words += length;
        if (uniform_(random_) < 0.04) {
            text += " " + std::string(fillers[random_() % std::size(fillers)]);
            ++words;
        }
        return text + (uniform_(random_) < 0.15 ? "?" : ".");
    }

    std::uint32_t next() { return random_(); }
    double uniform() { return uniform_(random_); }

private:
    static std::string capitalise(const std::string& word) {
        std::string result = word;
        if (!result.empty() && result[0] >= 'a' && result[0] <= 'z') result[0] = static_cast<char>(result[0] - 32);
        return result;
    }
    std::mt19937 random_;
    std::uniform_real_distribution<double> uniform_{0.0, 1.0};
};

}  // namespace

NewDocument synthetic_document(std::int64_t index, std::int64_t words, std::uint32_t seed) {
    Writer writer(seed + static_cast<std::uint32_t>(index) * 7919u);
    NewDocument document;
    const auto municipality = municipalities[static_cast<std::size_t>(index) % std::size(municipalities)];
    const bool leaders = index % 2 == 0;
    document.name = "Syntetisk " + std::to_string(index + 1) + " " + std::string(municipality) +
                    (leaders ? " ledere" : " rådgivere");
    document.format = "txt";
    document.attributes = {{"municipality", std::string(municipality)},
                           {"interview_form", std::string(forms[static_cast<std::size_t>(index) % std::size(forms)])},
                           {"bikva_stage", std::to_string(1 + index % 3)}};
    const std::array<std::string, 6> speakers = {"Moderator", leaders ? "Leder 1" : "Rådgiver 1",
                                                 leaders ? "Leder 2" : "Rådgiver 2", leaders ? "Leder 3" : "Rådgiver 3",
                                                 leaders ? "Teamleder 1" : "Rådgiver 4", leaders ? "Teamleder 2" : "Rådgiver 5"};
    std::int64_t written = 0;
    std::int64_t position = 0;  // code points
    int turn = 0;
    while (written < words) {
        const std::string& speaker = turn % 2 == 0 ? speakers[0] : speakers[1 + writer.next() % 5];
        std::string line = speaker + ": ";
        const auto body_start = position + static_cast<std::int64_t>(text::count_code_points(line));
        const int sentences = turn % 2 == 0 ? 1 + static_cast<int>(writer.next() % 2) : 1 + static_cast<int>(writer.next() % 6);
        for (int i = 0; i < sentences; ++i) line += (i ? " " : "") + writer.sentence(written);
        const auto end = position + static_cast<std::int64_t>(text::count_code_points(line));
        document.turns.push_back(NewTurn{speaker, Span{position, end}, body_start, std::nullopt});
        document.text += line + "\n";
        position = end + 1;
        ++turn;
    }
    document.text.pop_back();
    return document;
}

SyntheticCorpus::SyntheticCorpus(Project& project, const CorpusSize& size) : size_(size), random_(size.seed) {
    for (const auto& code : CodeStore(project).all()) {
        if (code.codable && code.depth == 0) codes_.push_back(code.id);
    }
}

std::optional<SyntheticDocument> SyntheticCorpus::next() {
    if (written_ >= size_.words) return std::nullopt;
    SyntheticDocument result;
    result.words = std::min(size_.words_per_document, size_.words - written_);
    result.document = synthetic_document(index_++, result.words, size_.seed);
    written_ += result.words;
    // Codings over whole turns and over parts of turns, overlapping as coders make them.
    const auto& turns = result.document.turns;
    const auto wanted = std::max<std::int64_t>(1, result.words / size_.words_per_coding);
    for (std::int64_t i = 0; i < wanted; ++i) {
        const auto& turn = turns[random_() % turns.size()];
        Span span{turn.body_start, turn.span.end};
        if (span.length() > 40 && random_() % 3 != 0) {
            const auto offset = static_cast<std::int64_t>(random_() % static_cast<std::uint32_t>(span.length() / 2));
            const auto length = 20 + static_cast<std::int64_t>(random_() % 200);
            span = Span{span.start + offset, std::min(span.end, span.start + offset + length)};
        }
        result.codings[codes_[random_() % codes_.size()]].push_back(span);
    }
    return result;
}

Id import_document(Project& project, SyntheticDocument& document, CorpusStats& stats) {
    stats.bytes += static_cast<std::int64_t>(document.document.text.size());
    stats.words += document.words;
    ++stats.documents;
    return DocumentStore(project).add(std::move(document.document));
}

void code_document(Project& project, Id document, const SyntheticDocument& codings, CorpusStats& stats) {
    project.act("code synthetic document", [&] {
        CodingStore store(project);
        for (const auto& [code, spans] : codings.codings) {
            std::vector<CodingRequest> requests;
            for (const auto& span : spans) requests.push_back({document, span});
            stats.codings += static_cast<std::int64_t>(store.add_all(code, requests, "kod").size());
        }
    });
}

CorpusStats fill_project(Project& project, const CorpusSize& size, const std::function<void(std::int64_t)>& progress) {
    CorpusStats stats;
    SyntheticCorpus corpus(project, size);
    while (auto document = corpus.next()) {
        const Id id = import_document(project, *document, stats);
        code_document(project, id, *document, stats);
        if (progress) progress(stats.words);
    }
    return stats;
}

std::filesystem::path corpus_project(std::int64_t words, std::optional<std::filesystem::path> path) {
    if (!path) path = std::filesystem::temp_directory_path() / ("fokus-bench-" + std::to_string(words) + ".fokus");
    if (!std::filesystem::exists(*path)) {
        std::cerr << "writing " << words << " words to " << path->string() << " ...\n";
        auto project = Project::create(*path);
        project.set_coder("Syntetisk koder");
        fill_project(project, CorpusSize{words, 8'000, 60, 2026});
    }
    return *path;
}

}  // namespace fokus::bench
