#include "train/metrics.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "util/error.h"

using sctx::train::ConfusionMatrix;

namespace {

// 3 classes, true rows x predicted columns:
//        a  b  c
//   a  [ 5  1  0 ]   support 6
//   b  [ 2  3  1 ]   support 6
//   c  [ 0  0  4 ]   support 4
// precision a = 5/7, b = 3/4, c = 4/5; recall a = 5/6, b = 3/6, c = 4/4.
ConfusionMatrix example() {
    ConfusionMatrix cm({"a", "b", "c"});
    const int m[3][3] = {{5, 1, 0}, {2, 3, 1}, {0, 0, 4}};
    for (int t = 0; t < 3; ++t)
        for (int p = 0; p < 3; ++p)
            for (int k = 0; k < m[t][p]; ++k) cm.add(t, p);
    return cm;
}

double f1(double p, double r) { return 2 * p * r / (p + r); }

}  // namespace

TEST(Metrics, PerClassPrecisionRecallF1MatchHandComputedValues) {
    const auto r = example().report();
    EXPECT_NEAR(r.per_class[0].precision, 5.0 / 7, 1e-12);
    EXPECT_NEAR(r.per_class[1].precision, 3.0 / 4, 1e-12);
    EXPECT_NEAR(r.per_class[2].precision, 4.0 / 5, 1e-12);
    EXPECT_NEAR(r.per_class[0].recall, 5.0 / 6, 1e-12);
    EXPECT_NEAR(r.per_class[1].recall, 0.5, 1e-12);
    EXPECT_NEAR(r.per_class[2].recall, 1.0, 1e-12);
    EXPECT_NEAR(r.per_class[0].f1, f1(5.0 / 7, 5.0 / 6), 1e-12);  // 0.769230...
    EXPECT_NEAR(r.per_class[1].f1, 0.6, 1e-12);
    EXPECT_NEAR(r.per_class[2].f1, f1(0.8, 1.0), 1e-12);  // 0.888...
    EXPECT_EQ(r.per_class[0].support, 6u);
    EXPECT_EQ(r.per_class[2].support, 4u);
}

TEST(Metrics, AccuracyAndMacroF1) {
    const auto r = example().report();
    EXPECT_EQ(r.total, 16u);
    EXPECT_NEAR(r.accuracy, 12.0 / 16, 1e-12);
    EXPECT_NEAR(r.macro_f1, (f1(5.0 / 7, 5.0 / 6) + 0.6 + f1(0.8, 1.0)) / 3, 1e-12);  // 0.752706...
    EXPECT_NEAR(r.macro_f1, 0.7527065527, 1e-9);
}

TEST(Metrics, ClassAbsentFromTruthAndPredictionsIsLeftOutOfMacroF1LikeSklearn) {
    ConfusionMatrix cm({"a", "b", "unused"});
    cm.add(0, 0);
    cm.add(1, 1);
    cm.add(1, 0);
    const auto r = cm.report();
    // a: p 1/2 r 1 -> 2/3; b: p 1 r 1/2 -> 2/3; "unused" never appears, so the mean is over two classes.
    EXPECT_NEAR(r.macro_f1, 2.0 / 3, 1e-12);
}

TEST(Metrics, ClassNeverPredictedHasZeroPrecisionNotNaN) {
    ConfusionMatrix cm({"a", "b"});
    cm.add(0, 0);
    cm.add(1, 0);
    const auto r = cm.report();
    EXPECT_EQ(r.per_class[1].precision, 0.0);
    EXPECT_EQ(r.per_class[1].f1, 0.0);
    EXPECT_NEAR(r.macro_f1, (2.0 / 3 + 0) / 2, 1e-12);
}

TEST(Metrics, OutOfRangeLabelIsAnError) {
    ConfusionMatrix cm({"a", "b"});
    EXPECT_THROW(cm.add(2, 0), sctx::Error);
    EXPECT_THROW(cm.add(0, -1), sctx::Error);
}

TEST(Metrics, JsonAndTextCarryTheMatrixWithClassNames) {
    ConfusionMatrix cm = example();
    cm.add_error();
    const auto r = cm.report();
    const auto j = nlohmann::json::parse(sctx::train::report_to_json(r));
    EXPECT_EQ(j["confusion_matrix"]["rows_true_cols_predicted"][1][0], 2);
    EXPECT_EQ(j["confusion_matrix"]["labels"][2], "c");
    EXPECT_EQ(j["errors"], 1);
    EXPECT_NEAR(j["classes"][1]["f1"].get<double>(), 0.6, 1e-12);
    const std::string text = sctx::train::format_report(r);
    EXPECT_NE(text.find("rows = true"), std::string::npos);
    EXPECT_NE(text.find("macro-F1"), std::string::npos);
    EXPECT_NE(text.find("0.753"), std::string::npos) << text;
}
