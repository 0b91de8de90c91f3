//! First pass over one dex file (run in parallel across files): the type and method
//! references the call sites will name, and the classes defined here with their supertypes
//! and methods. No code is decoded yet: that needs the whole app's hierarchy first.

use std::borrow::Cow;

use crate::dex::{DexEntry, Multidex, access};

/// What one dex file declares, before interning.
#[derive(Debug, Default)]
pub struct Prepared<'a> {
    /// `type_idx` → descriptor (None when malformed).
    pub types: Vec<Option<Cow<'a, str>>>,
    /// `method_idx` → (declaring class `type_idx`, name `string_idx`, `proto_idx`). The
    /// subsignature text is only built, in one reused buffer, when it is interned
    /// (per-method strings here would be garbage the allocator keeps).
    pub methods: Vec<Option<(u32, u32, u32)>>,
    /// `proto_idx` → `(params)ret`.
    pub protos: Vec<Option<String>>,
    /// Classes defined here whose first definition this is.
    pub classes: Vec<PreClass>,
}

/// A class defined in the dex file.
#[derive(Debug)]
pub struct PreClass {
    /// The class's `type_idx`.
    pub type_idx: u32,
    /// Superclass `type_idx`.
    pub superclass: Option<u32>,
    /// Interface `type_idx`es.
    pub interfaces: Vec<u32>,
    /// Methods defined by the class.
    pub methods: Vec<PreMethod>,
}

/// A method defined in the dex file.
#[derive(Debug, Clone, Copy)]
pub struct PreMethod {
    /// Method id in this dex.
    pub method_idx: u32,
    /// Access flags.
    pub access: u32,
    /// Code item offset (0 for abstract and native methods).
    pub code_off: u32,
    /// The graph node, filled when the hierarchy is merged (`u32::MAX` until then, and
    /// for a method whose id is malformed).
    pub node: u32,
}

/// Read the references and class definitions of dex `d` of `md`.
pub fn prepare<'a>(md: &Multidex<'a>, d: usize, entry: &DexEntry<'a>) -> Prepared<'a> {
    let file = &entry.file;
    let types: Vec<Option<Cow<'a, str>>> = (0..file.type_count())
        .map(|t| file.type_descriptor(t).ok())
        .collect();
    let protos: Vec<Option<String>> = (0..file.proto_count())
        .map(|p| file.proto_descriptor(p).ok())
        .collect();
    let methods = (0..file.method_count())
        .map(|i| {
            let m = file.method_id(i).ok()?;
            Some((u32::from(m.class_idx), m.name_idx, u32::from(m.proto_idx)))
        })
        .collect();
    let mut classes = Vec::new();
    for class_idx in 0..file.class_count() {
        let Ok(def) = file.class_def(class_idx) else {
            continue;
        };
        let Some(Some(descriptor)) = types.get(def.class_idx as usize) else {
            continue;
        };
        // First definition wins, as on the device.
        match md.class(descriptor) {
            Some(loc) if loc.dex == d && loc.class_def == class_idx => {}
            _ => continue,
        }
        let methods = match file.class_data(&def) {
            Ok(Some(data)) => data
                .methods()
                .map(|m| PreMethod {
                    method_idx: m.method_idx,
                    access: m.access_flags,
                    code_off: m.code_off,
                    node: u32::MAX,
                })
                .collect(),
            _ => Vec::new(),
        };
        classes.push(PreClass {
            type_idx: def.class_idx,
            superclass: def.superclass_idx,
            interfaces: file.interfaces(&def).unwrap_or_default(),
            methods,
        });
    }
    Prepared {
        types,
        methods,
        protos,
        classes,
    }
}

/// True when a method is static (no receiver register).
pub fn is_static(access_flags: u32) -> bool {
    access_flags & access::STATIC != 0
}
