#include "core/Result.h"

namespace sb {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid: return QStringLiteral("invalid");
    case ErrorKind::NotFound: return QStringLiteral("not_found");
    case ErrorKind::Forbidden: return QStringLiteral("forbidden");
    case ErrorKind::Conflict: return QStringLiteral("conflict");
    case ErrorKind::Storage: return QStringLiteral("storage");
    case ErrorKind::Corrupt: return QStringLiteral("corrupt");
    case ErrorKind::TooNew: return QStringLiteral("too_new");
    case ErrorKind::NotWritable: return QStringLiteral("not_writable");
    case ErrorKind::AuthExpired: return QStringLiteral("auth_expired");
    case ErrorKind::RateLimited: return QStringLiteral("rate_limited");
    case ErrorKind::Transient: return QStringLiteral("transient");
    case ErrorKind::Permanent: return QStringLiteral("permanent");
    case ErrorKind::Duplicate: return QStringLiteral("duplicate");
    case ErrorKind::MaybeCommitted: return QStringLiteral("maybe_committed");
    }
    return QStringLiteral("unknown");
}

} // namespace sb
