#include "recoscope/core/explanation.h"

#include <cstdio>

namespace recoscope::core {

const ExplanationTerm* Explanation::total() const {
    for (const ExplanationTerm& t : terms)
        if (t.role == ExplanationTerm::Role::Total)
            return &t;
    return nullptr;
}

std::string formatTerm(const ExplanationTerm& term) {
    // Fixed decimals in the C locale: explanations are English data, read back by tests.
    char buf[64];
    const double v = term.percent ? 100.0 * term.value : term.value;
    std::snprintf(buf, sizeof buf, "%.*f", term.decimals, v);
    std::string s = buf;
    if (s == "-0" || s.find_first_not_of("-0.") == std::string::npos)
        if (s.front() == '-')
            s.erase(0, 1); // "-0.00" reads as a negative number; it is zero as printed
    return term.percent ? s + "%" : s;
}

ExplanationBuilder& ExplanationBuilder::number(std::string name, double value, Quantity quantity,
                                               int decimals, ExplanationTerm::Role role) {
    ExplanationTerm t{std::move(name), value, quantity, role, decimals, false};
    m_e.text += formatTerm(t);
    m_e.terms.push_back(std::move(t));
    return *this;
}

ExplanationBuilder& ExplanationBuilder::percent(std::string name, double value, Quantity quantity,
                                                int decimals) {
    ExplanationTerm t{std::move(name), value, quantity, ExplanationTerm::Role::Fact,
                      decimals,        true};
    m_e.text += formatTerm(t);
    m_e.terms.push_back(std::move(t));
    return *this;
}

ExplanationBuilder& ExplanationBuilder::quote(Explanation inner) {
    m_e.text += inner.text;
    m_e.inner.push_back(std::move(inner));
    return *this;
}

} // namespace recoscope::core
