#include "search/query.h"

#include "coding/error.h"
#include "coding/text.h"
#include "search/danish.h"

namespace fokus::search {
namespace {

constexpr int default_near_distance = 10;
constexpr int largest_near_distance = 1000;
// The parser and every walk over the parsed query recurse: brackets and
// chains of operators as deep as a pasted text could make them would
// exhaust the stack. No query a person writes comes near these.
constexpr int deepest_brackets = 100;
constexpr std::size_t most_lexemes = 1000;

struct Lexeme {
    enum class Kind { Word, Quoted, Open, Close, And, Or, Not, Near, End };
    Kind kind;
    std::string text;
    std::size_t position;  // characters from the start of the query
    int distance = 0;
};

std::string position_text(std::size_t position) { return "position " + std::to_string(position + 1) + " of the query"; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::vector<Lexeme> lex(std::string_view text) {
    std::vector<Lexeme> lexemes;
    // Positions in messages count characters, as the user sees them. Asked
    // for in order, so each is counted on from the last (not from the start,
    // which made a long query take time in the square of its length).
    std::size_t counted_bytes = 0, counted = 0;
    auto character = [&](std::size_t byte) {
        counted += text::count_code_points(text.substr(counted_bytes, byte - counted_bytes));
        counted_bytes = byte;
        return counted;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_space(text[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        if (lexemes.size() == most_lexemes) {
            throw InputError("the query is too long: more than " + std::to_string(most_lexemes) +
                             " words, phrases, operators and brackets (at " + position_text(character(start)) + ")");
        }
        if (text[i] == '(' || text[i] == ')') {
            lexemes.push_back({text[i] == '(' ? Lexeme::Kind::Open : Lexeme::Kind::Close, std::string(1, text[i]), character(start)});
            ++i;
            continue;
        }
        if (text[i] == '"') {
            const auto close = text.find('"', i + 1);
            if (close == std::string_view::npos) {
                throw InputError("the quote at " + position_text(character(start)) + " is never closed");
            }
            lexemes.push_back({Lexeme::Kind::Quoted, std::string(text.substr(i + 1, close - i - 1)), character(start)});
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
        } else if (word == "NEAR" || word.rfind("NEAR/", 0) == 0) {
            Lexeme near{Lexeme::Kind::Near, word, character(start), default_near_distance};
            if (word != "NEAR") {
                const auto digits = word.substr(5);
                const bool numeric = !digits.empty() && digits.size() <= 4 &&
                                     digits.find_first_not_of("0123456789") == std::string::npos;
                near.distance = numeric ? std::stoi(digits) : -1;
                if (near.distance < 0 || near.distance > largest_near_distance) {
                    throw InputError("\"" + word + "\" at " + position_text(near.position) +
                                     " needs a distance from 0 to 1000 words, e.g. NEAR/5");
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

std::unique_ptr<QueryNode> combine(QueryNode::Kind kind, std::unique_ptr<QueryNode> left, std::unique_ptr<QueryNode> right) {
    auto node = std::make_unique<QueryNode>();
    node->kind = kind;
    node->children.push_back(std::move(left));
    node->children.push_back(std::move(right));
    return node;
}

class Parser {
public:
    Parser(std::vector<Lexeme> lexemes, bool exact) : lexemes_(std::move(lexemes)), exact_(exact) {}

    std::unique_ptr<QueryNode> parse() {
        if (peek().kind == Lexeme::Kind::End) throw InputError("the query is empty");
        auto node = or_expression();
        if (peek().kind == Lexeme::Kind::Close) fail("a \")\" has no \"(\" before it");
        if (peek().kind != Lexeme::Kind::End) fail("unexpected " + describe(peek()));
        return node;
    }

private:
    const Lexeme& peek() const { return lexemes_[at_]; }
    const Lexeme& take() { return lexemes_[at_++]; }
    [[noreturn]] void fail(const std::string& problem) const { fail_at(problem, peek().position); }
    [[noreturn]] static void fail_at(const std::string& problem, std::size_t position) {
        throw InputError(problem + " at " + position_text(position));
    }
    static std::string describe(const Lexeme& lexeme) {
        return lexeme.kind == Lexeme::Kind::End ? "the end of the query" : "\"" + lexeme.text + "\"";
    }
    static bool starts_operand(Lexeme::Kind kind) {
        return kind == Lexeme::Kind::Word || kind == Lexeme::Kind::Quoted || kind == Lexeme::Kind::Open;
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
            } else if (starts_operand(kind)) {
                left = combine(QueryNode::Kind::And, std::move(left), near_expression());
            } else {
                return left;
            }
        }
    }

    std::unique_ptr<QueryNode> near_expression() {
        auto left = primary();
        while (peek().kind == Lexeme::Kind::Near) {
            const auto near = take();
            auto right = primary();
            if (!is_near_operand(*right)) fail_at("NEAR joins words, prefixes and quoted phrases, not a bracketed expression", near.position);
            if (left->kind == QueryNode::Kind::Near) {
                // a NEAR/n b NEAR/n c: all three within reach of each other.
                if (left->distance != near.distance) fail_at("a chain of NEAR must use one distance", near.position);
                left->children.push_back(std::move(right));
                continue;
            }
            if (!is_near_operand(*left)) fail_at("NEAR joins words, prefixes and quoted phrases, not a bracketed expression", near.position);
            left = combine(QueryNode::Kind::Near, std::move(left), std::move(right));
            left->distance = near.distance;
        }
        return left;
    }

    static bool is_near_operand(const QueryNode& node) {
        return node.kind == QueryNode::Kind::Word || node.kind == QueryNode::Kind::Prefix || node.kind == QueryNode::Kind::Phrase;
    }

    std::unique_ptr<QueryNode> primary() {
        const auto lexeme = peek();
        switch (lexeme.kind) {
            case Lexeme::Kind::Open: {
                take();
                if (peek().kind == Lexeme::Kind::Close) fail("the brackets hold nothing");
                if (++depth_ > deepest_brackets) {
                    fail_at("brackets are nested deeper than " + std::to_string(deepest_brackets) + " levels", lexeme.position);
                }
                auto inner = or_expression();
                if (peek().kind != Lexeme::Kind::Close) fail("a \")\" is missing");
                take();
                --depth_;
                return inner;
            }
            case Lexeme::Kind::Word: take(); return word(lexeme);
            case Lexeme::Kind::Quoted: {
                take();
                const auto tokens = tokenize(text::to_nfc(lexeme.text, "the query"));
                if (tokens.empty()) fail_at("the quotes hold no words", lexeme.position);
                auto node = std::make_unique<QueryNode>();
                node->kind = tokens.size() == 1 ? QueryNode::Kind::Word : QueryNode::Kind::Phrase;
                node->exact = true;
                for (const auto& token : tokens) node->words.push_back(token.lower);
                return node;
            }
            case Lexeme::Kind::End: fail("a word is missing: the query ends after an operator");
            default: fail("expected a word, a quoted phrase or \"(\" but found " + describe(lexeme));
        }
    }

    std::unique_ptr<QueryNode> word(const Lexeme& lexeme) {
        auto node = std::make_unique<QueryNode>();
        node->exact = exact_;
        std::string written = text::to_nfc(lexeme.text, "the query");
        const auto star = written.find('*');
        if (star != std::string::npos) {
            if (star != written.size() - 1) fail_at("\"*\" may only end a word (as in medarbejder*), not stand inside \"" + lexeme.text + "\"", lexeme.position);
            written.pop_back();
            node->kind = QueryNode::Kind::Prefix;
        }
        const auto tokens = tokenize(written);
        if (tokens.empty()) fail_at("\"" + lexeme.text + "\" has no letters or digits to search for", lexeme.position);
        if (node->kind == QueryNode::Kind::Prefix) {
            if (tokens.size() != 1 || tokens.front().span.start != 0 ||
                tokens.front().span.end != static_cast<std::int64_t>(text::count_code_points(written))) {
                fail_at("a prefix search takes one word before \"*\", not \"" + lexeme.text + "\"", lexeme.position);
            }
            node->words = {tokens.front().lower};
            return node;
        }
        // "rådgiver/sagsbehandler" typed as one word: its words side by side.
        node->kind = tokens.size() == 1 ? QueryNode::Kind::Word : QueryNode::Kind::Phrase;
        for (const auto& token : tokens) node->words.push_back(token.lower);
        return node;
    }

    std::vector<Lexeme> lexemes_;
    bool exact_;
    std::size_t at_ = 0;
    int depth_ = 0;  // brackets open
};

}  // namespace

std::unique_ptr<QueryNode> parse_query(std::string_view text, bool exact_words) {
    return Parser(lex(text), exact_words).parse();
}

}  // namespace fokus::search
