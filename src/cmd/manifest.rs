//! `sdkflow manifest`: not implemented yet.

use sdkflow::Error;

/// Arguments of `sdkflow manifest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input file.
    pub input: std::path::PathBuf,
}

/// Run the subcommand.
pub fn run(args: Args) -> Result<u8, Error> {
    let _ = args;
    Err(Error::Usage(
        "`sdkflow manifest` is not implemented yet".into(),
    ))
}
