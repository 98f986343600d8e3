#pragma once

#include <Qt>

namespace sb::models {

// Roles shared by the item models, so views and delegates can read typed data.
enum Role {
    IdRole = Qt::UserRole + 1,
    StatusRole,
    SortKeyRole,
};

} // namespace sb::models
