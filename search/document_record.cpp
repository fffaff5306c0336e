#include "search/document_record.h"

#include <algorithm>

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
    // A count of things each at least one byte long, so no larger than what is left.
    std::uint64_t count() {
        const auto value = next();
        if (value > data_.size() - at_) damaged();
        return value;
    }
    std::string_view bytes(std::size_t count) {
        if (data_.size() - at_ < count) damaged();
        const auto result = data_.substr(at_, count);
        at_ += count;
        return result;
    }

private:
    [[noreturn]] static void damaged() { throw DamagedIndexError("a search index entry is damaged; rebuild the index (fokus-cli reindex)"); }
    std::string_view data_;
    std::size_t at_ = 0;
};

}  // namespace

const IndexedTurn* DocumentRecord::turn_at(std::uint32_t position) const {
    // The last turn starting at or before the position.
    auto after = std::upper_bound(turns.begin(), turns.end(), position,
                                  [](std::uint32_t p, const IndexedTurn& turn) { return p < turn.first_position; });
    if (after == turns.begin()) return nullptr;
    const auto& turn = *std::prev(after);
    return turn.holds(position) ? &turn : nullptr;
}

std::size_t DocumentRecord::word_count() const {
    std::size_t total = 0;
    for (const auto& turn : turns) total += turn.words;
    return total;
}

std::string DocumentRecord::encode() const {
    std::string out;
    out.reserve(8 + turns.size() * 20);
    put(out, static_cast<std::uint64_t>(document));
    put(out, turns.size());
    for (const auto& turn : turns) {
        put(out, static_cast<std::uint64_t>(turn.turn));
        put(out, static_cast<std::uint64_t>(turn.body.start));
        put(out, static_cast<std::uint64_t>(turn.body.end - turn.body.start));
        put(out, turn.speaker.size());
        out += turn.speaker;
        put(out, static_cast<std::uint64_t>(turn.participant));
        put(out, turn.first_position);
        put(out, turn.words);
    }
    return out;
}

DocumentRecord DocumentRecord::decode(std::string_view data) {
    Reader in(data);
    DocumentRecord record;
    record.document = static_cast<Id>(in.next());
    record.turns.resize(in.count());
    for (auto& turn : record.turns) {
        turn.turn = static_cast<Id>(in.next());
        turn.body.start = static_cast<std::int64_t>(in.next());
        turn.body.end = turn.body.start + static_cast<std::int64_t>(in.next());
        turn.speaker = std::string(in.bytes(in.next()));
        turn.participant = static_cast<Id>(in.next());
        turn.first_position = static_cast<std::uint32_t>(in.next());
        turn.words = static_cast<std::uint32_t>(in.next());
    }
    return record;
}

}  // namespace fokus::search
