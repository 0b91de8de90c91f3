//! The shell steps of `action.yml` (the GitHub composite action) run as GitHub would run
//! them: inputs in the environment, `$GITHUB_OUTPUT` a file, sdkflow on the PATH. The
//! audit step must write a valid SARIF log and the exit code, and the last step must fail
//! the job exactly when the audit did. (The `uses:` steps are GitHub's own actions.)

mod common;

use std::path::Path;
use std::process::Command;

/// The `run: |` script of the step named `name`, unindented.
fn step_script(name: &str) -> String {
    let text = std::fs::read_to_string(common::repo().join("action.yml")).expect("action.yml");
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == format!("- name: {name}"))
        .unwrap_or_else(|| panic!("no step `{name}` in action.yml"));
    let run = (start..lines.len())
        .find(|&i| lines[i].trim() == "run: |")
        .expect("run block");
    let indent = lines[run + 1].len() - lines[run + 1].trim_start().len();
    lines[run + 1..]
        .iter()
        .take_while(|l| l.trim().is_empty() || l.len() - l.trim_start().len() >= indent)
        .map(|l| l.get(indent..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn run_step(name: &str, env: &[(&str, &str)], dir: &Path) -> (i32, String) {
    let out_file = dir.join("github_output");
    std::fs::write(&out_file, "").expect("GITHUB_OUTPUT");
    let bin = Path::new(env!("CARGO_BIN_EXE_sdkflow"))
        .parent()
        .expect("bin dir");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let status = Command::new("bash")
        .arg("-c")
        .arg(step_script(name))
        .current_dir(dir)
        .env("PATH", path)
        .env("GITHUB_OUTPUT", &out_file)
        .envs(env.iter().copied())
        .status()
        .expect("bash");
    (
        status.code().unwrap_or(-1),
        std::fs::read_to_string(&out_file).expect("outputs"),
    )
}

#[test]
fn audit_step_writes_sarif_and_the_exit_code_and_the_job_fails_on_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let apk = common::sample_apk("multidex");
    let policy = common::repo().join("samples/policies/demo-shop.md");
    let sarif = dir.path().join("out dir with space.sarif");
    for (fail_on, want) in [("high", "1"), ("never", "0")] {
        let (code, outputs) = run_step(
            "Audit",
            &[
                ("SDKFLOW_APK", apk.to_str().expect("path")),
                ("SDKFLOW_POLICY", policy.to_str().expect("path")),
                ("SDKFLOW_FAIL_ON", fail_on),
                ("SDKFLOW_SARIF", sarif.to_str().expect("path")),
                ("SDKFLOW_ARGS", "--no-flows"),
            ],
            dir.path(),
        );
        assert_eq!(
            code, 0,
            "the audit step itself succeeds so the SARIF is uploaded"
        );
        assert!(
            outputs.contains(&format!("exit-code={want}\n")),
            "{outputs}"
        );
        assert!(
            outputs.contains(&format!("sarif={}\n", sarif.display())),
            "{outputs}"
        );
        let log: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&sarif).expect("SARIF written"))
                .expect("SARIF JSON");
        assert_eq!(log["version"], "2.1.0");
        assert!(
            !log["runs"][0]["results"]
                .as_array()
                .expect("results")
                .is_empty()
        );

        let (fail_code, _) = run_step(
            "Fail on findings",
            &[("CODE", want), ("FAIL_ON", fail_on)],
            dir.path(),
        );
        // GitHub skips the step when exit-code is 0 (its `if:`); run, it always fails.
        assert_eq!(fail_code, 1);
    }
    // A bad input: exit code 2 is recorded, and the step still ends normally.
    let (code, outputs) = run_step(
        "Audit",
        &[
            ("SDKFLOW_APK", "missing.apk"),
            ("SDKFLOW_POLICY", policy.to_str().expect("path")),
            ("SDKFLOW_FAIL_ON", "high"),
            ("SDKFLOW_SARIF", "x.sarif"),
            ("SDKFLOW_ARGS", ""),
        ],
        dir.path(),
    );
    assert_eq!(code, 0);
    assert!(outputs.contains("exit-code=2\n"), "{outputs}");
}

#[test]
fn action_inputs_never_reach_a_script_unquoted() {
    // `${{ inputs.x }}` inside a `run:` script is spliced into the shell text before bash
    // sees it: a crafted path would run commands. Inputs must go through `env:`.
    for step in ["Build sdkflow", "Audit", "Fail on findings"] {
        let script = step_script(step);
        assert!(
            !script.contains("${{"),
            "{step} splices an expression: {script}"
        );
    }
}
