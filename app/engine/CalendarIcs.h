#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QTimeZone>

namespace sb {

class SqliteDb;

struct IcsOptions {
    QDate from; // invalid: no lower bound
    QDate to; // invalid: no upper bound (inclusive)
    QTimeZone zone = QTimeZone::utc(); // whose days `from` and `to` are
    qint64 nowMs = 0; // DTSTAMP
    bool includeDrafts = false;
};

// The publishing schedule as an iCalendar file (RFC 5545) that any calendar app can subscribe to or import: one
// event per post with a time (its text per account, state, campaign and author in the description; drafts only on
// request), one all-day event per campaign. Times are UTC instants (every calendar shows them in its own zone); the
// post's own zone and local time are named in the description. Lines are CRLF-terminated, folded at 75 octets
// without splitting a UTF-8 sequence, and text values are escaped.
Result<QByteArray> calendarIcs(SqliteDb &db, const IcsOptions &options);

// RFC 5545 helpers, public for the tests.
QString icsEscape(const QString &text);
QByteArray icsFold(const QByteArray &line);

} // namespace sb
