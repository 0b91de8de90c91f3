//! Instruction formats, named as in the Dalvik bytecode documentation ("Dalvik Executable
//! instruction formats"): the first digit is the size in code units, the second the
//! number of registers, the letter the kind of extra data.

/// An instruction format.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InsnFormat {
    F10x,
    F12x,
    F11n,
    F11x,
    F10t,
    F20t,
    F20bc,
    F22x,
    F21t,
    F21s,
    F21h,
    F21c,
    F23x,
    F22b,
    F22t,
    F22s,
    F22c,
    F22cs,
    F30t,
    F32x,
    F31i,
    F31t,
    F31c,
    F35c,
    F35ms,
    F35mi,
    F3rc,
    F3rms,
    F3rmi,
    F45cc,
    F4rcc,
    F51l,
}

impl InsnFormat {
    /// Size of an instruction of this format, in 16-bit code units.
    pub fn size(self) -> u32 {
        use InsnFormat::*;
        match self {
            F10x | F12x | F11n | F11x | F10t => 1,
            F20t | F20bc | F22x | F21t | F21s | F21h | F21c | F23x | F22b | F22t | F22s | F22c
            | F22cs => 2,
            F30t | F32x | F31i | F31t | F31c | F35c | F35ms | F35mi | F3rc | F3rms | F3rmi => 3,
            F45cc | F4rcc => 4,
            F51l => 5,
        }
    }

    /// The format's name as in the documentation (`"35c"`).
    pub fn name(self) -> &'static str {
        use InsnFormat::*;
        match self {
            F10x => "10x",
            F12x => "12x",
            F11n => "11n",
            F11x => "11x",
            F10t => "10t",
            F20t => "20t",
            F20bc => "20bc",
            F22x => "22x",
            F21t => "21t",
            F21s => "21s",
            F21h => "21h",
            F21c => "21c",
            F23x => "23x",
            F22b => "22b",
            F22t => "22t",
            F22s => "22s",
            F22c => "22c",
            F22cs => "22cs",
            F30t => "30t",
            F32x => "32x",
            F31i => "31i",
            F31t => "31t",
            F31c => "31c",
            F35c => "35c",
            F35ms => "35ms",
            F35mi => "35mi",
            F3rc => "3rc",
            F3rms => "3rms",
            F3rmi => "3rmi",
            F45cc => "45cc",
            F4rcc => "4rcc",
            F51l => "51l",
        }
    }
}
