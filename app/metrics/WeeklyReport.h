#pragma once

#include "core/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>

class QTimeZone;

namespace sb {

class SqliteDb;

namespace metrics {

// The optional weekly engagement report `switchboard-cli serve --weekly-report DIR` writes: once a week is over
// (Monday 00:00 in the workspace's zone), its figures as engagement-YYYY-Www.csv and .json (ISO week), written
// whole or not at all, and never over a report already there.

// The Monday of the last complete ISO week before `nowMs` in `zone`.
QDate lastCompleteWeek(qint64 nowMs, const QTimeZone &zone);
// "engagement-2026-W47" for the week starting on `monday` (the ISO week's own year).
QString weeklyReportStem(QDate monday);
// Writes last week's report into `dir` unless it is there already. Returns the files written (none: up to date).
Result<QStringList> writeWeeklyReport(SqliteDb &db, const QString &dir, qint64 nowMs);

} // namespace metrics
} // namespace sb
