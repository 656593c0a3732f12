#pragma once
// Explanation: why a core put an item in a slate, as data composed together with the
// score it explains (Recommender::explain). The sentence is for people; the terms are the
// numbers it prints, named and typed, so that a test (tst_recommender_contract) can check
// that the sentence shows the score it sits beside: the addends sum to the total, the
// total is the entry's score, every printed number is a declared term at its printed
// precision, and every cosine, probability, share... lies in its range.

#include "recoscope/core/types.h"

#include <string>
#include <string_view>
#include <vector>

namespace recoscope::core {

struct ItemTable;

/// What a number in an explanation measures; it fixes the range the number must lie in.
enum class Quantity {
    Score,       ///< a score or a part of one: any real number
    Cosine,      ///< a cosine (or Pearson correlation): [-1, 1]
    Similarity,  ///< a non-negative similarity, or a sum of them: [0, inf)
    Probability, ///< [0, 1]
    Share,       ///< a fraction of a whole: [0, 1]
    Count,       ///< how many (possibly weighted): [0, inf)
    Weight,      ///< a non-negative weight, or a weighted sum: [0, inf)
    Duration,    ///< hours or days: [0, inf)
    Label,       ///< an identifier printed as a number ("brand 7", "shopper 12"): any
};

struct ExplanationTerm {
    enum class Role {
        Fact,   ///< context: not part of the score's arithmetic
        Addend, ///< one part of the score: the addends sum to the total
        Total,  ///< the score itself
    };
    std::string name; ///< what it is, e.g. "co-occurrence similarity of item 12 and item 40"
    double value = 0.0;
    Quantity quantity = Quantity::Score;
    Role role = Role::Fact;
    int decimals = 2;     ///< printed with this many decimals...
    bool percent = false; ///< ...of 100 x value, followed by '%'
};

/// What fills one numbered placeholder of Explanation::pattern.
struct ExplanationArg {
    enum class Kind {
        Term,  ///< terms[index], printed by formatTerm()
        Inner, ///< inner[index], rendered from its own pattern
        Name,  ///< `text` verbatim: a core id, a category name (names are not translated)
        Item,  ///< item `item`: "item <id>" (translated by the GUI) followed by `text`, the
               ///< category path as describeItem prints it (" (Kitchen > Kettles)") or ""
    };
    Kind kind = Kind::Name;
    std::size_t index = 0;
    std::string text;
    ItemId item = kNoItem;
};

struct Explanation {
    enum class Basis {
        /// The score is explained: exactly one Total term, equal to the entry's score, and
        /// the addends (if any) sum to it.
        Score,
        /// The score only keeps the display order (a fill-in after the core ran out of
        /// candidates, a uniformly random pick): no Total and no addends.
        Placeholder,
    };
    std::string text; ///< never empty; every number in it is a term (item ids aside)
    Basis basis = Basis::Score;
    std::vector<ExplanationTerm> terms; ///< in the order the text prints them
    /// Explanations of the inner cores a wrapper's text quotes (hybrids, re-rankers): each
    /// accounts for the inner core's own score, not for this entry's.
    std::vector<Explanation> inner;
    /// The text as a message template: `text` with every number, quoted explanation, item
    /// and name replaced by a numbered placeholder %1, %2, ... (in order, args[n-1] fills
    /// %n); a literal '%' is written "%%". The pattern is the stable message id a
    /// translation is keyed on (context "Explanation"): it holds only fixed English words,
    /// chosen among finitely many by the core, never data. renderExplanation(*this) == text.
    std::string pattern;
    std::vector<ExplanationArg> args;

    /// The Total term, or null (placeholders).
    const ExplanationTerm* total() const;
};

/// The digits `term` is printed with: "0.42", "-1.5", "12%".
std::string formatTerm(const ExplanationTerm& term);

/// "item 42" followed by describeItemCategory(): describeItem's two halves.
std::string describeItemCategory(const ItemTable& items, ItemId item);

/// Fills `pattern` ("%1 is worth %2%%") with `args` in one pass: "%n" becomes args[n-1]
/// (n up to 99, two digits read greedily when that many args exist), "%%" becomes '%'.
/// Text inside args is never rescanned. The one placeholder syntax both the core and the
/// GUI (with translated patterns) use.
std::string fillPattern(std::string_view pattern, const std::vector<std::string>& args);

/// The English text rebuilt from pattern and args (items as describeItem prints them):
/// equal to `e.text` for every explanation the builder composed.
std::string renderExplanation(const Explanation& e);

/// Composes an explanation piece by piece: fixed text as is, numbers as terms printed by
/// formatTerm(), quoted inner explanations, items and names. The fixed text goes into the
/// pattern; everything else becomes a placeholder there, so text() must only ever receive
/// fixed English words (literals, or a choice among literals), never data.
class ExplanationBuilder {
public:
    explicit ExplanationBuilder(Explanation::Basis basis = Explanation::Basis::Score) {
        m_e.basis = basis;
    }
    ExplanationBuilder& text(std::string_view s);
    /// Appends describeItem(items, item) ("item 42 (Kitchen > Kettles)").
    ExplanationBuilder& item(const ItemTable& items, ItemId item);
    /// Appends a name verbatim: a core id, a category or feature name.
    ExplanationBuilder& name(std::string_view s);
    /// Appends the number and records it as a term.
    ExplanationBuilder& number(std::string name, double value, Quantity quantity, int decimals,
                               ExplanationTerm::Role role = ExplanationTerm::Role::Fact);
    ExplanationBuilder& percent(std::string name, double value, Quantity quantity, int decimals);
    ExplanationBuilder& fact(std::string name, double value, Quantity quantity, int decimals) {
        return number(std::move(name), value, quantity, decimals);
    }
    ExplanationBuilder& addend(std::string name, double value, int decimals,
                               Quantity quantity = Quantity::Score) {
        return number(std::move(name), value, quantity, decimals, ExplanationTerm::Role::Addend);
    }
    ExplanationBuilder& total(std::string name, double value, Quantity quantity, int decimals) {
        return number(std::move(name), value, quantity, decimals, ExplanationTerm::Role::Total);
    }
    /// Appends `inner`'s text (its terms stay with it, in Explanation::inner).
    ExplanationBuilder& quote(Explanation inner);
    bool empty() const { return m_e.text.empty(); }
    Explanation take() { return std::move(m_e); }

private:
    ExplanationBuilder& placeholder(ExplanationArg arg, std::string_view printed);
    Explanation m_e;
};

} // namespace recoscope::core
