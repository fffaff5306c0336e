#include "identity.h"

#include <nettle/sha2.h>
#include <pwd.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include <array>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <vector>

#include "error.h"

namespace fokus {

std::string new_guid() {
    uuid_t id;
    uuid_generate_random(id);
    std::array<char, 37> text{};
    uuid_unparse_lower(id, text.data());
    return text.data();
}

bool is_guid(std::string_view text) {
    if (text.size() == 38 && text.front() == '{' && text.back() == '}') text = text.substr(1, 36);
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
}

namespace {

std::string hex_digest(sha256_ctx& context) {
    std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
    sha256_digest(&context, digest.size(), digest.data());
    static constexpr char hex[] = "0123456789abcdef";
    std::string result;
    result.reserve(digest.size() * 2);
    for (const auto byte : digest) {
        result += hex[byte >> 4];
        result += hex[byte & 0xF];
    }
    return result;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    sha256_ctx context;
    sha256_init(&context);
    sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
    return hex_digest(context);
}

std::string sha256_file_hex(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path, "cannot be opened for reading");
    sha256_ctx context;
    sha256_init(&context);
    std::vector<char> piece(1 << 20);
    while (in) {
        in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
        const auto got = in.gcount();
        if (got > 0) sha256_update(&context, static_cast<std::size_t>(got), reinterpret_cast<const std::uint8_t*>(piece.data()));
    }
    if (in.bad()) throw FileError(path, "could not be read to the end");
    return hex_digest(context);
}

std::string now_utc() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::array<char, 32> text{};
    std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text.data();
}

std::string default_coder_name() {
    for (const char* variable : {"FOKUS_CODER", "USER", "LOGNAME"}) {
        if (const char* value = std::getenv(variable); value && *value) return value;
    }
    // Services and containers often run without $USER; the account still has a name.
    if (const passwd* account = getpwuid(geteuid()); account && account->pw_name && *account->pw_name)
        return account->pw_name;
    return "uid " + std::to_string(geteuid());
}

}  // namespace fokus
