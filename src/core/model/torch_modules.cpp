#include "model/torch_modules.h"

#include <cmath>
#include <sstream>

#include "util/error.h"

namespace sctx::torchmods {

namespace {

// PyTorch's default for Conv and Linear layers: kaiming_uniform_(a=sqrt(5)) on the weight, which is
// U(-1/sqrt(fan_in), 1/sqrt(fan_in)), and the same bound for the bias.
void add_layer(torch::jit::Module& m, const std::string& name, std::vector<int64_t> weight_shape) {
    int64_t fan_in = 1;
    for (size_t i = 1; i < weight_shape.size(); ++i) fan_in *= weight_shape[i];
    const double bound = 1.0 / std::sqrt(double(fan_in));
    m.register_parameter(name + "_weight", torch::empty(weight_shape).uniform_(-bound, bound), false);
    m.register_parameter(name + "_bias", torch::empty({weight_shape[0]}).uniform_(-bound, bound), false);
}

void add_batch_norm(torch::jit::Module& m, const std::string& name, int64_t channels) {
    m.register_parameter(name + "_weight", torch::ones({channels}), false);
    m.register_parameter(name + "_bias", torch::zeros({channels}), false);
    m.register_buffer(name + "_running_mean", torch::zeros({channels}));
    m.register_buffer(name + "_running_var", torch::ones({channels}));
    m.register_buffer(name + "_num_batches_tracked", torch::zeros({}, torch::kLong));
}

std::string bn(const std::string& x, const std::string& name) {
    return "torch.batch_norm(" + x + ", self." + name + "_weight, self." + name + "_bias, self." + name +
           "_running_mean, self." + name + "_running_var, self.training, 0.1, 1e-5, False)";
}

torch::jit::Module original_cnn(const ModelConfig& c) {
    torch::jit::Module m("AudioClassifierCNN");
    m.register_attribute("training", c10::BoolType::get(), true);
    const int64_t chans[4] = {1, 16, 32, 64};
    for (int i = 1; i <= 3; ++i) {
        add_layer(m, "conv" + std::to_string(i), {chans[i], chans[i - 1], 3, 3});
        add_batch_norm(m, "bn" + std::to_string(i), chans[i]);
    }
    // Each MaxPool2d(2) floors: 128 x 188 -> 64 x 94 -> 32 x 47 -> 16 x 23, so 64 * 16 * 23 = 23552.
    int64_t h = c.mel.n_mels, w = int64_t(c.input_frames());
    for (int i = 0; i < 3; ++i) h /= 2, w /= 2;
    add_layer(m, "fc1", {128, 64 * h * w});
    add_layer(m, "fc2", {int64_t(c.class_names.size()), 128});
    std::ostringstream src;
    src << "def forward(self, x):\n";
    for (int i = 1; i <= 3; ++i) {
        const std::string n = std::to_string(i);
        src << "    x = torch.conv2d(x, self.conv" << n << "_weight, self.conv" << n << "_bias, [1, 1], [1, 1])\n"
            << "    x = torch.max_pool2d(torch.relu(" << bn("x", "bn" + n) << "), [2, 2])\n";
    }
    src << "    x = torch.flatten(x, 1)\n"
        << "    x = torch.relu(torch.linear(x, self.fc1_weight, self.fc1_bias))\n"
        << "    x = torch.dropout(x, 0.5, self.training)\n"
        << "    return torch.linear(x, self.fc2_weight, self.fc2_bias)\n";
    m.define(src.str());
    return m;
}

// The classifier head the TCN and the TDNN share, on the pooled vector x: fc1, ReLU, dropout, fc2.
const char* const kClassifierHead =
    "    x = torch.relu(torch.linear(x, self.fc1_weight, self.fc1_bias))\n"
    "    x = torch.dropout(x, 0.3, self.training)\n"
    "    return torch.linear(x, self.fc2_weight, self.fc2_bias)\n";

// "How many voices" as a soft histogram (TorchScript lines defining hist, a list of bins [B] tensors): the cosine
// similarities sim between the unit voice embeddings v of every pair of frames, each pair weighted by the
// product of the frames' weights (gate, [B, 1, T]), in Gaussian bins from first_centre every step.
std::string similarity_histogram(const std::string& gate, int bins, double first_centre, double step,
                                 double sharpness) {
    std::ostringstream s;
    s << "    sim = torch.bmm(v.transpose(1, 2), v)\n"
      << "    w = torch.bmm(" << gate << ".transpose(1, 2), " << gate << ")\n"
      << "    wsum = torch.sum(w, [1, 2]) + 1e-6\n"
      << "    hist = []\n"
      << "    for k in range(" << bins << "):\n"
      << "        centre = " << first_centre << " + " << step << " * k\n"
      << "        hist.append(torch.sum(w * torch.exp(-(sim - centre) * (sim - centre) * " << sharpness
      << "), [1, 2]) / wsum)\n";
    return s.str();
}

// CNN front end that halves frequency four times but time only twice (64 ms resolution is kept for turn-taking),
// then dilated temporal convolutions and mean + standard-deviation pooling over time: the statistics of who speaks
// when, which is what tells two talkers from three.
torch::jit::Module tcn(const ModelConfig& c) {
    torch::jit::Module m("SocialContextTCN");
    m.register_attribute("training", c10::BoolType::get(), true);
    const int64_t chans[5] = {1, 24, 48, 64, 96};
    for (int i = 1; i <= 4; ++i) {
        add_layer(m, "conv" + std::to_string(i), {chans[i], chans[i - 1], 3, 3});
        add_batch_norm(m, "bn" + std::to_string(i), chans[i]);
    }
    const int64_t freq = c.mel.n_mels / 16;
    const int64_t emb = 128;
    add_layer(m, "proj", {emb, chans[4] * freq, 1});
    add_batch_norm(m, "bnp", emb);
    add_layer(m, "tconv1", {emb, emb, 3});
    add_batch_norm(m, "bnt1", emb);
    add_layer(m, "tconv2", {emb, emb, 3});
    add_batch_norm(m, "bnt2", emb);
    add_layer(m, "fc1", {128, 2 * emb});
    add_layer(m, "fc2", {int64_t(c.class_names.size()), 128});
    std::ostringstream src;
    src << "def forward(self, x):\n"
        << "    x = x / 20.0 + 2.0\n";  // log-mel in dB (about -80..0) to about -2..2
    const char* pools[5] = {"", "[2, 2]", "[2, 2]", "[2, 1]", "[2, 1]"};
    for (int i = 1; i <= 4; ++i) {
        const std::string n = std::to_string(i);
        src << "    x = torch.conv2d(x, self.conv" << n << "_weight, self.conv" << n << "_bias, [1, 1], [1, 1])\n"
            << "    x = torch.max_pool2d(torch.relu(" << bn("x", "bn" + n) << "), " << pools[i] << ")\n";
    }
    src << "    x = torch.flatten(x, 1, 2)\n"
        << "    x = torch.relu(" << bn("torch.conv1d(x, self.proj_weight, self.proj_bias)", "bnp") << ")\n"
        << "    x = x + torch.relu("
        << bn("torch.conv1d(x, self.tconv1_weight, self.tconv1_bias, [1], [1], [1])", "bnt1") << ")\n"
        << "    x = x + torch.relu("
        << bn("torch.conv1d(x, self.tconv2_weight, self.tconv2_bias, [1], [2], [2])", "bnt2") << ")\n"
        << "    mean = torch.mean(x, [2])\n"
        << "    centred = x - mean.unsqueeze(2)\n"
        << "    std = torch.sqrt(torch.mean(centred * centred, [2]) + 1e-5)\n"
        << "    x = torch.cat([mean, std], 1)\n"
        << kClassifierHead;
    m.define(src.str());
    return m;
}

// Light models for counting talkers, ~10x cheaper to train than socialctx-tcn: the 128 mel bands are the channels of
// 1-D convolutions over time (as speaker-embedding TDNNs do), pooled to 64 ms frames; "socialctx-crnn" adds a
// bidirectional GRU over those frames. Then mean + standard-deviation pooling, and a "how many voices" summary:
// each frame gets a small voice embedding and a speech gate, and the soft histogram of gated pairwise cosine
// similarities between frames tells one voice (all pairs alike) from two (two clusters) from three or more.
torch::jit::Module tdnn(const ModelConfig& c, bool recurrent) {
    torch::jit::Module m(recurrent ? "SocialContextCRNN" : "SocialContextTDNN");
    m.register_attribute("training", c10::BoolType::get(), true);
    const int64_t ch = 192, hidden = 64, voice = 32;
    add_layer(m, "tdnn1", {ch, c.mel.n_mels, 5});
    add_batch_norm(m, "bn1", ch);
    add_layer(m, "tdnn2", {ch, ch, 3});
    add_batch_norm(m, "bn2", ch);
    add_layer(m, "tdnn3", {ch, ch, 3});
    add_batch_norm(m, "bn3", ch);
    int64_t width = ch;
    if (recurrent) {
        // torch.gru's flat weight list, forward then reverse direction; PyTorch's init U(-1/sqrt(H), 1/sqrt(H)).
        const double gb = 1.0 / std::sqrt(double(hidden));
        for (const std::string d : {"", "_reverse"}) {
            m.register_parameter("gru_w_ih" + d, torch::empty({3 * hidden, ch}).uniform_(-gb, gb), false);
            m.register_parameter("gru_w_hh" + d, torch::empty({3 * hidden, hidden}).uniform_(-gb, gb), false);
            m.register_parameter("gru_b_ih" + d, torch::empty({3 * hidden}).uniform_(-gb, gb), false);
            m.register_parameter("gru_b_hh" + d, torch::empty({3 * hidden}).uniform_(-gb, gb), false);
        }
        width = 2 * hidden;
    }
    add_layer(m, "voice", {voice, width, 1});
    add_layer(m, "gate", {1, width, 1});
    const int bins = 8;
    add_layer(m, "fc1", {128, 2 * width + bins + 1});
    add_layer(m, "fc2", {int64_t(c.class_names.size()), 128});
    std::ostringstream src;
    src << "def forward(self, x):\n"
        << "    x = torch.squeeze(x, 1) / 20.0 + 2.0\n"  // log-mel in dB (about -80..0) to about -2..2
        << "    x = torch.max_pool1d(torch.relu("
        << bn("torch.conv1d(x, self.tdnn1_weight, self.tdnn1_bias, [1], [2])", "bn1") << "), [2])\n"
        << "    x = torch.max_pool1d(torch.relu("
        << bn("torch.conv1d(x, self.tdnn2_weight, self.tdnn2_bias, [1], [2], [2])", "bn2") << "), [2])\n"
        << "    x = x + torch.relu(" << bn("torch.conv1d(x, self.tdnn3_weight, self.tdnn3_bias, [1], [2], [2])", "bn3")
        << ")\n";
    if (recurrent)
        src << "    h0 = torch.zeros([2, x.size(0), " << hidden << "], dtype=x.dtype)\n"
            << "    seq, hn = torch.gru(x.transpose(1, 2), h0, [self.gru_w_ih, self.gru_w_hh, self.gru_b_ih, "
               "self.gru_b_hh,"
               " self.gru_w_ih_reverse, self.gru_w_hh_reverse, self.gru_b_ih_reverse, self.gru_b_hh_reverse],"
               " True, 1, 0.0, self.training, True, True)\n"
            << "    x = seq.transpose(1, 2)\n";
    src << "    mean = torch.mean(x, [2])\n"
        << "    centred = x - mean.unsqueeze(2)\n"
        << "    std = torch.sqrt(torch.mean(centred * centred, [2]) + 1e-5)\n"
        << "    v = torch.conv1d(x, self.voice_weight, self.voice_bias)\n"
        << "    v = v / torch.sqrt(torch.sum(v * v, [1], keepdim=True) + 1e-6)\n"
        << "    a = torch.sigmoid(torch.conv1d(x, self.gate_weight, self.gate_bias))\n"
        << similarity_histogram("a", bins, -0.75, 0.25, 32.0)
        << "    x = torch.cat([mean, std, torch.stack(hist, 1), torch.mean(a, [1, 2]).unsqueeze(1)], 1)\n"
        << kClassifierHead;
    m.define(src.str());
    return m;
}

// The talker counter: built to tell one voice from two from three or more, and to be trained with frame targets.
// Input normalisation: the log-mel as it is (scaled) next to the same minus each band's mean over the window (a
// per-frequency instance normalisation), so a microphone's or a codec's colouring does not look like a voice.
// A TDNN front end to 64 ms frames, a bidirectional GRU over them, then three heads: per frame how many voices
// sound (0, 1, 2, 3+), per frame a unit-length voice embedding, and the clip's five logits from attentive
// mean/std pooling, the mean voice-count posteriors and a soft histogram of the voice similarities between frames
// where exactly one voice sounds (one voice: all pairs alike; two: two clusters; three or more: more spread).
// forward() gives the logits; forward_train() also the frame heads, which the trainer's frame-count, same-voice
// and speaker-identity losses use.
//
// "socialctx-counter-lite" keeps the heads and the losses but replaces the GRU by a fourth, wider-dilated residual
// convolution: the GRU's 23 sequential steps are most of the counter's forward time, and the default model must
// stay within 0.6 ms per window (issue 10's budget).
torch::jit::Module counter(const ModelConfig& c, bool recurrent) {
    torch::jit::Module m(recurrent ? "SocialContextCounter" : "SocialContextCounterLite");
    m.register_attribute("training", c10::BoolType::get(), true);
    const int64_t ch = 192, hidden = 96, voice = 32, counts = 4, att = 64;
    add_layer(m, "tdnn1", {ch, 2 * c.mel.n_mels, 5});
    add_batch_norm(m, "bn1", ch);
    add_layer(m, "tdnn2", {ch, ch, 3});
    add_batch_norm(m, "bn2", ch);
    add_layer(m, "tdnn3", {ch, ch, 3});
    add_batch_norm(m, "bn3", ch);
    int64_t width = ch;
    if (recurrent) {
        const double gb = 1.0 / std::sqrt(double(hidden));
        for (const std::string d : {"", "_reverse"}) {
            m.register_parameter("gru_w_ih" + d, torch::empty({3 * hidden, ch}).uniform_(-gb, gb), false);
            m.register_parameter("gru_w_hh" + d, torch::empty({3 * hidden, hidden}).uniform_(-gb, gb), false);
            m.register_parameter("gru_b_ih" + d, torch::empty({3 * hidden}).uniform_(-gb, gb), false);
            m.register_parameter("gru_b_hh" + d, torch::empty({3 * hidden}).uniform_(-gb, gb), false);
        }
        width = 2 * hidden;
    } else {
        add_layer(m, "tdnn4", {ch, ch, 3});
        add_batch_norm(m, "bn4", ch);
    }
    add_layer(m, "count", {counts, width, 1});
    add_layer(m, "voice", {voice, width, 1});
    add_layer(m, "att1", {att, width, 1});
    add_layer(m, "att2", {1, att, 1});
    const int bins = 12;
    add_layer(m, "fc1", {128, 2 * width + bins + counts + 1});
    add_layer(m, "fc2", {int64_t(c.class_names.size()), 128});
    std::ostringstream src;
    src << "def trunk(self, x):\n"
        << "    x = torch.squeeze(x, 1)\n"
        << "    h = torch.cat([x / 20.0 + 2.0, (x - torch.mean(x, [2], keepdim=True)) / 20.0], 1)\n"
        << "    h = torch.relu(" << bn("torch.conv1d(h, self.tdnn1_weight, self.tdnn1_bias, [2], [2])", "bn1") << ")\n"
        << "    h = torch.max_pool1d(torch.relu("
        << bn("torch.conv1d(h, self.tdnn2_weight, self.tdnn2_bias, [1], [2], [2])", "bn2") << "), [2])\n"
        << "    h = h + torch.relu(" << bn("torch.conv1d(h, self.tdnn3_weight, self.tdnn3_bias, [1], [2], [2])", "bn3")
        << ")\n";
    if (recurrent)
        src << "    h0 = torch.zeros([2, h.size(0), " << hidden << "], dtype=h.dtype)\n"
            << "    seq, hn = torch.gru(h.transpose(1, 2), h0, [self.gru_w_ih, self.gru_w_hh, self.gru_b_ih, "
               "self.gru_b_hh, self.gru_w_ih_reverse, self.gru_w_hh_reverse, self.gru_b_ih_reverse, "
               "self.gru_b_hh_reverse], True, 1, 0.0, self.training, True, True)\n"
            << "    return seq.transpose(1, 2)\n";
    else
        src << "    h = h + torch.relu("
            << bn("torch.conv1d(h, self.tdnn4_weight, self.tdnn4_bias, [1], [4], [4])", "bn4") << ")\n"
            << "    return h\n";
    src << "def heads(self, x):\n"
        << "    g = self.trunk(x)\n"
        << "    counts = torch.conv1d(g, self.count_weight, self.count_bias)\n"
        << "    v = torch.conv1d(g, self.voice_weight, self.voice_bias)\n"
        << "    v = v / torch.sqrt(torch.sum(v * v, [1], keepdim=True) + 1e-6)\n"
        << "    p = torch.softmax(counts, 1)\n"
        << "    single = p[:, 1:2, :]\n"
        << similarity_histogram("single", bins, -0.9, 0.17, 50.0)
        << "    a = torch.softmax(torch.conv1d(torch.tanh(torch.conv1d(g, self.att1_weight, self.att1_bias)),"
           " self.att2_weight, self.att2_bias), 2)\n"
        << "    mean = torch.sum(g * a, [2])\n"
        << "    std = torch.sqrt(torch.clamp(torch.sum(g * g * a, [2]) - mean * mean, 1e-5))\n"
        << "    speech = torch.mean(1.0 - p[:, 0, :], [1]).unsqueeze(1)\n"
        << "    z = torch.cat([mean, std, torch.stack(hist, 1), torch.mean(p, [2]), speech], 1)\n"
        << "    z = torch.relu(torch.linear(z, self.fc1_weight, self.fc1_bias))\n"
        << "    z = torch.dropout(z, 0.3, self.training)\n"
        << "    return torch.linear(z, self.fc2_weight, self.fc2_bias), counts, v\n"
        << "def forward(self, x):\n"
        << "    logits, counts, v = self.heads(x)\n"
        << "    return logits\n"
        << "def forward_train(self, x):\n"
        << "    return self.heads(x)\n";
    m.define(src.str());
    return m;
}
}  // namespace

const std::vector<std::string>& architectures() {
    static const std::vector<std::string> names = {"original-cnn",   "socialctx-tcn",     "socialctx-tdnn",
                                                   "socialctx-crnn", "socialctx-counter", "socialctx-counter-lite"};
    return names;
}

torch::jit::Module build(const ModelConfig& config) {
    if (config.architecture == "original-cnn") return original_cnn(config);
    if (config.architecture == "socialctx-tcn") return tcn(config);
    if (config.architecture == "socialctx-tdnn") return tdnn(config, false);
    if (config.architecture == "socialctx-crnn") return tdnn(config, true);
    if (config.architecture == "socialctx-counter") return counter(config, true);
    if (config.architecture == "socialctx-counter-lite") return counter(config, false);
    throw Error("unknown architecture '" + config.architecture +
                "' (known: original-cnn, socialctx-tcn, socialctx-tdnn, socialctx-crnn, socialctx-counter, "
                "socialctx-counter-lite)");
}

void save(const torch::jit::Module& module, const ModelConfig& config, const std::string& path) {
    torch::jit::ExtraFilesMap extra{{kModelConfigEntry, config.to_json()}};
    try {
        module.save(path, extra);
    } catch (const c10::Error& e) {
        throw Error("cannot write model " + path + ": " + e.what_without_backtrace());
    }
}

at::Tensor probabilities(torch::jit::Module& module, const at::Tensor& features, const std::string& output_kind) {
    at::Tensor out = module.forward({features.unsqueeze(1)}).toTensor();
    return output_kind == "probabilities" ? out : at::softmax(out, 1);
}

}  // namespace sctx::torchmods

