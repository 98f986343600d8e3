#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// Tells the signed-in employee, in the system tray, when a conversation is assigned to them by someone else (or by
// a rule) and when a note @mentions them, in this process or any other that shares the workspace. Clicking the
// message opens the conversation. Without a tray (some desktops) the message goes to the status bar instead.
class TrayNotifier final : public QObject {
    Q_OBJECT
public:
    explicit TrayNotifier(models::WorkspaceContext &ctx, QObject *parent = nullptr);
    ~TrayNotifier() override;

    QSystemTrayIcon *trayIcon() const { return m_tray; }

public slots:
    void check();

signals:
    void notified(const QString &title, const QString &text, const QString &conversationId);
    void openConversation(const QString &conversationId);

private:
    void restart();

    models::WorkspaceContext &m_ctx;
    QSystemTrayIcon *m_tray = nullptr;
    qint64 m_lastSeq = 0;
    QString m_lastConversation;
};

} // namespace sb::ui
