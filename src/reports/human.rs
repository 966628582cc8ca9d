//! Findings for people: miette code frames in Chinese, then the summary
//! line.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan};
use rayon::prelude::*;

use super::excerpt::{excerpt, Excerpt};
use super::{concise, summary_line, tally, terminal};
use crate::diag::{Diagnostic, Severity};
use crate::lint::Outcome;

/// miette's view of one finding: its message and help escaped for the
/// terminal, and an excerpt of its file (see [`Excerpt`]).
struct View<'a> {
    d: &'a Diagnostic,
    message: String,
    help: Option<String>,
    src: Src,
}

/// The excerpt of a file miette is shown for one finding, reporting the
/// finding's own line and column (in characters, as the JSON output does)
/// whatever the excerpt's shape.
struct Src {
    name: String,
    ex: Excerpt,
    /// The finding's 1-based line and column, as every other format says.
    at: (usize, usize),
}

impl miette::SourceCode for Src {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let text = self.ex.text.as_str();
        let inner = text.read_span(span, context_lines_before, context_lines_after)?;
        let at = inner.span().offset().min(text.len());
        let (line, column) = if span.offset() == self.ex.label.0 && context_lines_before == 0 {
            (self.at.0.saturating_sub(1), self.at.1.saturating_sub(1))
        } else {
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            (inner.line() + self.ex.first_line, text[line_start..at].chars().count())
        };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            line,
            column,
            inner.line_count(),
        )))
    }
}

impl fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
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
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (s, e) = self.src.ex.label;
        let label =
            LabeledSpan::new_primary_with_span(Some(self.d.severity.label().to_string()), SourceSpan::from((s, e - s)));
        Some(Box::new(std::iter::once(label)))
    }
}

