#include "ui/PostDetailsDialog.h"

#include "core/Domain.h"
#include "engine/Engine.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace sb::ui {

PostDetailsDialog::PostDetailsDialog(models::WorkspaceContext &ctx, const QString &postId, QWidget *parent)
    : QDialog(parent), m_ctx(ctx), m_postId(postId)
{
    setObjectName(QStringLiteral("postDetails"));
    setWindowTitle(tr("Post"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("postDetailsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    auto *texts = new QFormLayout;
    auto st = ctx.reader().prepare(QStringLiteral("SELECT v.account_id, a.handle, v.text FROM post_variants v JOIN "
                                                  "accounts a ON a.id = v.account_id WHERE v.post_id = ? ORDER BY "
                                                  "a.handle"));
    if (st.ok()) {
        st.value().bind(1, postId);
        while (st.value().next()) {
            auto *edit = new QPlainTextEdit(st.value().text(2), this);
            edit->setObjectName(QStringLiteral("postDetailsText-") + st.value().text(0));
            edit->setAccessibleName(tr("Text for %1").arg(st.value().text(1)));
            edit->setMaximumHeight(fontMetrics().height() * 5);
            texts->addRow(st.value().text(1), edit);
            m_texts.insert(st.value().text(0), edit);
        }
    }
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("postDetailsComment"));
    m_comment->setPlaceholderText(tr("Why it is rejected (its author reads this)"));
    m_comment->setAccessibleName(tr("Review comment"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("postDetailsMessage"));
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("Save &text"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("postDetailsSave"));
    m_submit = buttons->addButton(tr("Submit for &review"), QDialogButtonBox::ActionRole);
    m_submit->setObjectName(QStringLiteral("postDetailsSubmit"));
    m_approve = buttons->addButton(tr("&Approve"), QDialogButtonBox::ActionRole);
    m_approve->setObjectName(QStringLiteral("postDetailsApprove"));
    m_reject = buttons->addButton(tr("Re&ject"), QDialogButtonBox::ActionRole);
    m_reject->setObjectName(QStringLiteral("postDetailsReject"));
    connect(m_save, &QPushButton::clicked, this, &PostDetailsDialog::saveText);
    connect(m_submit, &QPushButton::clicked, this, &PostDetailsDialog::submit);
    connect(m_approve, &QPushButton::clicked, this, &PostDetailsDialog::approve);
    connect(m_reject, &QPushButton::clicked, this, &PostDetailsDialog::reject);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(texts);
    layout->addWidget(m_comment);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);
    load();
}

void PostDetailsDialog::load()
{
    Statement &p = m_ctx.reader().cached(
        "SELECT p.state, p.scheduled_at, coalesce(p.time_zone, ''), e.name, coalesce(r.name, ''), "
        "coalesce(p.review_comment, ''), p.author_id FROM posts p JOIN employees e ON e.id = p.author_id LEFT JOIN "
        "employees r ON r.id = p.reviewer_id WHERE p.id = ?");
    p.bind(1, m_postId);
    if (!p.next()) {
        p.reset();
        m_summary->setText(tr("This post is no longer there."));
        return;
    }
    m_state = p.text(0);
    const QTimeZone zone(p.text(2).toUtf8());
    const QString when = p.isNull(1)
        ? tr("no time yet")
        : QDateTime::fromMSecsSinceEpoch(p.int64(1), zone.isValid() ? zone : QTimeZone::utc())
                .toString(QStringLiteral("ddd d MMM yyyy, HH:mm"))
            + QLatin1Char(' ') + p.text(2);
    const auto state = postStateFromName(m_state);
    QString summary = tr("%1, %2, by %3.").arg(state ? postStateLabel(*state) : m_state, when, p.text(3));
    if (!p.text(5).isEmpty()) {
        summary += QLatin1Char(' ') + tr("%1 said: %2").arg(p.text(4), p.text(5));
    }
    const QString author = p.text(6);
    p.reset();
    m_summary->setText(summary);

    Statement &r = m_ctx.reader().cached("SELECT role FROM employees WHERE id = ?");
    r.bind(1, m_ctx.currentEmployeeId());
    const auto role = r.next() ? roleFromName(r.text(0)) : std::nullopt;
    r.reset();
    const bool approver = role && canApprove(*role);
    const bool mine = author == m_ctx.currentEmployeeId();
    const bool editable = (mine || approver)
        && (m_state == QLatin1String("draft") || m_state == QLatin1String("in_review")
            || m_state == QLatin1String("approved") || m_state == QLatin1String("scheduled"));
    for (QPlainTextEdit *edit : std::as_const(m_texts)) {
        edit->setReadOnly(!editable);
    }
    m_save->setVisible(editable);
    m_submit->setVisible(mine && m_state == QLatin1String("draft"));
    const bool reviewing = approver && m_state == QLatin1String("in_review");
    m_approve->setVisible(reviewing);
    m_reject->setVisible(reviewing);
    m_comment->setVisible(reviewing);
    if (m_state == QLatin1String("approved") || m_state == QLatin1String("scheduled")) {
        m_save->setToolTip(tr("Saving a change sends the post back to review"));
    }
}

bool PostDetailsDialog::act(const Status &status, const QString &done)
{
    if (!m_ctx.report(status)) {
        m_message->setText(status.error().message);
        return false;
    }
    m_message->setText(done);
    m_ctx.notifyChanged(QStringLiteral("posts"));
    load();
    return true;
}

void PostDetailsDialog::saveText()
{
    const Actor actor = Actor::employee(m_ctx.currentEmployeeId());
    const QString before = m_state;
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it) {
        const Status s = m_ctx.engine().editPostText(actor, m_postId, it.key(), it.value()->toPlainText());
        if (!s.ok()) {
            act(s, {});
            return;
        }
    }
    load();
    act(success(),
        m_state != before && m_state == QLatin1String("in_review")
            ? tr("Saved. The post was approved; it goes back to review.")
            : tr("Saved."));
}

void PostDetailsDialog::submit()
{
    act(m_ctx.engine().submitPost(Actor::employee(m_ctx.currentEmployeeId()), m_postId), tr("Submitted for review."));
}

void PostDetailsDialog::approve()
{
    act(m_ctx.engine().approvePost(Actor::employee(m_ctx.currentEmployeeId()), m_postId),
        tr("Approved: it goes out at its time."));
}

void PostDetailsDialog::reject()
{
    act(m_ctx.engine().rejectPost(Actor::employee(m_ctx.currentEmployeeId()), m_postId, m_comment->text()),
        tr("Rejected: back to its author as a draft, with your comment."));
}

} // namespace sb::ui
