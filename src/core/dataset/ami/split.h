#pragma once
// Train/val/test by group (an AMI meeting; a noise file): every window of a meeting lands in the same split, so
// a model is never tested on a meeting whose other minutes it trained on. The assignment depends only on the
// set of ids, the ratios and the seed: ids are sorted, shuffled with the seed, then cut in order.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "dataset/ami/random.h"
#include "dataset/manifest.h"

namespace sctx::ami {

using dataset::Split;  // Train, Val or Test here (never None)

struct SplitRatios {
    double train = 0.8, val = 0.1, test = 0.1;
};

/// "0.8,0.1,0.1" (any three non-negative numbers with a positive sum; they are normalised, so "8,1,1" is the
/// same). Throws sctx::Error.
SplitRatios parse_split_ratios(const std::string& text);

/// How many of n groups each split gets: the largest-remainder rounding of n * ratio, then every split with a
/// positive ratio gets at least one group when n allows it (taken from the largest), so a small corpus still
/// has a validation and a test meeting.
std::vector<size_t> split_counts(size_t n, const SplitRatios& ratios);

/// Each id's split. Duplicate ids count once; the input order does not matter.
std::map<std::string, Split> assign_splits(std::vector<std::string> ids, const SplitRatios& ratios, uint64_t seed,
                                           RandomPurpose purpose = RandomPurpose::MeetingSplit);

}  // namespace sctx::ami
