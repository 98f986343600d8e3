#pragma once

#include "core/Result.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace sb {
struct AuditFilter;
}

namespace sb::models {
class AuditLogModel;
class WorkspaceContext;
} // namespace sb::models

namespace sb::ui {

// Who did what, for managers and admins (View > Audit Log): the workspace's event log, newest first, filtered by
// employee, action, subject, text and a range of days; a page at a time ("Load more") and exported to CSV as a
// whole. Anyone else signed in sees why it is empty.
class AuditView final : public QDialog {
    Q_OBJECT
public:
    explicit AuditView(models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~AuditView() override;

    models::AuditLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // What the filter row asks for.
    AuditFilter filter() const;
    // Reloads from the newest event with the current filters.
    void refresh();
    Status exportCsv(const QString &path);

private:
    void fillChoices();
    void loadMore();
    void exportWithDialog();
    void updateStatus();

    models::WorkspaceContext &m_ctx;
    models::AuditLogModel *m_model = nullptr;
    QComboBox *m_employee = nullptr;
    QComboBox *m_action = nullptr;
    QComboBox *m_subject = nullptr;
    QLineEdit *m_text = nullptr;
    QCheckBox *m_dated = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_permission = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_more = nullptr;
    QPushButton *m_export = nullptr;
    QTimer *m_typing = nullptr;
    bool m_allowed = false;
    bool m_filling = false;
};

} // namespace sb::ui
