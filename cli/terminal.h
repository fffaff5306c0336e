#pragma once
// Names, texts and messages are data: a code or coder named with an escape
// sequence must not clear the screen or retitle the window of whoever lists
// it. Output bound for a terminal shows such characters escaped (\x1b,
// \u202e); output to a file or pipe stays exactly as stored.
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace fokus::cli {

// The text with C0 controls other than tab and line feed, DEL, C1 controls
// and the bidirectional overrides written as escapes.
std::string escape_controls(const std::string& text);

// Wraps a stream's buffer for as long as it lives, escaping what passes
// through; a sequence split across writes is escaped whole.
class EscapingBuffer : public std::streambuf {
public:
    explicit EscapingBuffer(std::ostream& stream);
    ~EscapingBuffer() override;
    EscapingBuffer(const EscapingBuffer&) = delete;
    EscapingBuffer& operator=(const EscapingBuffer&) = delete;

    // Writes `sequence` as it is, past the escaping: Fokus's own control
    // sequences, such as the line a progress report rewrites.
    void write_raw(std::string_view sequence);

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize count) override;
    int sync() override;

private:
    void take(const char* data, std::size_t count);
    std::ostream& stream_;
    std::streambuf* target_;
    std::string pending_;  // the start of a multi-byte sequence not yet complete
};

// Writes one of Fokus's own control sequences to `stream`, unescaped.
void write_control(std::ostream& stream, std::string_view sequence);

// Installs an EscapingBuffer on standard output and error where each goes to
// a terminal; removed again when the returned guard goes.
class TerminalGuard {
public:
    TerminalGuard();
    TerminalGuard(const TerminalGuard&) = delete;
    TerminalGuard& operator=(const TerminalGuard&) = delete;

private:
    std::unique_ptr<EscapingBuffer> out_;
    std::unique_ptr<EscapingBuffer> err_;
};

}  // namespace fokus::cli