/// Human-readable report: one code frame per finding, then the summary.
/// Infos (待补充) are counted but only shown with `show_info`.
pub(crate) fn human(out: &Outcome, show_info: bool, color: bool) -> String {
    let mut s = frames(out, show_info, color);
    let c = tally(out);
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

/// How many findings one run draws as code frames; the rest are listed
/// one per line, in the same order (`--format concise` lines). 100,000
/// frames take seconds to draw and nobody reads them, but every finding
/// must be reported: the first thousand show where to start, the lines
/// keep the rest grep-able.
pub(crate) const FRAME_LIMIT: usize = 1000;

/// Each finding as a code frame, without the summary line: for findings
/// that are not a lint run's (a broken `rules/` met by another command).
/// Past [`FRAME_LIMIT`] the findings are listed one per line.
pub(crate) fn frames(out: &Outcome, show_info: bool, color: bool) -> String {
    let shown: Vec<&Diagnostic> = (out.diagnostics.iter())
        .filter(|d| show_info || d.severity != Severity::Info)
        .collect();
    let (framed, listed) = shown.split_at(shown.len().min(FRAME_LIMIT));
    let mut s = draw(out, framed, color);
    if !listed.is_empty() {
        s.push_str(&format!(
            "（以上为前 {} 条发现的代码框；其余 {} 条逐行列出：文件:行:列: 级别 规则 说明）\n",
            framed.len(),
            listed.len()
        ));
        let lines: Vec<String> = listed.par_iter().map(|d| concise::line(out, d)).collect();
        s.push_str(&lines.concat());
    }
    s
}

/// The code frames of `shown`, drawn in parallel and joined in order.
fn draw(out: &Outcome, shown: &[&Diagnostic], color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_context_lines(1)
        .with_width(width())
        .with_links(false);
    let drawn: Vec<String> = shown
        .par_iter()
        .map(|d| {
            let file = out.sources.get(d.file);
            let (start, end) = d.span().unwrap_or((0, 0));
            let view = View {
                d,
                message: terminal::safe(&d.message).into_owned(),
                help: d.help.as_deref().map(|h| terminal::safe(h).into_owned()),
                src: Src {
                    name: terminal::safe_line(&file.shown()).into_owned(),
                    ex: excerpt(file, start, end),
                    at: (d.line, d.column),
                },
            };
            let mut one = String::new();
            frame(&mut one, |f| handler.render_report(f, &view), || concise::line(out, d));
            one.push('\n');
            one
        })
        .collect();
    drawn.concat()
}

/// Draw one code frame into `s`; should the renderer fail (or panic) the
/// finding is still reported, on one line, and nothing drawn before is
/// lost.
fn frame(s: &mut String, render: impl FnOnce(&mut String) -> fmt::Result, fallback: impl FnOnce() -> String) {
    let mut one = String::new();
    let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| render(&mut one)));
    match drawn {
        Ok(Ok(())) => s.push_str(&one),
        _ => s.push_str(&fallback()),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::lint_with;

    const FILE: &str = "items/630101001000.json";

    #[test]
    fn a_finding_past_column_65535_is_drawn_clipped_not_a_panic() {
        let text = format!("{{\"a\": \"{}\", }}", "x".repeat(65_528));
        let out = lint_with(&[(FILE, Some(&text))]);
        let report = human(&out, false, false);
        assert!(report.contains("invalid-json"), "{report}");
        assert!(report.contains("630101001000.json:1:65537]"), "{report}");
        assert!(
            report.lines().all(|l| l.chars().count() < 400),
            "a line was not clipped"
        );
    }

    #[test]
    fn past_the_frame_limit_every_finding_is_still_listed_once_in_order() {
        let many = "其他相关材料、身份证等;".repeat(FRAME_LIMIT);
        let text = crate::testing::ITEM.replace("申请人已依法登记", &many);
        let out = lint_with(&[(FILE, Some(&text))]);
        let shown: Vec<&Diagnostic> = out
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Info)
            .collect();
        assert!(shown.len() > FRAME_LIMIT + 500, "{} findings", shown.len());
        let report = human(&out, false, false);
        assert_eq!(report.matches("╭─[").count(), FRAME_LIMIT);
        let (_, rest) = report
            .split_once("条逐行列出")
            .expect("the switch to one line each is announced");
        let listed: Vec<&str> = rest.lines().skip(1).filter(|l| l.contains(".json:")).collect();
        assert_eq!(listed.len(), shown.len() - FRAME_LIMIT);
        for (line, d) in listed.iter().zip(&shown[FRAME_LIMIT..]) {
            assert!(
                line.contains(&format!(":{}:{}: ", d.line, d.column)) && line.contains(d.rule),
                "{line}"
            );
        }
    }

    #[test]
    fn control_characters_in_files_keys_and_values_never_reach_the_terminal() {
        let text = crate::testing::ITEM.replacen("{", "{\n  \"\u{1b}]0;pwned\u{7}\u{9b}2J\u{202e}\": 1,", 1);
        let out = lint_with(&[(FILE, Some(&text))]);
        let report = human(&out, true, false);
        assert!(!report.chars().any(terminal::is_unsafe), "{report}");
        assert!(report.contains("\\u{1b}]0;pwned"), "{report}");
        let one_line = concise::concise(&out, true);
        assert!(!one_line.chars().any(terminal::is_unsafe), "{one_line}");
    }

    #[test]
    fn a_renderer_that_fails_or_panics_leaves_the_one_line_form() {
        let mut s = String::from("before\n");
        frame(
            &mut s,
            |one| {
                one.push_str("half a frame");
                Err(fmt::Error)
            },
            || "one line\n".into(),
        );
        #[allow(clippy::panic)]
        frame(&mut s, |_| panic!("renderer bug"), || "another line\n".into());
        frame(
            &mut s,
            |one| {
                one.push_str("frame\n");
                Ok(())
            },
            || "unused".into(),
        );
        assert_eq!(s, "before\none line\nanother line\nframe\n");
    }
}
