//! Tool versions, read from where they are pinned: trunk and its tools in Trunk.toml, the
//! wasm-bindgen crate in Cargo.lock (the two must agree), the npm packages in
//! tests/e2e/package-lock.json.

use std::fs;

/// esbuild, which minifies the app's JavaScript bindings after the release build (npm, into
/// `.tools/`; not a trunk tool, so pinned here).
pub const ESBUILD: &str = "0.25.12";

pub struct Pins {
    pub trunk: String,
    pub wasm_bindgen: String,
    /// binaryen's version number, e.g. `132` for `version_132`.
    pub wasm_opt: String,
}

pub fn read() -> Result<Pins, String> {
    let root = crate::root();
    let trunk_toml = fs::read_to_string(root.join("Trunk.toml")).map_err(|e| format!("Trunk.toml: {e}"))?;
    let lock = fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let get =
        |key: &str| toml_string(&trunk_toml, key).ok_or_else(|| format!("Trunk.toml has no `{key} = \"…\"`"));
    let trunk = get("trunk-version")?.trim_start_matches('=').to_string();
    let wasm_bindgen = get("wasm_bindgen")?;
    let wasm_opt = get("wasm_opt")?
        .strip_prefix("version_")
        .ok_or("Trunk.toml's wasm_opt must look like `version_132`")?
        .to_string();
    let locked = lock_version(&lock, "wasm-bindgen").ok_or("Cargo.lock names no wasm-bindgen")?;
    if locked != wasm_bindgen {
        return Err(format!(
            "Trunk.toml pins wasm_bindgen {wasm_bindgen} but Cargo.lock has wasm-bindgen {locked}: \
             make them equal (Cargo.toml pins the crate with `=`)"
        ));
    }
    Ok(Pins { trunk, wasm_bindgen, wasm_opt })
}

/// The string value of `key = "value"` on a line of its own.
fn toml_string(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        if k.trim() != key {
            return None;
        }
        let v = v.trim();
        Some(v.strip_prefix('"')?.split('"').next()?.to_string())
    })
}

/// The version of a package in Cargo.lock.
fn lock_version(lock: &str, package: &str) -> Option<String> {
    let marker = format!("name = \"{package}\"\n");
    let at = lock.find(&marker)? + marker.len();
    toml_string(lock[at..].lines().next()?, "version")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pins_from_toml_lines() {
        let text = "trunk-version = \"=0.21.14\"\n[tools]\nwasm_bindgen = \"0.2.130\" # pinned\n";
        assert_eq!(toml_string(text, "wasm_bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(toml_string(text, "trunk-version").as_deref(), Some("=0.21.14"));
        assert_eq!(toml_string(text, "wasm_opt"), None);
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(lock_version(lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(lock_version(lock, "yew"), None);
    }

    #[test]
    fn the_repository_pins_agree() {
        let pins = read().unwrap();
        assert!(!pins.trunk.is_empty() && !pins.wasm_opt.is_empty() && !pins.wasm_bindgen.is_empty());
    }
}
