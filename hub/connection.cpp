#include "connection.h"

#include <libpq-fe.h>

#include <cstring>
#include <memory>

namespace fokus::hub {
namespace {

struct Options {
    PQconninfoOption* options = nullptr;
    explicit Options(const std::string& conninfo) {
        char* error = nullptr;
        options = PQconninfoParse(conninfo.c_str(), &error);
        if (!options) {
            const std::string message = error ? error : "malformed";
            PQfreemem(error);
            throw HubError(HubError::Reason::Other, "the hub's connection string is not valid: " + message);
        }
    }
    ~Options() { PQconninfoFree(options); }
};

std::string quoted_value(const std::string& value) {
    std::string quoted = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

std::string trimmed(std::string message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return message;
}

}  // namespace

std::string without_password(const std::string& conninfo) {
    Options parsed(conninfo);
    std::string kept;
    for (auto* option = parsed.options; option->keyword; ++option) {
        if (!option->val || std::strcmp(option->keyword, "password") == 0) continue;
        kept += std::string(kept.empty() ? "" : " ") + option->keyword + "=" + quoted_value(option->val);
    }
    return kept;
}

std::string describe(const std::string& conninfo) {
    Options parsed(conninfo);
    std::string host, port, dbname, service;
    for (auto* option = parsed.options; option->keyword; ++option) {
        if (!option->val) continue;
        if (std::strcmp(option->keyword, "host") == 0) host = option->val;
        if (std::strcmp(option->keyword, "port") == 0) port = option->val;
        if (std::strcmp(option->keyword, "dbname") == 0) dbname = option->val;
        if (std::strcmp(option->keyword, "service") == 0) service = option->val;
    }
    if (!service.empty()) return "the hub (service " + service + ")";
    return "the hub at " + (host.empty() ? std::string("the local server") : host) + (port.empty() ? "" : ":" + port) +
           (dbname.empty() ? "" : ", database " + dbname);
}

Result::~Result() { PQclear(result_); }
int Result::rows() const { return PQntuples(result_); }
bool Result::is_null(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
std::string Result::text(int row, int column) const {
    return std::string(PQgetvalue(result_, row, column), static_cast<std::size_t>(PQgetlength(result_, row, column)));
}
std::int64_t Result::int64(int row, int column) const { return std::stoll(text(row, column)); }
std::string Result::bytes(int row, int column) const { return text(row, column); }

Connection::Connection(const std::string& conninfo) : where_(describe(conninfo)) {
    connection_ = PQconnectdb(conninfo.c_str());
    if (PQstatus(connection_) != CONNECTION_OK) {
        const std::string message = trimmed(PQerrorMessage(connection_));
        PQfinish(connection_);
        connection_ = nullptr;
        throw HubError(HubError::Reason::Unreachable, where_ + " cannot be reached: " + message);
    }
    // The hub's texts are UTF-8 whatever the server's or the client's locale.
    PQsetClientEncoding(connection_, "UTF8");
    // The server's notices (a connection ended by an administrator) reach the caller as errors, not on stderr.
    PQsetNoticeProcessor(connection_, [](void*, const char*) {}, nullptr);
}

Connection::~Connection() {
    if (connection_) PQfinish(connection_);
}

Result Connection::run(const std::string& sql, const std::vector<Parameter>& parameters, bool binary_result) {
    std::vector<const char*> values;
    std::vector<int> lengths, formats;
    for (const auto& parameter : parameters) {
        values.push_back(parameter.value ? parameter.value->data() : nullptr);
        lengths.push_back(parameter.value ? static_cast<int>(parameter.value->size()) : 0);
        formats.push_back(parameter.binary ? 1 : 0);
    }
    // Without parameters, a script of several statements (the hub's schema) may run at once.
    PGresult* raw = parameters.empty() && !binary_result
                        ? PQexec(connection_, sql.c_str())
                        : PQexecParams(connection_, sql.c_str(), static_cast<int>(parameters.size()), nullptr, values.data(),
                                       lengths.data(), formats.data(), binary_result ? 1 : 0);
    Result result(raw);
    const auto status = PQresultStatus(raw);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
    const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = raw ? PQresultErrorField(raw, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string message = primary ? primary : trimmed(PQerrorMessage(connection_));
    if (PQstatus(connection_) != CONNECTION_OK) {
        throw HubError(HubError::Reason::Unreachable, "the connection to " + where_ + " was lost: " + message);
    }
    // 42501 insufficient_privilege: a role refused what it may not do.
    if (state && std::strcmp(state, "42501") == 0) throw HubError(HubError::Reason::Refused, message);
    throw HubError(HubError::Reason::Other, where_ + " refused: " + message);
}

}  // namespace fokus::hub
