#include "train/trainer.h"

#include <ATen/Parallel.h>
#include <torch/csrc/jit/runtime/graph_executor.h>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

#include "model/torch_modules.h"
#include "util/error.h"

namespace sctx::train {

namespace {

using Clock = std::chrono::steady_clock;

struct Batch {
    at::Tensor x, y;
};

// Copies examples out of the feature set (augmented if asked) into one contiguous batch tensor.
Batch make_batch(const FeatureSet& data, const std::vector<size_t>& idx, size_t from, size_t to,
                 const AugmentOptions* aug, const std::vector<size_t>& backgrounds, const MelParams& mel, Rng& rng) {
    const size_t fs = data.feature_size();
    const int64_t n = int64_t(to - from);
    at::Tensor x = torch::empty({n, int64_t(data.n_mels), int64_t(data.frames)}, torch::kFloat);
    at::Tensor y = torch::empty({n}, torch::kLong);
    float* xp = x.data_ptr<float>();
    int64_t* yp = y.data_ptr<int64_t>();
    for (size_t k = from; k < to; ++k) {
        float* f = xp + (k - from) * fs;
        std::copy(data.features(idx[k]), data.features(idx[k]) + fs, f);
        yp[k - from] = data.labels[idx[k]];
        if (!aug) continue;
        if (aug->mix_prob > 0 && !backgrounds.empty() && rng.uniform() < aug->mix_prob)
            mix_background(f, data.features(backgrounds[rng.below(backgrounds.size())]), fs,
                           rng.uniform(aug->mix_snr_lo, aug->mix_snr_hi), mel);
        if (aug->gain_db > 0 && mel.ref == DbReference::One)
            apply_gain(f, fs, rng.uniform(-aug->gain_db, aug->gain_db));
        spec_augment(f, data.n_mels, data.frames, *aug, rng);
    }
    return {x, y};
}

struct Snapshot {
    std::map<std::string, at::Tensor> tensors;
};

Snapshot snapshot(torch::jit::Module& m) {
    Snapshot s;
    for (const auto& p : m.named_parameters()) s.tensors[p.name] = p.value.detach().clone();
    for (const auto& b : m.named_buffers()) s.tensors[b.name] = b.value.detach().clone();
    return s;
}

void restore(torch::jit::Module& m, const Snapshot& s) {
    torch::NoGradGuard no_grad;
    for (const auto& p : m.named_parameters()) p.value.copy_(s.tensors.at(p.name));
    for (const auto& b : m.named_buffers()) b.value.copy_(s.tensors.at(b.name));
}

// Saved in eval mode and without requires_grad, like a model made by init-model or import; written to a
// temporary name first so the output is never half a file.
void save_checkpoint(torch::jit::Module& m, const ModelConfig& config, const std::string& path) {
    if (path.empty()) return;
    m.eval();
    for (const auto& p : m.parameters()) p.requires_grad_(false);
    const std::string tmp = path + ".tmp";
    torchmods::save(m, config, tmp);
    for (const auto& p : m.parameters()) p.requires_grad_(true);
    m.train();
    if (std::rename(tmp.c_str(), path.c_str()) != 0) throw Error("cannot write model " + path);
}

struct Scores {
    double loss = 0, acc = 0;
    ClassificationReport report;
};

Scores evaluate_split(torch::jit::Module& m, const FeatureSet& data, const std::vector<size_t>& idx,
                      const at::Tensor& weights, const TrainOptions& o) {
    Scores s;
    ConfusionMatrix cm(o.config.class_names);
    if (idx.empty()) return s;
    torch::NoGradGuard no_grad;
    m.eval();
    Rng unused(0);
    double loss_sum = 0, weight_sum = 0;
    for (size_t from = 0; from < idx.size(); from += size_t(o.batch_size)) {
        const size_t to = std::min(idx.size(), from + size_t(o.batch_size));
        Batch b = make_batch(data, idx, from, to, nullptr, {}, o.config.mel, unused);
        at::Tensor logits = m.forward({b.x.unsqueeze(1)}).toTensor();
        // Sum of weighted losses and of weights, so the split's loss is the same weighted mean as in training
        // whatever the batch boundaries.
        at::Tensor per = torch::nn::functional::cross_entropy(
            logits, b.y, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone));
        at::Tensor w = weights.index_select(0, b.y);
        loss_sum += (per * w).sum().item<double>();
        weight_sum += w.sum().item<double>();
        const at::Tensor pred = logits.argmax(1).contiguous();
        const int64_t* pp = pred.data_ptr<int64_t>();
        const int64_t* yp = b.y.data_ptr<int64_t>();
        for (int64_t i = 0; i < pred.size(0); ++i) cm.add(int(yp[i]), int(pp[i]));
    }
    m.train();
    s.report = cm.report();
    s.loss = weight_sum > 0 ? loss_sum / weight_sum : 0;
    s.acc = s.report.accuracy;
    return s;
}

}  // namespace

