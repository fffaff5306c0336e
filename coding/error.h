#pragma once
// The one exception hierarchy of the core. Every message names what it is about
// (the file, the value, the operation) so that a face can show it as it is.
#include <stdexcept>
#include <string>

namespace fokus {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The request itself is wrong: unknown code, empty name, span past the end.
class InputError : public Error {
public:
    using Error::Error;
};

// Something the request names does not exist.
class NotFoundError : public InputError {
public:
    using InputError::InputError;
};

// A file could not be read or written, or is not what it claims to be.
class FileError : public Error {
public:
    FileError(std::string path, const std::string& problem);
    const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
};

// A file that is well formed but holds no text, or only white space.
class NoTextError : public FileError {
public:
    using FileError::FileError;
};

// A file's content is malformed (XML not well-formed, a zip without its parts).
class FormatError : public FileError {
public:
    using FileError::FileError;
};

// The project file cannot be used as it is.
class ProjectError : public FileError {
public:
    enum class Reason { Missing, NotAProject, TooNew, Damaged, InUse, ReadOnly };
    ProjectError(std::string path, Reason reason, const std::string& problem);
    Reason reason() const noexcept { return reason_; }

private:
    Reason reason_;
};

// SQLite refused an operation; carries the extended result code.
class DatabaseError : public FileError {
public:
    DatabaseError(std::string path, const std::string& operation, int extended_code,
                  const std::string& detail);
    int extended_code() const noexcept { return extended_code_; }

private:
    int extended_code_;
};

}  // namespace fokus
