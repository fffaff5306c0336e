// Fuzz target: a REFI-QDA codebook (.qdc), parsed from memory as
// read_codebook does after reading the file. A codebook that was read must
// also write out and read back in (as export, then import, does).
#include <cstdio>
#include <cstdlib>

#include "coding/codebook.h"
#include "coding/error.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fokus::Codebook codebook;
    try {
        codebook = fokus::parse_codebook(fokus::fuzz::as_text(data, size), "fuzz.qdc");
    } catch (const fokus::Error&) {
        return 0;
    }
    try {
        (void)fokus::parse_codebook(fokus::write_codebook(codebook), "rewritten.qdc");
    } catch (const fokus::Error& error) {
        std::fprintf(stderr, "fuzz: a codebook that was read cannot be read again once written: %s\n", error.what());
        std::abort();
    }
    return 0;
}
