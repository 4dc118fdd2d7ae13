//! Shortens the names a wasm binary and its JavaScript bindings know each other by. wasm-bindgen
//! names each import after what it calls, with a hash (`__wbg_addEventListener_847fd86b8c33ec43`),
//! and the name is written twice: in the wasm's import section and as a key of the object the
//! bindings hand the wasm when they start it. For the app's 270-odd imports that was 9 KB of the
//! compressed first view, as hashes hardly compress. After the release build each such import
//! gets a short name (`a`, `b`, … `Z`, `ba`, …) and their module the name `a`, in both files at
//! once; so do the exports the bindings call (`__wbindgen_malloc`, the closures' invokers named
//! with a hash, `…_invoke__h0c4c…`), as `$a`, `$b`, … A file that is not the shape wasm-bindgen
//! writes (an import that is not a key of the bindings exactly once, a hashed export they never
//! name, a truncated section) is an error, never a half-renamed pair. The files keep trunk's names, which follow what trunk
//! built: the renaming is the same every time, so one name always holds one content.

use std::collections::HashMap;
use std::path::Path;

/// A wasm binary and its bindings with the imports renamed.
#[derive(Debug)]
pub struct Shortened {
    pub wasm: Vec<u8>,
    pub js: String,
    /// How many imports and exports were renamed.
    pub renamed: usize,
}

/// Renames every import of `wasm` from its bindings' module (the one whose name ends in
/// `_bg.js`), and every export named with a hash, in both `wasm` and `js`.
pub fn shorten(wasm: &[u8], js: &str) -> Result<Shortened, String> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("not a wasm binary (version 1)".into());
    }
    let mut out = wasm[..8].to_vec();
    let mut names: HashMap<String, String> = HashMap::new();
    let mut exported: Vec<(String, String)> = Vec::new();
    let mut module = None;
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, body) = leb(wasm, at + 1)?;
        let end = body
            .checked_add(size as usize)
            .filter(|&e| e <= wasm.len())
            .ok_or("a section runs past the end")?;
        if id == 2 || id == 7 {
            let section = if id == 2 {
                imports(&wasm[body..end], &mut names, &mut module)?
            } else {
                exports(&wasm[body..end], js, &mut exported)?
            };
            out.push(id);
            write_leb(&mut out, section.len() as u64);
            out.extend(section);
        } else {
            out.extend(&wasm[at..end]);
        }
        at = end;
    }
    let mut js = js.to_string();
    for (old, new) in &exported {
        let places = identifier_places(&js, old);
        if places.is_empty() {
            return Err(format!("the bindings never name the export {old}"));
        }
        for place in places.into_iter().rev() {
            js.replace_range(place..place + old.len(), new);
        }
    }
    let Some(module) = module else {
        return Ok(Shortened { wasm: out, js, renamed: exported.len() });
    };
    let quoted = ['"', '\'', '`'].map(|q| (format!("{q}{module}{q}"), format!("{q}a{q}")));
    let found: Vec<_> = quoted.iter().filter(|(q, _)| js.contains(q.as_str())).collect();
    match found[..] {
        [(old, new)] if js.matches(old.as_str()).count() == 1 => js = js.replacen(old.as_str(), new, 1),
        _ => return Err(format!("the bindings do not name the module {module} once, as a key")),
    }
    if js.contains(&module) {
        return Err(format!("the bindings name the module {module} elsewhere too"));
    }
    for (old, new) in &names {
        let places = identifier_places(&js, old);
        let [place] = places[..] else {
            return Err(format!("the bindings have the import {old} {} times, not once", places.len()));
        };
        if !js[place + old.len()..].trim_start().starts_with(':') {
            return Err(format!("the import {old} is not a key in the bindings"));
        }
        js.replace_range(place..place + old.len(), new);
    }
    Ok(Shortened { wasm: out, js, renamed: names.len() + exported.len() })
}

