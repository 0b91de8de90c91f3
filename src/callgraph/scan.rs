//! One pass over a dex file collecting what the call graph needs: classes with their
//! supertypes and methods, and every invoke site with the locally known concrete types of
//! its argument registers (for thread, executor, handler and listener edges).

use std::collections::HashMap;

use crate::dex::insn::{Opcode, Operands};
use crate::dex::{DexEntry, DexFile, InvokeKind, Multidex, access, invoke_site};

/// A class defined in a dex file (first definition only).
#[derive(Debug, Clone)]
pub struct ScannedClass {
    /// `Lcom/x/Y;`.
    pub descriptor: String,
    /// Superclass descriptor.
    pub superclass: Option<String>,
    /// Interface descriptors.
    pub interfaces: Vec<String>,
    /// Methods defined by the class.
    pub methods: Vec<ScannedMethod>,
}

/// A method defined in a dex file.
#[derive(Debug, Clone)]
pub struct ScannedMethod {
    /// Index into the dex file's method ids.
    pub method_idx: u32,
    /// Access flags.
    pub access: u32,
    /// Offset of the code item (0 for abstract/native).
    pub code_off: u32,
    /// Invoke sites, in code order.
    pub calls: Vec<ScannedCall>,
}

/// An invoke site.
#[derive(Debug, Clone)]
pub struct ScannedCall {
    /// Code offset in code units.
    pub offset: u32,
    /// Invoke kind.
    pub kind: InvokeKind,
    /// Target method index in the same dex.
    pub target: u32,
    /// For each argument register (receiver first), the type index of the object a
    /// `new-instance` in this method put there, when known.
    pub arg_types: Vec<Option<u32>>,
    /// For a receiver built as `new Thread(runnable)`, the runnable's type index.
    pub wrapped: Option<u32>,
}

/// What one dex file contributes, plus its method signature table.
#[derive(Debug, Default)]
pub struct DexScan {
    /// Classes defined here (duplicates of an earlier dex skipped).
    pub classes: Vec<ScannedClass>,
    /// `method_idx` → `Lcls;->name(proto)ret` (None when the id is malformed).
    pub signatures: Vec<Option<String>>,
    /// `type_idx` → descriptor, filled for the types `arg_types` mention.
    pub types: HashMap<u32, String>,
    /// Methods whose code could not be decoded completely.
    pub broken_methods: u64,
}

const THREAD_INIT: &str = "Ljava/lang/Thread;-><init>";

/// Scan dex `d` of `md`.
pub fn scan_dex(md: &Multidex<'_>, d: usize, entry: &DexEntry<'_>) -> DexScan {
    let file = &entry.file;
    let signatures: Vec<Option<String>> = (0..file.method_count())
        .map(|i| file.method_signature(i).ok())
        .collect();
    let mut out = DexScan {
        signatures,
        ..DexScan::default()
    };
    for class_idx in 0..file.class_count() {
        let Ok(def) = file.class_def(class_idx) else {
            continue;
        };
        let Ok(descriptor) = file.type_descriptor(def.class_idx) else {
            continue;
        };
        // First definition wins, as on the device.
        match md.class(&descriptor) {
            Some(loc) if loc.dex == d && loc.class_def == class_idx => {}
            _ => continue,
        }
        let superclass = def
            .superclass_idx
            .and_then(|i| file.type_descriptor(i).ok())
            .map(|s| s.into_owned());
        let interfaces = file
            .interfaces(&def)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|i| file.type_descriptor(i).ok().map(|s| s.into_owned()))
            .collect();
        let mut methods = Vec::new();
        if let Ok(Some(data)) = file.class_data(&def) {
            for m in data.methods() {
                let calls = match scan_code(file, m.code_off, &out.signatures, &mut out.types) {
                    Ok(calls) => calls,
                    Err(calls) => {
                        out.broken_methods += 1;
                        calls
                    }
                };
                methods.push(ScannedMethod {
                    method_idx: m.method_idx,
                    access: m.access_flags,
                    code_off: m.code_off,
                    calls,
                });
            }
        }
        out.classes.push(ScannedClass {
            descriptor: descriptor.into_owned(),
            superclass,
            interfaces,
            methods,
        });
    }
    out
}

