#pragma once
// The run store's schema: the version 1 tables and one migration per later version
// (run_store_schema.cpp). Private to RunStore.

namespace recoscope::sim::schema {

/// Creates the version 1 tables and sets user_version = 1.
extern const char* const kV1;
/// kMigrations[v - 1] takes a store from version v to v + 1 (and sets user_version).
inline constexpr int kMigrationCount = 7;
extern const char* const kMigrations[kMigrationCount];

} // namespace recoscope::sim::schema