#include "model/model_factory.h"

namespace sctx {

std::vector<std::string> known_architectures() { return torchmods::architectures(); }

void create_untrained_model(const ModelConfig& config, uint64_t seed, const std::string& path) {
    torch::manual_seed(seed);
    torch::jit::Module m = torchmods::build(config);
    m.eval();
    torchmods::save(m, config, path);
}

void create_ensemble(const std::vector<std::string>& members, const std::string& name, const std::string& version,
                     const std::string& description, const std::string& path) {
    if (members.size() < 2) throw Error("an ensemble needs at least two models");
    torch::jit::Module ensemble("SocialctxEnsemble");
    ModelConfig config;
    std::string arch;
    std::ostringstream src;
    src << "def forward(self, x):\n    p = torch.softmax(self.m0.forward(x), 1)";
    for (size_t i = 0; i < members.size(); ++i) {
        torch::jit::ExtraFilesMap extra{{kModelConfigEntry, ""}};
        torch::jit::Module m;
        try {
            m = torch::jit::load(members[i], torch::kCPU, extra);
        } catch (const std::exception&) {
            throw Error(members[i] + " is not a TorchScript model");
        }
        if (extra[kModelConfigEntry].empty()) throw Error(members[i] + " has no embedded socialctx config");
        const ModelConfig c = ModelConfig::from_json(extra[kModelConfigEntry]);
        if (i == 0) {
            config = c;
        } else if (c.class_names != config.class_names || c.mel.sample_rate != config.mel.sample_rate ||
                   c.mel.n_mels != config.mel.n_mels || c.input_frames() != config.input_frames() ||
                   c.mel.ref != config.mel.ref || c.window_s != config.window_s) {
            throw Error(members[i] + " hears other input or names other classes than " + members[0]);
        }
        m.eval();
        const std::string child = "m" + std::to_string(i);
        ensemble.register_module(child, m);
        // A member that outputs probabilities is taken as it is; logits go through softmax.
        const std::string p = c.output == "probabilities" ? "self." + child + ".forward(x)"
                                                          : "torch.softmax(self." + child + ".forward(x), 1)";
        if (i > 0) src << " + " << p;
        arch += (i ? "+" : "") + c.architecture;
    }
    src << "\n    return torch.log(torch.clamp(p / " << members.size() << ".0, 1e-12))\n";
    ensemble.define(src.str());
    ensemble.eval();
    config.architecture = "ensemble(" + arch + ")";
    config.output = "logits";
    if (!name.empty()) config.name = name;
    if (!version.empty()) config.version = version;
    if (!description.empty()) config.description = description;
    torchmods::save(ensemble, config, path);
}

}  // namespace sctx
