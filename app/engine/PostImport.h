#pragma once

#include "core/Result.h"
#include "engine/Engine.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <vector>

namespace sb {

class SqliteDb;

// Bulk import of scheduled posts from CSV (RFC 4180: a header row, commas, fields in double quotes may hold commas,
// quotes doubled and line breaks). Columns, by header name in any order: date (YYYY-MM-DD), time (HH:MM, optionally
// with an offset such as +01:00 for a time that happens twice), zone (IANA; empty: the default), account (id or
// handle), text, media (an image file), campaign (name or id). date, time, account and text are required.
namespace PostImport {

struct Problem {
    int row = 0; // as a spreadsheet numbers it (the header is row 1, the first post row 2); 0: the whole file
    QString column;
    QString message;
};

struct PlannedPost {
    int row = 0;
    NewPost post;
    QString mediaPath;
    QString mediaMime;
    qint64 mediaBytes = 0;
};

struct Plan {
    int rows = 0;
    std::vector<PlannedPost> valid;
    std::vector<Problem> problems;
    QStringList invalidRows() const;
};

// Splits CSV text into records of fields. Fails on a quote that never closes.
Result<std::vector<QStringList>> parseCsv(const QByteArray &csv);

// Checks every row against the workspace (accounts, campaigns, each network's length and image limits, time zones
// and their daylight-saving gaps and overlaps, a time still ahead of `nowMs`) and reports every problem of every
// row, not only the first.
Plan plan(SqliteDb &db, const QByteArray &csv, const QTimeZone &defaultZone, qint64 nowMs);

// Creates the planned posts in one transaction: all or nothing. Posts by someone who may approve are scheduled at
// once; anyone else's go to review. Returns the new posts' ids.
Result<QStringList> apply(Engine &engine, const Actor &actor, const Plan &plan);

} // namespace PostImport
} // namespace sb
