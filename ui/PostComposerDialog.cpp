#include "ui/PostComposerDialog.h"

#include "channels/PostLength.h"
#include "core/Clock.h"
#include "core/Domain.h"
#include "core/Ids.h"
#include "core/LocalTime.h"
#include "core/Recurrence.h"
#include "engine/Engine.h"
#include "engine/PostChecks.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"
#include "ui/Icons.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimeEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace sb::ui {

namespace {
enum How { Draft, Submit };
constexpr int kAccountIdRole = Qt::UserRole + 1;
} // namespace

PostComposerDialog::PostComposerDialog(models::WorkspaceContext &ctx, QDate day, QWidget *parent)
    : QDialog(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("postComposer"));
    setWindowTitle(tr("New post"));
    setAccessibleName(windowTitle());

    // Accounts.
    m_accountList = new QListWidget(this);
    m_accountList->setObjectName(QStringLiteral("composerAccounts"));
    m_accountList->setAccessibleName(tr("Accounts to post to"));
    auto st = ctx.reader().prepare(QStringLiteral("SELECT id, handle, network, coalesce(max_chars, 0) FROM accounts "
                                                  "WHERE archived = 0 ORDER BY network, handle"));
    if (st.ok()) {
        while (st.value().next()) {
            Account a {st.value().text(0), st.value().text(1), st.value().text(2), st.value().integer(3)};
            if (a.maxChars <= 0) {
                a.maxChars = a.network == QLatin1String("bluesky") ? 300 : 500;
            }
            m_accounts << a;
            auto *item
                = new QListWidgetItem(icons::forKey(QStringLiteral("network-") + a.network), a.handle, m_accountList);
            item->setData(kAccountIdRole, a.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    m_accountList->setMaximumHeight(m_accountList->sizeHintForRow(0) * std::min<int>(5, int(m_accounts.size()) + 1)
                                    + 6);
    connect(m_accountList, &QListWidget::itemChanged, this, [this] { rebuildTabs(); });

    m_sameText = new QCheckBox(tr("Same &text for every account"), this);
    m_sameText->setObjectName(QStringLiteral("composerSameText"));
    m_sameText->setChecked(true);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("composerVariants"));
    m_tabs->setMinimumHeight(150);

    // When.
    const QTimeZone workspace(WorkspaceSettings::timeZoneId(ctx.reader()).toUtf8());
    m_date = new QDateEdit(day.isValid() ? day : QDate::currentDate(), this);
    m_date->setObjectName(QStringLiteral("composerDate"));
    m_date->setCalendarPopup(true);
    m_time = new QTimeEdit(QTime(9, 0), this);
    m_time->setObjectName(QStringLiteral("composerTime"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_zone = new QComboBox(this);
    m_zone->setObjectName(QStringLiteral("composerZone"));
    m_zone->setEditable(true);
    m_zone->setAccessibleName(tr("Time zone"));
    const QString workspaceZone = QString::fromUtf8(workspace.isValid() ? workspace.id() : QByteArray("UTC"));
    m_zone->addItem(workspaceZone);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        if (QString::fromUtf8(id) != workspaceZone && id.contains('/')) {
            m_zone->addItem(QString::fromUtf8(id));
        }
    }
    m_zone->setCurrentIndex(0);
    m_when = new QLabel(this);
    m_when->setObjectName(QStringLiteral("composerWhen"));
    m_when->setWordWrap(true);
    auto *whenRow = new QHBoxLayout;
    whenRow->addWidget(m_date);
    whenRow->addWidget(m_time);
    whenRow->addWidget(m_zone, 1);

    m_campaign = new QComboBox(this);
    m_campaign->setObjectName(QStringLiteral("composerCampaign"));
    m_campaign->addItem(tr("No campaign"), QString());
    if (auto c = ctx.reader().prepare(QStringLiteral("SELECT id, name FROM campaigns ORDER BY starts_on DESC"));
        c.ok()) {
        while (c.value().next()) {
            m_campaign->addItem(c.value().text(1), c.value().text(0));
        }
    }

    // Image with its alt text.
    auto *pick = new QPushButton(tr("Add &image…"), this);
    pick->setObjectName(QStringLiteral("composerAddImage"));
    m_image = new QLabel(tr("No image"), this);
    m_image->setObjectName(QStringLiteral("composerImage"));
    m_alt = new QLineEdit(this);
    m_alt->setObjectName(QStringLiteral("composerAltText"));
    m_alt->setPlaceholderText(tr("Describe the image for people who cannot see it"));
    m_alt->setAccessibleName(tr("Alt text"));
    m_alt->setEnabled(false);
    auto *imageRow = new QHBoxLayout;
    imageRow->addWidget(pick);
    imageRow->addWidget(m_image, 1);
    connect(pick, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Image for the post"), QString(),
                                                          tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"));
        if (!path.isEmpty()) {
            setImage(path);
        }
    });

    m_repeat = new QComboBox(this);
    m_repeat->setObjectName(QStringLiteral("composerRepeat"));
    m_repeat->addItem(tr("Does not repeat"), QString());
    m_repeat->addItem(tr("Every day"), QStringLiteral("daily"));
    m_repeat->addItem(tr("Every week"), QStringLiteral("weekly"));
    m_repeat->addItem(tr("Every month"), QStringLiteral("monthly"));
    m_repeatCount = new QSpinBox(this);
    m_repeatCount->setObjectName(QStringLiteral("composerRepeatCount"));
    m_repeatCount->setRange(2, 52);
    m_repeatCount->setValue(4);
    m_repeatCount->setSuffix(tr(" times"));
    m_repeatCount->setEnabled(false);
    connect(m_repeat, &QComboBox::currentIndexChanged, this,
            [this] { m_repeatCount->setEnabled(!m_repeat->currentData().toString().isEmpty()); });
    auto *repeatRow = new QHBoxLayout;
    repeatRow->addWidget(m_repeat);
    repeatRow->addWidget(m_repeatCount);
    repeatRow->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Accounts:"), m_accountList);
    form->addRow(QString(), m_sameText);
    form->addRow(tr("Te&xt:"), m_tabs);
    auto *whenLabel = new QLabel(tr("&When:"), this);
    whenLabel->setBuddy(m_date);
    form->addRow(whenLabel, whenRow);
    form->addRow(QString(), m_when);
    auto *repeatLabel = new QLabel(tr("&Repeat:"), this);
    repeatLabel->setBuddy(m_repeat);
    form->addRow(repeatLabel, repeatRow);
    form->addRow(tr("&Campaign:"), m_campaign);
    auto *imageLabel = new QLabel(tr("Image:"), this);
    imageLabel->setBuddy(pick);
    form->addRow(imageLabel, imageRow);
    form->addRow(tr("A&lt text:"), m_alt);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("composerMessage"));
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_draft = buttons->addButton(tr("Save &draft"), QDialogButtonBox::ActionRole);
    m_draft->setObjectName(QStringLiteral("composerSaveDraft"));
    const bool approves = [&] {
        Statement &r = ctx.reader().cached("SELECT role FROM employees WHERE id = ?");
        r.bind(1, ctx.currentEmployeeId());
        const auto role = r.next() ? roleFromName(r.text(0)) : std::nullopt;
        r.reset();
        return role && canApprove(*role);
    }();
    m_submit = buttons->addButton(approves ? tr("&Schedule") : tr("S&ubmit for review"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("composerSubmit"));
    m_submit->setDefault(true);
    connect(m_draft, &QPushButton::clicked, this, [this] { save(Draft); });
    connect(m_submit, &QPushButton::clicked, this, [this] { save(Submit); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);

    connect(m_date, &QDateEdit::dateChanged, this, &PostComposerDialog::updateState);
    connect(m_time, &QTimeEdit::timeChanged, this, &PostComposerDialog::updateState);
    connect(m_zone, &QComboBox::currentTextChanged, this, &PostComposerDialog::updateState);
    connect(m_sameText, &QCheckBox::toggled, this, &PostComposerDialog::updateState);
    rebuildTabs();
}

PostComposerDialog::~PostComposerDialog() = default;

QList<PostComposerDialog::Account> PostComposerDialog::checkedAccounts() const
{
    QList<Account> out;
    for (int i = 0; i < m_accountList->count(); ++i) {
        if (m_accountList->item(i)->checkState() == Qt::Checked) {
            out << m_accounts.at(i);
        }
    }
    return out;
}

void PostComposerDialog::rebuildTabs()
{
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        m_texts.insert(it.key(), it.value()->toPlainText());
    }
    m_editors.clear();
    m_counters.clear();
    m_previews.clear();
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page; // at once: the new editors are the only ones to find
    }
    const QString shared = m_texts.isEmpty() ? QString() : m_texts.cbegin().value();
    for (const Account &a : checkedAccounts()) {
        auto *page = new QWidget(m_tabs);
        auto *editor = new QPlainTextEdit(page);
        editor->setObjectName(QStringLiteral("composerText-") + a.id);
        editor->setAccessibleName(tr("Text for %1").arg(a.handle));
        editor->setPlaceholderText(tr("What should %1 say?").arg(a.handle));
        editor->setPlainText(m_texts.value(a.id, m_sameText->isChecked() ? shared : QString()));
        auto *counter = new QLabel(page);
        counter->setObjectName(QStringLiteral("composerCounter-") + a.id);
        counter->setAlignment(Qt::AlignRight);
        auto *preview = new QLabel(page);
        preview->setObjectName(QStringLiteral("composerPreview-") + a.id);
        preview->setTextFormat(Qt::RichText);
        preview->setWordWrap(true);
        preview->setTextInteractionFlags(Qt::NoTextInteraction);
        preview->setFrameShape(QFrame::StyledPanel);
        preview->setAccessibleName(tr("Preview for %1").arg(a.handle));
        auto *pageLayout = new QVBoxLayout(page);
        pageLayout->setContentsMargins(4, 4, 4, 4);
        pageLayout->addWidget(editor, 1);
        pageLayout->addWidget(counter);
        pageLayout->addWidget(preview);
        m_previews.insert(a.id, preview);
        m_tabs->addTab(page, icons::forKey(QStringLiteral("network-") + a.network), a.handle);
        m_editors.insert(a.id, editor);
        m_counters.insert(a.id, counter);
        connect(editor, &QPlainTextEdit::textChanged, this, [this, editor] { onTextEdited(editor); });
    }
    if (m_tabs->count() == 0) {
        auto *hint = new QLabel(tr("Choose the accounts this post goes to."), m_tabs);
        hint->setAlignment(Qt::AlignCenter);
        m_tabs->addTab(hint, tr("No account"));
    }
    updateState();
}

