#pragma once
// Stable identities and fingerprints: GUIDs for exchange, checksums for
// recognising the same text or file again, and timestamps in one format.
#include <string>
#include <string_view>

namespace fokus {

// A random (version 4) GUID in lower-case 8-4-4-4-12 form.
std::string new_guid();
bool is_guid(std::string_view text);

// SHA-256 of the bytes, in lower-case hex.
std::string sha256_hex(std::string_view bytes);
// SHA-256 of a file's bytes, read a piece at a time (recordings run to
// gigabytes); FileError naming the file when it cannot be read.
std::string sha256_file_hex(const std::string& path);

// The current time as ISO 8601 UTC with seconds, e.g. 2026-03-14T09:30:00Z.
std::string now_utc();

// Who is coding when nobody said: $FOKUS_CODER (tests and shared accounts),
// else the login name from the environment or the password database.
std::string default_coder_name();

}  // namespace fokus
