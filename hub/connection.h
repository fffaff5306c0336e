#pragma once
// RAII over libpq. Connection details follow libpq's conventions (a conninfo
// string or URI, PGSERVICE and service files, ~/.pgpass, PG* variables,
// sslmode); every failure becomes a HubError naming the hub and the operation.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coding/error.h"

struct pg_conn;
struct pg_result;

namespace fokus::hub {

class HubError : public Error {
public:
    enum class Reason { Unreachable, Refused, Other };
    HubError(Reason reason, const std::string& message) : Error(message), reason_(reason) {}
    Reason reason() const noexcept { return reason_; }

private:
    Reason reason_;
};

// The conninfo without its password, if it held one: what a project keeps.
std::string without_password(const std::string& conninfo);
// Where the conninfo leads, for messages (host, port, database), never the password.
std::string describe(const std::string& conninfo);

class Result {
public:
    explicit Result(pg_result* result) : result_(result) {}
    Result(Result&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
    Result& operator=(Result&&) = delete;
    Result(const Result&) = delete;
    ~Result();
    int rows() const;
    bool is_null(int row, int column) const;
    std::string text(int row, int column) const;
    std::int64_t int64(int row, int column) const;
    // A bytea column fetched in binary format.
    std::string bytes(int row, int column) const;

private:
    pg_result* result_;
};

class Connection {
public:
    explicit Connection(const std::string& conninfo);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // Runs a statement with text parameters ($1…); a parameter marked binary
    // is sent as bytes (bytea). `binary_result` asks for results in binary.
    struct Parameter {
        std::optional<std::string> value;
        bool binary = false;
    };
    Result run(const std::string& sql, const std::vector<Parameter>& parameters = {}, bool binary_result = false);
    void exec(const std::string& sql) { run(sql); }

private:
    pg_conn* connection_ = nullptr;
    std::string where_;
};

}  // namespace fokus::hub
