//! The `sdkflow` command line: a thin layer over the library. Each subcommand lives in
//! `src/cmd/<name>.rs`, turns raw flags into validated options, calls the library and
//! prints. This binary is the only place that writes to stdout or stderr.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

/// Audit an Android APK for third-party SDKs and check it against its privacy policy.
#[derive(Debug, Parser)]
#[command(name = "sdkflow", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Decode the manifest (binary or text) as XML or JSON.
    Manifest(cmd::manifest::Args),
    /// Summarise the container: entries by kind, dex files, native libraries, signing.
    Inspect(cmd::inspect::Args),
    /// Print call paths from or to a method.
    Callgraph(cmd::callgraph::Args),
    /// Detect third-party SDKs with their evidence.
    Sdks(cmd::sdks::Args),
    /// List, show or check the SDK signature catalogue.
    Signatures(cmd::signatures::Args),
    /// Extract the declared SDKs, permissions and data types from a privacy policy.
    Policy(cmd::policy::Args),
    /// Compare APKs with a privacy policy and report what the policy does not say.
    Audit(cmd::audit::Args),
    /// Trace personal data from the APIs that read it to where it is sent.
    Flows(cmd::flows::Args),
    /// Summarise many audits (JSON Lines): SDKs embedded and declared, common gaps.
    Summary(cmd::summary::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Manifest(args) => cmd::manifest::run(args),
        Command::Inspect(args) => cmd::inspect::run(args),
        Command::Callgraph(args) => cmd::callgraph::run(args),
        Command::Sdks(args) => cmd::sdks::run(args),
        Command::Signatures(args) => cmd::signatures::run(args),
        Command::Policy(args) => cmd::policy::run(args),
        Command::Audit(args) => cmd::audit::run(args),
        Command::Flows(args) => cmd::flows::run(args),
        Command::Summary(args) => cmd::summary::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // Errors quote inputs (file and entry names, values): shown with controls escaped.
            eprintln!(
                "sdkflow: error: {}",
                sdkflow::report::sanitize::shown(&err.to_string())
            );
            ExitCode::from(err.exit_code())
        }
    }
}
