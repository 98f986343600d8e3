#pragma once

#include <QObject>

class QCompleter;
class QPlainTextEdit;
class QStandardItemModel;

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// Typing "@" and a few letters in a note offers the active colleagues; Enter or Tab writes the mention the
// engine recognises ("@Mia", or "@Mia.Manager" when two share a first name).
class MentionCompleter final : public QObject {
    Q_OBJECT
public:
    MentionCompleter(models::WorkspaceContext &ctx, QPlainTextEdit *editor);

    void setActive(bool active);
    QCompleter *completer() const { return m_completer; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reloadPeople();
    void textEdited();
    void insert(const QString &mention);
    QString typedPrefix() const; // the "@abc" left of the cursor, without "@"; null when there is none

    models::WorkspaceContext &m_ctx;
    QPlainTextEdit *m_editor;
    QStandardItemModel *m_people;
    QCompleter *m_completer;
    bool m_active = false;
};

} // namespace sb::ui
