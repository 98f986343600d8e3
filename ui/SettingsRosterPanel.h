#pragma once

#include <QString>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace sb::models {
class RosterModel;
class WorkspaceContext;
} // namespace sb::models

namespace sb::ui {

// The team roster: employees with role and team, an inline form to add or edit one, deactivation, new teams.
// Every change goes through the engine, which checks the signed-in employee's role.
class SettingsRosterPanel final : public QWidget {
    Q_OBJECT
public:
    explicit SettingsRosterPanel(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~SettingsRosterPanel() override;

    sb::models::RosterModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void setEditable(bool editable);
    void reload();

public slots:
    void startNewEmployee();
    void saveEmployee();
    void toggleActive();
    void addTeam();

private:
    void onSelectionChanged();
    void fillTeams();
    void showMessage(const QString &text, bool error);
    QString selectedId() const;

    sb::models::WorkspaceContext &m_ctx;
    sb::models::RosterModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_toggleActive = nullptr;
    QGroupBox *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QComboBox *m_role = nullptr;
    QComboBox *m_team = nullptr;
    QPushButton *m_save = nullptr;
    QLineEdit *m_teamName = nullptr;
    QPushButton *m_addTeam = nullptr;
    QLabel *m_message = nullptr;
    QString m_editingId; // empty: the form adds a new employee
    bool m_editable = false;
};

} // namespace sb::ui
