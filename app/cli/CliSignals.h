#pragma once

namespace sb::cli {

// SIGTERM and SIGINT make the event loop quit (through a self-pipe, so the handler stays async-signal-safe),
// letting `serve` and `sync` finish the current write and exit cleanly.
void quitOnTerminationSignals();
// Which signal asked to quit, 0 if none.
int receivedSignal();

} // namespace sb::cli