/// Shortens the names of every wasm binary in `dist` with bindings beside it (`x_bg.wasm` and
/// `x.js`); returns how many were renamed in all.
pub fn apply(dist: &Path) -> Result<usize, String> {
    let mut renamed = 0;
    for entry in std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix("_bg.wasm") else { continue };
        let bindings = dist.join(format!("{stem}.js"));
        if !bindings.exists() {
            continue;
        }
        let wasm = std::fs::read(entry.path()).map_err(|e| format!("{name}: {e}"))?;
        let js = std::fs::read_to_string(&bindings).map_err(|e| format!("{stem}.js: {e}"))?;
        let short = shorten(&wasm, &js).map_err(|e| format!("{name} and {stem}.js: {e}"))?;
        std::fs::write(entry.path(), &short.wasm).map_err(|e| format!("{name}: {e}"))?;
        std::fs::write(&bindings, &short.js).map_err(|e| format!("{stem}.js: {e}"))?;
        renamed += short.renamed;
    }
    Ok(renamed)
}

/// The import section with the bindings' imports renamed (new names taken in order).
fn imports(
    section: &[u8],
    names: &mut HashMap<String, String>,
    module: &mut Option<String>,
) -> Result<Vec<u8>, String> {
    let (count, mut at) = leb(section, 0)?;
    let mut out = Vec::new();
    write_leb(&mut out, count);
    for _ in 0..count {
        let (from, after_module) = name(section, at)?;
        let (field, after_field) = name(section, after_module)?;
        let end = description_end(section, after_field)?;
        let ours = from.ends_with("_bg.js");
        if ours {
            match module {
                Some(m) if *m != from => return Err(format!("imports from two bindings, {m} and {from}")),
                _ => *module = Some(from.clone()),
            }
            let next = short_name(names.len());
            let new = names.entry(field.clone()).or_insert(next).clone();
            write_name(&mut out, "a");
            write_name(&mut out, &new);
        } else {
            write_name(&mut out, &from);
            write_name(&mut out, &field);
        }
        out.extend(&section[after_field..end]);
        at = end;
    }
    if at != section.len() {
        return Err("the import section has bytes after its last import".into());
    }
    Ok(out)
}

/// The export section with wasm-bindgen's exports that the bindings name (`__wbindgen_malloc`,
/// and each named with a hash, which they must name) renamed `$a`, `$b`, … (in `renamed`).
/// Other exports keep their names: whatever else uses them still finds them.
fn exports(section: &[u8], js: &str, renamed: &mut Vec<(String, String)>) -> Result<Vec<u8>, String> {
    let (count, mut at) = leb(section, 0)?;
    let mut out = Vec::new();
    write_leb(&mut out, count);
    for _ in 0..count {
        let (field, after) = name(section, at)?;
        let kind = *section.get(after).ok_or("an export has no kind")?;
        let (_, end) = leb(section, after + 1)?;
        // Only wasm-bindgen's own names: a plain word (`memory`) could also be something else's.
        let internal = field.starts_with("__") && !identifier_places(js, &field).is_empty();
        if hashed(&field) || internal {
            let new = format!("${}", short_name(renamed.len()));
            write_name(&mut out, &new);
            renamed.push((field, new));
        } else {
            write_name(&mut out, &field);
        }
        out.push(kind);
        out.extend(&section[after + 1..end]);
        at = end;
    }
    if at != section.len() {
        return Err("the export section has bytes after its last export".into());
    }
    Ok(out)
}

/// Whether a name carries a Rust symbol hash: `__h` and 16 hex digits.
fn hashed(name: &str) -> bool {
    name.match_indices("__h").any(|(at, _)| {
        let digits = &name.as_bytes()[at + 3..];
        digits.len() >= 16 && digits[..16].iter().all(|b| b.is_ascii_hexdigit())
    })
}

