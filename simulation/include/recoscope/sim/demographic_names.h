#pragma once
// The stable names of the population's demographic codes, as exports and reports write
// them. The scenario format fixes the age bands, genders and occupations
// (docs/scenario-format.md); regions have no names: the 0-based position in the
// scenario's `regions` list. A code beyond the named list is written as its number.

#include <QByteArray>

namespace recoscope::sim {

enum class Demographic { AgeBand, Gender, Occupation, Region };

QByteArray demographicName(Demographic attribute, int code);

} // namespace recoscope::sim
