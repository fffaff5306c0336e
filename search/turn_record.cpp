#include "search/turn_record.h"

#include "coding/error.h"

namespace fokus::search {
namespace {

void put(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

class Reader {
public:
    explicit Reader(std::string_view data) : data_(data) {}
    std::uint64_t next() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at_ >= data_.size()) damaged();
            const auto byte = static_cast<unsigned char>(data_[at_++]);
            value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) return value;
        }
        damaged();
    }
    std::string_view bytes(std::size_t count) {
        if (data_.size() - at_ < count) damaged();
        const auto result = data_.substr(at_, count);
        at_ += count;
        return result;
    }

private:
    [[noreturn]] static void damaged() { throw Error("a search index entry is damaged; rebuild the index (fokus-cli reindex)"); }
    std::string_view data_;
    std::size_t at_ = 0;
};

}  // namespace

Span TurnRecord::span_of(std::uint32_t first_position, std::uint32_t last_position) const {
    const auto& first = words.at(first_position - 1);
    const auto& last = words.at(last_position - 1);
    return Span{body.start + first.start, body.start + last.start + last.length};
}

std::string TurnRecord::encode() const {
    std::string out;
    out.reserve(16 + speaker.size() + 3 * words.size());
    put(out, static_cast<std::uint64_t>(document));
    put(out, static_cast<std::uint64_t>(turn));
    put(out, static_cast<std::uint64_t>(body.start));
    put(out, static_cast<std::uint64_t>(body.end - body.start));
    put(out, speaker.size());
    out += speaker;
    put(out, words.size());
    // Gaps from the previous word's end keep the numbers small.
    std::uint32_t previous_end = 0;
    for (const auto& word : words) {
        put(out, word.start - previous_end);
        put(out, word.length);
        previous_end = word.start + word.length;
    }
    return out;
}

TurnRecord TurnRecord::decode(std::string_view data, bool with_words) {
    Reader in(data);
    TurnRecord record;
    record.document = static_cast<Id>(in.next());
    record.turn = static_cast<Id>(in.next());
    record.body.start = static_cast<std::int64_t>(in.next());
    record.body.end = record.body.start + static_cast<std::int64_t>(in.next());
    record.speaker = std::string(in.bytes(in.next()));
    if (!with_words) return record;
    const auto count = in.next();
    record.words.reserve(count);
    std::uint32_t previous_end = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        Word word;
        word.start = previous_end + static_cast<std::uint32_t>(in.next());
        word.length = static_cast<std::uint32_t>(in.next());
        previous_end = word.start + word.length;
        record.words.push_back(word);
    }
    return record;
}

}  // namespace fokus::search
