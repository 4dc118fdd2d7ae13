/// Logs a task that has finished: `done: <label>`.
fn done(label: &str) {
    log(&format!("done: {label}"));
}
