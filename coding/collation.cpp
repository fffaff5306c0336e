#include "collation.h"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <algorithm>

#include "error.h"

namespace fokus::text {

struct Collator::Impl {
    std::unique_ptr<icu::Collator> collator;
};

Collator::Collator(const char* locale) : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->collator.reset(icu::Collator::createInstance(icu::Locale(locale), status));
    if (U_FAILURE(status)) throw Error(std::string("ICU collation for \"") + locale + "\" unavailable: " + u_errorName(status));
}

Collator::Collator(Collator&&) noexcept = default;
Collator::~Collator() = default;

bool Collator::less(std::string_view a, std::string_view b) const {
    UErrorCode status = U_ZERO_ERROR;
    const auto order = impl_->collator->compareUTF8(
        icu::StringPiece(a.data(), static_cast<std::int32_t>(a.size())),
        icu::StringPiece(b.data(), static_cast<std::int32_t>(b.size())), status);
    return U_SUCCESS(status) ? order == UCOL_LESS : a < b;
}

void sort_danish(std::vector<std::string>& names) {
    const Collator collator;
    std::stable_sort(names.begin(), names.end(),
                     [&](const std::string& a, const std::string& b) { return collator.less(a, b); });
}

}  // namespace fokus::text
