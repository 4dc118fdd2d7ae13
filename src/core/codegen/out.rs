//! A small writer for indented code: four spaces a level.

/// Code being written, line by line.
#[derive(Default)]
pub(super) struct Out {
    text: String,
    indent: usize,
}

impl Out {
    /// One line at the current indentation (an empty `line` writes an empty line).
    pub fn line(&mut self, line: &str) {
        if !line.is_empty() {
            for _ in 0..self.indent {
                self.text.push_str("    ");
            }
            self.text.push_str(line);
        }
        self.text.push('\n');
    }

    /// A line that opens a block: the lines after it are one level deeper.
    pub fn open(&mut self, line: &str) {
        self.line(line);
        self.indent += 1;
    }

    /// A line that closes a block, one level shallower.
    pub fn close(&mut self, line: &str) {
        self.indent = self.indent.saturating_sub(1);
        self.line(line);
    }

    /// Whether `line` fits in 100 columns at the current indentation.
    pub fn fits(&self, line: &str) -> bool {
        self.indent * 4 + line.chars().count() <= 100
    }

    /// `open`, the items separated by commas, `close`: on one line where it fits, else one item
    /// a line (each with a comma after it) between `open` and `close`.
    pub fn list(&mut self, open: &str, items: &[String], close: &str) {
        let inline = format!("{open}{}{close}", items.join(", "));
        if self.fits(&inline) {
            self.line(&inline);
        } else {
            self.open(open);
            for item in items {
                self.line(&format!("{item},"));
            }
            self.close(close);
        }
    }

    /// A line between two blocks, such as `} else {`: one level shallower than the lines around it.
    pub fn middle(&mut self, line: &str) {
        self.close(line);
        self.indent += 1;
    }

    /// One level deeper from here on, without a line (for a chain of calls).
    pub fn indent_in(&mut self) {
        self.indent += 1;
    }

    /// One level shallower from here on.
    pub fn indent_out(&mut self) {
        self.indent = self.indent.saturating_sub(1);
    }

    /// Several lines (a helper written out in full), each at the current indentation plus its
    /// own. A leading line break is skipped, so blocks can be written as `"\n..."` constants.
    pub fn block(&mut self, block: &str) {
        for line in block.strip_prefix('\n').unwrap_or(block).lines() {
            self.line(line);
        }
    }

    /// An empty line, unless the last one already is, or opens a block (or nothing has been
    /// written).
    pub fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") && !self.text.ends_with("{\n") {
            self.text.push('\n');
        }
    }

    /// Appends `text` to the last line written (say, the `;` that ends a chain of calls).
    pub fn append(&mut self, text: &str) {
        if self.text.ends_with('\n') {
            self.text.pop();
            self.text.push_str(text);
            self.text.push('\n');
        } else {
            self.text.push_str(text);
        }
    }

    pub fn finish(self) -> String {
        self.text
    }
}
