#pragma once
// A libFuzzer custom mutator for the targets whose input is a zip (.docx,
// .odt, .qdpx). Mutated raw bytes rarely survive the archive's checksums, so
// the XML inside would hardly be fuzzed; instead, most mutations change one
// entry (or its name) and write the archive anew, stored, with correct
// checksums. Every few mutations the raw bytes are mutated, so the zip layer
// is fuzzed as well. Only in the libFuzzer build (FOKUS_LIBFUZZER).
#ifdef FOKUS_LIBFUZZER
#include <zip.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <vector>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace fokus::fuzz {

struct ZipEntry {
    std::string name;
    std::string data;
};

inline std::optional<std::vector<ZipEntry>> unzip(const std::uint8_t* data, std::size_t size) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(data, size, 0, &error);
    zip_error_fini(&error);
    if (!source) return std::nullopt;
    zip_error_init(&error);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (!archive) {
        zip_source_free(source);
        return std::nullopt;
    }
    std::vector<ZipEntry> entries;
    bool whole = true;
    const auto count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; whole && i < count && i < 256; ++i) {
        zip_stat_t stat;
        const auto index = static_cast<zip_uint64_t>(i);
        if (zip_stat_index(archive, index, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE) || stat.size > (1u << 20)) {
            whole = false;
            break;
        }
        ZipEntry entry{stat.name ? stat.name : "", std::string(static_cast<std::size_t>(stat.size), '\0')};
        zip_file_t* file = zip_fopen_index(archive, index, 0);
        if (!file) {
            whole = false;
            break;
        }
        const auto got = entry.data.empty() ? 0 : zip_fread(file, entry.data.data(), entry.data.size());
        zip_fclose(file);
        if (got < 0 || static_cast<std::size_t>(got) != entry.data.size()) whole = false;
        entries.push_back(std::move(entry));
    }
    zip_discard(archive);  // frees the source too
    if (!whole || entries.empty()) return std::nullopt;
    return entries;
}

inline std::uint32_t crc32_of(const std::string& data) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const unsigned char byte : data) crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

// A zip of stored (uncompressed) entries.
inline std::string stored_zip(const std::vector<ZipEntry>& entries) {
    std::string out, directory;
    const auto put16 = [](std::string& s, std::uint32_t v) { s += static_cast<char>(v & 0xFF), s += static_cast<char>((v >> 8) & 0xFF); };
    const auto put32 = [&](std::string& s, std::uint32_t v) { put16(s, v & 0xFFFF), put16(s, v >> 16); };
    for (const auto& entry : entries) {
        const auto offset = static_cast<std::uint32_t>(out.size());
        const auto crc = crc32_of(entry.data);
        const auto size = static_cast<std::uint32_t>(entry.data.size());
        const auto name_length = static_cast<std::uint32_t>(entry.name.size());
        put32(out, 0x04034b50), put16(out, 20), put16(out, 0), put16(out, 0), put16(out, 0), put16(out, 0x21);
        put32(out, crc), put32(out, size), put32(out, size), put16(out, name_length), put16(out, 0);
        out += entry.name;
        out += entry.data;
        put32(directory, 0x02014b50), put16(directory, 20), put16(directory, 20), put16(directory, 0), put16(directory, 0);
        put16(directory, 0), put16(directory, 0x21), put32(directory, crc), put32(directory, size), put32(directory, size);
        put16(directory, name_length), put16(directory, 0), put16(directory, 0), put16(directory, 0), put16(directory, 0);
        put32(directory, 0), put32(directory, offset);
        directory += entry.name;
    }
    const auto directory_offset = static_cast<std::uint32_t>(out.size());
    out += directory;
    const auto count = static_cast<std::uint32_t>(entries.size());
    put32(out, 0x06054b50), put16(out, 0), put16(out, 0), put16(out, count), put16(out, count);
    put32(out, static_cast<std::uint32_t>(directory.size())), put32(out, directory_offset), put16(out, 0);
    return out;
}

// Mutates a string in place with libFuzzer's own mutations, letting it grow by `room`.
inline void mutate(std::string& text, std::size_t room) {
    const auto size = text.size();
    text.resize(size + room + 1);
    const auto got = LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(text.data()), size, text.size());
    text.resize(got);
}

inline std::size_t mutate_zip(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned int seed) {
    std::minstd_rand random(seed);
    auto entries = random() % 8 == 0 ? std::nullopt : unzip(data, size);
    if (!entries) return LLVMFuzzerMutate(data, size, max_size);
    auto& entry = (*entries)[random() % entries->size()];
    const std::size_t overhead = 128;
    const std::size_t room = max_size > size + overhead ? max_size - size - overhead : 0;
    if (random() % 16 == 0) {
        mutate(entry.name, std::min<std::size_t>(room, 64));
    } else {
        mutate(entry.data, room);
    }
    const auto zipped = stored_zip(*entries);
    if (zipped.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
    std::memcpy(data, zipped.data(), zipped.size());
    return zipped.size();
}

}  // namespace fokus::fuzz

#define FOKUS_FUZZ_ZIP_MUTATOR                                                                                      \
    extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,     \
                                                   unsigned int seed) {                                             \
        return fokus::fuzz::mutate_zip(data, size, max_size, seed);                                                 \
    }
#else
#define FOKUS_FUZZ_ZIP_MUTATOR
#endif
