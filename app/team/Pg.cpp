#include "team/Pg.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <libpq-fe.h>

namespace sb::team {

namespace {

struct ResultDeleter {
    void operator()(PGresult *r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

struct OptionsDeleter {
    void operator()(PQconninfoOption *o) const { PQconninfoFree(o); }
};

// Parses a URL or key=value string into its options (nullptr when it does not parse).
std::unique_ptr<PQconninfoOption, OptionsDeleter> parse(const QString &conninfo, QString *error = nullptr)
{
    char *err = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &err);
    if (err) {
        if (error) {
            *error = QString::fromUtf8(err).trimmed();
        }
        PQfreemem(err);
    }
    return std::unique_ptr<PQconninfoOption, OptionsDeleter>(options);
}

QString quoted(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

} // namespace

PgConnection::PgConnection() = default;

PgConnection::~PgConnection()
{
    close();
}

Status PgConnection::open(const QString &conninfo, const QString &password, const QString &applicationName)
{
    close();
    QString parseError;
    if (!parse(conninfo, &parseError)) {
        return makeError(ErrorKind::Invalid,
                         QCoreApplication::translate("Team", "Not a PostgreSQL connection string: %1").arg(parseError));
    }
    const QByteArray info = conninfo.toUtf8();
    const QByteArray pass = password.toUtf8();
    const QByteArray app = applicationName.toUtf8();
    std::vector<const char *> keys {"dbname",          "application_name",    "keepalives",
                                    "keepalives_idle", "keepalives_interval", "keepalives_count",
                                    "connect_timeout"};
    std::vector<const char *> values {info.constData(), app.constData(), "1", "5", "3", "3", "5"};
    if (!password.isEmpty()) {
        keys.push_back("password");
        values.push_back(pass.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    m_conn = PQconnectdbParams(keys.data(), values.data(), 1);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const QString message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        close();
        const bool auth = message.contains(QLatin1String("password")) || message.contains(QLatin1String("authentic"));
        return makeError(auth ? ErrorKind::AuthExpired : ErrorKind::Transient,
                         QCoreApplication::translate("Team", "Cannot connect to the team database: %1").arg(message));
    }
    // Times and text as the workstations expect them, whatever the server's defaults.
    return execScript(QStringLiteral("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC';"));
}

void PgConnection::close()
{
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
}

bool PgConnection::isOpen() const
{
    return m_conn != nullptr;
}

bool PgConnection::isHealthy() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

std::optional<PgError> PgConnection::execChecked(const QString &sql, const std::vector<PgValue> &params, PgResult *out)
{
    if (!m_conn) {
        return PgError {QStringLiteral("08003"), QCoreApplication::translate("Team", "Not connected."), true};
    }
    std::vector<QByteArray> storage;
    storage.reserve(params.size());
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const PgValue &p : params) {
        if (p) {
            storage.push_back(p->toUtf8());
            values.push_back(storage.back().constData());
        } else {
            values.push_back(nullptr);
        }
    }
    ResultPtr res(PQexecParams(m_conn, sql.toUtf8().constData(), int(values.size()), nullptr, values.data(), nullptr,
                               nullptr, 0));
    const ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        PgError error;
        if (res) {
            const char *state = PQresultErrorField(res.get(), PG_DIAG_SQLSTATE);
            error.sqlState = state ? QString::fromLatin1(state) : QString();
            const char *primary = PQresultErrorField(res.get(), PG_DIAG_MESSAGE_PRIMARY);
            error.message = primary ? QString::fromUtf8(primary) : QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        } else {
            error.message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        }
        error.connectionLost = PQstatus(m_conn) != CONNECTION_OK || error.sqlState.startsWith(QLatin1String("08"));
        if (error.sqlState.isEmpty() && error.connectionLost) {
            error.sqlState = QStringLiteral("08006");
        }
        return error;
    }
    if (out) {
        out->columns.clear();
        out->rows.clear();
        const int cols = PQnfields(res.get());
        for (int c = 0; c < cols; ++c) {
            out->columns << QString::fromUtf8(PQfname(res.get(), c));
        }
        const int rows = PQntuples(res.get());
        out->rows.reserve(size_t(rows));
        for (int r = 0; r < rows; ++r) {
            PgRow row;
            row.reserve(size_t(cols));
            for (int c = 0; c < cols; ++c) {
                if (PQgetisnull(res.get(), r, c)) {
                    row.emplace_back(std::nullopt);
                } else {
                    row.emplace_back(QString::fromUtf8(PQgetvalue(res.get(), r, c), PQgetlength(res.get(), r, c)));
                }
            }
            out->rows.push_back(std::move(row));
        }
        const char *affected = PQcmdTuples(res.get());
        out->affected = (affected && *affected) ? QByteArray(affected).toLongLong() : 0;
    }
    return std::nullopt;
}

Result<PgResult> PgConnection::exec(const QString &sql, const std::vector<PgValue> &params)
{
    PgResult out;
    if (auto error = execChecked(sql, params, &out)) {
        return toError(*error);
    }
    return out;
}

Status PgConnection::execScript(const QString &sql)
{
    if (!m_conn) {
        return makeError(ErrorKind::Transient, QCoreApplication::translate("Team", "Not connected."));
    }
    ResultPtr res(PQexec(m_conn, sql.toUtf8().constData()));
    const ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        PgError error;
        if (res) {
            const char *state = PQresultErrorField(res.get(), PG_DIAG_SQLSTATE);
            error.sqlState = state ? QString::fromLatin1(state) : QString();
        }
        error.message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        error.connectionLost = PQstatus(m_conn) != CONNECTION_OK;
        return toError(error);
    }
    return success();
}

int PgConnection::socket() const
{
    return m_conn ? PQsocket(m_conn) : -1;
}

QStringList PgConnection::takeNotifications()
{
    QStringList out;
    if (!m_conn) {
        return out;
    }
    PQconsumeInput(m_conn);
    while (PGnotify *n = PQnotifies(m_conn)) {
        out << QString::fromUtf8(n->relname);
        PQfreemem(n);
    }
    return out;
}

QString PgConnection::userName() const
{
    return m_conn ? QString::fromUtf8(PQuser(m_conn)) : QString();
}

int PgConnection::backendPid() const
{
    return m_conn ? PQbackendPID(m_conn) : 0;
}

QString PgConnection::withoutPassword(const QString &conninfo)
{
    auto options = parse(conninfo);
    if (!options) {
        return {};
    }
    QStringList parts;
    for (PQconninfoOption *o = options.get(); o->keyword; ++o) {
        if (!o->val || qstrcmp(o->keyword, "password") == 0) {
            continue;
        }
        parts << QString::fromLatin1(o->keyword) + QLatin1Char('=') + quoted(QString::fromUtf8(o->val));
    }
    return parts.join(QLatin1Char(' '));
}

static QString optionOf(const QString &conninfo, const char *keyword)
{
    auto options = parse(conninfo);
    if (!options) {
        return {};
    }
    for (PQconninfoOption *o = options.get(); o->keyword; ++o) {
        if (qstrcmp(o->keyword, keyword) == 0 && o->val) {
            return QString::fromUtf8(o->val);
        }
    }
    return {};
}

QString PgConnection::passwordOf(const QString &conninfo)
{
    return optionOf(conninfo, "password");
}

QString PgConnection::userOf(const QString &conninfo)
{
    return optionOf(conninfo, "user");
}

Error toError(const PgError &error)
{
    ErrorKind kind = ErrorKind::Storage;
    if (error.connectionLost) {
        kind = ErrorKind::Transient;
    } else if (error.sqlState == QLatin1String("42501")) {
        kind = ErrorKind::Forbidden;
    } else if (error.sqlState == QLatin1String("23505")) {
        kind = ErrorKind::Conflict;
    } else if (error.sqlState == QLatin1String("40001") || error.sqlState == QLatin1String("40P01")) {
        kind = ErrorKind::Transient;
    }
    return makeError(kind, QCoreApplication::translate("Team", "Team database: %1").arg(error.message));
}

} // namespace sb::team
