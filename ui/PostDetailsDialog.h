#pragma once

#include "core/Result.h"

#include <QDialog>
#include <QHash>
#include <QString>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// One post: its state, time and zone, its text per account (editable by its author or a manager until it goes out;
// an approved post edited goes back to review), the reviewer's comment, and the review itself: submit a draft,
// approve, or reject with a comment, as the person's role allows.
class PostDetailsDialog final : public QDialog {
    Q_OBJECT
public:
    PostDetailsDialog(models::WorkspaceContext &ctx, const QString &postId, QWidget *parent = nullptr);

    QString postId() const { return m_postId; }

public slots:
    void saveText();
    void submit();
    void approve();
    void reject();

private:
    void load();
    bool act(const Status &status, const QString &done);

    models::WorkspaceContext &m_ctx;
    QString m_postId;
    QString m_state;
    QLabel *m_summary = nullptr;
    QHash<QString, QPlainTextEdit *> m_texts; // account id -> text
    QLineEdit *m_comment = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
};

} // namespace sb::ui
