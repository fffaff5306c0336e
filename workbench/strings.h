#pragma once
// Strings at the boundary: the core speaks UTF-8 std::string, wxWidgets wxString.
#include <wx/string.h>

#include <string>

namespace fokus::workbench {

inline wxString to_wx(const std::string& utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }
inline std::string from_wx(const wxString& text) {
    const auto buffer = text.utf8_str();
    return std::string(buffer.data(), buffer.length());
}

}  // namespace fokus::workbench
