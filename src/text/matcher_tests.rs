use super::*;
use crate::text::lexicon::{ContextEntry, VagueClass};
use crate::text::patterns::SET_MAX_BYTES;

fn entry(pattern: &str, class: VagueClass) -> LexiconEntry {
    LexiconEntry {
        pattern: pattern.into(),
        regex: false,
        unless: None,
        class,
        message: String::new(),
        rewrite: String::new(),
        policy: String::new(),
        after_list: false,
        whole_field: false,
    }
}

fn allow(term: &str, regex: bool) -> AllowEntry {
    AllowEntry {
        term: term.into(),
        regex,
        note: String::new(),
    }
}

fn matcher() -> Matcher {
    let mut deng = entry("等", VagueClass::OpenList);
    deng.after_list = true;
    let mut wu = entry("无", VagueClass::Placeholder);
    wu.whole_field = true;
    let allow = ["其他组织", "等级", "一等奖"].map(|t| allow(t, false));
    Matcher::build(
        &[
            entry("其他相关材料", VagueClass::CatchAll),
            entry("有关规定", VagueClass::VagueReference),
            deng,
            wu,
        ],
        &allow,
        &[],
        &["依据".to_string()],
    )
    .unwrap()
}

fn found<'a>(m: &Matcher, text: &'a str) -> Vec<&'a str> {
    let mut u = Usage::new(m, 8);
    m.find(text, &mut u).iter().map(|h| &text[h.start..h.end]).collect()
}

#[test]
fn finds_phrases_and_maps_back_to_original() {
    let m = matcher();
    assert_eq!(found(&m, "提交其他 相關材料"), ["其他 相關材料"]);
    assert_eq!(found(&m, "身份证、户口簿等材料"), ["等"]);
}

#[test]
fn allow_list_and_titles_win() {
    let m = matcher();
    assert_eq!(found(&m, "公民、法人或者其他组织"), Vec::<&str>::new());
    assert_eq!(found(&m, "荣获省级、市级一等奖"), Vec::<&str>::new());
    assert_eq!(found(&m, "资质等级证书"), Vec::<&str>::new());
    assert_eq!(found(&m, "依据《关于执行有关规定的通知》办理"), Vec::<&str>::new());
    assert_eq!(found(&m, "符合有关规定"), ["有关规定"]);
}

#[test]
fn whole_field_and_after_list_conditions() {
    let m = matcher();
    assert_eq!(found(&m, "无"), ["无"]);
    assert_eq!(found(&m, "无犯罪记录证明"), Vec::<&str>::new());
    assert_eq!(found(&m, "等待审核"), Vec::<&str>::new());
    assert_eq!(found(&m, "提交身份证。户口簿等"), Vec::<&str>::new());
    assert_eq!(found(&m, "甲、乙。丙等；丁、戊等"), ["等"]);
}

#[test]
fn whole_field_entries_take_the_value_of_a_field_row() {
    let m = matcher();
    assert_eq!(found(&m, "委托部门：无"), ["无"]);
    assert_eq!(found(&m, "收费依据  无。"), ["无"]);
    // A label ending in a field's head noun needs no separator.
    assert_eq!(found(&m, "收费依据无"), ["无"]);
    // Not the whole value, or no separator between label and value.
    assert_eq!(found(&m, "委托部门：无委托"), Vec::<&str>::new());
    assert_eq!(found(&m, "材料有无"), Vec::<&str>::new());
    assert_eq!(found(&m, "申请人并无"), Vec::<&str>::new());
}

#[test]
fn patterns_unless_and_pattern_allow_terms() {
    let mut catch = entry("其他.{0,4}(材料|证明)", VagueClass::CatchAll);
    catch.regex = true;
    let mut by_rule = entry("(按|依|根据|符合)(国家|有关|相关)?规定", VagueClass::VagueReference);
    by_rule.regex = true;
    by_rule.unless = Some("《|第[0-9一二三四五六七八九十百]+条".into());
    let mut deng = entry("等", VagueClass::OpenList);
    deng.after_list = true;
    let m = Matcher::new(
        &[catch, by_rule, deng, entry("相关材料", VagueClass::VagueReference)],
        &[allow("等[0-9一二三四五六七八九十]+[种类项]", true)],
    )
    .unwrap();
    assert_eq!(found(&m, "提交其他有关证明"), ["其他有关证明"]);
    // The longer catch-all covers the reference inside it: reported once.
    assert_eq!(found(&m, "其他相关材料"), ["其他相关材料"]);
    assert_eq!(found(&m, "符合规定的条件"), ["符合规定"]);
    assert_eq!(found(&m, "符合《某条例》规定的条件"), Vec::<&str>::new());
    assert_eq!(found(&m, "依照本法第十条规定"), Vec::<&str>::new());
    // The veto is per clause: a title in the next clause does not help.
    assert_eq!(found(&m, "按规定办理。详见《某办法》"), ["按规定"]);
    assert_eq!(found(&m, "甲、乙等3类"), Vec::<&str>::new());
    assert_eq!(found(&m, "甲、乙等材料"), ["等"]);
}

