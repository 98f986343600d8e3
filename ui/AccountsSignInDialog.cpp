#include "ui/AccountsSignInDialog.h"

#include "models/WorkspaceContext.h"
#include "sync/AccountSetup.h"
#include "sync/SyncThread.h"
#include "ui/Icons.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sb::ui {

namespace {
enum Method { BrowserMethod, CodeMethod, TokenMethod };
}

AccountsSignInDialog::AccountsSignInDialog(models::WorkspaceContext &ctx, std::function<bool(const QUrl &)> openUrl,
                                           const Existing &existing, QWidget *parent)
    : QDialog(parent), m_ctx(ctx), m_openUrl(std::move(openUrl)), m_existing(existing)
{
    setObjectName(QStringLiteral("accountsSignInDialog"));
    const bool again = !existing.accountId.isEmpty();
    setWindowTitle(again ? tr("Sign in again to %1").arg(existing.handle) : tr("Add account"));
    setAccessibleName(windowTitle());

    auto *intro = new QLabel(again ? tr("Sign in to %1 on its server again. Switchboard keeps the sign-in in the "
                                        "system keychain.")
                                         .arg(existing.handle)
                                   : tr("Sign in to the account on its server. Switchboard keeps the sign-in in the "
                                        "system keychain and then fetches the account's recent history."),
                             this);
    intro->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = m_buttons->addButton(tr("&Sign in"), QDialogButtonBox::ActionRole);
    m_start->setObjectName(QStringLiteral("accountsSignInStart"));
    m_start->setAccessibleName(tr("Sign in"));
    m_start->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("accountsSignInCancel"));

    m_errorIcon = new QLabel(this);
    const int size = fontMetrics().height();
    m_errorIcon->setPixmap(icons::forKey(QStringLiteral("health-error")).pixmap(size, size));
    m_errorIcon->setAlignment(Qt::AlignTop);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("accountsSignInError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(m_errorIcon);
    errorRow->addWidget(m_error, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(createForm());
    layout->addWidget(createProgress());
    layout->addLayout(errorRow);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    showError({});
    setRunning(false);
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);

    connect(m_start, &QPushButton::clicked, this, &AccountsSignInDialog::begin);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AccountsSignInDialog::reject);
    if (SyncThread *sync = m_ctx.syncThread()) {
        connect(sync, &SyncThread::signInBrowserNeeded, this, &AccountsSignInDialog::onBrowserNeeded);
        connect(sync, &SyncThread::signInProgress, this, [this](const QString &text) {
            if (m_running) {
                m_step->setText(text);
            }
        });
        connect(sync, &SyncThread::signInFinished, this, &AccountsSignInDialog::onFinished);
    }
}

AccountsSignInDialog::~AccountsSignInDialog()
{
    if (m_running && m_ctx.syncThread()) {
        m_ctx.syncThread()->cancelSignIn();
    }
}

