#pragma once

// What the GUI section tests share: a SectionsWorkspace handed to a WorkspaceContext, as the main window does (the
// fixture keeps the clock and ids), named children, and screenshots saved when SWITCHBOARD_SCREENSHOT_DIR is set.

#include "SectionsWorkspace.h"
#include "models/WorkspaceContext.h"

#include <QApplication>
#include <QDir>
#include <QWidget>

#include <memory>

struct Harness {
    SectionsWorkspace w;
    std::unique_ptr<sb::models::WorkspaceContext> ctx;

    Harness() { ctx = std::make_unique<sb::models::WorkspaceContext>(std::move(w.ws), w.clock, w.ids); }
    sb::SqliteDb &db() { return ctx->workspace().db(); }
    qint64 count(const QString &sql) { return db().scalarInt(sql, -1); }
};

// A named child widget (a warning names it when it is missing).
template <typename T> T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found) {
        qWarning("no child %s", name);
    }
    return found;
}

// Saves what a person would see.
inline void screenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SWITCHBOARD_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        return;
    }
    QDir().mkpath(dir);
    QApplication::processEvents(); // layouts and charts settle as they would before the window is seen
    QVERIFY(widget.grab().save(dir + QStringLiteral("/sections-") + name + QStringLiteral(".png")));
}
