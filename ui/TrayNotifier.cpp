#include "ui/TrayNotifier.h"

#include "engine/Notifications.h"
#include "models/WorkspaceContext.h"

#include <QIcon>
#include <QSystemTrayIcon>

namespace sb::ui {

namespace {
constexpr int kMessageMs = 8000;
constexpr int kExcerptLength = 140;
constexpr int kBatch = 20;

QString excerpt(const QString &text)
{
    const QString flat = text.simplified();
    return flat.size() > kExcerptLength ? flat.left(kExcerptLength) + QStringLiteral("…") : flat;
}
} // namespace

TrayNotifier::TrayNotifier(models::WorkspaceContext &ctx, QObject *parent) : QObject(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("trayNotifier"));
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/switchboard.svg")), this);
        m_tray->setToolTip(tr("Switchboard"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_lastConversation.isEmpty()) {
                emit openConversation(m_lastConversation);
            }
        });
    }
    restart();
    connect(&m_ctx, &models::WorkspaceContext::changed, this, &TrayNotifier::check);
    connect(&m_ctx, &models::WorkspaceContext::currentEmployeeChanged, this, &TrayNotifier::restart);
}

TrayNotifier::~TrayNotifier() = default;

void TrayNotifier::restart()
{
    // What happened before one signs in is in the inbox already; only what comes next is announced.
    m_lastSeq = latestEventSeq(m_ctx.reader());
}

void TrayNotifier::check()
{
    const QString me = m_ctx.currentEmployeeId();
    if (me.isEmpty()) {
        return;
    }
    const qint64 latest = latestEventSeq(m_ctx.reader());
    const auto found = notificationsSince(m_ctx.reader(), me, m_lastSeq, kBatch);
    if (!found.ok()) {
        m_ctx.report(found.error());
        return;
    }
    if (found.value().size() < size_t(kBatch)) {
        m_lastSeq = std::max(m_lastSeq, latest); // everything up to `latest` was looked at: never read it again
    }
    for (const Notification &n : found.value()) {
        m_lastSeq = std::max(m_lastSeq, n.seq);
        const QString who = n.by.isEmpty() ? tr("Someone") : n.by;
        QString title;
        switch (n.kind) {
        case Notification::Kind::Assigned:
            title = tr("%1 assigned you a conversation with %2").arg(who, n.customer);
            break;
        case Notification::Kind::Mentioned: title = tr("%1 mentioned you in a note").arg(who); break;
        case Notification::Kind::PostPublished: title = tr("Your post went out"); break;
        case Notification::Kind::PostFailed:
            title = n.detail.isEmpty() ? tr("A post could not be published")
                                       : tr("A post could not be published: %1").arg(excerpt(n.detail));
            break;
        case Notification::Kind::PostMissed:
            title = tr("A post missed its time: publish it now or reschedule it");
            break;
        }
        const QString text = excerpt(n.text);
        m_lastConversation = n.conversationId;
        if (m_tray) {
            const bool warning = n.kind == Notification::Kind::PostFailed || n.kind == Notification::Kind::PostMissed;
            m_tray->showMessage(title, text, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                                kMessageMs);
        }
        emit notified(title, text, n.conversationId);
    }
}

} // namespace sb::ui
