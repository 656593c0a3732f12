#include "recoscope/core/explanation.h"

#include "recoscope/core/shop.h"

#include <cassert>
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

std::string describeItemCategory(const ItemTable& items, ItemId item) {
    const std::string whole = describeItem(items, item);
    const std::string head = "item " + std::to_string(item);
    assert(whole.compare(0, head.size(), head) == 0);
    return whole.substr(head.size());
}

std::string fillPattern(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size() + 16 * args.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c != '%' || i + 1 >= pattern.size()) {
            out += c;
            continue;
        }
        const char d = pattern[i + 1];
        if (d == '%') {
            out += '%';
            ++i;
            continue;
        }
        if (d < '1' || d > '9') {
            out += c;
            continue;
        }
        std::size_t n = static_cast<std::size_t>(d - '0');
        std::size_t used = 1;
        // Two digits when that many args exist ("%12"); otherwise "%1" then a literal '2'.
        if (i + 2 < pattern.size() && pattern[i + 2] >= '0' && pattern[i + 2] <= '9') {
            const std::size_t two = n * 10 + static_cast<std::size_t>(pattern[i + 2] - '0');
            if (two <= args.size()) {
                n = two;
                used = 2;
            }
        }
        if (n > args.size()) { // not ours: keep it as written
            out += c;
            continue;
        }
        out += args[n - 1];
        i += used;
    }
    return out;
}

std::string renderExplanation(const Explanation& e) {
    std::vector<std::string> args;
    args.reserve(e.args.size());
    for (const ExplanationArg& a : e.args) {
        switch (a.kind) {
        case ExplanationArg::Kind::Term:
            args.push_back(formatTerm(e.terms[a.index]));
            break;
        case ExplanationArg::Kind::Inner:
            args.push_back(renderExplanation(e.inner[a.index]));
            break;
        case ExplanationArg::Kind::Name:
            args.push_back(a.text);
            break;
        case ExplanationArg::Kind::Item:
            args.push_back("item " + std::to_string(a.item) + a.text);
            break;
        }
    }
    return fillPattern(e.pattern, args);
}

ExplanationBuilder& ExplanationBuilder::text(std::string_view s) {
    m_e.text += s;
    for (const char c : s) {
        m_e.pattern += c;
        if (c == '%')
            m_e.pattern += '%';
    }
    return *this;
}

ExplanationBuilder& ExplanationBuilder::placeholder(ExplanationArg arg, std::string_view printed) {
    m_e.text += printed;
    m_e.args.push_back(std::move(arg));
    m_e.pattern += '%';
    m_e.pattern += std::to_string(m_e.args.size());
    return *this;
}

ExplanationBuilder& ExplanationBuilder::item(const ItemTable& items, ItemId item) {
    ExplanationArg a;
    a.kind = ExplanationArg::Kind::Item;
    a.item = item;
    a.text = describeItemCategory(items, item);
    return placeholder(std::move(a), describeItem(items, item));
}

ExplanationBuilder& ExplanationBuilder::name(std::string_view s) {
    ExplanationArg a;
    a.kind = ExplanationArg::Kind::Name;
    a.text = std::string(s);
    return placeholder(std::move(a), s);
}

ExplanationBuilder& ExplanationBuilder::number(std::string name, double value, Quantity quantity,
                                               int decimals, ExplanationTerm::Role role) {
    ExplanationTerm t{std::move(name), value, quantity, role, decimals, false};
    const std::string printed = formatTerm(t);
    m_e.terms.push_back(std::move(t));
    ExplanationArg a;
    a.kind = ExplanationArg::Kind::Term;
    a.index = m_e.terms.size() - 1;
    return placeholder(std::move(a), printed);
}

ExplanationBuilder& ExplanationBuilder::percent(std::string name, double value, Quantity quantity,
                                                int decimals) {
    ExplanationTerm t{std::move(name), value, quantity, ExplanationTerm::Role::Fact,
                      decimals,        true};
    const std::string printed = formatTerm(t);
    m_e.terms.push_back(std::move(t));
    ExplanationArg a;
    a.kind = ExplanationArg::Kind::Term;
    a.index = m_e.terms.size() - 1;
    return placeholder(std::move(a), printed);
}

ExplanationBuilder& ExplanationBuilder::quote(Explanation inner) {
    const std::string printed = inner.text;
    m_e.inner.push_back(std::move(inner));
    ExplanationArg a;
    a.kind = ExplanationArg::Kind::Inner;
    a.index = m_e.inner.size() - 1;
    return placeholder(std::move(a), printed);
}

} // namespace recoscope::core
