#pragma once

#include "core/Result.h"

#include <QByteArrayView>

#include <memory>
#include <string_view>

namespace sb {

class SqliteDb;

// FTS5's own tokenizer, set up as item_fts uses it (unicode61 with remove_diacritics 2, see Schema.cpp): code outside
// the index gets exactly the terms the index holds, folded the same way.
class FtsTokenizer {
public:
    enum class Purpose {
        Document, // a text written to the index
        Prefix, // a prefix in a query ("word"*)
    };

    // Borrows SQLite's tokenizer through `db`'s FTS5 API; the tokenizer must not outlive the connection.
    static Result<FtsTokenizer> create(SqliteDb &db);
    FtsTokenizer(FtsTokenizer &&other) noexcept;
    FtsTokenizer &operator=(FtsTokenizer &&other) noexcept;
    ~FtsTokenizer();

    // Calls onToken(std::string_view) with each token of the UTF-8 text, in order.
    template <typename OnToken> Status tokenize(QByteArrayView utf8, Purpose purpose, OnToken &&onToken) const
    {
        const auto *target = &onToken;
        return tokenizeText(
            utf8, purpose,
            [](void *context, std::string_view token) { (*static_cast<decltype(target)>(context))(token); },
            const_cast<void *>(static_cast<const void *>(target)));
    }

private:
    struct Handle;
    explicit FtsTokenizer(std::unique_ptr<Handle> handle);
    using Callback = void (*)(void *context, std::string_view token);
    Status tokenizeText(QByteArrayView utf8, Purpose purpose, Callback callback, void *context) const;

    std::unique_ptr<Handle> m_handle;
};

} // namespace sb
