#pragma once
// Registers Recoscope's compiled-in resources (built-in scenarios). Static libraries do
// not run resource initialisers on their own; call this once before reading
// ":/recoscope/...". Safe to call repeatedly and from any thread.

namespace recoscope {
void initResources();
} // namespace recoscope
