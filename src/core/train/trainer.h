#pragma once
// The training loop: Adam on class-weighted cross-entropy, early stopping on a validation figure, the best epoch's
// weights kept and saved. Architectures with a forward_train method (socialctx-counter) also learn from frame
// targets when the data has them: how many voices sound in each frame, whether two single-voice frames are the
// same voice, and which training speaker a talker is (an additive-margin softmax over speaker ids). The only file
// of the training stage that includes LibTorch.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/model_config.h"
#include "train/augment.h"
#include "train/feature_set.h"
#include "train/metrics.h"

namespace sctx::train {

struct TrainOptions {
    ModelConfig config;  ///< architecture, classes and preprocessing of the model to train
    int max_epochs = 30;
    int patience = 5;         ///< epochs without a lower validation loss before stopping
    double lr = 1e-3;         ///< Adam learning rate
    double weight_decay = 0;  ///< Adam L2 penalty
    /// Halve the learning rate after this many epochs without a lower validation loss (0: constant rate). Below
    /// `patience` it gives the model a few slower epochs before early stopping gives up.
    int lr_plateau = 0;
    int batch_size = 32;
    uint64_t seed = 1;
    int threads = 1;            ///< LibTorch intra-op threads
    bool class_weights = true;  ///< weight the loss by inverse class frequency (sklearn's "balanced")
    AugmentOptions augment;
    std::string out_path;  ///< the best model so far is (re)written here after every improvement
    /// Cosine decay of the learning rate from lr to lr/50 over max_epochs (instead of a constant rate).
    bool cosine = false;
    double label_smoothing = 0;  ///< of the clip cross-entropy
    /// "loss": the epoch with the lowest validation loss is kept; "f1": the one with the highest macro-F1.
    std::string select = "loss";
    // Weights of the frame-target losses (used when the architecture and the data have frame outputs/targets).
    double frame_loss = 0.5;    ///< per-frame voice count (0, 1, 2, 3+), cross-entropy
    double pair_loss = 0.5;     ///< same voice or not, between frames where exactly one voice sounds
    double speaker_loss = 0.2;  ///< speaker identity of each talker's mean frame embedding (training speakers)
};

struct EpochStats {
    int epoch = 0;
    double train_loss = 0, train_acc = 0;
    double val_loss = 0, val_acc = 0, val_macro_f1 = 0;
    double seconds = 0;
    double lr = 0;           ///< learning rate used in this epoch
    bool best = false;       ///< best validation figure so far (the checkpoint was written)
    bool multitask = false;  ///< the frame-target losses below were used
    double frame_loss = 0, pair_loss = 0, speaker_loss = 0;  ///< training means of the frame-target losses
    double val_frame_acc = 0;  ///< validation accuracy of the per-frame voice count (multitask only)
};

struct TrainResult {
    std::vector<EpochStats> history;
    int best_epoch = 0;
    bool stopped_early = false;
    std::vector<double> class_weights;
    ClassificationReport val;   ///< best checkpoint on the validation split
    ClassificationReport test;  ///< best checkpoint on the test split (empty if there is none)
    bool has_test = false;
};

/// Trains, calling on_epoch after each epoch, and leaves the best checkpoint at options.out_path (eval mode,
/// config embedded; loads with Model::load). Throws sctx::Error (no training or validation rows, unwritable
/// output).
TrainResult train_model(const FeatureSet& data, const TrainOptions& options,
                        const std::function<void(const EpochStats&)>& on_epoch = {});

/// For benchmarks: seconds per optimisation step (forward + backward + Adam, random inputs and targets, frame
/// targets too when the architecture has frame outputs and frame_targets is set), the mean of `steps` after one
/// warm-up step, with `threads` LibTorch threads.
double time_train_step(const ModelConfig& config, int batch, int threads, int steps, bool frame_targets = true);

}  // namespace sctx::train
