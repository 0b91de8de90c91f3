//! One module per subcommand. Each has `Args` (clap) and `run(Args) -> Result<u8>`,
//! returning the process exit code: 0 ok, 1 findings, 2 bad input or usage.

pub mod audit;
pub mod callgraph;
pub mod flows;
pub mod inspect;
pub mod manifest;
pub mod output;
pub mod policy;
pub mod sdks;
pub mod signatures;
pub mod summary;