/// Where an import's description (after its two names) ends.
fn description_end(b: &[u8], at: usize) -> Result<usize, String> {
    let kind = *b.get(at).ok_or("an import has no kind")?;
    let limits = |at: usize| -> Result<usize, String> {
        let flags = *b.get(at).ok_or("a limit has no flags")?;
        let (_, at) = leb(b, at + 1)?;
        if flags & 1 == 1 {
            Ok(leb(b, at)?.1)
        } else {
            Ok(at)
        }
    };
    match kind {
        0 => Ok(leb(b, at + 1)?.1), // a function: its type
        1 => limits(at + 2),        // a table: its element type, its limits
        2 => limits(at + 1),        // a memory: its limits
        3 => Ok(at + 3),            // a global: its value type and mutability
        4 => Ok(leb(b, at + 2)?.1), // a tag: its attribute and type
        k => Err(format!("an import of unknown kind {k}")),
    }
}

/// The `n`th short name: letters only, so never a JavaScript keyword-like key or `__proto__`.
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut out = Vec::new();
    loop {
        out.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

/// Where `name` stands in `js` as a whole identifier (not inside a longer one).
fn identifier_places(js: &str, name: &str) -> Vec<usize> {
    let part = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    js.match_indices(name)
        .map(|(at, _)| at)
        .filter(|&at| !js[..at].ends_with(part) && !js[at + name.len()..].starts_with(part))
        .collect()
}

fn leb(b: &[u8], mut at: usize) -> Result<(u64, usize), String> {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let byte = *b.get(at).ok_or("a number runs past the end")?;
        at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
        shift += 7;
        if shift > 63 {
            return Err("a number is too long".into());
        }
    }
}