QString PostComposerDialog::previewHtml(const QString &text)
{
    static const QRegularExpression token(
        QStringLiteral(R"((https?://[^\s<]+)|((?:^|(?<=\s))#[^\s#]+)|((?:^|(?<=[\s(]))@[\w.@-]+))"));
    QString html;
    qsizetype last = 0;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        html += text.mid(last, m.capturedStart() - last).toHtmlEscaped();
        html += QStringLiteral("<span style=\"color:#2f6fde\">") + m.captured().toHtmlEscaped()
            + QStringLiteral("</span>");
        last = m.capturedEnd();
    }
    html += text.mid(last).toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}

void PostComposerDialog::onTextEdited(QPlainTextEdit *editor)
{
    if (m_syncing) {
        return;
    }
    if (m_sameText->isChecked()) {
        m_syncing = true;
        for (QPlainTextEdit *other : std::as_const(m_editors)) {
            if (other != editor && other->toPlainText() != editor->toPlainText()) {
                other->setPlainText(editor->toPlainText());
            }
        }
        m_syncing = false;
    }
    updateState();
}

void PostComposerDialog::setImage(const QString &path)
{
    m_imagePath = path;
    m_image->setText(QFileInfo(path).fileName());
    m_alt->setEnabled(true);
    m_alt->setFocus();
    updateState();
}

