//! The Dalvik opcode table: mnemonic (as dexdump prints it), format, what the index
//! operand refers to, and control-flow flags. Generated once from the opcode list of the
//! dexdump on this machine (ART, Android 11: it still knows the `-quick` opcodes and
//! `return-void-no-barrier`; every other unassigned byte is `unused-XX`, one code unit).

use super::format::InsnFormat;

/// What an instruction's index operand refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndexKind {
    /// No index operand.
    None,
    /// A `string_ids` index.
    String,
    /// A `type_ids` index.
    Type,
    /// A `field_ids` index.
    Field,
    /// A `method_ids` index.
    Method,
    /// A `method_ids` index plus a `proto_ids` index (invoke-polymorphic).
    MethodAndProto,
    /// A `call_site_ids` index.
    CallSite,
    /// A `method_handles` index.
    MethodHandle,
    /// A `proto_ids` index.
    Proto,
    /// A field byte offset (odex `-quick` field access).
    FieldOffset,
    /// A vtable slot (odex `invoke-virtual-quick`).
    VtableOffset,
}

/// Control-flow flags of an opcode.
pub mod flags {
    /// Execution may continue with the next instruction.
    pub const CONTINUE: u8 = 1;
    /// The instruction may branch to a target.
    pub const BRANCH: u8 = 2;
    /// The instruction is a switch (targets in a payload).
    pub const SWITCH: u8 = 4;
    /// The instruction may throw.
    pub const THROW: u8 = 8;
    /// The instruction returns from the method.
    pub const RETURN: u8 = 16;
    /// The instruction is an invocation.
    pub const INVOKE: u8 = 32;
}

/// Static facts about one opcode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpInfo {
    /// Mnemonic as dexdump prints it.
    pub name: &'static str,
    /// Instruction format.
    pub format: InsnFormat,
    /// What the index operand refers to.
    pub index: IndexKind,
    /// Bits of [`flags`].
    pub flags: u8,
}

/// A Dalvik opcode byte. Named constants for every opcode; [`Opcode::info`] for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Opcode(pub u8);

impl Opcode {
    /// Facts about this opcode.
    pub fn info(self) -> &'static OpInfo {
        &TABLE[usize::from(self.0)]
    }

    /// Mnemonic as dexdump prints it.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Instruction format.
    pub fn format(self) -> InsnFormat {
        self.info().format
    }

    /// What the index operand refers to.
    pub fn index_kind(self) -> IndexKind {
        self.info().index
    }

    /// Any `invoke-*` opcode (including polymorphic, custom and the odex quick form).
    pub fn is_invoke(self) -> bool {
        self.info().flags & flags::INVOKE != 0
    }

    /// True if execution can fall through to the next instruction.
    pub fn can_continue(self) -> bool {
        self.info().flags & flags::CONTINUE != 0
    }

    /// True for `goto*` and `if-*`.
    pub fn can_branch(self) -> bool {
        self.info().flags & flags::BRANCH != 0
    }

    /// True for `packed-switch` and `sparse-switch`.
    pub fn is_switch(self) -> bool {
        self.info().flags & flags::SWITCH != 0
    }

    /// True if the instruction may throw.
    pub fn can_throw(self) -> bool {
        self.info().flags & flags::THROW != 0
    }

    /// True for `return*`.
    pub fn is_return(self) -> bool {
        self.info().flags & flags::RETURN != 0
    }
}

macro_rules! opcodes {
    ($(op!($code:literal, $konst:ident, $name:literal, $fmt:ident, $ik:ident, $($flag:ident)|+),)*) => {
        #[allow(missing_docs)]
        impl Opcode {
            $(pub const $konst: Opcode = Opcode($code);)*
        }
        static TABLE: [OpInfo; 256] = [
            $(OpInfo {
                name: $name,
                format: InsnFormat::$fmt,
                index: IndexKind::$ik,
                flags: 0 $(| flags::$flag)+,
            },)*
        ];
    };
}

