#pragma once

#include <QLabel>

namespace sb {
class SqliteDb;
}

namespace sb::ui {

// The status bar's word on team mode: hidden for a workspace of its own; in a team "Team: online" or "Team: offline"
// with the number of changes waiting to be shared, and the database, the accounts this workstation syncs and the
// last error in the tooltip. Reads what the sync thread (or `serve`) records in the workspace (settings team_state).
class TeamStatusLabel final : public QLabel {
    Q_OBJECT
public:
    explicit TeamStatusLabel(QWidget *parent = nullptr);
    void refresh(SqliteDb &db);
};

} // namespace sb::ui
