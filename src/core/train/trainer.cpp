#include "train/trainer.h"

#include <ATen/Parallel.h>
#include <torch/csrc/jit/runtime/graph_executor.h>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

#include "model/torch_modules.h"
#include "platform/file_info.h"
#include "util/error.h"

namespace sctx::train {

namespace {

using Clock = std::chrono::steady_clock;
namespace F = torch::nn::functional;

constexpr int64_t kCountClasses = 4;  // voices per frame: 0, 1, 2, 3 or more
constexpr int64_t kMaxTalkers = 10;   // talker indices a manifest can name ('0'..'9')

// How the model's frames (after its pooling) sit on the input frames: model frame t hears input frame
// centre(t), the middle of the input frames it pools.
struct FrameGrid {
    size_t input = 0, model = 0;
    size_t centre(size_t t) const {
        return std::min(input - 1, size_t((double(t) + 0.5) * double(input) / double(model)));
    }
};

struct Batch {
    at::Tensor x, y;
    // Frame targets on the model's frames (multitask only): -1 where unknown or masked.
    at::Tensor counts;   // [B, T] voices sounding, capped at 3
    at::Tensor owner;    // [B, T] talker index of the only voice
    at::Tensor speaker;  // [B, kMaxTalkers] global speaker index of each talker
};

// Copies examples out of the feature set (augmented if asked) into one contiguous batch tensor, with the frame
// targets pooled onto the model's frames when `grid` is given.
Batch make_batch(const FeatureSet& data, const std::vector<size_t>& idx, size_t from, size_t to,
                 const AugmentOptions* aug, const std::vector<size_t>& backgrounds, const MelParams& mel, Rng& rng,
                 const FrameGrid* grid) {
    const size_t fs = data.feature_size();
    const int64_t n = int64_t(to - from);
    Batch b;
    b.x = torch::empty({n, int64_t(data.n_mels), int64_t(data.frames)}, torch::kFloat);
    b.y = torch::empty({n}, torch::kLong);
    float* xp = b.x.data_ptr<float>();
    int64_t* yp = b.y.data_ptr<int64_t>();
    int64_t *cp = nullptr, *op = nullptr, *sp = nullptr;
    if (grid) {
        b.counts = torch::full({n, int64_t(grid->model)}, -1, torch::kLong);
        b.owner = torch::full({n, int64_t(grid->model)}, -1, torch::kLong);
        b.speaker = torch::full({n, kMaxTalkers}, -1, torch::kLong);
        cp = b.counts.data_ptr<int64_t>();
        op = b.owner.data_ptr<int64_t>();
        sp = b.speaker.data_ptr<int64_t>();
    }
    std::vector<uint8_t> masked(data.frames);
    for (size_t k = from; k < to; ++k) {
        const size_t row = idx[k], i = k - from;
        float* f = xp + i * fs;
        std::copy(data.features(row), data.features(row) + fs, f);
        yp[i] = data.labels[row];
        std::fill(masked.begin(), masked.end(), uint8_t(0));
        if (aug) {
            if (aug->mix_prob > 0 && !backgrounds.empty() && rng.uniform() < aug->mix_prob)
                mix_background(f, data.features(backgrounds[rng.below(backgrounds.size())]), fs,
                               rng.uniform(aug->mix_snr_lo, aug->mix_snr_hi), mel);
            if (aug->gain_db > 0 && mel.ref == DbReference::One)
                apply_gain(f, fs, rng.uniform(-aug->gain_db, aug->gain_db));
            spec_augment(f, data.n_mels, data.frames, *aug, rng, masked.data());
        }
        if (!grid || data.frame_voices.empty()) continue;
        const uint8_t* voices = data.frame_voices.data() + row * data.frames;
        const uint8_t* owner = data.frame_owner.data() + row * data.frames;
        for (size_t t = 0; t < grid->model; ++t) {
            const size_t c = grid->centre(t);
            if (masked[c] || voices[c] == FeatureSet::kNoTarget) continue;
            cp[i * grid->model + t] = std::min<int64_t>(kCountClasses - 1, voices[c]);
            if (owner[c] != FeatureSet::kNoTarget) op[i * grid->model + t] = owner[c];
        }
        const std::vector<int>& who = data.talkers[row];
        for (size_t t = 0; t < who.size() && t < size_t(kMaxTalkers); ++t) sp[i * kMaxTalkers + int64_t(t)] = who[t];
    }
    return b;
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
    if (!platform::replace_file(tmp, path)) throw Error("cannot write model " + path);
}

bool has_frame_outputs(torch::jit::Module& m) { return m.find_method("forward_train").has_value(); }

// The frame-target losses of one batch: voice count per frame, same-voice between single-voice frames, and the
// identity of each talker's mean embedding among the training speakers.
struct FrameLosses {
    at::Tensor count, pair, speaker;  // scalars (undefined when a term has no targets)
};

class FrameLossTerms {
public:
    FrameLossTerms(int64_t speakers, int64_t dim) {
        // Additive-margin softmax (CosFace): scale 20, margin 0.2; the class centres live here, not in the model.
        centres_ = torch::randn({std::max<int64_t>(1, speakers), dim}) * 0.1;
        centres_.set_requires_grad(true);
        // Same-voice logit = scale * cosine + bias, learnt (a cosine of 0.5 is neither here nor there at first).
        pair_scale_ = torch::full({1}, 10.0);
        pair_bias_ = torch::full({1}, -5.0);
        pair_scale_.set_requires_grad(true);
        pair_bias_.set_requires_grad(true);
    }
    std::vector<at::Tensor> parameters() const { return {centres_, pair_scale_, pair_bias_}; }

