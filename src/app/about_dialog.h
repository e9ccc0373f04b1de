#pragma once
// Help ▸ About: version, the model in use, the licences that apply to this build, and the privacy statement.
#include <QDialog>
#include <memory>

namespace Ui {
class AboutDialog;
}

namespace sctx::gui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    /// `model_in_use`: what ModelManager::summary() says (empty: not mentioned).
    explicit AboutDialog(QWidget* parent = nullptr, const QString& model_in_use = {});
    ~AboutDialog() override;

    /// The privacy statement, word for word (also checked by the tests).
    static QString privacy_statement();

private:
    std::unique_ptr<Ui::AboutDialog> ui_;
};

}  // namespace sctx::gui
