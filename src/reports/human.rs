//! Findings for people: miette code frames in Chinese, then the summary
//! line.

use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan};

use super::{counts, summary_line};
use crate::diag::{Diagnostic, Severity};
use crate::lint::Outcome;

/// miette's view of one finding.
struct View<'a> {
    d: &'a Diagnostic,
    src: Src,
}

/// The file text for miette, reporting columns in characters (miette
/// counts bytes, which disagrees with our JSON output for Chinese text).
struct Src {
    name: String,
    text: Arc<str>,
}

impl miette::SourceCode for Src {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self.text.read_span(span, context_lines_before, context_lines_after)?;
        let at = inner.span().offset().min(self.text.len());
        let line_start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        let column = self.text[line_start..at].chars().count();
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

impl fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for View<'_> {}

impl miette::Diagnostic for View<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.d.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.d.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (s, e) = self.d.span.unwrap_or((0, 0));
        // Keep labels to one line: a whole-object span would print the
        // entire object; its first line is where to look.
        let text = &self.src.text[s.min(self.src.text.len())..];
        let first_line = text.find('\n').map_or(e - s.min(e), |n| n.min(e.saturating_sub(s)));
        let label = LabeledSpan::new_primary_with_span(
            Some(self.d.severity.label().to_string()),
            SourceSpan::from((s, first_line)),
        );
        Some(Box::new(std::iter::once(label)))
    }
}

/// Human-readable report: one code frame per finding, then the summary.
/// Infos (待补充) are counted but only shown with `show_info`.
pub(crate) fn human(out: &Outcome, show_info: bool, color: bool) -> String {
    let mut s = frames(out, show_info, color);
    let c = counts(&out.diagnostics);
    if c.info > 0 && !show_info {
        s.push_str(&format!(
            "（另有 {} 条提示未显示，如待补充的统一社会信用代码；加 --show-info 查看）\n",
            c.info
        ));
    }
    s.push_str(&summary_line(out));
    s.push('\n');
    s
}

/// Each finding as a code frame, without the summary line: for findings
/// that are not a lint run's (a broken `rules/` met by another command).
pub(crate) fn frames(out: &Outcome, show_info: bool, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_context_lines(1)
        .with_width(width())
        .with_links(false);
    let mut s = String::new();
    for d in &out.diagnostics {
        if d.severity == Severity::Info && !show_info {
            continue;
        }
        let file = out.sources.get(d.file);
        let view = View {
            d,
            src: Src {
                name: file.shown(),
                text: file.text.clone(),
            },
        };
        let _ = handler.render_report(&mut s, &view);
        s.push('\n');
    }
    s
}

/// The width code frames wrap at: the terminal's when standard output is
/// one, else 100 (files, pipes and snapshot tests stay the same).
fn width() -> usize {
    use std::io::IsTerminal as _;
    if !std::io::stdout().is_terminal() {
        return 100;
    }
    match terminal_size::terminal_size() {
        Some((terminal_size::Width(w), _)) if w >= 40 => usize::from(w),
        _ => 100,
    }
}
