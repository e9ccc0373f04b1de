#pragma once
// The five class probabilities of one file as labelled horizontal bars; the predicted class in bold.
#include <QWidget>
#include <string>
#include <vector>

namespace sctx::gui {

class ProbabilityChart : public QWidget {
    Q_OBJECT
public:
    explicit ProbabilityChart(QWidget* parent = nullptr);

    /// Empty probabilities show an empty chart (a file not classified yet, or failed).
    void set_probabilities(const std::vector<float>& probabilities, const std::vector<std::string>& class_names,
                           int predicted);
    const std::vector<float>& probabilities() const { return probabilities_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    void focusInEvent(QFocusEvent*) override { update(); }
    void focusOutEvent(QFocusEvent*) override { update(); }

private:
    std::vector<float> probabilities_;
    std::vector<std::string> class_names_;
    int predicted_ = -1;
};

}  // namespace sctx::gui
