#include "store/SearchTerms.h"

#include "store/FtsTokenizer.h"
#include "store/Sqlite.h"

#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace sb {

namespace {
// Terms a writer remembers (~70 bytes each); past this it starts over, which costs INSERT OR IGNOREs, not results.
constexpr size_t kMaxRememberedTerms = 200'000;

struct TermHash {
    using is_transparent = void;
    size_t operator()(std::string_view term) const noexcept { return std::hash<std::string_view> {}(term); }
};
using TermSet = std::unordered_set<std::string, TermHash, std::equal_to<>>;

Result<FtsTokenizer *> tokenizerOf(std::optional<FtsTokenizer> &tokenizer, SqliteDb &db)
{
    if (!tokenizer) {
        auto created = FtsTokenizer::create(db);
        SB_TRY(created);
        tokenizer.emplace(std::move(created).value());
    }
    return &*tokenizer;
}
} // namespace

struct SearchTermWriter::State {
    std::optional<FtsTokenizer> tokenizer;
    TermSet stored; // committed to search_terms
    // Written by this writer in a transaction that committed inside an enclosing one (the demo generator and the
    // outbox group calls): stored only once that one commits, and maybe gone if anything rolled back since.
    TermSet enclosed;
    quint64 enclosedRollbacks = 0; // the connection's rollbacks() while `enclosed` was filled
    TermSet noted; // this write's terms that are in neither set
};

SearchTermWriter::SearchTermWriter(SqliteDb &db) : m_db(db), m_state(std::make_unique<State>())
{
}

SearchTermWriter::~SearchTermWriter() = default;

void SearchTermWriter::begin()
{
    State &s = *m_state;
    s.noted.clear();
    if (s.enclosed.empty()) {
        return;
    }
    if (m_db.rollbacks() != s.enclosedRollbacks) {
        s.enclosed.clear();
    } else if (sqlite3_get_autocommit(m_db.handle()) != 0) {
        // The enclosing transaction is over and nothing rolled back: it committed.
        s.stored.merge(s.enclosed);
        s.enclosed.clear();
    }
}

Status SearchTermWriter::add(const QString &text)
{
    auto tokenizer = tokenizerOf(m_state->tokenizer, m_db);
    SB_TRY(tokenizer);
    State &s = *m_state;
    return tokenizer.value()->tokenize(text.toUtf8(), FtsTokenizer::Purpose::Document, [&s](std::string_view term) {
        if (!s.stored.contains(term) && !s.enclosed.contains(term) && !s.noted.contains(term)) {
            s.noted.emplace(term);
        }
    });
}

Status SearchTermWriter::write()
{
    State &s = *m_state;
    if (s.noted.empty()) {
        return success();
    }
    // In key order: each insert lands next to the previous one in the table's B-tree.
    std::vector<const std::string *> sorted;
    sorted.reserve(s.noted.size());
    for (const std::string &term : s.noted) {
        sorted.push_back(&term);
    }
    std::sort(sorted.begin(), sorted.end(), [](const std::string *a, const std::string *b) { return *a < *b; });
    Statement &insert = m_db.cached("INSERT OR IGNORE INTO search_terms(term) VALUES (?)");
    for (const std::string *term : sorted) {
        insert.bind(1, term->c_str());
        SB_TRY(insert.exec());
    }
    return success();
}

void SearchTermWriter::committed()
{
    State &s = *m_state;
    const bool enclosed = sqlite3_get_autocommit(m_db.handle()) == 0;
    if (enclosed && m_db.rollbacks() != s.enclosedRollbacks) {
        s.enclosed.clear();
    }
    if (s.stored.size() + s.enclosed.size() + s.noted.size() > kMaxRememberedTerms) {
        s.stored.clear();
        s.enclosed.clear();
    }
    (enclosed ? s.enclosed : s.stored).merge(s.noted);
    s.noted.clear();
    if (enclosed) {
        s.enclosedRollbacks = m_db.rollbacks();
    }
}

struct PrefixExpander::State {
    std::optional<FtsTokenizer> tokenizer;
};

PrefixExpander::PrefixExpander(SqliteDb &db) : m_db(db), m_state(std::make_unique<State>())
{
}

PrefixExpander::~PrefixExpander() = default;

Result<QStringList> PrefixExpander::terms(const QString &prefix)
{
    auto tokenizer = tokenizerOf(m_state->tokenizer, m_db);
    SB_TRY(tokenizer);
    std::vector<std::string> tokens;
    SB_TRY(tokenizer.value()->tokenize(prefix.toUtf8(), FtsTokenizer::Purpose::Prefix,
                                       [&tokens](std::string_view token) { tokens.emplace_back(token); }));
    if (tokens.size() != 1) {
        return QStringList();
    }
    // FTS5 matches a prefix byte for byte, and search_terms compares with memcmp (BINARY): every term that begins
    // with the prefix lies in [prefix, prefix with its last byte raised by one).
    const std::string &from = tokens.front();
    std::string to = from;
    while (!to.empty() && static_cast<unsigned char>(to.back()) == 0xff) {
        to.pop_back();
    }
    if (to.empty()) {
        return QStringList();
    }
    to.back() = char(static_cast<unsigned char>(to.back()) + 1);
    Statement &st = m_db.cached("SELECT term FROM search_terms WHERE term >= ?1 AND term < ?2 LIMIT ?3");
    st.bind(1, from.c_str()).bind(2, to.c_str()).bind(3, kMaxTerms + 1);
    QStringList terms;
    while (st.next()) {
        terms << st.text(0);
    }
    if (st.failed()) {
        Error error = st.error();
        st.reset();
        return error;
    }
    if (terms.size() > kMaxTerms) {
        terms.clear();
    }
    return terms;
}

} // namespace sb
