#include "dataset/ami/split.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "util/error.h"

namespace sctx::ami {

SplitRatios parse_split_ratios(const std::string& text) {
    std::vector<double> parts;
    size_t begin = 0;
    while (true) {
        const size_t comma = text.find(',', begin);
        const std::string part = text.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin);
        double value = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || ec != std::errc() || end != part.data() + part.size() || !std::isfinite(value) || value < 0)
            throw Error("split '" + text + "': '" + part + "' is not a non-negative number (want TRAIN,VAL,TEST)");
        parts.push_back(value);
        if (comma == std::string::npos) break;
        begin = comma + 1;
    }
    if (parts.size() != 3) throw Error("split '" + text + "' needs three numbers: TRAIN,VAL,TEST");
    const double sum = parts[0] + parts[1] + parts[2];
    if (!(sum > 0)) throw Error("split '" + text + "': the ratios add up to 0");
    return {parts[0] / sum, parts[1] / sum, parts[2] / sum};
}

std::vector<size_t> split_counts(size_t n, const SplitRatios& r) {
    const double sum = r.train + r.val + r.test;
    const double ratio[3] = {r.train / sum, r.val / sum, r.test / sum};
    std::vector<size_t> count(3);
    std::vector<std::pair<double, size_t>> remainder;
    size_t given = 0;
    for (size_t i = 0; i < 3; ++i) {
        const double exact = ratio[i] * double(n);
        count[i] = size_t(std::floor(exact));
        given += count[i];
        remainder.push_back({exact - std::floor(exact), i});
    }
    // Largest remainder first; ties go to the earlier split.
    std::stable_sort(remainder.begin(), remainder.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t k = 0; given < n; ++k, ++given) ++count[remainder[k % 3].second];

    const size_t wanted = size_t(std::count_if(ratio, ratio + 3, [](double x) { return x > 0; }));
    if (n >= wanted) {
        for (size_t i = 0; i < 3; ++i) {
            if (ratio[i] <= 0 || count[i] > 0) continue;
            const auto largest = size_t(std::max_element(count.begin(), count.end()) - count.begin());
            --count[largest];
            ++count[i];
        }
    }
    return count;
}

std::map<std::string, Split> assign_splits(std::vector<std::string> ids, const SplitRatios& ratios, uint64_t seed,
                                           RandomPurpose purpose) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    Rng random = seeded_random(seed, purpose);
    random.exact_shuffle(ids);
    const std::vector<size_t> count = split_counts(ids.size(), ratios);
    std::map<std::string, Split> out;
    size_t i = 0;
    for (size_t s = 0; s < 3; ++s)
        for (size_t k = 0; k < count[s]; ++k) out[ids[i++]] = Split(s);
    return out;
}

}  // namespace sctx::ami
