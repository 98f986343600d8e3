#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace sb::metrics {
struct DrillDown;
}

namespace sb::ui {

// The rows behind one figure of the engagement table (see metrics/EngagementDrillDown.h): when, what counted,
// which conversation or post, and its value. A conversation opens in the inbox with Enter or a double-click.
class EngagementDrillDownDialog final : public QDialog {
    Q_OBJECT
public:
    EngagementDrillDownDialog(const QString &title, const metrics::DrillDown &drill, QWidget *parent = nullptr);
    ~EngagementDrillDownDialog() override;

    QTreeWidget *list() const { return m_list; }

signals:
    void openConversation(const QString &conversationId);

private:
    void openCurrent();

    QTreeWidget *m_list = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace sb::ui
