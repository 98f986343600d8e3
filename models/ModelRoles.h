#pragma once

#include <Qt>

namespace sb::models {

// Roles shared by the item models, so views and delegates can read typed data instead of parsing display text.
// Append new roles at the end: sections compare against these values.
enum Role {
    IdRole = Qt::UserRole + 1, // QString: the row's primary key (conversation, employee, item, ...)
    StatusRole, // QString: machine name of a status or state ("open", "in_review", ...)
    SortKeyRole, // qint64 or QString used for stable ordering
    NetworkRole, // QString: "mastodon" or "bluesky"
    SlaStateRole, // int: SlaState
    SlaDueRole, // qint64: SLA due time, ms since epoch (0 when none)
    UnreadRole, // bool
    AssigneeIdRole, // QString: employee id, empty when unassigned
    AccountIdRole, // QString
    TimestampRole, // qint64: ms since epoch of the row's main time
    EmployeeRoleRole, // QString: machine name of an employee's role ("manager", ...)
    CountRole, // qint64: a view's live count
    HeaderRole, // bool: the row is a group heading, not a selectable entry
    PriorityRole, // int 0..3
    DirectionRole, // QString: "in", "out" or "note" (thread entries)
    AuthorRole, // QString: display name of a row's author
    TextRole, // QString: plain text body
    IconKeyRole, // QString: which icon the view shows ("status-open", "network-bluesky", ...)
    DetailRole, // QString: secondary text (a review comment, a last error, a handle)
    MatchRole, // QString: a search hit's excerpt, matched words between kMatchStart and kMatchEnd
};

// Markers around the matched words in MatchRole text (private-use characters, never in real text: the ingest
// path stores what the networks send, and these are replaced when excerpts are made).
inline constexpr char16_t kMatchStart = u'\uE000';
inline constexpr char16_t kMatchEnd = u'\uE001';

// How a conversation stands against its promised first-response time.
enum class SlaState {
    None, // resolved, already answered, or no promise
    OnTime, // more than the warning window left
    DueSoon, // due within the warning window
    Overdue, // past due and still unanswered
};

} // namespace sb::models
