#pragma once
// Help ▸ About: version, the licences that apply to this build, and the privacy statement.
#include <QDialog>
#include <memory>

namespace Ui {
class AboutDialog;
}

namespace sctx::gui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    ~AboutDialog() override;

    /// The privacy statement, word for word (also checked by the tests).
    static QString privacy_statement();

private:
    std::unique_ptr<Ui::AboutDialog> ui_;
};

}  // namespace sctx::gui
