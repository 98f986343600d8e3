#pragma once

#include "core/Result.h"

#include <QStringList>

#include <memory>

namespace sb {

class SqliteDb;

// search_terms (schema v12) lists every term of the full-text index. A prefix the user types then becomes an OR of
// the exact terms it stands for, which FTS5 walks newest first and stops after the first page; FTS5's own prefix
// query (without a prefix index) merges the whole doclist of every matching term before returning anything.
// Terms of deleted items stay: they match nothing.

// Keeps search_terms complete for one writing connection: the terms of every text the ingest path writes to
// item_fts, found with FTS5's own tokenizer. Terms this writer has seen stored cost a hash lookup; only the others
// cost an INSERT OR IGNORE.
class SearchTermWriter {
public:
    explicit SearchTermWriter(SqliteDb &db);
    ~SearchTermWriter();
    SearchTermWriter(const SearchTermWriter &) = delete;
    SearchTermWriter &operator=(const SearchTermWriter &) = delete;

    // Starts a write: forgets what an unfinished earlier one noted.
    void begin();
    // Notes the terms of a text written to item_fts in this write.
    Status add(const QString &text);
    // Inserts the terms noted since begin() that are not known to be stored yet (in the caller's transaction).
    Status write();
    // The caller's transaction committed: what write() inserted counts as stored from now on.
    void committed();

private:
    struct State;
    SqliteDb &m_db;
    std::unique_ptr<State> m_state;
};

// Expands prefixes through search_terms, on a reading connection.
class PrefixExpander {
public:
    static constexpr int kMaxTerms = 64;

    explicit PrefixExpander(SqliteDb &db);
    ~PrefixExpander();
    PrefixExpander(const PrefixExpander &) = delete;
    PrefixExpander &operator=(const PrefixExpander &) = delete;

    // The terms of the index that begin with `prefix` as FTS5 folds it, when there are 1 to kMaxTerms of them. Empty
    // when FTS5's prefix query should run instead: no such term (it then matches nothing, at once), more terms than
    // an OR should hold, or a prefix the tokenizer cuts into several tokens (a phrase) or none.
    Result<QStringList> terms(const QString &prefix);

private:
    struct State;
    SqliteDb &m_db;
    std::unique_ptr<State> m_state;
};

} // namespace sb
