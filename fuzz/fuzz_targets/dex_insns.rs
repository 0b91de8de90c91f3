//! Fuzz the instruction decoder on raw bytecode: every step must advance and the walk must
//! end within the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sdkflow::dex::insn::Instructions;

fuzz_target!(|data: &[u8]| {
    let mut last: Option<u32> = None;
    let mut steps = 0usize;
    for insn in Instructions::new(data, 0) {
        steps += 1;
        if let Ok(i) = insn {
            assert!(last.is_none_or(|l| i.offset > l));
            assert!(i.size >= 1);
            last = Some(i.offset);
        }
    }
    assert!(steps <= data.len() / 2 + 1);
});
