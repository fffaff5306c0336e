// Fuzz target: a transcript named .txt, read as it is imported.
#include "fuzz/transcript_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fokus::fuzz::read_as_transcript("input.txt", data, size);
}
