#pragma once
// The explanation contract (recoscope/core/explanation.h, Recommender::explain), checked
// from the outside: the contract suite runs it on every registered core. Independent of
// the cores' code: the sentence is read back with regular expressions, the arithmetic
// redone here.

#include "recoscope/core/explanation.h"
#include "recoscope/core/slate.h"

#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>

namespace recoscope::test {

namespace detail {

inline double printedValue(const core::ExplanationTerm& t) {
    std::string s = core::formatTerm(t);
    if (!s.empty() && s.back() == '%')
        s.pop_back();
    const double v = std::stod(s);
    return t.percent ? v / 100.0 : v;
}

inline double halfUnit(const core::ExplanationTerm& t) {
    return 0.5 * std::pow(10.0, -t.decimals) * (t.percent ? 0.01 : 1.0);
}

inline std::string termString(const core::ExplanationTerm& t) {
    std::string s = core::formatTerm(t);
    if (!s.empty() && s.back() == '%')
        s.pop_back();
    return s;
}

inline bool inRange(double v, core::Quantity q) {
    const double eps = 1e-5 * std::max(1.0, std::abs(v));
    switch (q) {
    case core::Quantity::Cosine:
        return v >= -1.0 - eps && v <= 1.0 + eps;
    case core::Quantity::Probability:
    case core::Quantity::Share:
        return v >= -eps && v <= 1.0 + eps;
    case core::Quantity::Similarity:
    case core::Quantity::Count:
    case core::Quantity::Weight:
    case core::Quantity::Duration:
        return v >= -eps;
    case core::Quantity::Score:
    case core::Quantity::Label:
        return std::isfinite(v);
    }
    return false;
}

inline void collectTerms(const core::Explanation& e, std::set<std::string>& out) {
    for (const core::ExplanationTerm& t : e.terms)
        out.insert(termString(t));
    for (const core::Explanation& i : e.inner)
        collectTerms(i, out);
}

// The message template (docs/decisions/0020-translatable-core-text.md): the pattern with
// its args gives back the text exactly, and its fixed words hold no data. A number left in
// the pattern outside a placeholder (a digit not inside a word such as "UCB1") is a number
// or an id that went through text(): the pattern would then differ for every item and
// never find its translation. (Mutation seen failing here: a stale content core writing
// describeItem() through text() gave "item 208 (Top2 > Leaf2.1) matches ...".)
inline std::string checkPattern(const core::Explanation& e) {
    if (core::renderExplanation(e) != e.text)
        return "pattern '" + e.pattern + "' does not render the text: " + e.text;
    std::string fixed;
    for (std::size_t i = 0; i < e.pattern.size(); ++i) {
        if (e.pattern[i] == '%' && i + 1 < e.pattern.size()) {
            ++i;
            if (e.pattern[i] != '%')
                while (i + 1 < e.pattern.size() &&
                       std::isdigit(static_cast<unsigned char>(e.pattern[i + 1])))
                    ++i;
            continue;
        }
        fixed += e.pattern[i];
    }
    for (std::size_t i = 0; i < fixed.size(); ++i)
        if (std::isdigit(static_cast<unsigned char>(fixed[i])) &&
            (i == 0 || !std::isalpha(static_cast<unsigned char>(fixed[i - 1]))))
            return "pattern '" + e.pattern + "' holds a number outside its placeholders";
    for (const core::ExplanationArg& a : e.args)
        if ((a.kind == core::ExplanationArg::Kind::Term && a.index >= e.terms.size()) ||
            (a.kind == core::ExplanationArg::Kind::Inner && a.index >= e.inner.size()))
            return "pattern '" + e.pattern + "' has an argument out of range";
    // RECOSCOPE_EXPLANATION_PATTERNS=FILE collects the patterns met, one per line, for
    // resources/translations/update_explanation_strings.py.
    if (const char* dump = std::getenv("RECOSCOPE_EXPLANATION_PATTERNS"))
        std::ofstream(dump, std::ios::app) << e.pattern << '\n';
    return {};
}

// Terms, ranges, names and the arithmetic of one explanation (and of those it quotes).
inline std::string checkOne(const core::Explanation& e, const core::SlateEntry* entry) {
    if (e.text.size() < 10)
        return "explanation is empty or not a sentence: '" + e.text + "'";
    if (std::string f = checkPattern(e); !f.empty())
        return f;
    int totals = 0, addends = 0;
    double sum = 0.0, printedSum = 0.0, slack = 0.0, magnitude = 0.0;
    for (const core::ExplanationTerm& t : e.terms) {
        const std::string shown = core::formatTerm(t);
        if (e.text.find(shown) == std::string::npos)
            return "term '" + t.name + "' (" + shown + ") is not in the text: " + e.text;
        if (!inRange(t.value, t.quantity))
            return "term '" + t.name + "' = " + std::to_string(t.value) +
                   " is outside the range of its quantity: " + e.text;
        // A name that says what the number is must carry the matching range.
        const QString name = QString::fromStdString(t.name).toLower();
        if (name.contains(QLatin1String("cosine")) && t.quantity != core::Quantity::Cosine)
            return "term '" + t.name + "' is called a cosine but is not typed as one";
        if (name.contains(QLatin1String("probability")) &&
            t.quantity != core::Quantity::Probability)
            return "term '" + t.name + "' is called a probability but is not typed as one";
        static const QRegularExpression shareWord(QStringLiteral("\\bshare\\b"));
        if (name.contains(shareWord) && t.quantity != core::Quantity::Share)
            return "term '" + t.name + "' is called a share but is not typed as one";
        if (name.contains(QLatin1String("similarity")) &&
            t.quantity != core::Quantity::Similarity && t.quantity != core::Quantity::Cosine)
            return "term '" + t.name + "' is called a similarity but is not typed as one";
        if (t.role == core::ExplanationTerm::Role::Total)
            ++totals;
        if (t.role == core::ExplanationTerm::Role::Addend) {
            ++addends;
            sum += t.value;
            printedSum += printedValue(t);
            slack += halfUnit(t);
            magnitude += std::abs(t.value);
        }
    }
    const core::ExplanationTerm* total = e.total();
    if (e.basis == core::Explanation::Basis::Placeholder) {
        if (totals || addends)
            return "a placeholder explanation must not claim a score: " + e.text;
    } else {
        if (totals != 1)
            return "a score explanation needs exactly one total, found " + std::to_string(totals) +
                   ": " + e.text;
        // Cores compute in float, explanations in double: 1e-4 relative is far below any
        // printed digit and far above float rounding.
        const double tol = 1e-4 * (1.0 + magnitude + std::abs(total->value));
        if (entry) {
            if (std::abs(total->value - entry->score) > tol)
                return "the total " + std::to_string(total->value) + " is not the entry's score " +
                       std::to_string(entry->score) + ": " + e.text;
            if (std::abs(printedValue(*total) - entry->score) > halfUnit(*total) + tol)
                return "the printed total " + core::formatTerm(*total) +
                       " does not round the entry's score " + std::to_string(entry->score);
        }
        if (addends) {
            if (std::abs(sum - total->value) > tol)
                return "the addends sum to " + std::to_string(sum) + ", not to the total " +
                       std::to_string(total->value) + ": " + e.text;
            if (std::abs(printedSum - printedValue(*total)) > slack + halfUnit(*total) + tol)
                return "the printed addends sum to " + std::to_string(printedSum) +
                       ", not to the printed total " + core::formatTerm(*total) + ": " + e.text;
        }
    }
    for (const core::Explanation& i : e.inner)
        if (std::string f = checkOne(i, nullptr); !f.empty())
            return "quoted explanation: " + f;
    return {};
}

} // namespace detail

/// Empty when `e`, composed for `entry` right after it was served, keeps the contract;
/// otherwise what is wrong.
inline std::string checkExplanation(const core::Explanation& e, const core::SlateEntry& entry) {
    if (std::string f = detail::checkOne(e, &entry); !f.empty())
        return f;
    // Every number the sentence prints (item ids and their category names aside) is a
    // declared term, at its printed precision: nothing escapes the checks above.
    std::set<std::string> declared;
    detail::collectTerms(e, declared);
    QString text = QString::fromStdString(e.text);
    static const QRegularExpression itemRef(QStringLiteral("\\bitem \\d+( \\([^()]*\\))?"),
                                            QRegularExpression::CaseInsensitiveOption);
    text.replace(itemRef, QStringLiteral("ITEM"));
    static const QRegularExpression number(QStringLiteral("(?<![\\w.])-?\\d+(\\.\\d+)?(?!\\w)"));
    for (auto it = number.globalMatch(text); it.hasNext();) {
        const QString token = it.next().captured(0);
        if (!declared.count(token.toStdString()))
            return "the number " + token.toStdString() +
                   " in the text is not a declared term: " + e.text;
    }
    // A number right after a word naming a bounded quantity lies in that quantity's
    // range, whatever the core declared it as ("cosine similarity 2.02" fails here).
    static const QRegularExpression named(
        QStringLiteral("\\b(cosine|correlation|probability|share|similarity)\\b[^0-9]{0,30}?"
                       "(?<![\\w.])(-?\\d+(?:\\.\\d+)?)(%?)"),
        QRegularExpression::CaseInsensitiveOption);
    for (auto it = named.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString word = m.captured(1).toLower();
        double v = m.captured(2).toDouble();
        if (!m.captured(3).isEmpty())
            v /= 100.0;
        const bool ok = word == QLatin1String("similarity") ? v >= 0.0
                        : (word == QLatin1String("cosine") || word == QLatin1String("correlation"))
                            ? v >= -1.0 && v <= 1.0
                            : v >= 0.0 && v <= 1.0;
        if (!ok)
            return "'" + m.captured(0).toStdString() + "' is outside the range of a " +
                   word.toStdString() + ": " + e.text;
    }
    return {};
}

} // namespace recoscope::test
