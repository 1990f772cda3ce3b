//! Diagnostics: collected per phase, reported together, sorted by location.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in an input, with its file and 1-based line (0: the whole file).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.line > 0 {
            write!(f, "{sev}: {}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{sev}: {}: {}", self.file, self.message)
        }
    }
}

/// What happened to a doc set's operations: the one-line summary of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Rows of the method tables.
    pub table_ops: usize,
    /// Operations read (after duplicates across docs are merged).
    pub read: usize,
    /// Operations that could not be read and were left out, each with a warning.
    pub skipped: usize,
    /// Facts repaired where the doc's intent was clear, each with a warning.
    pub repaired: usize,
    /// The same operation documented in several docs (multi-tag), kept once.
    pub duplicates: usize,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.table_ops += other.table_ops;
        self.read += other.read;
        self.skipped += other.skipped;
        self.repaired += other.repaired;
        self.duplicates += other.duplicates;
    }
}

/// The one-line summary of a doc set's run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The provider or the input's path.
    pub set: String,
    pub tally: Tally,
    pub warnings: usize,
    /// The provider expects its warnings (`expected_warnings: true`): they are not printed.
    pub quiet: bool,
    /// Weak and guessed facts, one line each, for a reviewer to check.
    pub doubts: Vec<String>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &self.tally;
        write!(
            f,
            "{}: {} of {} operation(s) read, {} skipped, {} repaired",
            self.set, t.read, t.table_ops, t.skipped, t.repaired
        )?;
        if t.duplicates > 0 {
            write!(f, ", {} documented in several docs (kept once)", t.duplicates)?;
        }
        write!(f, ", {} warning(s)", self.warnings)?;
        if self.quiet && self.warnings > 0 {
            write!(f, " (expected, not printed)")?;
        }
        for d in &self.doubts {
            write!(f, "\n  {d}")?;
        }
        Ok(())
    }
}

/// A sink for diagnostics about one file.
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
    pub tally: Tally,
}

impl Diagnostics {
    pub fn error(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.push(file, line, Severity::Error, message.into());
    }

    pub fn warning(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.push(file, line, Severity::Warning, message.into());
    }

    fn push(&mut self, file: &str, line: usize, severity: Severity, message: String) {
        self.items.push(Diagnostic {
            file: file.to_string(),
            line,
            severity,
            message,
        });
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
        self.tally.add(other.tally);
    }

    /// A fact repaired where the doc's intent is clear: a warning, counted in the summary.
    pub fn repaired(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.tally.repaired += 1;
        self.warning(file, line, message);
    }

    /// Takes the diagnostics of one operation that could not be read: its errors become
    /// warnings saying the operation was skipped, so that the rest of the doc is generated.
    pub fn skip_operation(&mut self, op: &str, local: Diagnostics) {
        self.tally.skipped += 1;
        self.tally.repaired += local.tally.repaired;
        for d in local.items {
            match d.severity {
                Severity::Error => self.warning(
                    &d.file,
                    d.line,
                    format!("{}; operation `{op}` skipped", d.message),
                ),
                Severity::Warning => self.items.push(d),
            }
        }
    }

    /// `--strict` / `strict: true`: every warning becomes an error.
    pub fn make_strict(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Warning)
    }

    /// Sorted by file, line, severity, message; duplicates removed.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort();
        self.items.dedup();
        self.items
    }
}

/// Failure of a whole step: every error found, sorted by location.
#[derive(Debug)]
pub struct Failed(pub Vec<Diagnostic>);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Failed {}
