#include "ui/TeamStatusLabel.h"

#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb::ui {

TeamStatusLabel::TeamStatusLabel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("teamStatus"));
    setTextFormat(Qt::PlainText);
    hide();
}

void TeamStatusLabel::refresh(SqliteDb &db)
{
    const QString database = WorkspaceSettings::value(db, QStringLiteral("team_pg"));
    if (database.isEmpty()) {
        hide();
        return;
    }
    const QJsonObject state
        = QJsonDocument::fromJson(WorkspaceSettings::value(db, QStringLiteral("team_state")).toUtf8()).object();
    const qint64 pending = team::pendingChanges(db);
    const bool online = state.value(QStringLiteral("state")).toString() == QLatin1String("online");
    QString text = online ? tr("Team: online") : tr("Team: offline");
    if (pending > 0) {
        text += QStringLiteral(" \u00b7 ")
            + (pending == 1 ? tr("1 change waiting") : tr("%1 changes waiting").arg(pending));
    }
    QStringList tip {tr("Team database: %1").arg(database)};
    if (!online) {
        tip << tr("Changes made here are kept and shared when the connection is back.");
        if (const QString error = state.value(QStringLiteral("error")).toString(); !error.isEmpty()) {
            tip << error;
        }
    }
    const int leading = int(state.value(QStringLiteral("leading")).toArray().size());
    tip << (leading == 1 ? tr("This workstation syncs 1 account for the team.")
                         : tr("This workstation syncs %1 accounts for the team.").arg(leading));
    if (!state.value(QStringLiteral("may_publish")).toBool()) {
        tip << tr("Your role does not publish: other workstations send the team's posts and replies.");
    }
    setText(text);
    setAccessibleName(text);
    setToolTip(tip.join(QLatin1Char('\n')));
    setStyleSheet(online ? QString() : QStringLiteral("color: palette(link);"));
    show();
}

} // namespace sb::ui
