#pragma once

#include <QDate>
#include <QDialog>
#include <QHash>
#include <QString>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimeEdit;

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// "New post": one post with a variant per account, each with a live counter by its network's rules (Mastodon: the
// instance's limit, every URL 23; Bluesky: 300 graphemes), a local date and time in a named zone (the instant in the
// workspace's zone beside it, a skipped or doubled time said, never shifted), a campaign, an image with its alt
// text. Save as draft, submit for review, or (for those who approve) schedule.
class PostComposerDialog final : public QDialog {
    Q_OBJECT
public:
    PostComposerDialog(models::WorkspaceContext &ctx, QDate day, QWidget *parent = nullptr);

    // The text as followers will see it: escaped, links, #tags and @mentions marked; nothing is fetched.
    static QString previewHtml(const QString &text);
    ~PostComposerDialog() override;

    // For tests and drag-and-drop: the image to attach (the file dialog does the same).
    void setImage(const QString &path);
    QString createdPostId() const { return m_created; }
    QStringList createdPostIds() const { return m_createdAll; }

signals:
    void postCreated(const QString &postId);

private:
    struct Account {
        QString id;
        QString handle;
        QString network;
        int maxChars = 500;
    };
    void rebuildTabs();
    void onTextEdited(QPlainTextEdit *editor);
    void updateState();
    void save(int how);
    QList<Account> checkedAccounts() const;

    models::WorkspaceContext &m_ctx;
    QList<Account> m_accounts;
    QListWidget *m_accountList = nullptr;
    QCheckBox *m_sameText = nullptr;
    QTabWidget *m_tabs = nullptr;
    QHash<QString, QPlainTextEdit *> m_editors; // account id -> its text
    QHash<QString, QLabel *> m_counters;
    QHash<QString, QLabel *> m_previews;
    QHash<QString, QString> m_texts; // kept while an account is unchecked
    QDateEdit *m_date = nullptr;
    QTimeEdit *m_time = nullptr;
    QComboBox *m_zone = nullptr;
    QLabel *m_when = nullptr;
    QComboBox *m_campaign = nullptr;
    QComboBox *m_repeat = nullptr;
    QSpinBox *m_repeatCount = nullptr;
    QLabel *m_image = nullptr;
    QLineEdit *m_alt = nullptr;
    QString m_imagePath;
    QLabel *m_message = nullptr;
    QPushButton *m_draft = nullptr;
    QPushButton *m_submit = nullptr;
    QString m_created;
    QStringList m_createdAll;
    bool m_syncing = false;
    bool m_timeOk = false;
};

} // namespace sb::ui
