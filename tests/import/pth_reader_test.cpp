// The .pth reader on hand-made archives (no Python needed): what it reads, what it refuses, and that no
// truncation, corrupted byte or hostile size makes it crash or allocate what the file cannot back.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "archive_builder.h"
#include "import/pth_reader.h"
#include "import/safe_unpickler.h"
#include "import/zip_directory.h"
#include "util/error.h"

namespace sctx {
namespace {

using test::PickleWriter;

StateDict read(const std::string& archive) {
    return read_state_dict_from_memory(reinterpret_cast<const uint8_t*>(archive.data()), archive.size());
}

std::string error_of(const std::string& archive) {
    try {
        read(archive);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

std::string pickle_error_of(const std::string& pickle) {
    try {
        pickle::unpickle(reinterpret_cast<const uint8_t*>(pickle.data()), pickle.size());
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

// OrderedDict{"layer.weight": 2x3 float32, "layer.num_batches_tracked": int64 scalar}, as torch.save writes it.
std::string small_pickle() {
    PickleWriter p;
    p.ordered_dict().op('(');
    p.str("layer.weight").tensor("FloatStorage", "0", 6, 0, {2, 3}, {3, 1});
    p.str("layer.num_batches_tracked").tensor("LongStorage", "1", 1, 0, {}, {});
    p.op('u');
    return p.done();
}

std::string small_archive() {
    return test::make_torch_archive(small_pickle(),
                                    {{"0", test::floats_bytes({0, 1, 2, 3, 4, 5})}, {"1", test::longs_bytes({77})}});
}

TEST(PthReader, ReadsAHandMadeStateDict) {
    const StateDict sd = read(small_archive());
    ASSERT_EQ(sd.tensors.size(), 2u);
    EXPECT_EQ(sd.tensors[0].key, "layer.weight");
    EXPECT_EQ(sd.tensors[0].dtype, DType::Float32);
    EXPECT_EQ(sd.tensors[0].shape, (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(sd.tensors[0].to_floats(), (std::vector<float>{0, 1, 2, 3, 4, 5}));
    EXPECT_EQ(sd.tensors[1].key, "layer.num_batches_tracked");
    EXPECT_EQ(sd.tensors[1].dtype, DType::Int64);
    EXPECT_TRUE(sd.tensors[1].shape.empty());
    EXPECT_EQ(sd.tensors[1].to_ints(), (std::vector<int64_t>{77}));
}

TEST(PthReader, ReadsStridedViewsAndOffsetsAndSharedStorages) {
    PickleWriter p;
    p.ordered_dict().op('(');
    p.str("t").tensor("FloatStorage", "0", 6, 0, {3, 2}, {1, 3});  // the transpose of a 2x3 matrix
    p.str("s").tensor("FloatStorage", "0", 6, 2, {2}, {2});        // elements 2 and 4
    p.op('u');
    const StateDict sd = read(test::make_torch_archive(p.done(), {{"0", test::floats_bytes({0, 1, 2, 3, 4, 5})}}));
    ASSERT_EQ(sd.tensors.size(), 2u);
    EXPECT_EQ(sd.tensors[0].to_floats(), (std::vector<float>{0, 3, 1, 4, 2, 5}));
    EXPECT_EQ(sd.tensors[1].to_floats(), (std::vector<float>{2, 4}));
}

TEST(PthReader, UnwrapsCheckpointsAndStripsDataParallelPrefix) {
    PickleWriter p;
    p.op('}').op('(');
    p.str("epoch").integer(3);
    p.str("model_state_dict").op('}').op('(');
    p.str("module.fc.weight").tensor("FloatStorage", "0", 2, 0, {1, 2}, {2, 1});
    p.str("module.fc.bias").tensor("FloatStorage", "1", 1, 0, {1}, {1});
    p.op('u');
    p.op('u');
    const StateDict sd = read(test::make_torch_archive(
        p.done(), {{"0", test::floats_bytes({1.5f, -2})}, {"1", test::floats_bytes({0.25f})}}));
    ASSERT_EQ(sd.tensors.size(), 2u);
    EXPECT_EQ(sd.tensors[0].key, "fc.weight");
    EXPECT_EQ(sd.tensors[1].key, "fc.bias");
    EXPECT_EQ(sd.tensors[0].to_floats(), (std::vector<float>{1.5f, -2}));
    ASSERT_FALSE(sd.notes.empty());
    EXPECT_NE(sd.notes[0].find("model_state_dict"), std::string::npos);
}

TEST(PthReader, ConvertsHalfAndDoubleStorages) {
    PickleWriter p;
    p.ordered_dict().op('(');
    p.str("h").tensor("HalfStorage", "0", 3, 0, {3}, {1});
    p.str("d").tensor("DoubleStorage", "1", 1, 0, {1}, {1});
    p.op('u');
    const std::string half_bytes("\x00\x3c\x00\xc0\x01\x00", 6);  // 1.0, -2.0, smallest subnormal
    const double d = 0.125;
    const StateDict sd = read(test::make_torch_archive(
        p.done(), {{"0", half_bytes}, {"1", std::string(reinterpret_cast<const char*>(&d), 8)}}));
    EXPECT_EQ(sd.tensors[0].to_floats(), (std::vector<float>{1.0f, -2.0f, 5.9604645e-8f}));
    EXPECT_EQ(sd.tensors[1].to_floats(), (std::vector<float>{0.125f}));
}

TEST(PthReader, RefusesOsSystemAndNamesIt) {
    // What pickle writes for os.system("echo pwned") on Linux: GLOBAL 'posix system'.
    const std::string evil = PickleWriter().global("posix", "system").str("echo pwned").op('\x85').op('R').done();
    const std::string msg = error_of(test::make_torch_archive(evil, {}));
    EXPECT_NE(msg.find("refusing to load"), std::string::npos) << msg;
    EXPECT_NE(msg.find("os.system"), std::string::npos) << msg;
}

TEST(PthReader, RefusesEveryGlobalOutsideTheAllowList) {
    // Protocol 4 names globals with STACK_GLOBAL; the check is the same.
    std::string eval = "\x80\x04";
    eval +=
        "\x8c\x08"
        "builtins"
        "\x8c\x04"
        "eval"
        "\x93";
    EXPECT_NE(pickle_error_of(eval + ".").find("builtins.eval"), std::string::npos) << pickle_error_of(eval + ".");
    const std::string model = PickleWriter().global("__main__", "AudioClassifierCNN").op(')').op('R').done();
    const std::string msg = pickle_error_of(model);
    EXPECT_NE(msg.find("__main__.AudioClassifierCNN"), std::string::npos) << msg;
    EXPECT_NE(msg.find("state_dict()"), std::string::npos) << msg;  // the hint: save the state_dict instead
    // An allowed name used as something it is not: a storage type is not callable.
    const std::string call_storage = PickleWriter().global("torch", "FloatStorage").op(')').op('R').done();
    EXPECT_NE(pickle_error_of(call_storage).find("calls torch.FloatStorage"), std::string::npos);
}

TEST(PthReader, RefusesOpcodesAStateDictNeverUses) {
    for (const std::string op : {"i", "o", "\x81", "\x82", "V", "S", "B", "\x92"}) {
        const std::string msg = pickle_error_of(std::string("\x80\x02") + op + "whatever.");
        EXPECT_NE(msg.find("opcode"), std::string::npos) << msg;
    }
}

TEST(PthReader, EveryTruncationIsAClearError) {
    const std::string archive = small_archive();
    for (size_t n = 0; n < archive.size(); ++n) {
        const std::string msg = error_of(archive.substr(0, n));
        EXPECT_NE(msg, "(no error)") << "prefix of " << n << " bytes was accepted";
        EXPECT_FALSE(msg.empty());
    }
    const std::string pickle = small_pickle();
    for (size_t n = 0; n < pickle.size(); ++n) EXPECT_NE(pickle_error_of(pickle.substr(0, n)), "(no error)") << n;
}

// A deterministic mini-fuzz: every byte of a valid archive and of its pickle replaced by a few values. Each
// result must be a tensor list or an sctx::Error; anything else (a crash, another exception) fails the test.
TEST(PthReader, CorruptedBytesNeverCrash) {
    const std::string archive = small_archive();
    for (size_t i = 0; i < archive.size(); ++i) {
        for (char replacement : {'\x00', '\xff', char(archive[i] ^ 0x01)}) {
            std::string damaged = archive;
            damaged[i] = replacement;
            try {
                read(damaged);
            } catch (const Error&) {}
        }
    }
    const std::string pickle = small_pickle();
    for (size_t i = 0; i < pickle.size(); ++i) {
        for (char replacement : {'\x00', '\xff', 'h', 'q', '(', 'u', 't', 'R', 'Q', '.', 'a', ']'}) {
            std::string damaged = pickle;
            damaged[i] = replacement;
            try {
                pickle::unpickle(reinterpret_cast<const uint8_t*>(damaged.data()), damaged.size());
            } catch (const Error&) {}
        }
    }
}

TEST(PthReader, HugeClaimedSizesAreRefusedBeforeAllocating) {
    // A string claiming 4 GB.
    EXPECT_NE(pickle_error_of(std::string("\x80\x02X\xf0\xff\xff\xff") + "abc.").find("longer than the data"),
              std::string::npos);
    // A storage claiming 2^40 elements.
    {
        PickleWriter p;
        p.ordered_dict().op('(').str("w");
        p.global("torch._utils", "_rebuild_tensor_v2").op('(').op('(').str("storage").global("torch", "FloatStorage");
        p.str("0").str("cpu").raw(std::string("\x8a\x06\x00\x00\x00\x00\x00\x01", 8)).op('t').op('Q');
        const std::string msg = pickle_error_of(p.done());
        EXPECT_NE(msg.find("element count"), std::string::npos) << msg;
    }
    // A view reaching past its storage, and a zero-stride view much larger than the file.
    {
        PickleWriter p;
        p.ordered_dict().op('(').str("w").tensor("FloatStorage", "0", 6, 0, {100}, {1}).op('u');
        EXPECT_NE(error_of(test::make_torch_archive(p.done(), {{"0", test::floats_bytes({0, 1, 2, 3, 4, 5})}}))
                      .find("past the end of its storage"),
                  std::string::npos);
        PickleWriter q;
        q.ordered_dict().op('(').str("w").tensor("FloatStorage", "0", 1, 0, {1 << 30}, {0}).op('u');
        EXPECT_NE(error_of(test::make_torch_archive(q.done(), {{"0", test::floats_bytes({1})}})).find("larger than"),
                  std::string::npos);
    }
    // A storage record whose size disagrees with the pickle.
    {
        PickleWriter p;
        p.ordered_dict().op('(').str("w").tensor("FloatStorage", "0", 6, 0, {6}, {1}).op('u');
        const std::string msg = error_of(test::make_torch_archive(p.done(), {{"0", test::floats_bytes({1, 2})}}));
        EXPECT_NE(msg.find("holds 8 bytes"), std::string::npos) << msg;
    }
    // A zip record claiming 3 GB inflated from 10 compressed bytes.
    {
        std::string zip = test::make_zip({{"archive/data.pkl", "0123456789"}, {"archive/version", "3\n"}});
        const size_t central = zip.find(std::string("PK\x01\x02", 4));
        ASSERT_NE(central, std::string::npos);
        zip[central + 10] = 8;  // method: deflated
        const uint32_t huge = 3000000000u;
        for (int i = 0; i < 4; ++i) zip[central + 24 + size_t(i)] = char((huge >> (8 * i)) & 0xff);
        const std::string msg = error_of(zip);
        EXPECT_NE(msg.find("claims 3000000000 bytes"), std::string::npos) << msg;
    }
}

// miniz "extracts" an entry flagged as a folder by writing nothing, and LibTorch would then hand back an
// uninitialised buffer of the claimed size (found by fuzzing).
TEST(PthReader, RefusesRecordsFlaggedAsFoldersThatClaimData) {
    std::string archive = small_archive();
    size_t entry = std::string::npos;
    for (size_t at = archive.find(std::string("PK\x01\x02", 4)); at != std::string::npos;
         at = archive.find(std::string("PK\x01\x02", 4), at + 1))
        if (archive.compare(at + 46, 15, "archive/version") == 0) entry = at;
    ASSERT_NE(entry, std::string::npos);
    archive[entry + 38] = 0x10;  // external attributes: the DOS directory flag
    const std::string msg = error_of(archive);
    EXPECT_NE(msg.find("marked as a folder"), std::string::npos) << msg;
}

TEST(PthReader, CyclesAndDeepNestingAreHarmless) {
    // l = []; l.append(l)
    const std::string put0("q\x00", 2), get0("h\x00", 2), put1("r\x01\x00\x00\x00", 5), get1("j\x01\x00\x00\x00", 5);
    const std::string cycle = PickleWriter().op(']').raw(put0).raw(get0).op('a').done();
    auto doc = pickle::unpickle(reinterpret_cast<const uint8_t*>(cycle.data()), cycle.size());
    ASSERT_EQ(doc->root->kind, pickle::Kind::List);
    EXPECT_EQ(doc->root->items.at(0), doc->root);
    EXPECT_NE(error_of(test::make_torch_archive(cycle, {})).find("not a state_dict"), std::string::npos);
    // 200000 lists, each inside the one before: freeing them must not recurse.
    PickleWriter deep;
    deep.op(']');
    for (int i = 0; i < 200000; ++i) deep.raw(put0).op(']').raw(put1).op('a').raw(get1);
    const std::string nested = deep.done();
    EXPECT_NO_THROW(pickle::unpickle(reinterpret_cast<const uint8_t*>(nested.data()), nested.size()));
}

TEST(PthReader, SaysWhatAFileIsWhenItIsNotAStateDict) {
    EXPECT_NE(error_of("RIFF....WAVEfmt ").find("not a zip archive"), std::string::npos);
    EXPECT_NE(error_of(std::string("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19.", 15)).find("legacy"),
              std::string::npos);
    const std::string script = test::make_zip(
        {{"m/data.pkl", small_pickle()}, {"m/code/__torch__.py", "def forward(self): pass"}, {"m/version", "3\n"}});
    EXPECT_NE(error_of(script).find("TorchScript model"), std::string::npos);
    EXPECT_NE(error_of(test::make_zip({{"a/data.pkl", small_pickle()}})).find("no version record"), std::string::npos);
    EXPECT_NE(error_of(test::make_torch_archive(PickleWriter().integer(5).done(), {})).find("holds an int"),
              std::string::npos);
    EXPECT_NE(error_of(test::make_torch_archive(PickleWriter().ordered_dict().done(), {})).find("no tensors"),
              std::string::npos);
}

}  // namespace
}  // namespace sctx
