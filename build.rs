//! Asks the linker for a map of the page's wasm when the release build wants one: `cargo xtask
//! build` sets `ASYNC_PLAYGROUND_LINK_MAP` to where the split (`xtask/src/split.rs`) reads it,
//! to learn where each constant of the wasm's memory begins and ends. Nothing else changes.

fn main() {
    println!("cargo:rerun-if-env-changed=ASYNC_PLAYGROUND_LINK_MAP");
    let wasm = std::env::var("TARGET").is_ok_and(|target| target.starts_with("wasm32"));
    if let (true, Ok(map)) = (wasm, std::env::var("ASYNC_PLAYGROUND_LINK_MAP")) {
        println!("cargo:rustc-link-arg-bin=async-playground=--Map={map}");
    }
}
