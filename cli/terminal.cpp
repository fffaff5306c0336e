#include "cli/terminal.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace fokus::cli {
namespace {

bool is_c0_control(unsigned char byte) { return (byte < 0x20 && byte != '\t' && byte != '\n') || byte == 0x7F; }

// The length of the sequence at the start of `text` that must be escaped,
// 0 when there is none, or -1 when `text` ends before one can be told apart.
int control_length(const unsigned char* text, std::size_t size) {
    if (size == 0) return 0;
    if (is_c0_control(text[0])) return 1;
    if (text[0] == 0xC2) {  // U+0080 to U+009F
        if (size < 2) return -1;
        return text[1] >= 0x80 && text[1] <= 0x9F ? 2 : 0;
    }
    if (text[0] == 0xE2) {  // U+202A to U+202E, U+2066 to U+2069
        if (size < 2) return -1;
        if (text[1] != 0x80 && text[1] != 0x81) return 0;
        if (size < 3) return -1;
        if (text[1] == 0x80 && text[2] >= 0xAA && text[2] <= 0xAE) return 3;
        if (text[1] == 0x81 && text[2] >= 0xA6 && text[2] <= 0xA9) return 3;
    }
    return 0;
}

std::string escape_of(const unsigned char* sequence, int length) {
    char escaped[12];
    if (length == 1) {
        std::snprintf(escaped, sizeof escaped, "\\x%02x", sequence[0]);
    } else if (length == 2) {
        std::snprintf(escaped, sizeof escaped, "\\u%04x", ((sequence[0] & 0x1F) << 6) | (sequence[1] & 0x3F));
    } else {
        std::snprintf(escaped, sizeof escaped, "\\u%04x", ((sequence[0] & 0x0F) << 12) | ((sequence[1] & 0x3F) << 6) | (sequence[2] & 0x3F));
    }
    return escaped;
}

// Escapes `text` into `out`; returns how many bytes at its end were left
// unread because they may begin a sequence that the next write completes.
std::size_t escape_into(std::string& out, const unsigned char* text, std::size_t size, bool at_end) {
    std::size_t i = 0;
    while (i < size) {
        const int length = control_length(text + i, size - i);
        if (length < 0) {
            if (!at_end) return size - i;
            out.append(reinterpret_cast<const char*>(text + i), size - i);
            return 0;
        }
        if (length > 0) {
            out += escape_of(text + i, length);
            i += static_cast<std::size_t>(length);
        } else {
            out += static_cast<char>(text[i]);
            ++i;
        }
    }
    return 0;
}

}  // namespace

std::string escape_controls(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    escape_into(out, reinterpret_cast<const unsigned char*>(text.data()), text.size(), true);
    return out;
}

EscapingBuffer::EscapingBuffer(std::ostream& stream) : stream_(stream), target_(stream.rdbuf()) { stream_.rdbuf(this); }

EscapingBuffer::~EscapingBuffer() {
    if (!pending_.empty()) target_->sputn(pending_.data(), static_cast<std::streamsize>(pending_.size()));
    target_->pubsync();
    stream_.rdbuf(target_);
}

void EscapingBuffer::take(const char* data, std::size_t count) {
    std::string text = std::move(pending_);
    text.append(data, count);
    std::string out;
    out.reserve(text.size());
    const auto left = escape_into(out, reinterpret_cast<const unsigned char*>(text.data()), text.size(), false);
    pending_ = text.substr(text.size() - left);
    target_->sputn(out.data(), static_cast<std::streamsize>(out.size()));
}

EscapingBuffer::int_type EscapingBuffer::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char byte = traits_type::to_char_type(c);
    take(&byte, 1);
    return c;
}

std::streamsize EscapingBuffer::xsputn(const char* data, std::streamsize count) {
    take(data, static_cast<std::size_t>(count));
    return count;
}

int EscapingBuffer::sync() { return target_->pubsync(); }

void EscapingBuffer::write_raw(std::string_view sequence) {
    target_->sputn(sequence.data(), static_cast<std::streamsize>(sequence.size()));
}

void write_control(std::ostream& stream, std::string_view sequence) {
    if (auto* escaping = dynamic_cast<EscapingBuffer*>(stream.rdbuf())) {
        escaping->write_raw(sequence);
    } else {
        stream.write(sequence.data(), static_cast<std::streamsize>(sequence.size()));
    }
}

TerminalGuard::TerminalGuard() {
    if (::isatty(STDOUT_FILENO)) out_ = std::make_unique<EscapingBuffer>(std::cout);
    if (::isatty(STDERR_FILENO)) err_ = std::make_unique<EscapingBuffer>(std::cerr);
}

}  // namespace fokus::cli