    FrameLosses compute(const at::Tensor& counts, const at::Tensor& emb, const Batch& b, bool speaker_term) const {
        FrameLosses out;
        // Voices per frame.
        if ((b.counts >= 0).any().item<bool>())
            out.count = F::cross_entropy(counts, b.counts, F::CrossEntropyFuncOptions().ignore_index(-1));
        // Same voice or not, over every pair of frames where exactly one voice sounds; positives and negatives
        // weigh half each (monologues would otherwise drown the rare "different" pairs).
        const at::Tensor valid = b.owner >= 0;  // [B, T]
        const int64_t t = b.owner.size(1);
        const at::Tensor pairs =
            valid.unsqueeze(2) & valid.unsqueeze(1) & ~torch::eye(t).to(torch::kBool).unsqueeze(0);  // [B, T, T]
        const at::Tensor same = b.owner.unsqueeze(2) == b.owner.unsqueeze(1);
        const at::Tensor pos = pairs & same, neg = pairs & ~same;
        const int64_t n_pos = pos.sum().item<int64_t>(), n_neg = neg.sum().item<int64_t>();
        if (n_pos + n_neg > 0) {
            const at::Tensor sim = torch::bmm(emb.transpose(1, 2), emb);
            const at::Tensor logit = sim * pair_scale_ + pair_bias_;
            const at::Tensor bce = F::binary_cross_entropy_with_logits(
                logit, same.to(torch::kFloat), F::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kNone));
            at::Tensor loss = torch::zeros({}, torch::kFloat);
            double parts = 0;
            if (n_pos > 0) loss = loss + (bce * pos).sum() / double(n_pos), parts += 1;
            if (n_neg > 0) loss = loss + (bce * neg).sum() / double(n_neg), parts += 1;
            out.pair = loss / parts;
        }
        // Speaker identity: each talker's mean embedding over their single-voice frames (3 or more of them).
        if (speaker_term) {
            const at::Tensor onehot =
                F::one_hot(b.owner.clamp_min(0), kMaxTalkers).to(torch::kFloat) * valid.unsqueeze(2).to(torch::kFloat);
            const at::Tensor m = onehot.transpose(1, 2);                 // [B, K, T]
            const at::Tensor frames = m.sum(2);                          // [B, K]
            const at::Tensor mean = torch::bmm(m, emb.transpose(1, 2));  // [B, K, D]
            const at::Tensor use = (frames >= 3) & (b.speaker >= 0);
            if (use.any().item<bool>()) {
                const at::Tensor e = F::normalize(mean.index({use}), F::NormalizeFuncOptions().dim(1));
                const at::Tensor target = b.speaker.index({use});
                const at::Tensor cos = torch::mm(e, F::normalize(centres_, F::NormalizeFuncOptions().dim(1)).t());
                const at::Tensor margin = F::one_hot(target, centres_.size(0)).to(torch::kFloat) * 0.2;
                out.speaker = F::cross_entropy((cos - margin) * 20.0, target);
            }
        }
        return out;
    }

private:
    at::Tensor centres_, pair_scale_, pair_bias_;
};

struct Scores {
    double loss = 0, acc = 0, frame_acc = 0;
    ClassificationReport report;
};

Scores evaluate_split(torch::jit::Module& m, const FeatureSet& data, const std::vector<size_t>& idx,
                      const at::Tensor& weights, const TrainOptions& o, const FrameGrid* grid) {
    Scores s;
    ConfusionMatrix cm(o.config.class_names);
    if (idx.empty()) return s;
    torch::NoGradGuard no_grad;
    m.eval();
    Rng unused(0);
    double loss_sum = 0, weight_sum = 0;
    int64_t frames_right = 0, frames_known = 0;
    for (size_t from = 0; from < idx.size(); from += size_t(o.batch_size)) {
        const size_t to = std::min(idx.size(), from + size_t(o.batch_size));
        Batch b = make_batch(data, idx, from, to, nullptr, {}, o.config.mel, unused, grid);
        at::Tensor logits;
        if (grid) {
            const auto out = m.get_method("forward_train")({b.x.unsqueeze(1)}).toTuple();
            logits = out->elements()[0].toTensor();
            const at::Tensor known = b.counts >= 0;
            frames_known += known.sum().item<int64_t>();
            frames_right += (out->elements()[1].toTensor().argmax(1).eq(b.counts) & known).sum().item<int64_t>();
        } else {
            logits = m.forward({b.x.unsqueeze(1)}).toTensor();
        }
        // Sum of weighted losses and of weights, so the split's loss is the same weighted mean as in training
        // whatever the batch boundaries.
        at::Tensor per = F::cross_entropy(logits, b.y, F::CrossEntropyFuncOptions().reduction(torch::kNone));
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
    s.frame_acc = frames_known > 0 ? double(frames_right) / double(frames_known) : 0;
    return s;
}

// The model's frame grid, read off one forward pass (the pooling is the architecture's business).
FrameGrid frame_grid(torch::jit::Module& m, const ModelConfig& c) {
    torch::NoGradGuard no_grad;
    m.eval();
    const at::Tensor x = torch::zeros({1, 1, int64_t(c.mel.n_mels), int64_t(c.input_frames())});
    const auto out = m.get_method("forward_train")({x}).toTuple();
    m.train();
    FrameGrid g;
    g.input = c.input_frames();
    g.model = size_t(out->elements()[1].toTensor().size(2));
    return g;
}

int64_t embedding_dim(torch::jit::Module& m, const ModelConfig& c) {
    torch::NoGradGuard no_grad;
    m.eval();
    const at::Tensor x = torch::zeros({1, 1, int64_t(c.mel.n_mels), int64_t(c.input_frames())});
    const auto out = m.get_method("forward_train")({x}).toTuple();
    m.train();
    return out->elements()[2].toTensor().size(1);
}

// One optimisation step; returns the clip loss and the frame terms (as doubles, 0 when absent).
struct StepLosses {
    double clip = 0, count = 0, pair = 0, speaker = 0;
    at::Tensor logits;
};

StepLosses train_step(torch::jit::Module& m, torch::optim::Optimizer& optimizer, const Batch& b,
                      const at::Tensor& weights, const TrainOptions& o, const FrameLossTerms* frame_terms) {
    StepLosses r;
    at::Tensor loss;
    const auto ce = F::CrossEntropyFuncOptions().weight(weights).label_smoothing(o.label_smoothing);
    if (frame_terms) {
        const auto out = m.get_method("forward_train")({b.x.unsqueeze(1)}).toTuple();
        r.logits = out->elements()[0].toTensor();
        loss = F::cross_entropy(r.logits, b.y, ce);
        const FrameLosses fl =
            frame_terms->compute(out->elements()[1].toTensor(), out->elements()[2].toTensor(), b, o.speaker_loss > 0);
        if (fl.count.defined() && o.frame_loss > 0)
            loss = loss + o.frame_loss * fl.count, r.count = fl.count.item<double>();
        if (fl.pair.defined() && o.pair_loss > 0) loss = loss + o.pair_loss * fl.pair, r.pair = fl.pair.item<double>();
        if (fl.speaker.defined()) loss = loss + o.speaker_loss * fl.speaker, r.speaker = fl.speaker.item<double>();
        r.clip = F::cross_entropy(r.logits.detach(), b.y, ce).item<double>();
    } else {
        r.logits = m.forward({b.x.unsqueeze(1)}).toTensor();
        loss = F::cross_entropy(r.logits, b.y, ce);
        r.clip = loss.item<double>();
    }
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    return r;
}

void set_lr(torch::optim::Optimizer& optimizer, double lr) {
    for (auto& group : optimizer.param_groups()) static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
}

std::vector<at::Tensor> trainable(torch::jit::Module& m) {
    // register_parameter(..., is_buffer=false) leaves requires_grad off: autograd must see them before the
    // optimizer is made.
    std::vector<at::Tensor> params;
    for (const auto& p : m.parameters()) {
        p.requires_grad_(true);
        params.push_back(p);
    }
    return params;
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
    if (o.select != "loss" && o.select != "f1") throw Error("select must be 'loss' or 'f1', not '" + o.select + "'");

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
    const bool multitask =
        has_frame_outputs(m) && data.has_frames && (o.frame_loss > 0 || o.pair_loss > 0 || o.speaker_loss > 0);
    FrameGrid grid;
    std::unique_ptr<FrameLossTerms> frame_terms;
    std::vector<at::Tensor> params = trainable(m);
    if (multitask) {
        grid = frame_grid(m, o.config);
        frame_terms = std::make_unique<FrameLossTerms>(int64_t(data.speakers.size()), embedding_dim(m, o.config));
        for (const auto& p : frame_terms->parameters()) params.push_back(p);
    }
    const FrameGrid* g = multitask ? &grid : nullptr;
    torch::optim::Adam optimizer(params, torch::optim::AdamOptions(o.lr).weight_decay(o.weight_decay));
    m.train();

    double best_loss = INFINITY, best_f1 = -1, lr = o.lr;
    int since_best = 0;
    Snapshot best;
    std::vector<size_t> order = train_idx;
    for (int epoch = 1; epoch <= o.max_epochs; ++epoch) {
        const auto t0 = Clock::now();
        if (o.cosine) {
            const double floor = o.lr / 50, phase = double(epoch - 1) / double(std::max(1, o.max_epochs - 1));
            lr = floor + 0.5 * (o.lr - floor) * (1 + std::cos(M_PI * phase));
        }
        set_lr(optimizer, lr);
        for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);  // Fisher-Yates
        double loss_sum = 0, weight_sum = 0, count_sum = 0, pair_sum = 0, speaker_sum = 0;
        size_t correct = 0, steps = 0;
        for (size_t from = 0; from < order.size(); from += size_t(o.batch_size)) {
            const size_t to = std::min(order.size(), from + size_t(o.batch_size));
            Batch b = make_batch(data, order, from, to, &o.augment, backgrounds, o.config.mel, rng, g);
            const StepLosses s = train_step(m, optimizer, b, weights, o, frame_terms.get());
            const double wsum = weights.index_select(0, b.y).sum().item<double>();
            loss_sum += s.clip * wsum;
            weight_sum += wsum;
            count_sum += s.count, pair_sum += s.pair, speaker_sum += s.speaker, ++steps;
            correct += size_t(s.logits.argmax(1).eq(b.y).sum().item<int64_t>());
        }
        EpochStats st;
        st.epoch = epoch;
        st.lr = lr;
        st.train_loss = weight_sum > 0 ? loss_sum / weight_sum : 0;
        st.train_acc = double(correct) / double(order.size());
        st.multitask = multitask;
        if (steps > 0)
            st.frame_loss = count_sum / double(steps), st.pair_loss = pair_sum / double(steps),
            st.speaker_loss = speaker_sum / double(steps);
        const Scores v = evaluate_split(m, data, val_idx, weights, o, g);
        st.val_loss = v.loss;
        st.val_acc = v.acc;
        st.val_macro_f1 = v.report.macro_f1;
        st.val_frame_acc = v.frame_acc;
        const bool better = o.select == "f1"
                                ? (v.report.macro_f1 > best_f1 || (v.report.macro_f1 == best_f1 && v.loss < best_loss))
                                : v.loss < best_loss;
        if (better && std::isfinite(v.loss)) {
            best_loss = v.loss;
            best_f1 = v.report.macro_f1;
            since_best = 0;
            st.best = true;
            result.best_epoch = epoch;
            best = snapshot(m);
            save_checkpoint(m, o.config, o.out_path);
        } else {
            ++since_best;
            if (!o.cosine && o.lr_plateau > 0 && since_best % o.lr_plateau == 0) lr *= 0.5;
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
    result.val = evaluate_split(m, data, val_idx, weights, o, nullptr).report;
    if (!test_idx.empty()) {
        result.test = evaluate_split(m, data, test_idx, weights, o, nullptr).report;
        result.has_test = true;
    }
    return result;
}

double time_train_step(const ModelConfig& config, int batch, int threads, int steps, bool frame_targets) {
    torch::jit::GraphOptimizerEnabledGuard plain_interpreter(false);
    at::set_num_threads(std::max(1, threads));
    torch::manual_seed(1);
    torch::jit::Module m = torchmods::build(config);
    std::vector<at::Tensor> params = trainable(m);
    const bool multitask = frame_targets && has_frame_outputs(m);
    TrainOptions o;
    o.config = config;
    FrameGrid grid;
    std::unique_ptr<FrameLossTerms> terms;
    if (multitask) {
        grid = frame_grid(m, config);
        terms = std::make_unique<FrameLossTerms>(400, embedding_dim(m, config));
        for (const auto& p : terms->parameters()) params.push_back(p);
    }
    torch::optim::Adam optimizer(params, torch::optim::AdamOptions(1e-3));
    m.train();
    // Random features in the log-mel's range and random targets of the right shapes.
    Batch b;
    b.x = torch::rand({batch, int64_t(config.mel.n_mels), int64_t(config.input_frames())}) * -80.0;
    b.y = torch::randint(0, int64_t(config.class_names.size()), {batch}, torch::kLong);
    if (multitask) {
        b.counts = torch::randint(0, kCountClasses, {batch, int64_t(grid.model)}, torch::kLong);
        b.owner = torch::randint(-1, 3, {batch, int64_t(grid.model)}, torch::kLong);
        b.speaker = torch::randint(0, 400, {batch, kMaxTalkers}, torch::kLong);
    }
    const at::Tensor weights = torch::ones({int64_t(config.class_names.size())});
    train_step(m, optimizer, b, weights, o, terms.get());  // warm-up: allocations, first-call paths
    const auto t0 = Clock::now();
    for (int i = 0; i < steps; ++i) train_step(m, optimizer, b, weights, o, terms.get());
    return std::chrono::duration<double>(Clock::now() - t0).count() / double(std::max(1, steps));
}

}  // namespace sctx::train