QWidget *AccountsSignInDialog::createForm()
{
    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    m_formLayout = form;
    form->setContentsMargins(0, 8, 0, 0);

    m_mastodon = new QRadioButton(tr("&Mastodon"), m_form);
    m_mastodon->setObjectName(QStringLiteral("accountsNetworkMastodon"));
    m_mastodon->setAccessibleName(tr("Network: Mastodon"));
    m_mastodon->setIcon(icons::forKey(QStringLiteral("network-mastodon")));
    m_mastodon->setChecked(true);
    m_bluesky = new QRadioButton(tr("&Bluesky"), m_form);
    m_bluesky->setObjectName(QStringLiteral("accountsNetworkBluesky"));
    m_bluesky->setAccessibleName(tr("Network: Bluesky"));
    m_bluesky->setIcon(icons::forKey(QStringLiteral("network-bluesky")));
    auto *networks = new QVBoxLayout;
    networks->addWidget(m_mastodon);
    networks->addWidget(m_bluesky);
    auto *networkLabel = new QLabel(tr("Network:"), m_form);
    form->addRow(networkLabel, networks);

    m_server = new QLineEdit(m_form);
    m_server->setObjectName(QStringLiteral("accountsServer"));
    m_server->setAccessibleName(tr("Server"));
    m_server->setPlaceholderText(tr("e.g. mastodon.social"));
    m_server->setToolTip(tr("The address of the account's Mastodon server"));
    if (!m_existing.accountId.isEmpty()) {
        m_server->setText(m_existing.serviceUrl);
        m_server->setReadOnly(true);
        (m_existing.network == QLatin1String("bluesky") ? m_bluesky : m_mastodon)->setChecked(true);
        m_mastodon->setEnabled(false);
        m_bluesky->setEnabled(false);
    }
    auto *serverLabel = new QLabel(tr("Se&rver:"), m_form);
    serverLabel->setBuddy(m_server);
    form->addRow(serverLabel, m_server);

    // Bluesky: handle and app password.
    m_handle = new QLineEdit(m_form);
    m_handle->setObjectName(QStringLiteral("accountsHandle"));
    m_handle->setAccessibleName(tr("Handle"));
    m_handle->setPlaceholderText(tr("e.g. acme.bsky.social"));
    if (!m_existing.accountId.isEmpty()) {
        m_handle->setText(m_existing.handle.startsWith(QLatin1Char('@')) ? m_existing.handle.mid(1)
                                                                         : m_existing.handle);
        m_handle->setReadOnly(true);
    }
    auto *handleLabel = new QLabel(tr("&Handle:"), m_form);
    handleLabel->setBuddy(m_handle);
    form->addRow(handleLabel, m_handle);
    m_appPassword = new QLineEdit(m_form);
    m_appPassword->setObjectName(QStringLiteral("accountsAppPassword"));
    m_appPassword->setAccessibleName(tr("App password"));
    m_appPassword->setEchoMode(QLineEdit::Password);
    m_appPassword->setPlaceholderText(tr("xxxx-xxxx-xxxx-xxxx"));
    m_appPasswordHelp = new QLabel(
        tr("Not your main password: make an app password for Switchboard in Bluesky under Settings, Privacy and "
           "security, <a href=\"https://bsky.app/settings/app-passwords\">App passwords</a>. You can revoke it "
           "there at any time."),
        m_form);
    m_appPasswordHelp->setObjectName(QStringLiteral("accountsAppPasswordHelp"));
    m_appPasswordHelp->setWordWrap(true);
    m_appPasswordHelp->setTextFormat(Qt::RichText);
    m_appPasswordHelp->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_appPasswordHelp, &QLabel::linkActivated, this, [this](const QString &link) { m_openUrl(QUrl(link)); });
    auto *passwordLabel = new QLabel(tr("A&pp password:"), m_form);
    passwordLabel->setBuddy(m_appPassword);
    form->addRow(passwordLabel, m_appPassword);
    form->addRow(QString(), m_appPasswordHelp);

    m_methods = new QButtonGroup(this);
    m_browser = new QRadioButton(tr("With the &browser (recommended)"), m_form);
    m_browser->setObjectName(QStringLiteral("accountsMethodBrowser"));
    m_browser->setAccessibleName(tr("Sign in with the browser"));
    m_browser->setToolTip(tr("Opens the server's sign-in page; the browser hands the sign-in back to Switchboard"));
    m_code = new QRadioButton(tr("With a &code the server shows"), m_form);
    m_code->setObjectName(QStringLiteral("accountsMethodCode"));
    m_code->setAccessibleName(tr("Sign in with a code the server shows"));
    m_code->setToolTip(tr("For a browser on another computer: open the page there and paste the code it shows"));
    m_token = new QRadioButton(tr("With an access &token"), m_form);
    m_token->setObjectName(QStringLiteral("accountsMethodToken"));
    m_token->setAccessibleName(tr("Sign in with an access token"));
    m_token->setToolTip(tr("A token made under Preferences, Development on the server"));
    m_methods->addButton(m_browser, BrowserMethod);
    m_methods->addButton(m_code, CodeMethod);
    m_methods->addButton(m_token, TokenMethod);
    m_browser->setChecked(true);
    m_tokenField = new QLineEdit(m_form);
    m_tokenField->setObjectName(QStringLiteral("accountsToken"));
    m_tokenField->setAccessibleName(tr("Access token"));
    m_tokenField->setEchoMode(QLineEdit::Password);
    m_tokenField->setPlaceholderText(tr("Paste the access token"));
    m_methodsBox = new QWidget(m_form);
    auto *methods = new QVBoxLayout(m_methodsBox);
    methods->setContentsMargins(0, 0, 0, 0);
    methods->addWidget(m_browser);
    methods->addWidget(m_code);
    methods->addWidget(m_token);
    methods->addWidget(m_tokenField);
    form->addRow(new QLabel(tr("Sign in:"), m_form), m_methodsBox);

    m_backfill = new QSpinBox(m_form);
    m_backfill->setObjectName(QStringLiteral("accountsBackfillDays"));
    m_backfill->setAccessibleName(tr("Days of history to fetch"));
    m_backfill->setRange(1, 365);
    m_backfill->setValue(30);
    m_backfill->setSuffix(tr(" days"));
    m_backfillLabel = new QLabel(tr("&Fetch history of the last:"), m_form);
    m_backfillLabel->setBuddy(m_backfill);
    form->addRow(m_backfillLabel, m_backfill);
    if (!m_existing.accountId.isEmpty()) {
        m_backfill->hide();
        m_backfillLabel->hide();
    }

    connect(m_methods, &QButtonGroup::idToggled, this, [this] { updateForm(); });
    connect(m_bluesky, &QRadioButton::toggled, this, [this](bool on) {
        // bsky.social is where most Bluesky accounts sign in; Mastodon has no such default.
        if (on && m_server->text().trimmed().isEmpty()) {
            m_server->setText(QStringLiteral("bsky.social"));
        } else if (!on && m_server->text() == QLatin1String("bsky.social")) {
            m_server->clear();
        }
        updateForm();
    });
    connect(m_server, &QLineEdit::textChanged, this, [this] { updateForm(); });
    connect(m_handle, &QLineEdit::textChanged, this, [this] { updateForm(); });
    connect(m_appPassword, &QLineEdit::textChanged, this, [this] { updateForm(); });
    connect(m_tokenField, &QLineEdit::textChanged, this, [this] { updateForm(); });
    return m_form;
}

