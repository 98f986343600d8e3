#include "store/FtsTokenizer.h"

#include "store/Sqlite.h"

#include <sqlite3.h>

#include <algorithm>

namespace sb {

namespace {
// The tokenize= clause of item_fts (Schema.cpp, v1), as the arguments FTS5 hands the tokenizer.
constexpr const char *kTokenizer = "unicode61";
const char *kArguments[] = {"remove_diacritics", "2"};
// FTS5 cuts longer tokens to this many bytes (FTS5_MAX_TOKEN_SIZE), both when indexing and in queries.
constexpr int kMaxTokenBytes = 32768;

struct Forward {
    void (*callback)(void *, std::string_view);
    void *context;
};

int onToken(void *context, int /*flags*/, const char *token, int size, int /*start*/, int /*end*/)
{
    const auto *forward = static_cast<const Forward *>(context);
    forward->callback(forward->context, std::string_view(token, size_t(std::min(size, kMaxTokenBytes))));
    return SQLITE_OK;
}
} // namespace

struct FtsTokenizer::Handle {
    fts5_tokenizer api {};
    Fts5Tokenizer *tokenizer = nullptr;

    ~Handle()
    {
        if (tokenizer) {
            api.xDelete(tokenizer);
        }
    }
};

FtsTokenizer::FtsTokenizer(std::unique_ptr<Handle> handle) : m_handle(std::move(handle))
{
}

FtsTokenizer::FtsTokenizer(FtsTokenizer &&other) noexcept = default;
FtsTokenizer &FtsTokenizer::operator=(FtsTokenizer &&other) noexcept = default;
FtsTokenizer::~FtsTokenizer() = default;

Result<FtsTokenizer> FtsTokenizer::create(SqliteDb &db)
{
    // The documented way to reach the FTS5 API of a connection: SELECT fts5(?1) with a pointer bound to ?1.
    fts5_api *api = nullptr;
    auto query = db.prepare(QStringLiteral("SELECT fts5(?1)"));
    SB_TRY(query);
    sqlite3_bind_pointer(query.value().handle(), 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    while (query.value().next()) { }
    if (query.value().failed()) {
        return query.value().error();
    }
    if (!api || api->iVersion < 2) {
        return makeError(ErrorKind::Storage, QStringLiteral("SQLite's FTS5 API is not available"));
    }
    auto handle = std::make_unique<Handle>();
    void *context = nullptr;
    if (api->xFindTokenizer(api, kTokenizer, &context, &handle->api) != SQLITE_OK) {
        return makeError(ErrorKind::Storage, QStringLiteral("FTS5 has no %1 tokenizer").arg(QLatin1String(kTokenizer)));
    }
    if (const int rc = handle->api.xCreate(context, kArguments, int(std::size(kArguments)), &handle->tokenizer);
        rc != SQLITE_OK) {
        handle->tokenizer = nullptr;
        return makeError(
            ErrorKind::Storage,
            QStringLiteral("cannot create the FTS5 tokenizer: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
    }
    return FtsTokenizer(std::move(handle));
}

Status FtsTokenizer::tokenizeText(QByteArrayView utf8, Purpose purpose, Callback callback, void *context) const
{
    const int flags
        = purpose == Purpose::Document ? FTS5_TOKENIZE_DOCUMENT : FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX;
    Forward forward {callback, context};
    if (const int rc
        = m_handle->api.xTokenize(m_handle->tokenizer, &forward, flags, utf8.data(), int(utf8.size()), onToken);
        rc != SQLITE_OK) {
        return makeError(ErrorKind::Storage,
                         QStringLiteral("FTS5 tokenizer failed: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
    }
    return success();
}

} // namespace sb
