//! JSON text without the whitespace between its tokens, at compile time: the default lesson is
//! built into the first view, and its file's indentation would be shipped with it.

/// Whether `byte` is whitespace JSON allows between tokens.
const fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\n' | b'\r' | b'\t')
}

/// Walks `text`, writing each byte kept into `out` (when given); how many were kept. Text in
/// strings is kept as it is, escapes included.
const fn walk(text: &[u8], mut out: Option<&mut [u8]>) -> usize {
    let (mut i, mut kept, mut in_string) = (0, 0, false);
    while i < text.len() {
        let byte = text[i];
        let keep = in_string || !is_space(byte);
        if keep {
            if let Some(out) = &mut out {
                out[kept] = byte;
            }
            kept += 1;
        }
        if in_string && byte == b'\\' && i + 1 < text.len() {
            // The escaped byte (a quote, say) is kept and ends nothing.
            i += 1;
            if let Some(out) = &mut out {
                out[kept] = text[i];
            }
            kept += 1;
        } else if byte == b'"' {
            in_string = !in_string;
        }
        i += 1;
    }
    kept
}

/// The length of `text` compacted: the `N` of [`compact`].
pub const fn compact_len(text: &str) -> usize {
    walk(text.as_bytes(), None)
}

/// `text` without whitespace outside its strings; `N` must be [`compact_len`]`(text)`.
pub const fn compact<const N: usize>(text: &str) -> [u8; N] {
    let mut out = [0u8; N];
    let kept = walk(text.as_bytes(), Some(&mut out));
    assert!(kept == N, "N must be compact_len(text)");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::read;

    fn compacted(text: &str) -> String {
        let mut out = vec![0u8; compact_len(text)];
        walk(text.as_bytes(), Some(&mut out));
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn whitespace_goes_between_tokens_and_stays_in_strings() {
        let text = "{\n  \"a b\": [1, 2 ,\t3],\r\n  \"q\": \"say \\\"hi\\\" \\\\ \", \"e\": \"\\n x\"\n}\n";
        assert_eq!(compacted(text), r#"{"a b":[1,2,3],"q":"say \"hi\" \\ ","e":"\n x"}"#);
        assert_eq!(read(&compacted(text)).unwrap(), read(text).unwrap());
        const SMALL: [u8; compact_len(" [ \"x y\" ] ")] = compact(" [ \"x y\" ] ");
        assert_eq!(&SMALL, br#"["x y"]"#);
    }

    #[test]
    fn every_lesson_file_reads_the_same_compacted() {
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/static/lessons")).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            assert_eq!(read(&compacted(&text)).unwrap(), read(&text).unwrap());
        }
    }
}
