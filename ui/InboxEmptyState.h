#pragma once

#include <QWidget>

namespace sb::ui {

// What a new workspace's inbox shows: one sentence on the next step and the two ways to take it.
class InboxEmptyState final : public QWidget {
    Q_OBJECT
public:
    explicit InboxEmptyState(QWidget *parent = nullptr);

signals:
    void addAccountRequested();
    void demoRequested();
};

} // namespace sb::ui
