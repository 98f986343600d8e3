#include "ui/SettingsWorkspacePanel.h"

#include "core/BusinessHours.h"
#include "engine/Engine.h"
#include "engine/PostChecks.h"
#include "models/WorkspaceContext.h"
#include "store/WorkspaceSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace sb::ui {

SettingsWorkspacePanel::SettingsWorkspacePanel(sb::models::WorkspaceContext &ctx, QWidget *parent)
    : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("settingsWorkspace"));
    auto *workspaceBox = new QGroupBox(tr("Workspace"), this);
    m_name = new QLineEdit(workspaceBox);
    m_name->setObjectName(QStringLiteral("settingsWorkspaceName"));
    m_name->setAccessibleName(tr("Workspace name"));
    m_zone = new QComboBox(workspaceBox);
    m_zone->setObjectName(QStringLiteral("settingsTimeZone"));
    m_zone->setAccessibleName(tr("Time zone"));
    m_zone->setToolTip(tr("Used for business hours, SLA due times, the calendar and the engagement ranges"));
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        m_zone->addItem(QString::fromUtf8(id));
    }
    auto *workspaceForm = new QFormLayout(workspaceBox);
    workspaceForm->addRow(tr("&Name:"), m_name);
    workspaceForm->addRow(tr("Time &zone:"), m_zone);
    m_peers = new QCheckBox(tr("Contributors see their &peers' engagement figures"), workspaceBox);
    m_peers->setObjectName(QStringLiteral("settingsPeerFigures"));
    m_peers->setToolTip(tr("Off: a contributor sees their own figures and the team's only. Managers always see "
                           "everyone's."));
    workspaceForm->addRow(QString(), m_peers);
    connect(m_peers, &QCheckBox::toggled, this, &SettingsWorkspacePanel::markDirty);
    // Publishing: how late a post still goes out by itself, and how close the same text counts as a duplicate.
    m_grace = new QSpinBox(workspaceBox);
    m_grace->setObjectName(QStringLiteral("settingsPublishGrace"));
    m_grace->setRange(0, 24 * 60);
    m_grace->setSuffix(tr(" min"));
    m_grace->setToolTip(tr("A post whose time passed while nothing ran goes out when Switchboard runs again within "
                           "this many minutes; later, it waits as missed for a person to decide"));
    workspaceForm->addRow(tr("Publish &late posts within:"), m_grace);
    m_duplicates = new QSpinBox(workspaceBox);
    m_duplicates->setObjectName(QStringLiteral("settingsDuplicateWindow"));
    m_duplicates->setRange(0, 90);
    m_duplicates->setSuffix(tr(" days"));
    m_duplicates->setSpecialValueText(tr("never"));
    m_duplicates->setToolTip(tr("Warn when the same text goes to the same account within this many days"));
    workspaceForm->addRow(tr("Warn of &repeated text within:"), m_duplicates);
    connect(m_grace, &QSpinBox::valueChanged, this, &SettingsWorkspacePanel::markDirty);
    connect(m_duplicates, &QSpinBox::valueChanged, this, &SettingsWorkspacePanel::markDirty);

    auto *hoursBox = new QGroupBox(tr("Business hours"), this);
    auto *daysRow = new QHBoxLayout;
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *box = new QCheckBox(locale.dayName(day, QLocale::ShortFormat), hoursBox);
        box->setObjectName(QStringLiteral("settingsDay%1").arg(day));
        box->setAccessibleName(locale.dayName(day, QLocale::LongFormat));
        m_days[size_t(day - 1)] = box;
        daysRow->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &SettingsWorkspacePanel::markDirty);
    }
    daysRow->addStretch(1);
    m_start = new QTimeEdit(hoursBox);
    m_start->setObjectName(QStringLiteral("settingsStart"));
    m_start->setAccessibleName(tr("Opens at"));
    m_start->setDisplayFormat(QStringLiteral("HH:mm"));
    m_end = new QTimeEdit(hoursBox);
    m_end->setObjectName(QStringLiteral("settingsEnd"));
    m_end->setAccessibleName(tr("Closes at"));
    m_end->setDisplayFormat(QStringLiteral("HH:mm"));
    auto *timesRow = new QHBoxLayout;
    timesRow->addWidget(m_start);
    timesRow->addWidget(new QLabel(tr("to"), hoursBox));
    timesRow->addWidget(m_end);
    timesRow->addStretch(1);
    auto *hoursForm = new QFormLayout(hoursBox);
    auto *daysLabel = new QLabel(tr("Working days:"), hoursBox);
    hoursForm->addRow(daysLabel, daysRow);
    auto *timesLabel = new QLabel(tr("&Open from:"), hoursBox);
    timesLabel->setBuddy(m_start);
    hoursForm->addRow(timesLabel, timesRow);
    auto *explain = new QLabel(tr("First-response times and SLA due times count only these hours, in the "
                                  "workspace's time zone."),
                               hoursBox);
    explain->setWordWrap(true);
    hoursForm->addRow(explain);

    m_save = new QPushButton(tr("Save &workspace settings"), this);
    m_save->setObjectName(QStringLiteral("settingsSaveWorkspace"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsWorkspaceMessage"));
    m_message->setWordWrap(true);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_message, 1);
    saveRow->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(workspaceBox);
    layout->addWidget(hoursBox);
    layout->addLayout(saveRow);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textEdited, this, &SettingsWorkspacePanel::markDirty);
    connect(m_name, &QLineEdit::returnPressed, this, &SettingsWorkspacePanel::save);
    connect(m_zone, &QComboBox::currentIndexChanged, this, &SettingsWorkspacePanel::markDirty);
    connect(m_start, &QTimeEdit::timeChanged, this, &SettingsWorkspacePanel::markDirty);
    connect(m_end, &QTimeEdit::timeChanged, this, &SettingsWorkspacePanel::markDirty);
    connect(m_save, &QPushButton::clicked, this, &SettingsWorkspacePanel::save);
    reload();
}