QWidget *AccountsSignInDialog::createProgress()
{
    m_progressPane = new QWidget(this);
    m_progressPane->setObjectName(QStringLiteral("accountsSignInProgress"));
    m_busy = new QProgressBar(m_progressPane);
    m_busy->setRange(0, 0); // busy: how long the person takes in the browser is unknown
    m_busy->setObjectName(QStringLiteral("accountsSignInBusy"));
    m_busy->setAccessibleName(tr("Signing in"));
    m_busy->setMaximumHeight(fontMetrics().height() / 2 + 2);
    m_busy->setTextVisible(false);
    m_step = new QLabel(m_progressPane);
    m_step->setObjectName(QStringLiteral("accountsSignInStep"));
    m_step->setWordWrap(true);
    m_step->setTextFormat(Qt::PlainText);

    m_pageField = new QLineEdit(m_progressPane);
    m_pageField->setObjectName(QStringLiteral("accountsSignInPage"));
    m_pageField->setAccessibleName(tr("Sign-in page address"));
    m_pageField->setReadOnly(true);
    m_pageField->setToolTip(tr("If no browser opened, copy this address into one"));
    m_openAgain = new QPushButton(tr("&Open the page again"), m_progressPane);
    m_openAgain->setObjectName(QStringLiteral("accountsSignInOpenAgain"));
    m_openAgain->setAccessibleName(tr("Open the sign-in page again"));
    auto *pageRow = new QHBoxLayout;
    pageRow->addWidget(m_pageField, 1);
    pageRow->addWidget(m_openAgain);

    m_codeRow = new QWidget(m_progressPane);
    m_codeField = new QLineEdit(m_codeRow);
    m_codeField->setObjectName(QStringLiteral("accountsSignInCode"));
    m_codeField->setAccessibleName(tr("Code from the server"));
    m_codeField->setPlaceholderText(tr("Paste the code the server shows"));
    m_submitCode = new QPushButton(tr("&Use this code"), m_codeRow);
    m_submitCode->setObjectName(QStringLiteral("accountsSignInSubmitCode"));
    m_submitCode->setAccessibleName(tr("Use this code"));
    auto *codeLayout = new QHBoxLayout(m_codeRow);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    codeLayout->addWidget(m_codeField, 1);
    codeLayout->addWidget(m_submitCode);

    auto *layout = new QVBoxLayout(m_progressPane);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_busy);
    layout->addWidget(m_step);
    layout->addLayout(pageRow);
    layout->addWidget(m_codeRow);

    connect(m_openAgain, &QPushButton::clicked, this, [this] {
        if (m_page.isValid()) {
            m_openUrl(m_page);
        }
    });
    connect(m_submitCode, &QPushButton::clicked, this, &AccountsSignInDialog::submitCode);
    connect(m_codeField, &QLineEdit::returnPressed, this, &AccountsSignInDialog::submitCode);
    connect(m_codeField, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_submitCode->setEnabled(!text.trimmed().isEmpty()); });
    return m_progressPane;
}

bool AccountsSignInDialog::isBluesky() const
{
    return m_bluesky->isChecked();
}

