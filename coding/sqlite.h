#pragma once
// RAII over SQLite. Every return code is checked and turned into a DatabaseError
// naming the file and the statement; destructors never throw.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fokus::sql {

class Connection;

class Statement {
public:
    Statement(Connection& connection, std::string_view sql);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::nullptr_t);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    Statement& bind_blob(int index, const void* data, std::size_t size);

    // Binds the arguments to parameters 1..n.
    template <class... Args>
    Statement& bind_all(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // Steps once; true while a row is available.
    bool step();
    // Steps to completion, for statements that return no rows.
    void run();
    void reset();

    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optional_text(int column) const;
    std::optional<std::int64_t> optional_int64(int column) const;
    std::vector<unsigned char> blob(int column) const;
    bool is_null(int column) const;
    int column_count() const;

private:
    [[noreturn]] void fail(int rc) const;
    Connection* connection_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
};

class Connection {
public:
    enum class Mode { ReadOnly, ReadWrite, Create };
    Connection(std::string path, Mode mode);
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&&) = delete;
    Connection(const Connection&) = delete;
    ~Connection();

    // Runs one or more statements that return no rows.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(*this, sql); }

    // Runs a query expected to return one integer (count, pragma value).
    std::int64_t scalar_int(std::string_view sql);

    std::int64_t last_insert_id() const;
    int changes() const;
    bool in_transaction() const;

    const std::string& path() const noexcept { return path_; }
    sqlite3* handle() const noexcept { return db_; }

    [[noreturn]] void fail(const std::string& operation, int rc) const;

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

// A transaction that rolls back unless committed.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Connection& connection_;
    bool open_ = true;
};

}  // namespace fokus::sql
