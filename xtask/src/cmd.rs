//! Running commands: with the project's tool folders on PATH, echoing what runs.

use crate::tools::Env;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// A command with the project's environment (tool folders first on PATH), run from the root.
pub fn command(program: &str, args: &[&str], env: &Env) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(crate::root()).env("PATH", &env.path);
    for (key, value) in &env.vars {
        c.env(key, value);
    }
    c
}

fn describe(c: &Command) -> String {
    let mut text = c.get_program().to_string_lossy().into_owned();
    for arg in c.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs to the end; an error if it could not start or exited non-zero.
pub fn run(mut c: Command) -> Result<(), String> {
    let what = describe(&c);
    println!("$ {what}");
    let status = c.status().map_err(|e| format!("could not run `{what}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{what}` failed ({status})"))
    }
}

/// Runs to the end, echoing its standard output line by line to ours and to `on_line`.
pub fn run_watching(mut c: Command, mut on_line: impl FnMut(&str)) -> Result<(), String> {
    let what = describe(&c);
    println!("$ {what}");
    let mut child = c.stdout(Stdio::piped()).spawn().map_err(|e| format!("could not run `{what}`: {e}"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        println!("{line}");
        on_line(&line);
    }
    let status = child.wait().map_err(|e| format!("`{what}` did not finish: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{what}` failed ({status})"))
    }
}

/// The trimmed standard output of a command, or `None` if it cannot run or fails.
pub fn output(program: &str, args: &[&str], env: &Env) -> Option<String> {
    let out = command(program, args, env).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}
