#pragma once

#include <QDialog>
#include <QString>
#include <QUrl>

#include <functional>

class QButtonGroup;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QWidget;

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// "Add account" and "Sign in again": the network, the server, and how to sign in. Mastodon: through the browser
// (the server redirects to a listener on 127.0.0.1), with a code the server shows (for when the browser runs
// elsewhere), or with a pasted access token. Bluesky: the handle and an app password. The work runs on the sync
// thread; this dialog only shows where it stands. Secrets are never shown once pasted, nor logged.
class AccountsSignInDialog final : public QDialog {
    Q_OBJECT
public:
    struct Existing {
        QString accountId;
        QString handle;
        QString network;
        QString serviceUrl;
    };

    AccountsSignInDialog(models::WorkspaceContext &ctx, std::function<bool(const QUrl &)> openUrl,
                         const Existing &existing = {}, QWidget *parent = nullptr);
    ~AccountsSignInDialog() override;

    bool isRunning() const { return m_running; }
    // The page the person was sent to (the server's consent page), empty before.
    QUrl signInPage() const { return m_page; }

public slots:
    void begin();
    void submitCode();
    void reject() override;

signals:
    void connected(const QString &accountId);

private:
    QWidget *createForm();
    QWidget *createProgress();
    void updateForm();
    bool isBluesky() const;
    void setRunning(bool running);
    void showError(const QString &message);
    void onBrowserNeeded(const QUrl &url, bool showsCode);
    void onFinished(const QString &accountId, const QString &error);

    models::WorkspaceContext &m_ctx;
    std::function<bool(const QUrl &)> m_openUrl;
    Existing m_existing;
    QRadioButton *m_mastodon = nullptr;
    QRadioButton *m_bluesky = nullptr;
    QLineEdit *m_server = nullptr;
    QFormLayout *m_formLayout = nullptr;
    QWidget *m_methodsBox = nullptr;
    QLineEdit *m_handle = nullptr;
    QLineEdit *m_appPassword = nullptr;
    QLabel *m_appPasswordHelp = nullptr;
    QButtonGroup *m_methods = nullptr;
    QRadioButton *m_browser = nullptr;
    QRadioButton *m_code = nullptr;
    QRadioButton *m_token = nullptr;
    QLineEdit *m_tokenField = nullptr;
    QLabel *m_backfillLabel = nullptr;
    QSpinBox *m_backfill = nullptr;
    QWidget *m_form = nullptr;
    QWidget *m_progressPane = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_step = nullptr;
    QLineEdit *m_pageField = nullptr;
    QPushButton *m_openAgain = nullptr;
    QWidget *m_codeRow = nullptr;
    QLineEdit *m_codeField = nullptr;
    QPushButton *m_submitCode = nullptr;
    QLabel *m_errorIcon = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_start = nullptr;
    QUrl m_page;
    int m_staleAnswers = 0; // answers still to come for stopped sign-ins
    bool m_running = false;
};

} // namespace sb::ui
