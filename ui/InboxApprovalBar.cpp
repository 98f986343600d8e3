#include "ui/InboxApprovalBar.h"

#include "ui/Icons.h"
#include "ui/InboxTriage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

InboxApprovalBar::InboxApprovalBar(InboxTriage &triage, QWidget *parent)
    : QFrame(parent), m_triage(triage), m_text(new QLabel(this)), m_approve(new QPushButton(tr("&Approve"), this)),
      m_edit(new QPushButton(tr("E&dit"), this)), m_editor(new QPlainTextEdit(this)), m_reason(new QLineEdit(this)),
      m_reject(new QPushButton(tr("Re&ject"), this))
{
    setObjectName(QStringLiteral("approvalBar"));
    setAccessibleName(tr("Reply awaiting approval"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window,
                 icons::mix(pal.color(QPalette::Window), icons::statusColor(QStringLiteral("snoozed")), 0.12));
    setPalette(pal);
    m_text->setTextFormat(Qt::PlainText);
    m_approve->setObjectName(QStringLiteral("approveReplyButton"));
    m_approve->setToolTip(tr("Queue the reply in the outbox as it is"));
    m_edit->setObjectName(QStringLiteral("editReplyButton"));
    m_edit->setToolTip(tr("Change the text before approving it; its author sees what went out"));
    m_edit->setCheckable(true);
    m_editor->setObjectName(QStringLiteral("approvalEditor"));
    m_editor->setAccessibleName(tr("The reply as it will be sent"));
    m_editor->setTabChangesFocus(true);
    m_editor->setFixedHeight(m_editor->fontMetrics().lineSpacing() * 4 + 12);
    m_editor->hide();
    m_reason->setObjectName(QStringLiteral("rejectReason"));
    m_reason->setAccessibleName(tr("Why the reply is rejected"));
    m_reason->setPlaceholderText(tr("Why not? (its author sees this)"));
    m_reject->setObjectName(QStringLiteral("rejectReplyButton"));
    m_reject->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addWidget(m_text);
    layout->addWidget(m_editor);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_reason, 1);
    buttons->addWidget(m_reject);
    layout->addLayout(buttons);

    connect(m_approve, &QPushButton::clicked, this, &InboxApprovalBar::approve);
    connect(m_edit, &QPushButton::clicked, this, &InboxApprovalBar::toggleEdit);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_reject->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_reason, &QLineEdit::returnPressed, this, &InboxApprovalBar::reject);
    connect(m_reject, &QPushButton::clicked, this, &InboxApprovalBar::reject);
    hide();
}

void InboxApprovalBar::showDraft(const QString &draftId, const QString &author, const QString &text, bool mayApprove)
{
    if (draftId != m_draftId) {
        m_reason->clear();
        m_edit->setChecked(false);
        m_editor->hide();
        m_approve->setText(tr("&Approve"));
    }
    m_draftId = draftId;
    m_draftText = text;
    if (!m_editor->isVisible()) {
        m_editor->setPlainText(text);
    }
    m_text->setText(tr("%1's reply awaits your approval.").arg(author));
    setVisible(!draftId.isEmpty() && mayApprove);
}

void InboxApprovalBar::toggleEdit()
{
    const bool editing = m_edit->isChecked();
    if (editing) {
        m_editor->setPlainText(m_draftText);
    }
    m_editor->setVisible(editing);
    m_approve->setText(editing ? tr("&Approve as edited") : tr("&Approve"));
    m_approve->setToolTip(editing ? tr("Queue the reply in the outbox with your changes")
                                  : tr("Queue the reply in the outbox as it is"));
    if (editing) {
        m_editor->setFocus(Qt::OtherFocusReason);
        m_editor->moveCursor(QTextCursor::End);
    }
}

void InboxApprovalBar::approve()
{
    const QString edited = m_editor->isVisible() ? m_editor->toPlainText().trimmed() : QString();
    if (m_editor->isVisible() && edited.isEmpty()) {
        return; // an emptied text is no reply: reject it instead
    }
    if (m_triage.approveReply(m_draftId, edited == m_draftText.trimmed() ? QString() : edited)) {
        m_edit->setChecked(false);
        m_editor->hide();
    }
}

void InboxApprovalBar::paintEvent(QPaintEvent *event)
{
    // A violet tint of whatever the palette is (light or dark), the colour of waiting drafts in the thread.
    QPainter painter(this);
    painter.fillRect(rect(),
                     icons::mix(palette().color(QPalette::Base), icons::statusColor(QStringLiteral("snoozed")), 0.14));
    painter.end();
    QFrame::paintEvent(event);
}

void InboxApprovalBar::reject()
{
    if (!m_reason->text().trimmed().isEmpty() && m_triage.rejectReply(m_draftId, m_reason->text())) {
        m_reason->clear();
    }
}

} // namespace sb::ui
