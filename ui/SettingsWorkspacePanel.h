#pragma once

#include <QWidget>

#include <array>

class QCheckBox;
class QSpinBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimeEdit;

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// The workspace's name, time zone and business hours (which SLA due times and first-response figures count).
class SettingsWorkspacePanel final : public QWidget {
    Q_OBJECT
public:
    explicit SettingsWorkspacePanel(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~SettingsWorkspacePanel() override;

    void setEditable(bool editable);
    // Reads the stored settings into the fields, unless the user has unsaved edits.
    void reload();
    // Drops unsaved edits and shows the stored settings again.
    void revert();

public slots:
    void save();

private:
    void markDirty();

    sb::models::WorkspaceContext &m_ctx;
    QLineEdit *m_name = nullptr;
    QComboBox *m_zone = nullptr;
    QCheckBox *m_peers = nullptr;
    QSpinBox *m_grace = nullptr;
    QSpinBox *m_duplicates = nullptr;
    std::array<QCheckBox *, 7> m_days {};
    QTimeEdit *m_start = nullptr;
    QTimeEdit *m_end = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_message = nullptr;
    bool m_dirty = false;
    bool m_loading = false;
};

} // namespace sb::ui
