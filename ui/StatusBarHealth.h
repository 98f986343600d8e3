#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QTimer;

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// The status bar's per-account sync health: network icon, a state icon and "handle: state" in plain words
// (healthy, paused, rate limited until T, sign-in expired, error), one compact entry per account. Colour is never
// the only signal: each state has its own icon shape and its text.
class StatusBarHealth final : public QWidget {
    Q_OBJECT
public:
    explicit StatusBarHealth(models::WorkspaceContext &ctx, QWidget *parent = nullptr);

    void reload();

private:
    struct Entry {
        QString accountId;
        QWidget *widget = nullptr;
        QLabel *networkIcon = nullptr;
        QLabel *stateIcon = nullptr;
        QLabel *text = nullptr;
    };
    Entry makeEntry(const QString &accountId);

    models::WorkspaceContext &m_ctx;
    QHBoxLayout *m_layout;
    QTimer *m_tick; // rate limits expire without any change in the store
    QList<Entry> m_entries;
};

} // namespace sb::ui
