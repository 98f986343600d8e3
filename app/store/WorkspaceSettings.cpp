#include "store/WorkspaceSettings.h"

#include "store/Sqlite.h"

namespace sb::WorkspaceSettings {

QString value(SqliteDb &db, const QString &key, const QString &fallback)
{
    Statement &st = db.cached("SELECT value FROM settings WHERE key = ?");
    st.bind(1, key);
    QString result = st.next() ? st.text(0) : fallback;
    st.reset();
    return result;
}

QString workspaceName(SqliteDb &db)
{
    return value(db, QStringLiteral("workspace_name"), QStringLiteral("Switchboard"));
}

QString timeZoneId(SqliteDb &db)
{
    return value(db, QStringLiteral("time_zone"), QStringLiteral("UTC"));
}

BusinessHours businessHours(SqliteDb &db)
{
    const auto parsed = BusinessHours::fromJson(value(db, QStringLiteral("business_hours")).toUtf8());
    if (parsed) {
        return *parsed;
    }
    BusinessHours fallback;
    fallback.zone = QTimeZone(timeZoneId(db).toUtf8());
    if (!fallback.zone.isValid()) {
        fallback.zone = QTimeZone("UTC");
    }
    return fallback;
}

} // namespace sb::WorkspaceSettings
