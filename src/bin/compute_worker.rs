//! The Web Worker of workers mode: trunk builds it as a worker binary beside the app, and the
//! pool on the page starts copies of it (see `shell::runtime::compute_worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    async_playground::shell::runtime::compute_worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the playground's Web Worker: it runs in the browser, started by the app.");
}
