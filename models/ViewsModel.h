#pragma once

#include "models/InboxModel.h"
#include "models/ModelRoles.h"

#include <QAbstractItemModel>
#include <QString>

#include <vector>

namespace sb::models {

class WorkspaceContext;

// The inbox's left pane: groups (Views, Status, Accounts, Tags, Saved searches) of views, each an InboxFilter
// with a live count in the second column. The count is the work waiting in that view (open or pending
// conversations); for the Snoozed and Resolved views it is how many they hold.
class ViewsModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewsModel)
public:
    enum Column { NameColumn, CountColumn };

    explicit ViewsModel(WorkspaceContext &ctx, QObject *parent = nullptr);
    ~ViewsModel() override;

    // Re-reads accounts, tags and counts. Keeps indexes when only counts changed.
    void reload();

    bool isView(const QModelIndex &index) const;
    InboxFilter filterAt(const QModelIndex &index) const;
    // The saved_views id of a saved search's entry, empty for other entries.
    QString savedViewId(const QModelIndex &index) const;
    // The view showing this filter (search text ignored), or an invalid index.
    QModelIndex indexOf(const InboxFilter &filter) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Entry {
        QString label;
        QString iconKey;
        QString tooltip;
        InboxFilter filter;
        qint64 count = 0;
        bool countIsTotal = false; // the count is every conversation in the view, not the waiting ones
        bool sameView(const Entry &other) const { return label == other.label && filter == other.filter; }
    };
    struct Group {
        QString title;
        std::vector<Entry> entries;
    };

    std::vector<Group> build();
    const Entry *entryAt(const QModelIndex &index) const;

    WorkspaceContext &m_ctx;
    std::vector<Group> m_groups;
};

} // namespace sb::models
