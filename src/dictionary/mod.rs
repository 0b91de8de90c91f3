//! Permission and data-type dictionaries (sdk-signatures/permissions.toml, data-types.toml).
