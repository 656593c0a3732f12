#pragma once
// Scenario validation issues (sim::ValidationIssue) in the workbench's language: the kind,
// bound and offending value of each issue are put into a translated sentence, and the
// location (file, line, JSON path) is kept as is. Kinds without a fixed sentence (invalid
// JSON, rules across fields) stay in English.

#include "recoscope/sim/validation_issue.h"

#include <QString>

namespace recoscope::ui {

/// The problem alone: "expected a whole number in [10, 2000000], got the number 5".
QString translatedIssueMessage(const sim::ValidationIssue& issue);
/// With its location: "shop.json:4: $.catalogue.items: expected ...".
QString translatedIssueLine(const sim::ValidationIssue& issue);

} // namespace recoscope::ui
