//! What a method's bytecode references: invoke sites, string constants, field accesses and
//! type uses, each with its code offset, so evidence can say `Lcom/x/Y;->m()V @0x1a`.
//! Indices are kept raw; resolve them with the method's [`DexFile`](super::DexFile).

use super::code_item::CodeItem;
use super::error::DexResult;
use super::insn::{Args, Instruction, Opcode, Operands};

/// The kind of an invoke instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InvokeKind {
    /// `invoke-virtual`.
    Virtual,
    /// `invoke-super`.
    Super,
    /// `invoke-direct`.
    Direct,
    /// `invoke-static`.
    Static,
    /// `invoke-interface`.
    Interface,
    /// `invoke-polymorphic` (`MethodHandle.invoke*`, `VarHandle`).
    Polymorphic,
    /// `invoke-custom` (`invokedynamic`: the index is a call site).
    Custom,
    /// odex `invoke-virtual-quick` (the index is a vtable slot, not a method).
    VirtualQuick,
}

/// One invoke instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvokeSite {
    /// Code offset in code units.
    pub offset: u32,
    /// Which invoke.
    pub kind: InvokeKind,
    /// The `/range` form.
    pub range: bool,
    /// Method index (call site index for [`InvokeKind::Custom`], vtable slot for
    /// [`InvokeKind::VirtualQuick`]).
    pub target: u32,
    /// Proto index of `invoke-polymorphic`.
    pub proto: Option<u32>,
    /// Argument registers (the receiver first for instance calls).
    pub args: Args,
}

/// A `const-string` or `const-string/jumbo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StringConst {
    /// Code offset in code units.
    pub offset: u32,
    /// Destination register.
    pub register: u16,
    /// String index.
    pub string_idx: u32,
}

/// An `sget*`/`sput*`/`iget*`/`iput*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldAccess {
    /// Code offset in code units.
    pub offset: u32,
    /// Field index.
    pub field_idx: u32,
    /// Static (`sget`/`sput`) rather than instance access.
    pub is_static: bool,
    /// A write (`*put`) rather than a read.
    pub is_write: bool,
    /// The value register.
    pub register: u16,
}

/// How an instruction uses a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TypeUseKind {
    /// `new-instance`.
    NewInstance,
    /// `const-class`.
    ConstClass,
    /// `check-cast`.
    CheckCast,
    /// `instance-of`.
    InstanceOf,
    /// `new-array`.
    NewArray,
    /// `filled-new-array(/range)`.
    FilledNewArray,
}

/// An instruction that names a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeUse {
    /// Code offset in code units.
    pub offset: u32,
    /// Type index.
    pub type_idx: u32,
    /// How it is used.
    pub kind: TypeUseKind,
}

/// Everything [`MethodFacts::collect`] extracts from one method.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MethodFacts {
    /// Number of instructions (payloads excluded).
    pub instructions: u32,
    /// Invoke sites in code order.
    pub invokes: Vec<InvokeSite>,
    /// String constants in code order.
    pub strings: Vec<StringConst>,
    /// Field accesses in code order.
    pub fields: Vec<FieldAccess>,
    /// Type uses in code order.
    pub types: Vec<TypeUse>,
}

impl MethodFacts {
    /// Decode `code` and collect its facts.
    pub fn collect(code: &CodeItem<'_>) -> DexResult<MethodFacts> {
        let mut facts = MethodFacts::default();
        facts.collect_into(code)?;
        Ok(facts)
    }

    /// Like [`MethodFacts::collect`] but reusing this value's buffers (cleared first).
    /// On a decoding error the facts gathered before it are kept.
    pub fn collect_into(&mut self, code: &CodeItem<'_>) -> DexResult<()> {
        self.instructions = 0;
        self.invokes.clear();
        self.strings.clear();
        self.fields.clear();
        self.types.clear();
        for insn in code.instructions() {
            self.add(&insn?);
        }
        Ok(())
    }

