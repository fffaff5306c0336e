#include "exporters/zip_writer.h"

#include <deque>
#include <zip.h>

#include "coding/error.h"
#include "coding/output_file.h"

namespace fokus::exporters {

struct ZipWriter::Handle {
    zip_t* archive = nullptr;
    std::string path;
    // libzip reads entry data only at zip_close, so the bytes must outlive add().
    std::deque<std::string> contents;
};

ZipWriter::ZipWriter(const std::filesystem::path& path) : handle_(std::make_unique<Handle>()) {
    handle_->path = path.string();
    int error_code = 0;
    handle_->archive = zip_open(handle_->path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error_code);
    if (!handle_->archive) {
        zip_error_t error;
        zip_error_init_with_code(&error, error_code);
        const std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw FileError(handle_->path, "could not be created as a zip archive: " + message);
    }
}

ZipWriter::~ZipWriter() {
    if (handle_ && handle_->archive) zip_discard(handle_->archive);
}

void ZipWriter::add(const std::string& name, std::string bytes, Compression compression) {
    auto& stored = handle_->contents.emplace_back(std::move(bytes));
    zip_source_t* source = zip_source_buffer(handle_->archive, stored.data(), stored.size(), 0);
    if (!source) throw FileError(handle_->path, "could not add " + name + ": " + zip_strerror(handle_->archive));
    const zip_int64_t index = zip_file_add(handle_->archive, name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
        zip_source_free(source);
        throw FileError(handle_->path, "could not add " + name + ": " + zip_strerror(handle_->archive));
    }
    const zip_int32_t method = compression == Compression::Store ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
    if (zip_set_file_compression(handle_->archive, static_cast<zip_uint64_t>(index), method, 0) != 0) {
        throw FileError(handle_->path, "could not set compression of " + name + ": " + zip_strerror(handle_->archive));
    }
}

void ZipWriter::commit() {
    if (zip_close(handle_->archive) != 0) {
        const std::string message = zip_strerror(handle_->archive);
        zip_discard(handle_->archive);
        handle_->archive = nullptr;
        throw FileError(handle_->path, "could not be written: " + message);
    }
    handle_->archive = nullptr;
}

void write_zip(const std::filesystem::path& target, const std::function<void(ZipWriter&)>& fill) {
    write_atomically(target, [&](const std::filesystem::path& temporary) {
        ZipWriter writer(temporary);
        fill(writer);
        writer.commit();
    });
}

}  // namespace fokus::exporters
