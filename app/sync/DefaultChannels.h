#pragma once

#include "sync/SyncService.h"

#include <memory>

namespace sb {

// The channel implementation for an account's network (Mastodon; Bluesky with its issue), or nullptr.
std::unique_ptr<Channel> makeChannel(const ChannelContext &context);
// Registers makeChannel for every supported network.
void registerDefaultChannels(SyncService &service);

} // namespace sb
