#pragma once

#include <QFrame>
#include <QString>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace sb::ui {

class InboxTriage;

// Inline, above the composer: "Sam's reply awaits your approval" with Approve, Edit (the text, before approving
// it), or a reason and Reject. Shown to the people who may approve, while a contributor's draft in the open
// conversation waits (no dialog).
class InboxApprovalBar final : public QFrame {
    Q_OBJECT
public:
    InboxApprovalBar(InboxTriage &triage, QWidget *parent = nullptr);

    // The draft waiting in the shown conversation; an empty id (or someone who may not approve) hides the bar.
    void showDraft(const QString &draftId, const QString &author, const QString &text, bool mayApprove);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void reject();
    void approve();
    void toggleEdit();

    InboxTriage &m_triage;
    QString m_draftId;
    QLabel *m_text;
    QPushButton *m_approve;
    QPushButton *m_edit;
    QPlainTextEdit *m_editor; // the draft's text, shown when the approver edits it
    QString m_draftText;
    QLineEdit *m_reason;
    QPushButton *m_reject;
};

} // namespace sb::ui