#[test]
fn bad_patterns_are_errors_with_their_place() {
    let mut bad = entry("其他(材料", VagueClass::CatchAll);
    bad.regex = true;
    let long = "其".repeat(MAX_PHRASE_CHARS + 1);
    let mut veto = entry("按规定", VagueClass::VagueReference);
    veto.unless = Some("[".into());
    let Err(errs) = Matcher::new(
        &[bad, entry(&long, VagueClass::CatchAll), veto],
        &[allow(&"等".repeat(MAX_PHRASE_CHARS + 5), false)],
    ) else {
        panic!("bad patterns must not build")
    };
    let at: Vec<&str> = errs.iter().map(|e| e.pointer.as_str()).collect();
    assert_eq!(
        at,
        [
            "/entries/0/pattern",
            "/entries/1/pattern",
            "/entries/2/unless",
            "/allow/0/term"
        ]
    );
    assert!(errs[0].message.contains("正则表达式"), "{}", errs[0].message);
    assert!(errs[1].message.contains("用语过长"), "{}", errs[1].message);
}

#[test]
fn a_huge_repetition_is_refused_not_built() {
    let mut huge = entry("(其他.{0,1000}){1000}", VagueClass::CatchAll);
    huge.regex = true;
    assert!(Matcher::new(&[huge], &[]).is_err());
}

#[test]
fn invisible_and_bidi_controls_do_not_hide_a_phrase() {
    let m = matcher();
    for c in [
        '\u{200b}', '\u{200d}', '\u{2060}', '\u{202e}', '\u{202a}', '\u{2066}', '\u{2069}', '\u{feff}', '\u{061c}',
    ] {
        let text = format!("提交其他{c}相关材料");
        assert_eq!(found(&m, &text).len(), 1, "U+{:04X}", c as u32);
    }
}

#[test]
fn a_hit_group_narrows_the_reported_words() {
    let mut deng = entry("(?P<hit>等)(材料|部门)", VagueClass::OpenList);
    deng.regex = true;
    let m = Matcher::new(&[deng], &[]).unwrap();
    assert_eq!(found(&m, "海关等部门"), ["等"]);
    assert_eq!(found(&m, "等待"), Vec::<&str>::new());
}

/// An allow pattern with a `hit` group allows only those words: the
/// context around them (the 或 of an alternative) decides, but a vague
/// phrase elsewhere in the matched context is still reported.
#[test]
fn a_hit_group_narrows_an_allowed_span() {
    let m = Matcher::new(
        &[
            entry("本市户籍", VagueClass::Discriminatory),
            entry("相关材料", VagueClass::VagueReference),
        ],
        &[allow("(?P<hit>本市户籍)[^。]{0,20}?或", true)],
    )
    .unwrap();
    assert_eq!(found(&m, "提交本市户籍证明或居住证"), Vec::<&str>::new());
    assert_eq!(found(&m, "提交本市户籍证明、相关材料或居住证"), ["相关材料"]);
    assert_eq!(found(&m, "申请人须为本市户籍"), ["本市户籍"]);
}

/// Issue 15: many phrases in one string and a phrase at the end of a long
/// line are all found (the context checks are cursors, not rescans; timing
/// is measured by scripts/bench_text.py, not here).
#[test]
fn many_phrases_in_one_string_and_a_phrase_at_the_end_of_a_long_line() {
    let m = matcher();
    let text = "其他相关材料、身份证等".repeat(20_000);
    let hits = found(&m, &text);
    assert_eq!(hits.len(), 40_000);
    assert_eq!(hits.iter().filter(|h| **h == "等").count(), 20_000);
    let long = format!("{}提交其他相关材料", "申请人提交身份证明".repeat(100_000));
    assert_eq!(found(&m, &long), ["其他相关材料"]);
}

/// The pattern sets only decide which patterns run; short texts (through
/// the sets) and long ones (pattern by pattern) must give the same hits,
/// allow patterns included, and the set must not keep a pattern from
/// running when only it matches.
#[test]
fn pattern_sets_change_nothing_but_speed() {
    let mut p = entry("其[他它][^,。]{0,6}?(材料|证明)", VagueClass::CatchAll);
    p.regex = true;
    let mut q = entry("(?P<hit>等)(材料|部门)", VagueClass::OpenList);
    q.regex = true;
    let m = Matcher::new(&[p, q], &[allow("(户内)其他(人员|材料)", true)]).unwrap();
    assert!(m.sets.0.is_some() && m.sets.1.is_some());
    let short = "提交其他有关证明，户内其他材料，户口簿等材料";
    assert_eq!(found(&m, short), ["其他有关证明", "等"]);
    let pad = "申请人提交身份证明。".repeat(SET_MAX_BYTES / 10 + 1);
    let long = format!("{pad}{short}");
    assert!(long.len() > SET_MAX_BYTES);
    assert_eq!(found(&m, &long), ["其他有关证明", "等"]);
    assert_eq!(found(&m, "只有等部门"), ["等"]);
    assert_eq!(found(&m, "户内其他材料"), Vec::<&str>::new());
}

