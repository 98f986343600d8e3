#include "ui/InboxEmptyState.h"

#include "ui/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

InboxEmptyState::InboxEmptyState(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("inboxEmptyState"));
    auto *icon = new QLabel(this);
    icon->setPixmap(icons::forKey(QStringLiteral("section-inbox")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignCenter);
    auto *text = new QLabel(tr("Add a Mastodon or Bluesky account and its mentions, replies and direct messages "
                               "arrive here, or look around a demo workspace first."),
                            this);
    text->setObjectName(QStringLiteral("inboxEmptyText"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setFixedWidth(text->fontMetrics().averageCharWidth() * 60);
    auto *add = new QPushButton(tr("&Add an account"), this);
    add->setObjectName(QStringLiteral("addAccountButton"));
    add->setDefault(true);
    auto *demo = new QPushButton(tr("Open the &demo workspace"), this);
    demo->setObjectName(QStringLiteral("openDemoButton"));
    connect(add, &QPushButton::clicked, this, &InboxEmptyState::addAccountRequested);
    connect(demo, &QPushButton::clicked, this, &InboxEmptyState::demoRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(add);
    buttons->addWidget(demo);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(icon);
    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(text);
    centred->addStretch(1);
    layout->addLayout(centred);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    layout->addStretch(2);
}

} // namespace sb::ui