SettingsWorkspacePanel::~SettingsWorkspacePanel() = default;

void SettingsWorkspacePanel::setEditable(bool editable)
{
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_zone), static_cast<QWidget *>(m_start),
                       static_cast<QWidget *>(m_end), static_cast<QWidget *>(m_save), static_cast<QWidget *>(m_peers),
                       static_cast<QWidget *>(m_grace), static_cast<QWidget *>(m_duplicates)}) {
        w->setEnabled(editable);
    }
    for (QCheckBox *day : m_days) {
        day->setEnabled(editable);
    }
}

void SettingsWorkspacePanel::markDirty()
{
    if (!m_loading) {
        m_dirty = true;
        m_message->clear();
    }
}

void SettingsWorkspacePanel::reload()
{
    if (m_dirty) {
        return;
    }
    m_loading = true;
    SqliteDb &db = m_ctx.reader();
    m_name->setText(WorkspaceSettings::workspaceName(db));
    const BusinessHours hours = WorkspaceSettings::businessHours(db);
    const QString zone = WorkspaceSettings::timeZoneId(db);
    int index = m_zone->findText(zone);
    if (index < 0) {
        m_zone->addItem(zone);
        index = m_zone->count() - 1;
    }
    m_zone->setCurrentIndex(index);
    for (int day = 1; day <= 7; ++day) {
        m_days[size_t(day - 1)]->setChecked(hours.isWorkingDay(day));
    }
    m_start->setTime(hours.start);
    m_end->setTime(hours.end);
    m_peers->setChecked(WorkspaceSettings::value(db, QStringLiteral("engagement_peer_visibility"))
                        == QLatin1String("team"));
    m_grace->setValue(int(Engine::publishGraceMs(db) / 60'000));
    m_duplicates->setValue(PostChecks::duplicateWindowDays(db));
    m_loading = false;
}

void SettingsWorkspacePanel::revert()
{
    m_dirty = false;
    m_message->clear();
    reload();
}

void SettingsWorkspacePanel::save()
{
    const Actor actor = Actor::employee(m_ctx.currentEmployeeId());
    Engine &engine = m_ctx.engine();
    BusinessHours hours;
    hours.zone = QTimeZone(m_zone->currentText().toUtf8());
    hours.dayMask = 0;
    for (int day = 1; day <= 7; ++day) {
        if (m_days[size_t(day - 1)]->isChecked()) {
            hours.dayMask |= quint8(1u << (day - 1));
        }
    }
    hours.start = m_start->time();
    hours.end = m_end->time();
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_message->setText(tr("Not saved: the workspace needs a name."));
        return;
    }
    // The engine writes each setting with its own event; an unchanged value writes nothing (peers' figures are
    // private until someone says otherwise).
    const bool peersChanged = m_peers->isChecked()
        != (WorkspaceSettings::value(m_ctx.reader(), QStringLiteral("engagement_peer_visibility"))
            == QLatin1String("team"));
    auto failed = [this](const Status &status) {
        if (m_ctx.report(status)) {
            return false;
        }
        m_message->setText(tr("Not saved: %1").arg(status.error().message));
        return true;
    };
    if (failed(engine.setBusinessHours(actor, hours))
        || failed(engine.setSetting(actor, QStringLiteral("time_zone"), m_zone->currentText()))
        || failed(engine.setSetting(actor, QStringLiteral("workspace_name"), name))
        || (peersChanged
            && failed(engine.setSetting(actor, QStringLiteral("engagement_peer_visibility"),
                                        m_peers->isChecked() ? QStringLiteral("team") : QStringLiteral("private"))))
        || (m_grace->value() != int(Engine::publishGraceMs(m_ctx.reader()) / 60'000)
            && failed(
                engine.setSetting(actor, QStringLiteral("publish_grace_minutes"), QString::number(m_grace->value()))))
        || (m_duplicates->value() != PostChecks::duplicateWindowDays(m_ctx.reader())
            && failed(engine.setSetting(actor, QStringLiteral("duplicate_window_days"),
                                        QString::number(m_duplicates->value()))))) {
        m_ctx.notifyChanged(QStringLiteral("settings"));
        return;
    }
    m_dirty = false;
    m_message->setText(tr("Saved."));
    m_ctx.notifyChanged(QStringLiteral("settings"));
}

} // namespace sb::ui