void PostComposerDialog::updateState()
{
    QStringList problems;
    bool textOk = !m_editors.isEmpty();
    for (const Account &a : checkedAccounts()) {
        QPlainTextEdit *editor = m_editors.value(a.id);
        QLabel *counter = m_counters.value(a.id);
        if (!editor || !counter) {
            continue;
        }
        const int used = postLength(editor->toPlainText(), a.network);
        const bool over = used > a.maxChars;
        counter->setText(over ? tr("%1 / %2, %3 too many").arg(used).arg(a.maxChars).arg(used - a.maxChars)
                              : tr("%1 / %2").arg(used).arg(a.maxChars));
        QPalette pal = counter->palette();
        pal.setColor(QPalette::WindowText, over ? QColor(0xd6, 0x45, 0x41) : palette().color(QPalette::WindowText));
        counter->setPalette(pal);
        if (QLabel *preview = m_previews.value(a.id)) {
            preview->setText(tr("<small>%1 will show:</small><br>%2")
                                 .arg(a.handle.toHtmlEscaped(), previewHtml(editor->toPlainText())));
        }
        if (over) {
            problems << tr("Too long for %1.").arg(a.handle);
        }
        textOk = textOk && !editor->toPlainText().trimmed().isEmpty() && !over;
        if (!m_imagePath.isEmpty() && QFileInfo(m_imagePath).size() > maxImageBytes(a.network)) {
            problems
                << tr("The image is larger than %1 takes (%2 KB).").arg(a.handle).arg(maxImageBytes(a.network) / 1000);
            textOk = false;
        }
    }
    // The time, in its zone, and what that is in the workspace's zone; gaps and overlaps said, never shifted.
    const QTimeZone zone(m_zone->currentText().trimmed().toUtf8());
    const QTimeZone workspace(WorkspaceSettings::timeZoneId(m_ctx.reader()).toUtf8());
    m_timeOk = false;
    if (!zone.isValid()) {
        m_when->setText(tr("\"%1\" is not a time zone.").arg(m_zone->currentText()));
    } else {
        const LocalTimeResolution resolved = resolveLocalTime(m_date->date(), m_time->time(), zone);
        if (resolved.isGap()) {
            m_when->setText(tr("%1 does not exist in %2: the clocks skip it for daylight saving. Pick another time.")
                                .arg(m_time->time().toString(QStringLiteral("HH:mm")), QString::fromUtf8(zone.id())));
        } else {
            const qint64 at = resolved.instants.front();
            QString text;
            if (workspace.isValid() && workspace.id() != zone.id()) {
                text = tr("That is %1 in %2.")
                           .arg(QDateTime::fromMSecsSinceEpoch(at, workspace)
                                    .toString(QStringLiteral("ddd d MMM, HH:mm")),
                                QString::fromUtf8(workspace.id()));
            }
            if (resolved.isAmbiguous()) {
                text += QLatin1Char(' ')
                    + tr("That time happens twice there (the clocks go back); it goes out at the first (UTC%1).")
                          .arg(QDateTime::fromMSecsSinceEpoch(at, zone).toString(QStringLiteral("t")));
            }
            if (at <= m_ctx.clock().nowMs()) {
                text += QLatin1Char(' ') + tr("That time has passed.");
            } else {
                m_timeOk = true;
            }
            m_when->setText(text.trimmed());
        }
    }
    if (m_timeOk) {
        const qint64 at = resolveLocalTime(m_date->date(), m_time->time(), zone).instants.front();
        for (const Account &a : checkedAccounts()) {
            if (QPlainTextEdit *editor = m_editors.value(a.id)) {
                for (const PostChecks::Duplicate &d :
                     PostChecks::duplicates(m_ctx.reader(), a.id, editor->toPlainText(), at, at)) {
                    problems << tr("The same text already goes to %1 on %2.")
                                    .arg(d.handle,
                                         QDateTime::fromMSecsSinceEpoch(d.scheduledAt, zone)
                                             .toString(QStringLiteral("ddd d MMM, HH:mm")));
                }
            }
        }
    }
    m_draft->setEnabled(!m_editors.isEmpty());
    m_submit->setEnabled(textOk && m_timeOk);
    m_message->setText(problems.join(QLatin1Char(' ')));
}

