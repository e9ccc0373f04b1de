#include <gtest/gtest.h>

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