void AccountsSignInDialog::updateForm()
{
    const bool bluesky = isBluesky();
    const bool token = m_methods->checkedId() == TokenMethod;
    m_tokenField->setVisible(token);
    const auto showRow = [this](QWidget *field, bool on) {
        field->setVisible(on);
        if (QWidget *label = m_formLayout->labelForField(field)) {
            label->setVisible(on);
        }
    };
    showRow(m_handle, bluesky);
    showRow(m_appPassword, bluesky);
    showRow(m_appPasswordHelp, bluesky);
    showRow(m_methodsBox, !bluesky);
    if (isVisible()) {
        layout()->activate();
        resize(width(), std::max(height(), sizeHint().height())); // the Bluesky rows are taller than Mastodon's
    }
    m_server->setPlaceholderText(bluesky ? tr("e.g. bsky.social") : tr("e.g. mastodon.social"));
    m_server->setToolTip(bluesky ? tr("Where the account signs in: bsky.social, or its own PDS")
                                 : tr("The address of the account's Mastodon server"));
    const bool ready = bluesky ? !m_handle->text().trimmed().isEmpty() && !m_appPassword->text().trimmed().isEmpty()
                               : (!token || !m_tokenField->text().trimmed().isEmpty());
    m_start->setEnabled(!m_running && m_ctx.syncThread() && !m_server->text().trimmed().isEmpty() && ready);
}

void AccountsSignInDialog::setRunning(bool running)
{
    m_running = running;
    m_form->setEnabled(!running);
    m_progressPane->setVisible(running);
    if (!running) {
        m_page.clear();
        m_pageField->clear();
        m_codeField->clear();
    }
    m_pageField->setVisible(running && m_page.isValid());
    m_openAgain->setVisible(running && m_page.isValid());
    m_codeRow->setVisible(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(running ? tr("&Stop signing in") : tr("Cancel"));
    updateForm();
}

void AccountsSignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_errorIcon->setVisible(!message.isEmpty());
    if (!message.isEmpty()) {
        m_error->setAccessibleName(tr("Sign-in error: %1").arg(message));
    }
}

void AccountsSignInDialog::begin()
{
    SyncThread *sync = m_ctx.syncThread();
    if (m_running || !sync || !m_start->isEnabled()) {
        return;
    }
    const auto server = AccountSetup::parseServerAddress(m_server->text());
    if (!server.ok()) {
        showError(server.error().message);
        m_server->setFocus();
        return;
    }
    SignInRequest request;
    request.network = isBluesky() ? Network::Bluesky : Network::Mastodon;
    request.server = m_server->text();
    request.method = isBluesky()                ? SignInRequest::Method::AppPassword
        : m_methods->checkedId() == TokenMethod ? SignInRequest::Method::AccessToken
        : m_methods->checkedId() == CodeMethod  ? SignInRequest::Method::PastedCode
                                                : SignInRequest::Method::Browser;
    request.accessToken = m_tokenField->text().trimmed();
    request.handle = m_handle->text().trimmed();
    request.appPassword = m_appPassword->text().trimmed();
    m_appPassword->clear();
    request.accountId = m_existing.accountId;
    request.employeeId = m_ctx.currentEmployeeId();
    request.backfillDays = m_backfill->value();
    m_tokenField->clear(); // it lives on in the request only, on its way to the keychain
    showError({});
    setRunning(true);
    m_step->setText(tr("Contacting %1…").arg(server.value().host()));
    sync->signIn(request);
}

void AccountsSignInDialog::onBrowserNeeded(const QUrl &url, bool showsCode)
{
    if (!m_running) {
        return;
    }
    m_page = url;
    m_pageField->setText(url.toString());
    m_pageField->setCursorPosition(0);
    m_pageField->setVisible(true);
    m_openAgain->setVisible(true);
    m_codeRow->setVisible(showsCode);
    m_submitCode->setEnabled(false);
    if (showsCode) {
        m_codeField->setFocus();
    }
    if (!m_openUrl(url)) {
        m_step->setText(tr("No browser could be opened. Open the address below in a browser to sign in."));
    }
}

void AccountsSignInDialog::submitCode()
{
    SyncThread *sync = m_ctx.syncThread();
    const QString code = m_codeField->text().trimmed();
    if (!m_running || !sync || code.isEmpty()) {
        return;
    }
    m_submitCode->setEnabled(false);
    sync->submitSignInCode(code);
}

void AccountsSignInDialog::onFinished(const QString &accountId, const QString &error)
{
    if (m_staleAnswers > 0) {
        --m_staleAnswers; // the answer to a sign-in that was stopped
        return;
    }
    if (!m_running) {
        return;
    }
    setRunning(false);
    if (!error.isEmpty()) {
        showError(error);
        return;
    }
    emit connected(accountId);
    accept();
}

void AccountsSignInDialog::reject()
{
    if (m_running) {
        // The first Escape stops the sign-in and keeps the form; the next one closes it.
        if (SyncThread *sync = m_ctx.syncThread()) {
            sync->cancelSignIn();
            ++m_staleAnswers;
        }
        setRunning(false);
        showError(tr("The sign-in was stopped."));
        return;
    }
    QDialog::reject();
}

} // namespace sb::ui
