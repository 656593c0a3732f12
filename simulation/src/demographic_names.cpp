#include "recoscope/sim/demographic_names.h"

#include <array>
#include <span>

namespace recoscope::sim {

namespace {

constexpr std::array<const char*, 6> kAgeBands = {"<18", "18-24", "25-34", "35-44", "45-54", "55+"};
constexpr std::array<const char*, 3> kGenders = {"female", "male", "other"};
constexpr std::array<const char*, 6> kOccupations = {"student", "employee", "self-employed",
                                                     "manager", "retired",  "other"};

QByteArray named(std::span<const char* const> names, int code) {
    return code >= 0 && code < static_cast<int>(names.size()) ? QByteArray(names[code])
                                                              : QByteArray::number(code);
}

} // namespace

QByteArray demographicName(Demographic attribute, int code) {
    switch (attribute) {
    case Demographic::AgeBand:
        return named(kAgeBands, code);
    case Demographic::Gender:
        return named(kGenders, code);
    case Demographic::Occupation:
        return named(kOccupations, code);
    case Demographic::Region:
        break;
    }
    return QByteArray::number(code);
}

} // namespace recoscope::sim
