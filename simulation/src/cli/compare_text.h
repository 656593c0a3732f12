#pragma once
// Wording and number formats of `recoscope-cli compare`'s output (compare_command.cpp).

#include <QString>

#include <cstddef>
#include <string>

namespace recoscope::sim {

/// Decimals by scale: money and latency 2, counts 0, rates and other figures 5.
int decimalsFor(const std::string& metric);

/// The statistical method, as the text and the JSON state it.
QString methodText(std::size_t pairs);

} // namespace recoscope::sim
