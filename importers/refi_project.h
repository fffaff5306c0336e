#pragma once
// Reading a REFI-QDA project exchange file (.qdpx) from any tool into a
// ProjectExchange, ready to be merged into a new or an existing project.
// Files from real tools vary; this copes with source paths with and without
// "internal://", plain text with a byte-order mark or CRLF line ends (counted
// as one character or two), an empty plain-text file beside a rich-text
// source, sources with no text at all, codes without colours, and selections
// that lie past the end of their text (reported and left out).
#include <filesystem>

#include "coding/exchange.h"
#include "importers/importer.h"

namespace fokus::importers {

// How positions in a source with CRLF line ends are counted: by the writer
// and the selections (Auto), or as told.
enum class CrLfCounting { Auto, One, Two };

// Throws FormatError naming the file, the element and the reason when the
// project cannot be read; what is merely left out is listed in warnings.
ProjectExchange read_qdpx(const std::filesystem::path& path, const Limits& limits = {}, CrLfCounting crlf = CrLfCounting::Auto);

}  // namespace fokus::importers
