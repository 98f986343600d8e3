#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// Canned replies: the team's saved answers, each a title and a text with {variables}. Anyone who triages may
// write them; everyone inserts them from the composer.
class SettingsCannedPanel final : public QWidget {
    Q_OBJECT
public:
    explicit SettingsCannedPanel(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~SettingsCannedPanel() override;

    QListWidget *list() const { return m_list; }
    void setEditable(bool editable);
    void reload();

public slots:
    void startNew();
    void save();
    void remove();

private:
    void show(const QString &id);
    void showMessage(const QString &text, bool error);

    sb::models::WorkspaceContext &m_ctx;
    QListWidget *m_list = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_remove = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_message = nullptr;
    QString m_editingId;
    bool m_editable = false;
};

} // namespace sb::ui
