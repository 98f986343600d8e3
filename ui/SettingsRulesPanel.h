#pragma once

#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace sb {
struct RoutingRule;
}

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// Routing rules: the list in the order they run, and a form for one rule (when: account, kind, language, author,
// keywords; then: team, assignee, tags, priority). Changes go through the engine, which allows managers only.
class SettingsRulesPanel final : public QWidget {
    Q_OBJECT
public:
    explicit SettingsRulesPanel(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~SettingsRulesPanel() override;

    QListWidget *list() const { return m_list; }
    void setEditable(bool editable);
    void reload();

public slots:
    void startNewRule();
    void saveRule();
    void removeRule();

private:
    void fillChoices();
    void showRule(const QString &id);
    void showMessage(const QString &text, bool error);
    QString describe(const RoutingRule &rule) const;

    sb::models::WorkspaceContext &m_ctx;
    QListWidget *m_list = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_remove = nullptr;
    QGroupBox *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_account = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_language = nullptr;
    QLineEdit *m_author = nullptr;
    QLineEdit *m_keywords = nullptr;
    QComboBox *m_team = nullptr;
    QComboBox *m_assignee = nullptr;
    QLineEdit *m_tags = nullptr;
    QComboBox *m_priority = nullptr;
    QCheckBox *m_enabled = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_message = nullptr;
    QString m_editingId; // empty: the form adds a new rule
    bool m_editable = false;
};

} // namespace sb::ui