fn write_leb(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn name(b: &[u8], at: usize) -> Result<(String, usize), String> {
    let (len, at) = leb(b, at)?;
    let end = at.checked_add(len as usize).filter(|&e| e <= b.len()).ok_or("a name runs past the end")?;
    let text = std::str::from_utf8(&b[at..end]).map_err(|_| "a name is not UTF-8")?;
    Ok((text.to_string(), end))
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u64);
    out.extend(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wasm binary: a type section, then imports (module, field, description bytes), then a
    /// custom section, to check that the others pass through unchanged.
    fn binary(imports: &[(&str, &str, &[u8])]) -> Vec<u8> {
        let mut out = b"\0asm\x01\0\0\0".to_vec();
        out.extend([1, 4, 1, 0x60, 0, 0]); // one type: () -> ()
        let mut section = Vec::new();
        write_leb(&mut section, imports.len() as u64);
        for (module, field, description) in imports {
            write_name(&mut section, module);
            write_name(&mut section, field);
            section.extend(*description);
        }
        out.push(2);
        write_leb(&mut out, section.len() as u64);
        out.extend(section);
        out.extend([0, 5, 4, b'n', b'o', b't', b'e']);
        out
    }

    const JS: &str = "function S(){return{__proto__:null,\"./app_bg.js\":{__proto__:null,\
        __wbg_fetch_0123456789abcdef:function(e){return fetch(e)},\
        __wbg_now_fedcba9876543210 : function(){return performance.now()}}}}";

    #[test]
    fn renames_the_bindings_imports_in_both_files_and_nothing_else() {
        let wasm = binary(&[
            ("./app_bg.js", "__wbg_fetch_0123456789abcdef", &[0, 0]),
            ("env", "memory", &[2, 1, 1, 2]),
            ("./app_bg.js", "__wbg_now_fedcba9876543210", &[0, 0]),
            ("env", "table", &[1, 0x70, 0, 4]),
        ]);
        let short = shorten(&wasm, JS).unwrap();
        assert_eq!(short.renamed, 2);
        assert_eq!(
            short.wasm,
            binary(&[
                ("a", "a", &[0, 0]),
                ("env", "memory", &[2, 1, 1, 2]),
                ("a", "b", &[0, 0]),
                ("env", "table", &[1, 0x70, 0, 4])
            ])
        );
        assert_eq!(
            short.js,
            "function S(){return{__proto__:null,\"a\":{__proto__:null,a:function(e){return fetch(e)},\
             b : function(){return performance.now()}}}}"
        );
        assert!(short.wasm.len() < wasm.len() && short.js.len() < JS.len());
    }

    #[test]
    fn refuses_bindings_it_cannot_rename_exactly() {
        let wasm = binary(&[("./app_bg.js", "__wbg_fetch_0123456789abcdef", &[0, 0])]);
        // The name used as more than a key, or not at all: nothing is written.
        let twice = JS.replace("return fetch(e)", "return __wbg_fetch_0123456789abcdef");
        assert!(shorten(&wasm, &twice).unwrap_err().contains("2 times"));
        let gone = JS.replace("__wbg_fetch_0123456789abcdef", "x");
        assert!(shorten(&wasm, &gone).unwrap_err().contains("0 times"));
        let no_module = JS.replace("\"./app_bg.js\"", "x");
        assert!(shorten(&wasm, &no_module).unwrap_err().contains("module"));
        // A longer identifier that contains the name is not the name.
        let longer = JS.replace("return fetch(e)", "return __wbg_fetch_0123456789abcdef_2");
        assert_eq!(shorten(&wasm, &longer).unwrap().renamed, 1);
        // Broken binaries.
        assert!(shorten(b"\0asm\x02\0\0\0", JS).is_err());
        let mut cut = wasm.clone();
        cut.truncate(20);
        assert!(shorten(&cut, JS).is_err());
    }

    /// `wasm` with an export section of these (name, kind, index) appended.
    fn with_exports(mut wasm: Vec<u8>, exports: &[(&str, u8, u8)]) -> Vec<u8> {
        let mut section = Vec::new();
        write_leb(&mut section, exports.len() as u64);
        for (name, kind, index) in exports {
            write_name(&mut section, name);
            section.extend([*kind, *index]);
        }
        wasm.push(7);
        write_leb(&mut wasm, section.len() as u64);
        wasm.extend(section);
        wasm
    }

    #[test]
    fn renames_hashed_exports_wherever_the_bindings_name_them() {
        const INVOKE: &str = "wasm_bindgen__convert__closures_____invoke__h0c4cd08bfdb62630";
        let imports = [("./app_bg.js", "__wbg_fetch_0123456789abcdef", &[0u8, 0][..])];
        let exports = [("memory", 2, 0), (INVOKE, 0, 3), ("__wbindgen_malloc", 0, 4), ("__main", 0, 5)];
        let wasm = with_exports(binary(&imports), &exports);
        let js = format!(
            "{JS};function k(a){{o.{INVOKE}(a);o.__wbindgen_malloc(new Uint8Array(o.memory.buffer));return o.{INVOKE}}}"
        );
        let short = shorten(&wasm, &js).unwrap();
        assert_eq!(short.renamed, 3);
        // A plain word (the memory) and what the bindings never name keep their names.
        let expected = [("memory", 2, 0), ("$a", 0, 3), ("$b", 0, 4), ("__main", 0, 5)];
        assert_eq!(short.wasm, with_exports(binary(&[("a", "a", &[0, 0])]), &expected));
        assert!(
            short.js.ends_with("function k(a){o.$a(a);o.$b(new Uint8Array(o.memory.buffer));return o.$a}"),
            "{}",
            short.js
        );
        // A hashed export the bindings never name: refused.
        assert!(shorten(&wasm, JS).unwrap_err().contains("never name the export"));
        assert!(hashed(INVOKE) && hashed(&format!("{INVOKE}_5")));
        assert!(!hashed("__wbindgen_malloc") && !hashed("x__h0c4c"));
    }

    #[test]
    fn a_binary_without_bindings_imports_is_left_as_it_is() {
        let wasm = binary(&[("env", "memory", &[2, 0, 1])]);
        let short = shorten(&wasm, "let x = 1;").unwrap();
        assert_eq!((short.wasm, short.js.as_str(), short.renamed), (wasm, "let x = 1;", 0));
    }

    #[test]
    fn short_names_are_letters_and_distinct() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!((&names[0][..], &names[51][..], &names[52][..]), ("a", "Z", "ba"));
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert!(names.iter().all(|n| n.chars().all(|c| c.is_ascii_alphabetic())));
    }
}
