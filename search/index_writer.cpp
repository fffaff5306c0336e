#include "search/index_writer.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "coding/change_journal.h"
#include "search/indexing.h"

namespace fokus::search {
namespace {

// Words written between commits, which bounds Xapian's buffers to a few
// hundred megabytes. Each commit leaves the position table less densely
// packed, so not more often than that.
constexpr std::size_t words_per_commit = 20'000'000;
// Documents prepared ahead of the writer.
constexpr std::size_t documents_ahead = 4;

// Prepared documents handed from the preparing thread to the writing one.
class Handover {
public:
    // False when the writer has stopped taking them.
    bool put(PreparedDocument document) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return stopped_ || ready_.size() < documents_ahead; });
        if (stopped_) return false;
        ready_.push_back(std::move(document));
        filled_.notify_one();
        return true;
    }
    void fail(std::exception_ptr error) {
        std::lock_guard lock(mutex_);
        error_ = std::move(error);
        filled_.notify_one();
    }
    // The next document; rethrows what stopped the preparing thread.
    PreparedDocument take() {
        std::unique_lock lock(mutex_);
        filled_.wait(lock, [&] { return error_ || !ready_.empty(); });
        if (ready_.empty()) std::rethrow_exception(error_);
        auto document = std::move(ready_.front());
        ready_.pop_front();
        room_.notify_one();
        return document;
    }
    void stop() {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        room_.notify_one();
    }

private:
    std::mutex mutex_;
    std::condition_variable room_, filled_;
    std::deque<PreparedDocument> ready_;
    std::exception_ptr error_;
    bool stopped_ = false;
};

// The preparing thread, stopped and joined on every way out of the writer.
class Preparer {
public:
    Preparer(Project& project, const std::vector<Id>& documents, Handover& handover)
        : handover_(handover), thread_([&project, &documents, &handover] {
              try {
                  DocumentIndexer indexer;
                  for (const Id document : documents) {
                      if (!handover.put(indexer.prepare(project, document))) return;
                  }
              } catch (...) {
                  handover.fail(std::current_exception());
              }
          }) {}
    ~Preparer() {
        handover_.stop();
        thread_.join();
    }
    Preparer(const Preparer&) = delete;
    Preparer& operator=(const Preparer&) = delete;

private:
    Handover& handover_;
    std::thread thread_;
};

}  // namespace

void write_documents(Xapian::WritableDatabase& db, Project& project, const std::vector<Id>& documents, bool fresh,
                     const std::function<void(std::size_t)>& written) {
    if (documents.empty()) return;
    Handover handover;
    Preparer preparer(project, documents, handover);
    std::size_t words = 0;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const auto prepared = handover.take();
        store(db, prepared, fresh);
        words += prepared.words;
        if (words >= words_per_commit) {
            db.commit();
            words = 0;
        }
        if (written) written(i + 1);
    }
}

UpdateReport apply_journal(Xapian::WritableDatabase& db, Project& project, std::int64_t from, std::int64_t end) {
    // What changed, per document: text or turns need the document indexed
    // again; codings and attributes only touch filter terms.
    // Documents to index whole go through the second thread, after the
    // refreshes, which use the project on this one.
    UpdateReport report;
    std::vector<Id> whole;
    for (const auto& change : ChangeJournal(project).changes(from, end)) {
        if (!change.content && refresh_filter_terms(db, project, change.document)) {
            ++report.refreshed;
        } else {
            whole.push_back(change.document);
        }
    }
    write_documents(db, project, whole, false);
    report.reindexed = whole.size();
    return report;
}

}  // namespace fokus::search