fn context(classes: &[VagueClass], before: Option<&str>, after: Option<&str>, within: Option<&str>) -> ContextEntry {
    ContextEntry {
        classes: classes.to_vec(),
        hit: None,
        before: before.map(str::to_string),
        after: after.map(str::to_string),
        within: within.map(str::to_string),
        scope: crate::text::lexicon::ContextScope::Clause,
        note: String::new(),
    }
}

#[test]
fn context_rules_veto_by_the_text_around_the_hit_and_only_their_classes() {
    let mut deng = entry("等", VagueClass::OpenList);
    deng.after_list = true;
    let entries = [entry("相关材料", VagueClass::VagueReference), deng];
    let mut only_deng = context(&[VagueClass::OpenList], None, Some("逐一调查"), None);
    only_deng.hit = Some("等".into());
    let rules = [
        context(&[VagueClass::VagueReference], None, Some(r"\([^()]*证[^()]*\)"), None),
        context(&[VagueClass::VagueReference], Some("下列"), None, None),
        only_deng,
    ];
    let m = Matcher::build(&entries, &[], &rules, &[]).unwrap();
    let mut u = Usage::new(&m, 0);
    let mut f =
        |t: &'static str| -> Vec<&'static str> { m.find(t, &mut u).iter().map(|h| &t[h.start..h.end]).collect() };
    // after: the parenthesis names the referent; the 等 inside is another class.
    assert_eq!(f("相关材料(残疾证、病历等)"), ["等"]);
    assert_eq!(f("相关材料(复印件)"), ["相关材料"]);
    // before: anchored at the hit's start.
    assert_eq!(f("提交下列相关材料"), Vec::<&str>::new());
    assert_eq!(f("下列表格和相关材料"), ["相关材料"]);
    // hit + after, and a window that stops at the clause end.
    assert_eq!(f("收入、财产等逐一调查"), Vec::<&str>::new());
    assert_eq!(f("收入、财产等。逐一调查"), ["等"]);
    assert_eq!(u.context_used(), [true, true, true]);
}

#[test]
fn field_scope_looks_past_the_clause() {
    let mut rule = context(&[VagueClass::Discriminatory], None, None, Some("非本地户籍.{0,6}在"));
    rule.scope = crate::text::lexicon::ContextScope::Field;
    let m = Matcher::build(&[entry("本地户籍", VagueClass::Discriminatory)], &[], &[rule], &[]).unwrap();
    let mut u = Usage::new(&m, 0);
    assert!(m
        .find("本地户籍人员在街道申请；非本地户籍人员在居住地申请", &mut u)
        .is_empty());
    assert_eq!(m.find("本地户籍人员在街道申请", &mut u).len(), 1);
}

#[test]
fn bad_context_rules_are_reported_with_their_place() {
    let Err(errs) = Matcher::build(
        &[entry("相关材料", VagueClass::VagueReference)],
        &[],
        &[
            context(&[], None, None, None),
            context(&[VagueClass::OpenList], Some("(证"), None, None),
        ],
        &[],
    ) else {
        panic!("bad context rules must not build")
    };
    let at: Vec<&str> = errs.iter().map(|e| e.pointer.as_str()).collect();
    assert_eq!(at, ["/context/0/classes", "/context/0", "/context/1/before"]);
}

#[test]
fn overlapping_hits_of_one_class_are_one_finding() {
    // A pattern entry: the phrase automaton itself never reports overlaps.
    let mut cond = entry("相应(条件|资质)", VagueClass::VagueReference);
    cond.regex = true;
    let entries = [
        entry("具备相应", VagueClass::VagueReference),
        cond,
        entry("条件等", VagueClass::OpenList),
    ];
    let m = Matcher::new(&entries, &[]).unwrap();
    assert_eq!(found(&m, "具备相应条件"), ["具备相应条件"]);
    // Another class overlapping is reported on its own.
    assert_eq!(found(&m, "具备相应条件等"), ["具备相应条件", "条件等"]);
}

#[test]
fn an_unnamed_row_takes_its_values_from_the_whole_field_phrases() {
    let whole = |pattern: &str, regex: bool| {
        let mut e = entry(pattern, VagueClass::Placeholder);
        (e.whole_field, e.regex) = (true, regex);
        e
    };
    let m = Matcher::new(&[whole("无", false), whole("(无)", false)], &[]).unwrap();
    assert_eq!(found(&m, "（无） 无"), ["无"]);
    assert_eq!(found(&m, "无 （无）"), ["（无）"]);
    // A pattern entry is matched at the row's end, but is no value before it.
    let m = Matcher::new(&[whole("无", false), whole(r"\(无\)", true)], &[]).unwrap();
    assert_eq!(found(&m, "无 （无）"), ["（无）"]);
    assert_eq!(found(&m, "（无） 无"), Vec::<&str>::new());
}
