//! The command line's scaffolding in Chinese: clap's help template,
//! section titles, value names, `-h/--help` and `-V/--version`, and the
//! few words clap writes itself (`[default: …]`, `[OPTIONS]`). Argument
//! errors are rendered in Chinese by `output`, with [`scaffolding`] for
//! the usage line.

use clap::{Arg, ArgAction, Command};

/// `0.1.0`, or `0.1.0（提交 1a2b3c4）` when built from a git checkout
/// (`build.rs`; a build from a tarball has no commit to name).
pub(crate) const VERSION: &str = env!("TONGBIAO_VERSION");

const TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}\n";

/// Value names by argument id (clap's default is the id in capitals).
const VALUE_NAMES: &[(&str, &str)] = &[
    ("paths", "路径"),
    ("path", "路径"),
    ("file", "文件"),
    ("input", "文件"),
    ("format", "格式"),
    ("color", "何时"),
    ("rules", "目录"),
    ("out", "路径"),
    ("mapping", "文件"),
    ("registry", "目录"),
    ("reference", "区划代码"),
    ("today", "日期"),
    ("date", "日期"),
    ("rule", "规则标识"),
    ("shell", "外壳"),
    ("outputs", "格式=文件"),
    ("fail_on", "级别"),
    ("select", "规则标识"),
    ("ignore", "规则标识"),
    ("baseline", "文件"),
    ("catalog", "目录"),
    ("code", "基本编码"),
    ("region", "区划代码"),
    ("id", "标识"),
    ("base_url", "网址"),
];

/// Words clap writes into help and usage itself, and their Chinese.
const WORDS: &[(&str, &str)] = &[
    ("Usage: ", "用法："),
    ("[OPTIONS]", "[选项]"),
    ("[default: ", "[默认："),
    ("[possible values: ", "[可选值："),
    ("Possible values:", "可选值："),
    ("[aliases: ", "[别名："),
    ("命令:\n", "命令：\n"),
    ("参数:\n", "参数：\n"),
    ("选项:\n", "选项：\n"),
];

/// The command tree with Chinese scaffolding, every subcommand included.
pub(crate) fn localize(cmd: Command) -> Command {
    let cmd = cmd
        .version(VERSION)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本号（及构建所用的提交）"),
        )
        .disable_help_subcommand(true)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .help_template(TEMPLATE)
        .mut_subcommands(localize_sub);
    common(cmd)
}

fn localize_sub(cmd: Command) -> Command {
    let cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .disable_help_subcommand(true);
    common(cmd.mut_subcommands(localize_sub))
}

/// What every command gets: its own `-h/--help`, Chinese headings and
/// value names.
fn common(cmd: Command) -> Command {
    let cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("显示帮助（-h 为摘要）"),
    );
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    ids.iter().fold(cmd, |cmd, id| {
        cmd.mut_arg(id, |a| {
            let heading = if a.is_positional() { "参数" } else { "选项" };
            let a = if a.get_help_heading().is_none() {
                a.help_heading(heading)
            } else {
                a
            };
            match VALUE_NAMES.iter().find(|(k, _)| *k == id) {
                Some((_, name)) => a.value_name(*name),
                None => a,
            }
        })
    })
}

/// Help or usage text as clap rendered it, with the words clap writes
/// itself put into Chinese.
pub(crate) fn scaffolding(text: &str) -> String {
    WORDS.iter().fold(text.to_string(), |t, (en, zh)| t.replace(en, zh))
}

#[cfg(test)]
mod tests {
    /// English clap would write into help or usage.
    const ENGLISH: &[&str] = &[
        "Usage",
        "Options",
        "Arguments",
        "Commands",
        "[OPTIONS]",
        "default:",
        "possible values",
        "Possible values",
        "Print help",
        "Print version",
        "<COMMAND>",
        "aliases",
        "env:",
    ];

    fn check(path: &str, text: &str) {
        for w in ENGLISH {
            assert!(!text.contains(w), "{path}: “{w}” in\n{text}");
        }
        let upper = regex::Regex::new(r"<[A-Z_]+>").unwrap();
        assert!(!upper.is_match(text), "{path}: an English value name in\n{text}");
    }

    #[test]
    fn help_and_usage_have_no_english_scaffolding() {
        fn walk(cmd: &mut clap::Command, path: &str) {
            check(path, &super::scaffolding(&cmd.render_help().to_string()));
            check(path, &super::scaffolding(&cmd.render_long_help().to_string()));
            check(path, &super::scaffolding(&cmd.render_usage().to_string()));
            for sub in cmd.get_subcommands_mut() {
                let p = format!("{path} {}", sub.get_name());
                walk(sub, &p);
            }
        }
        let mut cmd = super::super::command();
        cmd.build();
        walk(&mut cmd, "tongbiao");
    }

    #[test]
    fn the_version_starts_with_the_package_version() {
        assert!(super::VERSION.starts_with(env!("CARGO_PKG_VERSION")));
    }
}
