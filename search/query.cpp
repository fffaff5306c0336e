#include "search/query.h"

#include <xapian.h>

#include <algorithm>
#include <set>

#include "coding/error.h"
#include "coding/text.h"

namespace fokus::search {
namespace {

struct Lexeme {
    enum class Kind { Word, Phrase, Open, Close, And, Or, Not, Near, End };
    Kind kind;
    std::string text;
    std::size_t position;
    int distance = 0;
};

std::vector<Lexeme> lex(std::string_view text) {
    std::vector<Lexeme> lexemes;
    // Positions in messages count characters, as the user sees them.
    auto character = [&](std::size_t byte) { return text::count_code_points(text.substr(0, byte)); };
    std::size_t i = 0;
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    while (i < text.size()) {
        if (is_space(text[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        if (text[i] == '(' || text[i] == ')') {
            lexemes.push_back({text[i] == '(' ? Lexeme::Kind::Open : Lexeme::Kind::Close, {}, character(start)});
            ++i;
            continue;
        }
        if (text[i] == '"') {
            const auto close = text.find('"', i + 1);
            if (close == std::string_view::npos) {
                throw InputError("the quote at position " + std::to_string(character(start) + 1) + " of the query is never closed");
            }
            lexemes.push_back({Lexeme::Kind::Phrase, std::string(text.substr(i + 1, close - i - 1)), character(start)});
            i = close + 1;
            continue;
        }
        while (i < text.size() && !is_space(text[i]) && text[i] != '(' && text[i] != ')' && text[i] != '"') ++i;
        const std::string word(text.substr(start, i - start));
        if (word == "AND" || word == "OG") {
            lexemes.push_back({Lexeme::Kind::And, word, character(start)});
        } else if (word == "OR" || word == "ELLER") {
            lexemes.push_back({Lexeme::Kind::Or, word, character(start)});
        } else if (word == "NOT" || word == "IKKE") {
            lexemes.push_back({Lexeme::Kind::Not, word, character(start)});
        } else if (word.rfind("NEAR/", 0) == 0 || word == "NEAR") {
            Lexeme near{Lexeme::Kind::Near, word, character(start), 10};
            if (word.size() > 5) {
                try {
                    near.distance = std::stoi(word.substr(5));
                } catch (const std::exception&) {
                    near.distance = -1;
                }
                if (near.distance <= 0 || near.distance > 1000) {
                    throw InputError("\"" + word + "\" at position " + std::to_string(character(start) + 1) + " needs a distance from 1 to 1000, e.g. NEAR/5");
                }
            }
            lexemes.push_back(near);
        } else {
            lexemes.push_back({Lexeme::Kind::Word, word, character(start)});
        }
    }
    lexemes.push_back({Lexeme::Kind::End, {}, character(text.size())});
    return lexemes;
}

class Parser {
public:
    Parser(std::vector<Lexeme> lexemes, bool exact) : lexemes_(std::move(lexemes)), exact_(exact) {}

    std::unique_ptr<QueryNode> parse() {
        if (peek().kind == Lexeme::Kind::End) throw InputError("the query is empty");
        auto node = or_expression();
        if (peek().kind != Lexeme::Kind::End) fail("unexpected " + describe(peek()));
        return node;
    }

private:
    const Lexeme& peek() const { return lexemes_[at_]; }
    const Lexeme& take() { return lexemes_[at_++]; }
    [[noreturn]] void fail(const std::string& problem) const {
        throw InputError(problem + " at position " + std::to_string(peek().position + 1) + " of the query");
    }
    static std::string describe(const Lexeme& lexeme) {
        switch (lexeme.kind) {
            case Lexeme::Kind::Close: return "\")\"";
            case Lexeme::Kind::End: return "end of the query";
            default: return "\"" + lexeme.text + "\"";
        }
    }
    static std::unique_ptr<QueryNode> combine(QueryNode::Kind kind, std::unique_ptr<QueryNode> left, std::unique_ptr<QueryNode> right) {
        auto node = std::make_unique<QueryNode>();
        node->kind = kind;
        node->children.push_back(std::move(left));
        node->children.push_back(std::move(right));
        return node;
    }

    std::unique_ptr<QueryNode> or_expression() {
        auto left = and_expression();
        while (peek().kind == Lexeme::Kind::Or) {
            take();
            left = combine(QueryNode::Kind::Or, std::move(left), and_expression());
        }
        return left;
    }

    std::unique_ptr<QueryNode> and_expression() {
        auto left = near_expression();
        while (true) {
            const auto kind = peek().kind;
            if (kind == Lexeme::Kind::And) {
                take();
                left = combine(QueryNode::Kind::And, std::move(left), near_expression());
            } else if (kind == Lexeme::Kind::Not) {
                take();
                left = combine(QueryNode::Kind::AndNot, std::move(left), near_expression());
            } else if (kind == Lexeme::Kind::Word || kind == Lexeme::Kind::Phrase || kind == Lexeme::Kind::Open) {
                left = combine(QueryNode::Kind::And, std::move(left), near_expression());
            } else {
                return left;
            }
        }
    }

    std::unique_ptr<QueryNode> near_expression() {
        auto left = primary();
        while (peek().kind == Lexeme::Kind::Near) {
            const int distance = take().distance;
            auto node = combine(QueryNode::Kind::Near, std::move(left), primary());
            node->distance = distance;
            left = std::move(node);
        }
        return left;
    }

    std::unique_ptr<QueryNode> primary() {
        const auto& lexeme = peek();
        switch (lexeme.kind) {
            case Lexeme::Kind::Open: {
                take();
                auto inner = or_expression();
                if (peek().kind != Lexeme::Kind::Close) fail("a \")\" is missing");
                take();
                return inner;
            }
            case Lexeme::Kind::Word: {
                take();
                auto node = std::make_unique<QueryNode>();
                std::string word = lexeme.text;
                if (!word.empty() && word.back() == '*') {
                    word.pop_back();
                    node->kind = QueryNode::Kind::Prefix;
                }
                const auto tokens = tokenize(word);
                if (tokens.empty()) fail("\"" + lexeme.text + "\" has no letters or digits to search for");
                node->exact = exact_;
                if (node->kind == QueryNode::Kind::Prefix || tokens.size() == 1) {
                    node->words = {tokens.back().lower};
                    if (node->kind == QueryNode::Kind::Prefix) node->words = {text::fold_case(word)};
                } else {
                    node->kind = QueryNode::Kind::Phrase;
                    for (const auto& token : tokens) node->words.push_back(token.lower);
                }
                return node;
            }
            case Lexeme::Kind::Phrase: {
                take();
                auto node = std::make_unique<QueryNode>();
                const auto tokens = tokenize(lexeme.text);
                if (tokens.empty()) fail("the quoted text has no words");
                node->kind = tokens.size() == 1 ? QueryNode::Kind::Word : QueryNode::Kind::Phrase;
                node->exact = true;
                for (const auto& token : tokens) node->words.push_back(token.lower);
                return node;
            }
            default: fail("expected a word, a phrase or \"(\" but found " + describe(lexeme));
        }
    }

    std::vector<Lexeme> lexemes_;
    bool exact_;
    std::size_t at_ = 0;
};

Xapian::Query word_query(const std::string& lower, bool exact) {
    if (exact) return Xapian::Query(exact_term(lower));
    std::vector<Xapian::Query> alternatives = {Xapian::Query(stem_term(lower))};
    for (const auto& term : folded_terms(lower)) alternatives.emplace_back(term);
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

bool word_matches(const std::string& wanted, bool exact, const std::string& token) {
    if (token == wanted) return true;
    if (exact) return false;
    if (stem_term(token) == stem_term(wanted)) return true;
    const auto token_forms = folded_terms(token);
    for (const auto& form : folded_terms(wanted)) {
        if (std::find(token_forms.begin(), token_forms.end(), form) != token_forms.end()) return true;
    }
    return false;
}

}  // namespace

std::unique_ptr<QueryNode> parse_query(std::string_view text, bool exact_words) {
    return Parser(lex(text), exact_words).parse();
}

Xapian::Query to_xapian(const QueryNode& node) {
    switch (node.kind) {
        case QueryNode::Kind::Word: return word_query(node.words.front(), node.exact);
        case QueryNode::Kind::Prefix:
            return Xapian::Query(Xapian::Query::OP_WILDCARD, exact_term(node.words.front()));
        case QueryNode::Kind::Phrase: {
            std::vector<Xapian::Query> parts;
            for (const auto& word : node.words) parts.push_back(node.exact ? Xapian::Query(exact_term(word)) : Xapian::Query(stem_term(word)));
            return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), static_cast<Xapian::termcount>(parts.size()));
        }
        case QueryNode::Kind::And: return Xapian::Query(Xapian::Query::OP_AND, to_xapian(*node.children[0]), to_xapian(*node.children[1]));
        case QueryNode::Kind::Or: return Xapian::Query(Xapian::Query::OP_OR, to_xapian(*node.children[0]), to_xapian(*node.children[1]));
        case QueryNode::Kind::AndNot:
            return Xapian::Query(Xapian::Query::OP_AND_NOT, to_xapian(*node.children[0]), to_xapian(*node.children[1]));
        case QueryNode::Kind::Near: {
            // NEAR works on terms with positions: the stems (or exact words) of each side.
            std::vector<Xapian::Query> parts;
            for (const auto& child : node.children) {
                if (child->kind == QueryNode::Kind::Word) {
                    parts.push_back(child->exact ? Xapian::Query(exact_term(child->words.front())) : Xapian::Query(stem_term(child->words.front())));
                } else {
                    parts.push_back(to_xapian(*child));
                }
            }
            return Xapian::Query(Xapian::Query::OP_NEAR, parts.begin(), parts.end(), static_cast<Xapian::termcount>(node.distance + 1));
        }
    }
    return Xapian::Query();
}

std::vector<Span> matching_spans(const QueryNode& node, const std::vector<Token>& tokens) {
    std::vector<Span> spans;
    switch (node.kind) {
        case QueryNode::Kind::Word:
            for (const auto& token : tokens) {
                if (word_matches(node.words.front(), node.exact, token.lower)) spans.push_back(token.span);
            }
            break;
        case QueryNode::Kind::Prefix:
            for (const auto& token : tokens) {
                if (token.lower.rfind(node.words.front(), 0) == 0) spans.push_back(token.span);
            }
            break;
        case QueryNode::Kind::Phrase:
            for (std::size_t i = 0; i + node.words.size() <= tokens.size(); ++i) {
                bool all = true;
                for (std::size_t j = 0; j < node.words.size() && all; ++j) {
                    all = node.exact ? tokens[i + j].lower == node.words[j] : stem_term(tokens[i + j].lower) == stem_term(node.words[j]);
                }
                if (all) spans.push_back(Span{tokens[i].span.start, tokens[i + node.words.size() - 1].span.end});
            }
            break;
        case QueryNode::Kind::AndNot: spans = matching_spans(*node.children[0], tokens); break;
        case QueryNode::Kind::And:
        case QueryNode::Kind::Or:
        case QueryNode::Kind::Near:
            for (const auto& child : node.children) {
                const auto more = matching_spans(*child, tokens);
                spans.insert(spans.end(), more.begin(), more.end());
            }
            break;
    }
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    return spans;
}

}  // namespace fokus::search
