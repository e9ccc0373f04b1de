#include <gtest/gtest.h>

#include "test_support.h"
#include "util/npy.h"
#include "util/sha256.h"

namespace {

TEST(Sha256, KnownVectors) {
    sctx::Sha256 a;
    EXPECT_EQ(a.hex_digest(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sctx::Sha256 b;
    b.update("abc", 3);
    EXPECT_EQ(b.hex_digest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    sctx::Sha256 c;
    const std::string m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    c.update(m.data(), m.size());
    EXPECT_EQ(c.hex_digest(), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Npy, WritesWhatNumpyReadsBack) {
    sctx::test::TempDir d;
    std::vector<float> v(6);
    for (size_t i = 0; i < v.size(); ++i) v[i] = float(i) * 0.5f;
    sctx::write_npy(d.file("a.npy"), v.data(), {2, 3});
    const auto back = sctx::read_npy(d.file("a.npy"));
    EXPECT_EQ(back.shape, (std::vector<size_t>{2, 3}));
    EXPECT_EQ(back.data, v);
    if (sctx::test::run("/usr/bin/python3 -c 'import numpy' 2>/dev/null").status == 0) {
        auto r = sctx::test::run("/usr/bin/python3 -c \"import numpy as np; a=np.load('" + d.file("a.npy") +
                                 "'); print(a.shape, a.dtype, a[1,2])\"");
        EXPECT_EQ(r.out, "(2, 3) float32 2.5\n");
    }
}

}  // namespace
