#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <random>
#include <thread>
#include <vector>

#include "features/real_fft.h"

namespace {

std::vector<std::complex<double>> naive_dft(const std::vector<double>& x) {
    const size_t n = x.size();
    std::vector<std::complex<double>> out(n / 2 + 1);
    for (size_t k = 0; k <= n / 2; ++k) {
        std::complex<double> sum = 0;
        for (size_t t = 0; t < n; ++t) sum += x[t] * std::polar(1.0, -2 * M_PI * double(k * t % n) / double(n));
        out[k] = sum;
    }
    return out;
}

TEST(RealFft, MatchesTheDefinitionOfTheDft) {
    std::mt19937 gen(7);
    std::uniform_real_distribution<double> d(-1, 1);
    for (size_t n : {16u, 256u, 1024u}) {
        std::vector<double> x(n);
        for (auto& v : x) v = d(gen);
        sctx::RealFft fft(n);
        std::vector<std::complex<double>> got(n / 2 + 1);
        fft.forward(x.data(), got.data());
        const auto want = naive_dft(x);
        for (size_t k = 0; k <= n / 2; ++k) {
            EXPECT_NEAR(got[k].real(), want[k].real(), 1e-9)
                << sctx::RealFft::backend_name() << " n=" << n << " k=" << k;
            EXPECT_NEAR(got[k].imag(), want[k].imag(), 1e-9)
                << sctx::RealFft::backend_name() << " n=" << n << " k=" << k;
        }
    }
}

TEST(RealFft, OnePlanServesManyThreadsAtOnce) {
    sctx::RealFft fft(1024);
    std::vector<double> x(1024);
    for (size_t i = 0; i < x.size(); ++i) x[i] = std::sin(0.1 * double(i)) + 0.01 * double(i % 7);
    std::vector<std::complex<double>> want(513);
    fft.forward(x.data(), want.data());
    std::vector<std::thread> threads;
    std::vector<int> mismatches(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            std::vector<std::complex<double>> got(513);
            for (int rep = 0; rep < 500; ++rep) {
                fft.forward(x.data(), got.data());
                if (got != want) ++mismatches[size_t(t)];
            }
        });
    for (auto& th : threads) th.join();
    for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace

namespace {

// The complex transforms the dataset synthesizer uses, on whichever back end this build has.
TEST(RealFft, ComplexForwardAndInverseMatchTheDft) {
    std::mt19937 gen(11);
    std::uniform_real_distribution<double> d(-1, 1);
    for (size_t n : {8u, 60u, 512u, 4096u}) {  // 60 = 2^2 * 3 * 5: the mixed-radix path too
        std::vector<std::complex<double>> x(n), X(n), back(n);
        for (auto& v : x) v = {d(gen), d(gen)};
        sctx::ComplexFft fft(n);
        fft.forward(x.data(), X.data());
        for (size_t k = 0; k < n; k += std::max<size_t>(1, n / 16)) {
            std::complex<double> sum = 0;
            for (size_t t = 0; t < n; ++t) sum += x[t] * std::polar(1.0, -2 * M_PI * double(k * t % n) / double(n));
            EXPECT_NEAR(std::abs(X[k] - sum), 0.0, 1e-9 * double(n)) << "n=" << n << " k=" << k;
        }
        fft.inverse(X.data(), back.data());  // unscaled: n times the input
        for (size_t t = 0; t < n; ++t) EXPECT_NEAR(std::abs(back[t] / double(n) - x[t]), 0.0, 1e-12) << n;
    }
}

TEST(RealFft, ComplexTransformIsSafeFromManyThreads) {
    const size_t n = 1024;
    sctx::ComplexFft fft(n);
    std::vector<std::complex<double>> x(n);
    for (size_t t = 0; t < n; ++t) x[t] = {std::sin(0.01 * double(t * t)), std::cos(0.3 * double(t))};
    std::vector<std::complex<double>> expected(n);
    fft.forward(x.data(), expected.data());
    std::vector<std::thread> pool;
    std::vector<int> bad(4, 0);
    for (int i = 0; i < 4; ++i)
        pool.emplace_back([&, i] {
            std::vector<std::complex<double>> out(n);
            for (int r = 0; r < 50; ++r) {
                fft.forward(x.data(), out.data());
                if (out != expected) ++bad[i];
            }
        });
    for (auto& t : pool) t.join();
    for (int b : bad) EXPECT_EQ(b, 0);
}

}  // namespace
