//! The binary trunk builds: on wasm32 it mounts the app; natively it only explains itself.

#[cfg(target_arch = "wasm32")]
fn main() {
    async_playground::shell::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Async Playground runs in the browser: use `cargo xtask serve` (see README.md).");
}
