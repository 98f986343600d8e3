#pragma once

#include "models/ModelRoles.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace sb::ui::icons {

// The icon for a key such as "section-inbox", "network-mastodon", "status-open", "sla-overdue", "health-ok",
// "view-mine" or "tag" (resources/icons/<key>.svg). Monochrome icons take the palette's text colour, so they
// stay readable in dark mode. Unknown keys give a null icon.
QIcon forKey(const QString &key);

// One colour per state, shared by every section, always shown next to a text or a distinct icon shape.
QColor statusColor(const QString &status); // open, pending, snoozed, resolved
QColor slaColor(models::SlaState state); // on time, due soon, overdue
QColor healthColor(const QString &healthKey); // ok, warning, error, paused

// Blends two colours; t = 0 gives a, t = 1 gives b. For tints that follow the palette (light or dark).
QColor mix(const QColor &a, const QColor &b, qreal t);

} // namespace sb::ui::icons
