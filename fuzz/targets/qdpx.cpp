// Fuzz target: a REFI-QDA project (.qdpx), read as it is imported or merged.
// Mutations go mostly inside the archive's entries (fuzz/zip_mutator.h).
#include "coding/error.h"
#include "fuzz/transcript_target.h"
#include "fuzz/zip_mutator.h"
#include "importers/refi_project.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = fokus::fuzz::write_input("input.qdpx", data, size);
    try {
        const auto exchange = fokus::importers::read_qdpx(path);
        for (const auto& document : exchange.documents) {
            fokus::fuzz::check_document(document.content.text, document.content.turns);
        }
    } catch (const fokus::Error&) {
    }
    return 0;
}

FOKUS_FUZZ_ZIP_MUTATOR
