#include "ui/ComposerGuard.h"

#include "core/Clock.h"
#include "engine/Collisions.h"
#include "models/WorkspaceContext.h"
#include "store/Workspace.h"
#include "ui/Icons.h"

#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

Q_LOGGING_CATEGORY(lcPresence, "switchboard.presence")

namespace sb::ui {

namespace {
constexpr int kSettleMs = 400;
}

ComposerGuard::ComposerGuard(models::WorkspaceContext &ctx, QLabel *banner, QWidget *dialogParent)
    : QObject(dialogParent), m_ctx(ctx), m_banner(banner), m_dialogParent(dialogParent), m_heartbeat(new QTimer(this)),
      m_settle(new QTimer(this))
{
    m_banner->setObjectName(QStringLiteral("presenceBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->setAccessibleName(tr("Colleagues on this conversation"));
    m_banner->setContentsMargins(6, 3, 6, 3);
    m_banner->setAutoFillBackground(true);
    QPalette pal = m_banner->palette();
    pal.setColor(QPalette::Window,
                 icons::mix(pal.color(QPalette::Window), icons::statusColor(QStringLiteral("pending")), 0.25));
    m_banner->setPalette(pal);
    m_banner->hide();
    m_heartbeat->setInterval(int(presence::kPresenceHeartbeatMs));
    m_settle->setSingleShot(true);
    m_settle->setInterval(kSettleMs);
    connect(m_settle, &QTimer::timeout, this, &ComposerGuard::touch);
    connect(m_heartbeat, &QTimer::timeout, this, [this] {
        touch();
        refreshBanner();
    });
    connect(&m_ctx, &models::WorkspaceContext::changed, this, &ComposerGuard::refreshBanner);
}

ComposerGuard::~ComposerGuard()
{
    // The banner, a sibling, may be gone already: only the presence row is left behind to clean up.
    if (!m_recordedIn.isEmpty()) {
        (void)presence::leave(m_ctx.workspace().db(), m_ctx.sessionId(), m_recordedIn);
    }
}

void ComposerGuard::touch()
{
    m_settle->stop();
    if (!m_recordedIn.isEmpty() && m_recordedIn != m_conversationId) {
        (void)presence::leave(m_ctx.workspace().db(), m_ctx.sessionId(), m_recordedIn);
        m_recordedIn.clear();
    }
    if (m_conversationId.isEmpty() || m_ctx.currentEmployeeId().isEmpty()) {
        return;
    }
    const Status s = presence::touch(m_ctx.workspace().db(), SystemClock::instance(), m_ctx.sessionId(),
                                     m_ctx.currentEmployeeId(), m_conversationId, m_composing);
    if (s.ok()) {
        m_recordedIn = m_conversationId;
    } else {
        qCWarning(lcPresence) << "cannot record presence:" << s.error().message; // only a hint for others: go on
    }
}

void ComposerGuard::setConversation(const QString &conversationId)
{
    if (conversationId == m_conversationId) {
        return;
    }
    m_conversationId = conversationId;
    m_composing = false;
    if (m_conversationId.isEmpty()) {
        m_heartbeat->stop();
        touch(); // leaves at once
    } else {
        // Recorded once the selection rests: running through the list with j/k writes nothing per row.
        m_settle->start();
        m_heartbeat->start();
    }
    refreshBanner();
}

void ComposerGuard::setComposing(bool composing)
{
    if (composing != m_composing) {
        m_composing = composing;
        touch();
    }
}

void ComposerGuard::refreshBanner()
{
    if (m_conversationId.isEmpty()) {
        m_banner->hide();
        return;
    }
    QStringList lines;
    for (const presence::Viewer &v :
         presence::viewers(m_ctx.reader(), SystemClock::instance(), m_conversationId, m_ctx.sessionId())) {
        lines << (v.composing ? tr("%1 is writing a reply").arg(v.employeeName)
                              : tr("%1 is looking at this conversation").arg(v.employeeName));
    }
    m_banner->setText(lines.join(QLatin1Char('\n')));
    m_banner->setVisible(!lines.isEmpty());
}

bool ComposerGuard::confirmReply()
{
    const auto collisions = replyCollisions(m_ctx.reader(), SystemClock::instance(), m_conversationId,
                                            m_ctx.currentEmployeeId(), m_ctx.sessionId());
    if (!collisions.ok()) {
        m_ctx.report(collisions.error());
        return true; // the check is a courtesy; a failed check does not hold a reply back
    }
    if (collisions.value().empty()) {
        return true;
    }
    QStringList lines;
    for (const ReplyCollision &c : collisions.value()) {
        lines << QStringLiteral("• ") + describeCollision(c);
    }
    QMessageBox box(QMessageBox::Warning, tr("Someone else is on this conversation"),
                    tr("Before you answer:\n\n%1\n\nSend your reply anyway?").arg(lines.join(QLatin1Char('\n'))),
                    QMessageBox::NoButton, m_dialogParent);
    box.setObjectName(QStringLiteral("collisionDialog"));
    QPushButton *send = box.addButton(tr("Send anyway"), QMessageBox::AcceptRole);
    send->setObjectName(QStringLiteral("collisionSend"));
    QPushButton *keep = box.addButton(tr("Don't send"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("collisionKeep"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == send;
}

} // namespace sb::ui