opcodes! {
    op!(0x00, NOP, "nop", F10x, None, CONTINUE),
    op!(0x01, MOVE, "move", F12x, None, CONTINUE),
    op!(0x02, MOVE_FROM16, "move/from16", F22x, None, CONTINUE),
    op!(0x03, MOVE_16, "move/16", F32x, None, CONTINUE),
    op!(0x04, MOVE_WIDE, "move-wide", F12x, None, CONTINUE),
    op!(0x05, MOVE_WIDE_FROM16, "move-wide/from16", F22x, None, CONTINUE),
    op!(0x06, MOVE_WIDE_16, "move-wide/16", F32x, None, CONTINUE),
    op!(0x07, MOVE_OBJECT, "move-object", F12x, None, CONTINUE),
    op!(0x08, MOVE_OBJECT_FROM16, "move-object/from16", F22x, None, CONTINUE),
    op!(0x09, MOVE_OBJECT_16, "move-object/16", F32x, None, CONTINUE),
    op!(0x0a, MOVE_RESULT, "move-result", F11x, None, CONTINUE),
    op!(0x0b, MOVE_RESULT_WIDE, "move-result-wide", F11x, None, CONTINUE),
    op!(0x0c, MOVE_RESULT_OBJECT, "move-result-object", F11x, None, CONTINUE),
    op!(0x0d, MOVE_EXCEPTION, "move-exception", F11x, None, CONTINUE),
    op!(0x0e, RETURN_VOID, "return-void", F10x, None, RETURN),
    op!(0x0f, RETURN, "return", F11x, None, RETURN),
    op!(0x10, RETURN_WIDE, "return-wide", F11x, None, RETURN),
    op!(0x11, RETURN_OBJECT, "return-object", F11x, None, RETURN),
    op!(0x12, CONST_4, "const/4", F11n, None, CONTINUE),
    op!(0x13, CONST_16, "const/16", F21s, None, CONTINUE),
    op!(0x14, CONST, "const", F31i, None, CONTINUE),
    op!(0x15, CONST_HIGH16, "const/high16", F21h, None, CONTINUE),
    op!(0x16, CONST_WIDE_16, "const-wide/16", F21s, None, CONTINUE),
    op!(0x17, CONST_WIDE_32, "const-wide/32", F31i, None, CONTINUE),
    op!(0x18, CONST_WIDE, "const-wide", F51l, None, CONTINUE),
    op!(0x19, CONST_WIDE_HIGH16, "const-wide/high16", F21h, None, CONTINUE),
    op!(0x1a, CONST_STRING, "const-string", F21c, String, CONTINUE|THROW),
    op!(0x1b, CONST_STRING_JUMBO, "const-string/jumbo", F31c, String, CONTINUE|THROW),
    op!(0x1c, CONST_CLASS, "const-class", F21c, Type, CONTINUE|THROW),
    op!(0x1d, MONITOR_ENTER, "monitor-enter", F11x, None, CONTINUE|THROW),
    op!(0x1e, MONITOR_EXIT, "monitor-exit", F11x, None, CONTINUE|THROW),
    op!(0x1f, CHECK_CAST, "check-cast", F21c, Type, CONTINUE|THROW),
    op!(0x20, INSTANCE_OF, "instance-of", F22c, Type, CONTINUE|THROW),
    op!(0x21, ARRAY_LENGTH, "array-length", F12x, None, CONTINUE|THROW),
    op!(0x22, NEW_INSTANCE, "new-instance", F21c, Type, CONTINUE|THROW),
    op!(0x23, NEW_ARRAY, "new-array", F22c, Type, CONTINUE|THROW),
    op!(0x24, FILLED_NEW_ARRAY, "filled-new-array", F35c, Type, CONTINUE|THROW),
    op!(0x25, FILLED_NEW_ARRAY_RANGE, "filled-new-array/range", F3rc, Type, CONTINUE|THROW),
    op!(0x26, FILL_ARRAY_DATA, "fill-array-data", F31t, None, CONTINUE|THROW),
    op!(0x27, THROW, "throw", F11x, None, THROW),
    op!(0x28, GOTO, "goto", F10t, None, BRANCH),
    op!(0x29, GOTO_16, "goto/16", F20t, None, BRANCH),
    op!(0x2a, GOTO_32, "goto/32", F30t, None, BRANCH),
    op!(0x2b, PACKED_SWITCH, "packed-switch", F31t, None, CONTINUE|SWITCH),
    op!(0x2c, SPARSE_SWITCH, "sparse-switch", F31t, None, CONTINUE|SWITCH),
    op!(0x2d, CMPL_FLOAT, "cmpl-float", F23x, None, CONTINUE),
    op!(0x2e, CMPG_FLOAT, "cmpg-float", F23x, None, CONTINUE),
    op!(0x2f, CMPL_DOUBLE, "cmpl-double", F23x, None, CONTINUE),
    op!(0x30, CMPG_DOUBLE, "cmpg-double", F23x, None, CONTINUE),
    op!(0x31, CMP_LONG, "cmp-long", F23x, None, CONTINUE),
    op!(0x32, IF_EQ, "if-eq", F22t, None, CONTINUE|BRANCH),
    op!(0x33, IF_NE, "if-ne", F22t, None, CONTINUE|BRANCH),
    op!(0x34, IF_LT, "if-lt", F22t, None, CONTINUE|BRANCH),
    op!(0x35, IF_GE, "if-ge", F22t, None, CONTINUE|BRANCH),
    op!(0x36, IF_GT, "if-gt", F22t, None, CONTINUE|BRANCH),
    op!(0x37, IF_LE, "if-le", F22t, None, CONTINUE|BRANCH),
    op!(0x38, IF_EQZ, "if-eqz", F21t, None, CONTINUE|BRANCH),
    op!(0x39, IF_NEZ, "if-nez", F21t, None, CONTINUE|BRANCH),
    op!(0x3a, IF_LTZ, "if-ltz", F21t, None, CONTINUE|BRANCH),
    op!(0x3b, IF_GEZ, "if-gez", F21t, None, CONTINUE|BRANCH),
    op!(0x3c, IF_GTZ, "if-gtz", F21t, None, CONTINUE|BRANCH),
    op!(0x3d, IF_LEZ, "if-lez", F21t, None, CONTINUE|BRANCH),
    op!(0x3e, UNUSED_3E, "unused-3e", F10x, None, CONTINUE),
    op!(0x3f, UNUSED_3F, "unused-3f", F10x, None, CONTINUE),
    op!(0x40, UNUSED_40, "unused-40", F10x, None, CONTINUE),
    op!(0x41, UNUSED_41, "unused-41", F10x, None, CONTINUE),
    op!(0x42, UNUSED_42, "unused-42", F10x, None, CONTINUE),
    op!(0x43, UNUSED_43, "unused-43", F10x, None, CONTINUE),
    op!(0x44, AGET, "aget", F23x, None, CONTINUE|THROW),
    op!(0x45, AGET_WIDE, "aget-wide", F23x, None, CONTINUE|THROW),
    op!(0x46, AGET_OBJECT, "aget-object", F23x, None, CONTINUE|THROW),
    op!(0x47, AGET_BOOLEAN, "aget-boolean", F23x, None, CONTINUE|THROW),
    op!(0x48, AGET_BYTE, "aget-byte", F23x, None, CONTINUE|THROW),
    op!(0x49, AGET_CHAR, "aget-char", F23x, None, CONTINUE|THROW),
    op!(0x4a, AGET_SHORT, "aget-short", F23x, None, CONTINUE|THROW),
    op!(0x4b, APUT, "aput", F23x, None, CONTINUE|THROW),
    op!(0x4c, APUT_WIDE, "aput-wide", F23x, None, CONTINUE|THROW),
    op!(0x4d, APUT_OBJECT, "aput-object", F23x, None, CONTINUE|THROW),
    op!(0x4e, APUT_BOOLEAN, "aput-boolean", F23x, None, CONTINUE|THROW),
    op!(0x4f, APUT_BYTE, "aput-byte", F23x, None, CONTINUE|THROW),
    op!(0x50, APUT_CHAR, "aput-char", F23x, None, CONTINUE|THROW),
    op!(0x51, APUT_SHORT, "aput-short", F23x, None, CONTINUE|THROW),
    op!(0x52, IGET, "iget", F22c, Field, CONTINUE|THROW),
    op!(0x53, IGET_WIDE, "iget-wide", F22c, Field, CONTINUE|THROW),
    op!(0x54, IGET_OBJECT, "iget-object", F22c, Field, CONTINUE|THROW),
    op!(0x55, IGET_BOOLEAN, "iget-boolean", F22c, Field, CONTINUE|THROW),
    op!(0x56, IGET_BYTE, "iget-byte", F22c, Field, CONTINUE|THROW),
    op!(0x57, IGET_CHAR, "iget-char", F22c, Field, CONTINUE|THROW),
    op!(0x58, IGET_SHORT, "iget-short", F22c, Field, CONTINUE|THROW),
    op!(0x59, IPUT, "iput", F22c, Field, CONTINUE|THROW),
    op!(0x5a, IPUT_WIDE, "iput-wide", F22c, Field, CONTINUE|THROW),
    op!(0x5b, IPUT_OBJECT, "iput-object", F22c, Field, CONTINUE|THROW),
    op!(0x5c, IPUT_BOOLEAN, "iput-boolean", F22c, Field, CONTINUE|THROW),
    op!(0x5d, IPUT_BYTE, "iput-byte", F22c, Field, CONTINUE|THROW),
    op!(0x5e, IPUT_CHAR, "iput-char", F22c, Field, CONTINUE|THROW),
    op!(0x5f, IPUT_SHORT, "iput-short", F22c, Field, CONTINUE|THROW),
    op!(0x60, SGET, "sget", F21c, Field, CONTINUE|THROW),
    op!(0x61, SGET_WIDE, "sget-wide", F21c, Field, CONTINUE|THROW),
    op!(0x62, SGET_OBJECT, "sget-object", F21c, Field, CONTINUE|THROW),
    op!(0x63, SGET_BOOLEAN, "sget-boolean", F21c, Field, CONTINUE|THROW),
    op!(0x64, SGET_BYTE, "sget-byte", F21c, Field, CONTINUE|THROW),
    op!(0x65, SGET_CHAR, "sget-char", F21c, Field, CONTINUE|THROW),
    op!(0x66, SGET_SHORT, "sget-short", F21c, Field, CONTINUE|THROW),
    op!(0x67, SPUT, "sput", F21c, Field, CONTINUE|THROW),
    op!(0x68, SPUT_WIDE, "sput-wide", F21c, Field, CONTINUE|THROW),
    op!(0x69, SPUT_OBJECT, "sput-object", F21c, Field, CONTINUE|THROW),
    op!(0x6a, SPUT_BOOLEAN, "sput-boolean", F21c, Field, CONTINUE|THROW),
    op!(0x6b, SPUT_BYTE, "sput-byte", F21c, Field, CONTINUE|THROW),
    op!(0x6c, SPUT_CHAR, "sput-char", F21c, Field, CONTINUE|THROW),
    op!(0x6d, SPUT_SHORT, "sput-short", F21c, Field, CONTINUE|THROW),
    op!(0x6e, INVOKE_VIRTUAL, "invoke-virtual", F35c, Method, CONTINUE|THROW|INVOKE),
    op!(0x6f, INVOKE_SUPER, "invoke-super", F35c, Method, CONTINUE|THROW|INVOKE),
    op!(0x70, INVOKE_DIRECT, "invoke-direct", F35c, Method, CONTINUE|THROW|INVOKE),
    op!(0x71, INVOKE_STATIC, "invoke-static", F35c, Method, CONTINUE|THROW|INVOKE),
    op!(0x72, INVOKE_INTERFACE, "invoke-interface", F35c, Method, CONTINUE|THROW|INVOKE),
    op!(0x73, RETURN_VOID_NO_BARRIER, "return-void-no-barrier", F10x, None, RETURN),
    op!(0x74, INVOKE_VIRTUAL_RANGE, "invoke-virtual/range", F3rc, Method, CONTINUE|THROW|INVOKE),
    op!(0x75, INVOKE_SUPER_RANGE, "invoke-super/range", F3rc, Method, CONTINUE|THROW|INVOKE),
    op!(0x76, INVOKE_DIRECT_RANGE, "invoke-direct/range", F3rc, Method, CONTINUE|THROW|INVOKE),
    op!(0x77, INVOKE_STATIC_RANGE, "invoke-static/range", F3rc, Method, CONTINUE|THROW|INVOKE),
    op!(0x78, INVOKE_INTERFACE_RANGE, "invoke-interface/range", F3rc, Method, CONTINUE|THROW|INVOKE),
    op!(0x79, UNUSED_79, "unused-79", F10x, None, CONTINUE),
    op!(0x7a, UNUSED_7A, "unused-7a", F10x, None, CONTINUE),
    op!(0x7b, NEG_INT, "neg-int", F12x, None, CONTINUE),
    op!(0x7c, NOT_INT, "not-int", F12x, None, CONTINUE),
    op!(0x7d, NEG_LONG, "neg-long", F12x, None, CONTINUE),
    op!(0x7e, NOT_LONG, "not-long", F12x, None, CONTINUE),
    op!(0x7f, NEG_FLOAT, "neg-float", F12x, None, CONTINUE),
    op!(0x80, NEG_DOUBLE, "neg-double", F12x, None, CONTINUE),
    op!(0x81, INT_TO_LONG, "int-to-long", F12x, None, CONTINUE),
    op!(0x82, INT_TO_FLOAT, "int-to-float", F12x, None, CONTINUE),
    op!(0x83, INT_TO_DOUBLE, "int-to-double", F12x, None, CONTINUE),
    op!(0x84, LONG_TO_INT, "long-to-int", F12x, None, CONTINUE),
    op!(0x85, LONG_TO_FLOAT, "long-to-float", F12x, None, CONTINUE),
    op!(0x86, LONG_TO_DOUBLE, "long-to-double", F12x, None, CONTINUE),
    op!(0x87, FLOAT_TO_INT, "float-to-int", F12x, None, CONTINUE),
    op!(0x88, FLOAT_TO_LONG, "float-to-long", F12x, None, CONTINUE),
    op!(0x89, FLOAT_TO_DOUBLE, "float-to-double", F12x, None, CONTINUE),
    op!(0x8a, DOUBLE_TO_INT, "double-to-int", F12x, None, CONTINUE),
    op!(0x8b, DOUBLE_TO_LONG, "double-to-long", F12x, None, CONTINUE),
    op!(0x8c, DOUBLE_TO_FLOAT, "double-to-float", F12x, None, CONTINUE),
    op!(0x8d, INT_TO_BYTE, "int-to-byte", F12x, None, CONTINUE),
    op!(0x8e, INT_TO_CHAR, "int-to-char", F12x, None, CONTINUE),
    op!(0x8f, INT_TO_SHORT, "int-to-short", F12x, None, CONTINUE),
    op!(0x90, ADD_INT, "add-int", F23x, None, CONTINUE),
    op!(0x91, SUB_INT, "sub-int", F23x, None, CONTINUE),
    op!(0x92, MUL_INT, "mul-int", F23x, None, CONTINUE),
    op!(0x93, DIV_INT, "div-int", F23x, None, CONTINUE|THROW),
    op!(0x94, REM_INT, "rem-int", F23x, None, CONTINUE|THROW),
    op!(0x95, AND_INT, "and-int", F23x, None, CONTINUE),
    op!(0x96, OR_INT, "or-int", F23x, None, CONTINUE),
    op!(0x97, XOR_INT, "xor-int", F23x, None, CONTINUE),
    op!(0x98, SHL_INT, "shl-int", F23x, None, CONTINUE),
    op!(0x99, SHR_INT, "shr-int", F23x, None, CONTINUE),
    op!(0x9a, USHR_INT, "ushr-int", F23x, None, CONTINUE),
    op!(0x9b, ADD_LONG, "add-long", F23x, None, CONTINUE),
    op!(0x9c, SUB_LONG, "sub-long", F23x, None, CONTINUE),
    op!(0x9d, MUL_LONG, "mul-long", F23x, None, CONTINUE),
    op!(0x9e, DIV_LONG, "div-long", F23x, None, CONTINUE|THROW),
    op!(0x9f, REM_LONG, "rem-long", F23x, None, CONTINUE|THROW),
    op!(0xa0, AND_LONG, "and-long", F23x, None, CONTINUE),
    op!(0xa1, OR_LONG, "or-long", F23x, None, CONTINUE),
    op!(0xa2, XOR_LONG, "xor-long", F23x, None, CONTINUE),
    op!(0xa3, SHL_LONG, "shl-long", F23x, None, CONTINUE),
    op!(0xa4, SHR_LONG, "shr-long", F23x, None, CONTINUE),
    op!(0xa5, USHR_LONG, "ushr-long", F23x, None, CONTINUE),
    op!(0xa6, ADD_FLOAT, "add-float", F23x, None, CONTINUE),
    op!(0xa7, SUB_FLOAT, "sub-float", F23x, None, CONTINUE),
    op!(0xa8, MUL_FLOAT, "mul-float", F23x, None, CONTINUE),
    op!(0xa9, DIV_FLOAT, "div-float", F23x, None, CONTINUE),
    op!(0xaa, REM_FLOAT, "rem-float", F23x, None, CONTINUE),
    op!(0xab, ADD_DOUBLE, "add-double", F23x, None, CONTINUE),
    op!(0xac, SUB_DOUBLE, "sub-double", F23x, None, CONTINUE),
    op!(0xad, MUL_DOUBLE, "mul-double", F23x, None, CONTINUE),
    op!(0xae, DIV_DOUBLE, "div-double", F23x, None, CONTINUE),
    op!(0xaf, REM_DOUBLE, "rem-double", F23x, None, CONTINUE),
    op!(0xb0, ADD_INT_2ADDR, "add-int/2addr", F12x, None, CONTINUE),
    op!(0xb1, SUB_INT_2ADDR, "sub-int/2addr", F12x, None, CONTINUE),
    op!(0xb2, MUL_INT_2ADDR, "mul-int/2addr", F12x, None, CONTINUE),
    op!(0xb3, DIV_INT_2ADDR, "div-int/2addr", F12x, None, CONTINUE|THROW),
    op!(0xb4, REM_INT_2ADDR, "rem-int/2addr", F12x, None, CONTINUE|THROW),
    op!(0xb5, AND_INT_2ADDR, "and-int/2addr", F12x, None, CONTINUE),
    op!(0xb6, OR_INT_2ADDR, "or-int/2addr", F12x, None, CONTINUE),
    op!(0xb7, XOR_INT_2ADDR, "xor-int/2addr", F12x, None, CONTINUE),
    op!(0xb8, SHL_INT_2ADDR, "shl-int/2addr", F12x, None, CONTINUE),
    op!(0xb9, SHR_INT_2ADDR, "shr-int/2addr", F12x, None, CONTINUE),
    op!(0xba, USHR_INT_2ADDR, "ushr-int/2addr", F12x, None, CONTINUE),
    op!(0xbb, ADD_LONG_2ADDR, "add-long/2addr", F12x, None, CONTINUE),
    op!(0xbc, SUB_LONG_2ADDR, "sub-long/2addr", F12x, None, CONTINUE),
    op!(0xbd, MUL_LONG_2ADDR, "mul-long/2addr", F12x, None, CONTINUE),
    op!(0xbe, DIV_LONG_2ADDR, "div-long/2addr", F12x, None, CONTINUE|THROW),
    op!(0xbf, REM_LONG_2ADDR, "rem-long/2addr", F12x, None, CONTINUE|THROW),
    op!(0xc0, AND_LONG_2ADDR, "and-long/2addr", F12x, None, CONTINUE),
    op!(0xc1, OR_LONG_2ADDR, "or-long/2addr", F12x, None, CONTINUE),
    op!(0xc2, XOR_LONG_2ADDR, "xor-long/2addr", F12x, None, CONTINUE),
    op!(0xc3, SHL_LONG_2ADDR, "shl-long/2addr", F12x, None, CONTINUE),
    op!(0xc4, SHR_LONG_2ADDR, "shr-long/2addr", F12x, None, CONTINUE),
    op!(0xc5, USHR_LONG_2ADDR, "ushr-long/2addr", F12x, None, CONTINUE),
    op!(0xc6, ADD_FLOAT_2ADDR, "add-float/2addr", F12x, None, CONTINUE),
    op!(0xc7, SUB_FLOAT_2ADDR, "sub-float/2addr", F12x, None, CONTINUE),
    op!(0xc8, MUL_FLOAT_2ADDR, "mul-float/2addr", F12x, None, CONTINUE),
    op!(0xc9, DIV_FLOAT_2ADDR, "div-float/2addr", F12x, None, CONTINUE),
    op!(0xca, REM_FLOAT_2ADDR, "rem-float/2addr", F12x, None, CONTINUE),
    op!(0xcb, ADD_DOUBLE_2ADDR, "add-double/2addr", F12x, None, CONTINUE),
    op!(0xcc, SUB_DOUBLE_2ADDR, "sub-double/2addr", F12x, None, CONTINUE),
    op!(0xcd, MUL_DOUBLE_2ADDR, "mul-double/2addr", F12x, None, CONTINUE),
    op!(0xce, DIV_DOUBLE_2ADDR, "div-double/2addr", F12x, None, CONTINUE),
    op!(0xcf, REM_DOUBLE_2ADDR, "rem-double/2addr", F12x, None, CONTINUE),
    op!(0xd0, ADD_INT_LIT16, "add-int/lit16", F22s, None, CONTINUE),
    op!(0xd1, RSUB_INT, "rsub-int", F22s, None, CONTINUE),
    op!(0xd2, MUL_INT_LIT16, "mul-int/lit16", F22s, None, CONTINUE),
    op!(0xd3, DIV_INT_LIT16, "div-int/lit16", F22s, None, CONTINUE|THROW),
    op!(0xd4, REM_INT_LIT16, "rem-int/lit16", F22s, None, CONTINUE|THROW),
    op!(0xd5, AND_INT_LIT16, "and-int/lit16", F22s, None, CONTINUE),
    op!(0xd6, OR_INT_LIT16, "or-int/lit16", F22s, None, CONTINUE),
    op!(0xd7, XOR_INT_LIT16, "xor-int/lit16", F22s, None, CONTINUE),
    op!(0xd8, ADD_INT_LIT8, "add-int/lit8", F22b, None, CONTINUE),
    op!(0xd9, RSUB_INT_LIT8, "rsub-int/lit8", F22b, None, CONTINUE),
    op!(0xda, MUL_INT_LIT8, "mul-int/lit8", F22b, None, CONTINUE),
    op!(0xdb, DIV_INT_LIT8, "div-int/lit8", F22b, None, CONTINUE|THROW),
    op!(0xdc, REM_INT_LIT8, "rem-int/lit8", F22b, None, CONTINUE|THROW),
    op!(0xdd, AND_INT_LIT8, "and-int/lit8", F22b, None, CONTINUE),
    op!(0xde, OR_INT_LIT8, "or-int/lit8", F22b, None, CONTINUE),
    op!(0xdf, XOR_INT_LIT8, "xor-int/lit8", F22b, None, CONTINUE),
    op!(0xe0, SHL_INT_LIT8, "shl-int/lit8", F22b, None, CONTINUE),
    op!(0xe1, SHR_INT_LIT8, "shr-int/lit8", F22b, None, CONTINUE),
    op!(0xe2, USHR_INT_LIT8, "ushr-int/lit8", F22b, None, CONTINUE),
    op!(0xe3, IGET_QUICK, "iget-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xe4, IGET_WIDE_QUICK, "iget-wide-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xe5, IGET_OBJECT_QUICK, "iget-object-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xe6, IPUT_QUICK, "iput-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xe7, IPUT_WIDE_QUICK, "iput-wide-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xe8, IPUT_OBJECT_QUICK, "iput-object-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xe9, INVOKE_VIRTUAL_QUICK, "invoke-virtual-quick", F35ms, VtableOffset, CONTINUE|THROW|INVOKE),
    op!(0xea, INVOKE_VIRTUAL_RANGE_QUICK, "invoke-virtual/range-quick", F3rms, VtableOffset, CONTINUE|THROW|INVOKE),
    op!(0xeb, IPUT_BOOLEAN_QUICK, "iput-boolean-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xec, IPUT_BYTE_QUICK, "iput-byte-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xed, IPUT_CHAR_QUICK, "iput-char-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xee, IPUT_SHORT_QUICK, "iput-short-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xef, IGET_BOOLEAN_QUICK, "iget-boolean-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xf0, IGET_BYTE_QUICK, "iget-byte-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xf1, IGET_CHAR_QUICK, "iget-char-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xf2, IGET_SHORT_QUICK, "iget-short-quick", F22cs, FieldOffset, CONTINUE|THROW),
    op!(0xf3, UNUSED_F3, "unused-f3", F10x, None, CONTINUE),
    op!(0xf4, UNUSED_F4, "unused-f4", F10x, None, CONTINUE),
    op!(0xf5, UNUSED_F5, "unused-f5", F10x, None, CONTINUE),
    op!(0xf6, UNUSED_F6, "unused-f6", F10x, None, CONTINUE),
    op!(0xf7, UNUSED_F7, "unused-f7", F10x, None, CONTINUE),
    op!(0xf8, UNUSED_F8, "unused-f8", F10x, None, CONTINUE),
    op!(0xf9, UNUSED_F9, "unused-f9", F10x, None, CONTINUE),
    op!(0xfa, INVOKE_POLYMORPHIC, "invoke-polymorphic", F45cc, MethodAndProto, CONTINUE|THROW|INVOKE),
    op!(0xfb, INVOKE_POLYMORPHIC_RANGE, "invoke-polymorphic/range", F4rcc, MethodAndProto, CONTINUE|THROW|INVOKE),
    op!(0xfc, INVOKE_CUSTOM, "invoke-custom", F35c, CallSite, CONTINUE|THROW|INVOKE),
    op!(0xfd, INVOKE_CUSTOM_RANGE, "invoke-custom/range", F3rc, CallSite, CONTINUE|THROW|INVOKE),
    op!(0xfe, CONST_METHOD_HANDLE, "const-method-handle", F21c, MethodHandle, CONTINUE|THROW),
    op!(0xff, CONST_METHOD_TYPE, "const-method-type", F21c, Proto, CONTINUE|THROW),
}
