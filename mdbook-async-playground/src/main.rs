//! The preprocessor's command, as mdBook runs it: `supports <renderer>` answers (every renderer:
//! the frame is HTML, which other renderers pass through or drop), and with no argument it reads
//! `[context, book]` as JSON from stdin and writes the book back to stdout.

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("supports") {
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(book) => {
            println!("{book}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("async-playground: {why}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, String> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|e| format!("reading the book from mdBook: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&input).map_err(|e| format!("mdBook's input is not JSON: {e}"))?;
    let [context, book] = value.as_array().map(Vec::as_slice).unwrap_or_default() else {
        return Err("mdBook's input is not [context, book]".into());
    };
    let url = mdbook_async_playground::url_of(context)?;
    let mut book = book.clone();
    mdbook_async_playground::process(&url, &mut book)?;
    Ok(book.to_string())
}
