#pragma once
// Core explanations in the GUI's language. Core composes each explanation with a message
// template (core::Explanation::pattern, English, numbered placeholders) and the arguments
// that fill it; here the template is translated in the "Explanation" context and filled
// with the same arguments, numbers printed exactly as core::formatTerm() prints them, so
// the translated sentence shows the same digits as the English one
// (docs/decisions/0020-translatable-core-text.md).

#include "recoscope/core/explanation.h"

#include <QString>

namespace recoscope::ui {

/// "item 42" in the current language followed by `category` as core printed it
/// (" (Kitchen > Kettles)": category names are data and stay as they are).
QString itemLabel(core::ItemId item, const QString& category);

/// The explanation in the current language. A template without a translation (a sentence
/// the catalogue has not met yet) shows core's English text whole rather than a mixture.
/// Quoted inner explanations are translated the same way, each on its own.
QString explanationText(const core::Explanation& e);

/// True when the current translators know e's template (or the language is English, where
/// the template is its own translation); the walk test uses it to name untranslated ones.
bool explanationTranslated(const core::Explanation& e);

} // namespace recoscope::ui