void PostComposerDialog::save(int how)
{
    NewPost post;
    const QTimeZone zone(m_zone->currentText().trimmed().toUtf8());
    if (zone.isValid()) {
        const LocalTimeResolution resolved = resolveLocalTime(m_date->date(), m_time->time(), zone);
        if (!resolved.isGap()) {
            post.scheduledAtMs = resolved.instants.front();
            post.timeZone = QString::fromUtf8(zone.id());
        }
    }
    if (how == Submit && (!m_timeOk || post.scheduledAtMs == 0)) {
        return;
    }
    post.campaignId = m_campaign->currentData().toString();
    for (const Account &a : checkedAccounts()) {
        post.variants.push_back({a.id, m_editors.value(a.id)->toPlainText()});
    }
    const Actor actor = Actor::employee(m_ctx.currentEmployeeId());
    Engine &engine = m_ctx.engine();
    // One post, or one per occurrence of a repeating one (its local time kept in its zone, as `post new --repeat`).
    std::vector<qint64> instants {post.scheduledAtMs};
    std::optional<Recurrence> rule;
    if (const auto frequency = Recurrence::frequencyFromName(m_repeat->currentData().toString());
        frequency && post.scheduledAtMs > 0) {
        rule = Recurrence {*frequency, 1, m_repeatCount->value(), {}};
        instants.clear();
        for (const Occurrence &o : occurrences(m_date->date(), m_time->time(), zone, *rule)) {
            instants.push_back(o.instant);
        }
    }
    const QString series = RandomIdSource::instance().next();
    Transaction tx(engine.db());
    Status status = tx.began();
    QStringList ids;
    for (size_t i = 0; status.ok() && i < instants.size(); ++i) {
        NewPost one = post;
        one.scheduledAtMs = instants[i];
        if (rule) {
            one.recurrence = rule->toJson(series, int(i));
        }
        const auto created = engine.createPost(actor, one);
        status = created.ok() ? success() : Status(created.error());
        if (status.ok() && !m_imagePath.isEmpty()) {
            status = engine.addPostMedia(actor, created.value(), m_imagePath,
                                         QMimeDatabase().mimeTypeForFile(m_imagePath).name(),
                                         QFileInfo(m_imagePath).size(), m_alt->text().trimmed());
        }
        if (status.ok() && how == Submit) {
            status = engine.submitPost(actor, created.value());
            if (status.ok() && m_submit->text() == tr("&Schedule")) {
                status = engine.approvePost(actor, created.value());
            }
        }
        if (status.ok()) {
            ids << created.value();
        }
    }
    if (status.ok()) {
        status = tx.commit();
    }
    if (!m_ctx.report(status)) {
        m_message->setText(status.error().message);
        return;
    }
    m_createdAll = ids;
    m_created = ids.value(0);
    m_ctx.notifyChanged(QStringLiteral("posts"));
    emit postCreated(m_created);
    accept();
}

} // namespace sb::ui
