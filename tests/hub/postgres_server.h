#pragma once
// A real PostgreSQL server in a temporary folder, for the hub's tests: made
// with initdb, run with pg_ctl on a free port and a unix socket in the
// folder, stopped and removed at the end. PostgreSQL refuses to run as root,
// so under root (CI) the folder is given to the user "nobody", who runs it.
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace fokus::testing {

class PostgresServer {
public:
    PostgresServer() {
        bin_ = find_binaries();
        char pattern[] = "/tmp/fokus-pg-XXXXXX";
        if (!::mkdtemp(pattern)) throw std::runtime_error("cannot make a folder for the test server");
        dir_ = pattern;
        if (::geteuid() == 0) {
            const passwd* nobody = ::getpwnam("nobody");
            if (!nobody) throw std::runtime_error("running as root, and there is no user nobody to run PostgreSQL as");
            if (::chown(dir_.c_str(), nobody->pw_uid, nobody->pw_gid) != 0) throw std::runtime_error("cannot give " + dir_.string() + " to nobody");
            as_user_ = "runuser -u nobody -- ";
        }
        run(bin_ + "/initdb -D " + (dir_ / "data").string() +
            " -U fokus_admin -A trust -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions > " + (dir_ / "initdb.log").string() + " 2>&1");
        port_ = free_port();
        start();
    }
    ~PostgresServer() {
        std::system((as_user_ + bin_ + "/pg_ctl -D " + (dir_ / "data").string() + " -m immediate -w stop > /dev/null 2>&1").c_str());
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    void start() {
        run(bin_ + "/pg_ctl -D " + (dir_ / "data").string() + " -l " + (dir_ / "server.log").string() + " -w -t 60 -o \"-k " +
            dir_.string() + " -p " + std::to_string(port_) + " -c listen_addresses='' -c fsync=off -c max_connections=40\" start > /dev/null");
    }
    // `mode`: fast (clients are disconnected) or immediate (as if it crashed).
    void stop(const std::string& mode = "fast") {
        run(bin_ + "/pg_ctl -D " + (dir_ / "data").string() + " -m " + mode + " -w -t 60 stop > /dev/null");
    }
    void restart(const std::string& mode = "fast") {
        stop(mode);
        start();
    }

    std::string conninfo(const std::string& user = "fokus_admin") const {
        return "host=" + dir_.string() + " port=" + std::to_string(port_) + " dbname=postgres user=" + user;
    }
    const std::filesystem::path& folder() const { return dir_; }

private:
    static std::string find_binaries() {
        if (const char* given = std::getenv("FOKUS_PG_BIN")) return given;
        for (const auto& version : {"17", "16", "15", "14", "13"}) {
            const std::string candidate = std::string("/usr/lib/postgresql/") + version + "/bin";
            if (std::filesystem::exists(candidate + "/initdb")) return candidate;
        }
        throw std::runtime_error("no PostgreSQL server found (apt-get install postgresql, or set FOKUS_PG_BIN)");
    }
    static int free_port() {
        const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        ::bind(probe, reinterpret_cast<sockaddr*>(&address), size);
        ::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &size);
        const int port = ntohs(address.sin_port);
        ::close(probe);
        return port;
    }
    void run(const std::string& command) const {
        if (std::system((as_user_ + command).c_str()) != 0) {
            throw std::runtime_error("failed: " + command + " (see the logs in " + dir_.string() + ")");
        }
    }

    std::string bin_;
    std::filesystem::path dir_;
    std::string as_user_;
    int port_ = 0;
};

}  // namespace fokus::testing