/// Collect the invoke sites of one method. `Err` carries the sites found before the
/// code stopped decoding.
fn scan_code(
    file: &DexFile<'_>,
    code_off: u32,
    signatures: &[Option<String>],
    types: &mut HashMap<u32, String>,
) -> Result<Vec<ScannedCall>, Vec<ScannedCall>> {
    let code = match file.code_item(code_off) {
        Ok(Some(code)) => code,
        Ok(None) => return Ok(Vec::new()),
        Err(_) => return Err(Vec::new()),
    };
    let mut calls = Vec::new();
    // Register → type index of the `new-instance` that last wrote it (linear
    // approximation: good enough to name the Runnable handed to an executor).
    let mut reg_type: HashMap<u16, u32> = HashMap::new();
    let mut thread_runnable: HashMap<u16, u32> = HashMap::new();
    for insn in code.instructions() {
        let Ok(insn) = insn else {
            return Err(calls);
        };
        if let Some(site) = invoke_site(&insn) {
            let regs: Vec<u32> = site.args.iter().collect();
            let arg_types: Vec<Option<u32>> = regs
                .iter()
                .map(|r| {
                    u16::try_from(*r)
                        .ok()
                        .and_then(|r| reg_type.get(&r).copied())
                })
                .collect();
            let sig = signatures
                .get(site.target as usize)
                .and_then(|s| s.as_deref())
                .unwrap_or("");
            let receiver = regs.first().and_then(|r| u16::try_from(*r).ok());
            if sig.starts_with(THREAD_INIT)
                && let (Some(recv), Some(Some(t))) = (receiver, arg_types.get(1))
            {
                thread_runnable.insert(recv, *t);
            }
            let wrapped = receiver.and_then(|r| thread_runnable.get(&r).copied());
            if arg_types.iter().any(Option::is_some) || wrapped.is_some() {
                for t in arg_types.iter().flatten().chain(wrapped.iter()) {
                    if let std::collections::hash_map::Entry::Vacant(v) = types.entry(*t)
                        && let Ok(desc) = file.type_descriptor(*t)
                    {
                        v.insert(desc.into_owned());
                    }
                }
            }
            if !matches!(site.kind, InvokeKind::Custom | InvokeKind::VirtualQuick) {
                calls.push(ScannedCall {
                    offset: site.offset,
                    kind: site.kind,
                    target: site.target,
                    arg_types,
                    wrapped,
                });
            }
            continue;
        }
        match (insn.opcode, insn.operands) {
            (Opcode::NEW_INSTANCE, Operands::Index { a, index }) => {
                reg_type.insert(a, index);
                thread_runnable.remove(&a);
            }
            (
                Opcode::MOVE_OBJECT | Opcode::MOVE_OBJECT_FROM16 | Opcode::MOVE_OBJECT_16,
                Operands::AB { a, b },
            ) => {
                match reg_type.get(&b).copied() {
                    Some(t) => reg_type.insert(a, t),
                    None => reg_type.remove(&a),
                };
                match thread_runnable.get(&b).copied() {
                    Some(t) => thread_runnable.insert(a, t),
                    None => thread_runnable.remove(&a),
                };
            }
            (
                op,
                Operands::A { a }
                | Operands::Index { a, .. }
                | Operands::Literal { a, .. }
                | Operands::IndexAB { a, .. },
            ) if writes_first_register(op) => {
                reg_type.remove(&a);
                thread_runnable.remove(&a);
            }
            _ => {}
        }
    }
    Ok(calls)
}

/// Opcodes whose first register is a destination holding a new object reference.
fn writes_first_register(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::MOVE_RESULT_OBJECT
            | Opcode::CONST_STRING
            | Opcode::CONST_STRING_JUMBO
            | Opcode::CONST_CLASS
            | Opcode::SGET_OBJECT
            | Opcode::IGET_OBJECT
            | Opcode::NEW_ARRAY
            | Opcode::CONST_4
            | Opcode::CONST_16
            | Opcode::CONST
    )
}

/// True when a method is static (no receiver register).
pub fn is_static(access_flags: u32) -> bool {
    access_flags & access::STATIC != 0
}
