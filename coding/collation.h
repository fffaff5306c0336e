#pragma once
// Danish sort order (a–z, then æ, ø, å; "aa" as å) through ICU collation.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fokus::text {

class Collator {
public:
    explicit Collator(const char* locale = "da");
    Collator(Collator&&) noexcept;
    ~Collator();
    bool less(std::string_view a, std::string_view b) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Sorts names in place in Danish order.
void sort_danish(std::vector<std::string>& names);

}  // namespace fokus::text