    /// Record one decoded instruction.
    pub fn add(&mut self, insn: &Instruction<'_>) {
        if insn.is_payload() {
            return;
        }
        self.instructions += 1;
        let op = insn.opcode;
        if let Some(site) = invoke_site(insn) {
            self.invokes.push(site);
            return;
        }
        match insn.operands {
            Operands::Index { a, index } => match op {
                Opcode::CONST_STRING | Opcode::CONST_STRING_JUMBO => {
                    self.strings.push(StringConst {
                        offset: insn.offset,
                        register: a,
                        string_idx: index,
                    })
                }
                Opcode::NEW_INSTANCE => self.type_use(insn, index, TypeUseKind::NewInstance),
                Opcode::CONST_CLASS => self.type_use(insn, index, TypeUseKind::ConstClass),
                Opcode::CHECK_CAST => self.type_use(insn, index, TypeUseKind::CheckCast),
                o if (Opcode::SGET.0..=Opcode::SPUT_SHORT.0).contains(&o.0) => {
                    self.fields.push(FieldAccess {
                        offset: insn.offset,
                        field_idx: index,
                        is_static: true,
                        is_write: o.0 >= Opcode::SPUT.0,
                        register: a,
                    })
                }
                _ => {}
            },
            Operands::IndexAB { a, index, .. } => match op {
                Opcode::INSTANCE_OF => self.type_use(insn, index, TypeUseKind::InstanceOf),
                Opcode::NEW_ARRAY => self.type_use(insn, index, TypeUseKind::NewArray),
                o if (Opcode::IGET.0..=Opcode::IPUT_SHORT.0).contains(&o.0) => {
                    self.fields.push(FieldAccess {
                        offset: insn.offset,
                        field_idx: index,
                        is_static: false,
                        is_write: o.0 >= Opcode::IPUT.0,
                        register: a,
                    })
                }
                _ => {}
            },
            Operands::Invoke { index, .. }
                if matches!(
                    op,
                    Opcode::FILLED_NEW_ARRAY | Opcode::FILLED_NEW_ARRAY_RANGE
                ) =>
            {
                self.type_use(insn, index, TypeUseKind::FilledNewArray)
            }
            _ => {}
        }
    }

    fn type_use(&mut self, insn: &Instruction<'_>, type_idx: u32, kind: TypeUseKind) {
        self.types.push(TypeUse {
            offset: insn.offset,
            type_idx,
            kind,
        });
    }
}

/// The invoke site of `insn`, if it is an invoke.
pub fn invoke_site(insn: &Instruction<'_>) -> Option<InvokeSite> {
    let op = insn.opcode;
    if !op.is_invoke() {
        return None;
    }
    let (kind, range) = match op {
        Opcode::INVOKE_VIRTUAL => (InvokeKind::Virtual, false),
        Opcode::INVOKE_SUPER => (InvokeKind::Super, false),
        Opcode::INVOKE_DIRECT => (InvokeKind::Direct, false),
        Opcode::INVOKE_STATIC => (InvokeKind::Static, false),
        Opcode::INVOKE_INTERFACE => (InvokeKind::Interface, false),
        Opcode::INVOKE_VIRTUAL_RANGE => (InvokeKind::Virtual, true),
        Opcode::INVOKE_SUPER_RANGE => (InvokeKind::Super, true),
        Opcode::INVOKE_DIRECT_RANGE => (InvokeKind::Direct, true),
        Opcode::INVOKE_STATIC_RANGE => (InvokeKind::Static, true),
        Opcode::INVOKE_INTERFACE_RANGE => (InvokeKind::Interface, true),
        Opcode::INVOKE_POLYMORPHIC => (InvokeKind::Polymorphic, false),
        Opcode::INVOKE_POLYMORPHIC_RANGE => (InvokeKind::Polymorphic, true),
        Opcode::INVOKE_CUSTOM => (InvokeKind::Custom, false),
        Opcode::INVOKE_CUSTOM_RANGE => (InvokeKind::Custom, true),
        Opcode::INVOKE_VIRTUAL_QUICK => (InvokeKind::VirtualQuick, false),
        _ => (InvokeKind::VirtualQuick, true),
    };
    match insn.operands {
        Operands::Invoke { args, index } => Some(InvokeSite {
            offset: insn.offset,
            kind,
            range,
            target: index,
            proto: None,
            args,
        }),
        Operands::Polymorphic {
            args,
            method,
            proto,
        } => Some(InvokeSite {
            offset: insn.offset,
            kind,
            range,
            target: method,
            proto: Some(proto),
            args,
        }),
        _ => None,
    }
}
