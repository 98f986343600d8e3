#pragma once

#include <QDateTime>
#include <QString>

#include <utility>
#include <variant>

namespace sb {

// What went wrong, as a value: callers branch on the kind, people read the message.
enum class ErrorKind {
    Invalid, // bad input from the user or a caller
    NotFound,
    Forbidden, // the actor's role does not allow the action
    Conflict,
    Storage, // SQLite reported an error
    Corrupt, // the database file is damaged or not ours
    TooNew, // the database was written by a newer Switchboard
    NotWritable,
    AuthExpired,
    RateLimited, // retryAt tells when
    Transient,
    Permanent,
    Duplicate,
    MaybeCommitted,
};

QString errorKindName(ErrorKind kind);

struct Error {
    ErrorKind kind = ErrorKind::Invalid;
    QString message;
    QDateTime retryAt;
};

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) { }
    Result(Error error) : m_value(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

using Status = Result<std::monostate>;

inline Status success()
{
    return std::monostate {};
}
inline Error makeError(ErrorKind kind, QString message)
{
    return Error {kind, std::move(message), {}};
}

} // namespace sb

// Returns the error of a failed Status/Result from the enclosing function.
#define SB_TRY(expr)                                                                                                   \
    do {                                                                                                               \
        if (auto &&sbTryResult_ = (expr); !sbTryResult_.ok()) {                                                        \
            return sbTryResult_.error();                                                                               \
        }                                                                                                              \
    } while (false)
