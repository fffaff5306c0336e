// Fuzz target: a transcript named .docx, read as it is imported. Mutations go
// mostly inside the archive's entries (fuzz/zip_mutator.h).
#include "fuzz/transcript_target.h"
#include "fuzz/zip_mutator.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fokus::fuzz::read_as_transcript("input.docx", data, size);
}

FOKUS_FUZZ_ZIP_MUTATOR
