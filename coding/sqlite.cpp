#include "sqlite.h"

#include <sqlite3.h>

#include <utility>

#include "error.h"

namespace fokus::sql {
namespace {

std::string describe_statement(std::string_view sql) {
    // The first line of the statement is enough for a reader to recognise it.
    std::string shown(sql.substr(0, sql.find('\n')));
    const auto first = shown.find_first_not_of(" \t");
    shown = first == std::string::npos ? std::string() : shown.substr(first);
    if (shown.size() > 80) shown = shown.substr(0, 77) + "...";
    return "\"" + shown + "\"";
}

}  // namespace

Connection::Connection(std::string path, Mode mode) : path_(std::move(path)) {
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
        case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
        case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
        case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    const int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        const int code = db_ ? sqlite3_extended_errcode(db_) : rc;
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw DatabaseError(path_, "opening the database", code, detail);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 2000);
}

Connection::Connection(Connection&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Connection::~Connection() { sqlite3_close_v2(db_); }

void Connection::fail(const std::string& operation, int rc) const {
    const int code = db_ ? sqlite3_extended_errcode(db_) : rc;
    const std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    throw DatabaseError(path_, operation, code, detail);
}

void Connection::exec(std::string_view sql) {
    const std::string statement(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, statement.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const std::string detail = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw DatabaseError(path_, describe_statement(sql), sqlite3_extended_errcode(db_), detail);
    }
}

std::int64_t Connection::scalar_int(std::string_view sql) {
    Statement statement(*this, sql);
    if (!statement.step()) return 0;
    return statement.int64(0);
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
int Connection::changes() const { return sqlite3_changes(db_); }
bool Connection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

Statement::Statement(Connection& connection, std::string_view sql)
    : connection_(&connection), sql_(sql) {
    const int rc = sqlite3_prepare_v2(connection.handle(), sql_.data(),
                                      static_cast<int>(sql_.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(rc);
}

Statement::Statement(Statement&& other) noexcept
    : connection_(other.connection_), stmt_(std::exchange(other.stmt_, nullptr)),
      sql_(std::move(other.sql_)) {}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::fail(int rc) const { connection_->fail(describe_statement(sql_), rc); }

Statement& Statement::bind(int index, std::int64_t value) {
    if (const int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(rc);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (const int rc = sqlite3_bind_double(stmt_, index, value); rc != SQLITE_OK) fail(rc);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    const int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                       SQLITE_UTF8);
    if (rc != SQLITE_OK) fail(rc);
    return *this;
}

Statement& Statement::bind(int index, std::nullptr_t) {
    if (const int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) fail(rc);
    return *this;
}

Statement& Statement::bind_blob(int index, const void* data, std::size_t size) {
    const int rc = sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(rc);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    fail(rc);
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

std::string Statement::text(int column) const {
    const auto* data = sqlite3_column_text(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    return data ? std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size))
                : std::string();
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
    if (is_null(column)) return std::nullopt;
    return int64(column);
}

std::vector<unsigned char> Statement::blob(int column) const {
    const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    return data ? std::vector<unsigned char>(data, data + size) : std::vector<unsigned char>();
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
    // IMMEDIATE takes the write lock now, so a second writer is told at once
    // instead of failing halfway through a user action.
    connection_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (open_) sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    connection_.exec("COMMIT");
    open_ = false;
}

}  // namespace fokus::sql