TrainResult train_model(const FeatureSet& data, const TrainOptions& o,
                        const std::function<void(const EpochStats&)>& on_epoch) {
    const std::vector<size_t> train_idx = data.indices(Split::Train);
    const std::vector<size_t> val_idx = data.indices(Split::Val);
    const std::vector<size_t> test_idx = data.indices(Split::Test);
    if (train_idx.empty()) throw Error("no training rows (split = train)");
    if (val_idx.empty()) throw Error("no validation rows (split = val): early stopping needs them");
    if (o.batch_size < 1) throw Error("batch size must be at least 1");

    // Plain interpretation: each op runs with its own autograd kernel. The profiling executor would re-specialise
    // the graph for every new batch shape (the last batch of an epoch) and measured no faster here.
    torch::jit::GraphOptimizerEnabledGuard plain_interpreter(false);
    at::set_num_threads(std::max(1, o.threads));
    torch::manual_seed(o.seed);
    Rng rng(o.seed * 0x9E3779B97F4A7C15ull + 1);

    const size_t k = o.config.class_names.size();
    TrainResult result;
    std::vector<size_t> counts(k, 0);
    for (size_t i : train_idx) ++counts[size_t(data.labels[i])];
    result.class_weights.assign(k, 1.0);
    for (size_t c = 0; c < k; ++c)
        result.class_weights[c] = !o.class_weights ? 1.0
                                  : counts[c]      ? double(train_idx.size()) / (double(k) * double(counts[c]))
                                                   : 0.0;
    std::vector<float> wf(result.class_weights.begin(), result.class_weights.end());
    const at::Tensor weights = torch::from_blob(wf.data(), {int64_t(k)}, torch::kFloat).clone();

    // Background examples for mixing: the quiet class (index 0 in the default class order), training split only.
    std::vector<size_t> backgrounds;
    for (size_t i : train_idx)
        if (data.labels[i] == 0) backgrounds.push_back(i);

    torch::jit::Module m = torchmods::build(o.config);
    // register_parameter(..., is_buffer=false) leaves requires_grad off: autograd must see them before the
    // optimizer is made.
    std::vector<at::Tensor> params;
    for (const auto& p : m.parameters()) {
        p.requires_grad_(true);
        params.push_back(p);
    }
    torch::optim::Adam optimizer(params, torch::optim::AdamOptions(o.lr).weight_decay(o.weight_decay));
    m.train();

    double best_loss = INFINITY;
    int since_best = 0;
    Snapshot best;
    std::vector<size_t> order = train_idx;
    for (int epoch = 1; epoch <= o.max_epochs; ++epoch) {
        const auto t0 = Clock::now();
        for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);  // Fisher-Yates
        double loss_sum = 0, weight_sum = 0;
        size_t correct = 0;
        for (size_t from = 0; from < order.size(); from += size_t(o.batch_size)) {
            const size_t to = std::min(order.size(), from + size_t(o.batch_size));
            Batch b = make_batch(data, order, from, to, &o.augment, backgrounds, o.config.mel, rng);
            at::Tensor logits = m.forward({b.x.unsqueeze(1)}).toTensor();
            at::Tensor loss = torch::nn::functional::cross_entropy(
                logits, b.y, torch::nn::functional::CrossEntropyFuncOptions().weight(weights));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            const double wsum = weights.index_select(0, b.y).sum().item<double>();
            loss_sum += loss.item<double>() * wsum;
            weight_sum += wsum;
            correct += size_t(logits.argmax(1).eq(b.y).sum().item<int64_t>());
        }
        EpochStats st;
        st.epoch = epoch;
        st.lr = static_cast<torch::optim::AdamOptions&>(optimizer.param_groups()[0].options()).lr();
        st.train_loss = weight_sum > 0 ? loss_sum / weight_sum : 0;
        st.train_acc = double(correct) / double(order.size());
        const Scores v = evaluate_split(m, data, val_idx, weights, o);
        st.val_loss = v.loss;
        st.val_acc = v.acc;
        st.val_macro_f1 = v.report.macro_f1;
        if (v.loss < best_loss) {
            best_loss = v.loss;
            since_best = 0;
            st.best = true;
            result.best_epoch = epoch;
            best = snapshot(m);
            save_checkpoint(m, o.config, o.out_path);
        } else {
            ++since_best;
            if (o.lr_plateau > 0 && since_best % o.lr_plateau == 0)
                for (auto& group : optimizer.param_groups()) {
                    auto& opts = static_cast<torch::optim::AdamOptions&>(group.options());
                    opts.lr(opts.lr() * 0.5);
                }
        }
        st.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        result.history.push_back(st);
        if (on_epoch) on_epoch(st);
        if (since_best >= o.patience) {
            result.stopped_early = epoch < o.max_epochs;
            break;
        }
    }

    if (best.tensors.empty()) throw Error("validation loss never became a finite number: nothing worth saving");
    restore(m, best);
    result.val = evaluate_split(m, data, val_idx, weights, o).report;
    if (!test_idx.empty()) {
        result.test = evaluate_split(m, data, test_idx, weights, o).report;
        result.has_test = true;
    }
    return result;
}

}  // namespace sctx::train
