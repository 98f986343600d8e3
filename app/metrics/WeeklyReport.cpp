#include "metrics/WeeklyReport.h"

#include "metrics/EngagementExport.h"
#include "metrics/EngagementMetrics.h"
#include "metrics/EngagementRollups.h"
#include "store/WorkspaceSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimeZone>

namespace sb::metrics {

namespace {

Status writeWhole(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        return makeError(ErrorKind::Storage,
                         QCoreApplication::translate("Metrics", "Cannot write %1: %2").arg(path, file.errorString()));
    }
    return success();
}

} // namespace

QDate lastCompleteWeek(qint64 nowMs, const QTimeZone &zone)
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    return today.addDays(1 - today.dayOfWeek() - 7);
}

QString weeklyReportStem(QDate monday)
{
    int year = 0;
    const int week = monday.weekNumber(&year);
    return QStringLiteral("engagement-%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

Result<QStringList> writeWeeklyReport(SqliteDb &db, const QString &dir, qint64 nowMs)
{
    const QTimeZone configured(WorkspaceSettings::timeZoneId(db).toUtf8());
    const QTimeZone zone = configured.isValid() ? configured : QTimeZone::utc();
    const QDate monday = lastCompleteWeek(nowMs, zone);
    const QDir folder(dir);
    const QString stem = weeklyReportStem(monday);
    const QString csvPath = folder.filePath(stem + QStringLiteral(".csv"));
    const QString jsonPath = folder.filePath(stem + QStringLiteral(".json"));
    if (QFileInfo::exists(csvPath) && QFileInfo::exists(jsonPath)) {
        return QStringList();
    }
    const TimeRange range = dayRange(monday, monday.addDays(6), zone);
    auto report = EngagementRollups::report(db, range, nowMs);
    if (!report.ok()) {
        return report.error();
    }
    std::vector<QJsonObject> rows;
    QJsonArray employees;
    for (const Figures &f : report.value().employees) {
        rows.push_back(figuresJson(f));
        employees.append(rows.back());
    }
    QJsonObject team = figuresJson(report.value().team);
    team.insert(QStringLiteral("name"), report.value().team.name);
    rows.push_back(team);
    QStringList written;
    // The files already there stay as they are.
    if (!QFileInfo::exists(csvPath)) {
        SB_TRY(writeWhole(csvPath, engagementCsv(rows)));
        written << csvPath;
    }
    if (!QFileInfo::exists(jsonPath)) {
        const QJsonObject json {{QStringLiteral("week"), stem.mid(11)},
                                {QStringLiteral("from"), monday.toString(Qt::ISODate)},
                                {QStringLiteral("to"), monday.addDays(6).toString(Qt::ISODate)},
                                {QStringLiteral("time_zone"), QString::fromUtf8(zone.id())},
                                {QStringLiteral("employees"), employees},
                                {QStringLiteral("team"), team}};
        SB_TRY(writeWhole(jsonPath, QJsonDocument(json).toJson(QJsonDocument::Indented)));
        written << jsonPath;
    }
    return written;
}

} // namespace sb::metrics
