//! Keys for comparing names (materials, items, agencies, departments):
//! one definition used by lint (near-duplicate rules) and import alike, so
//! import never registers a name that lint then calls a duplicate.

use super::normalize::normalize;

/// A name reduced to its characters: normalised (NFKC, no spaces or
/// zero-width characters, Simplified) and without punctuation, so that
/// 营业执照（副本）复印件 and 营业执照副本复印件 are the same.
pub(crate) fn plain_key(name: &str) -> String {
    normalize(name).text.chars().filter(|c| !is_punctuation(*c)).collect()
}

/// The key names are compared by: [`plain_key`] with every synonym
/// (rules.json `synonyms`, compiled: each word's plain key and its group) replaced by one mark per group, longest word
/// first, so 影印件 and 复印件 compare equal and 居民身份证 is not split.
pub(crate) fn name_key(name: &str, synonyms: &[(String, usize)]) -> String {
    let mut key = plain_key(name);
    for (word, group) in synonyms {
        if key.contains(word.as_str()) {
            // A private-use character per group: it never occurs in a
            // name, so no later word can match inside it.
            let mark = char::from_u32(0xE000 + *group as u32).unwrap_or('\u{E000}');
            key = key.replace(word.as_str(), &mark.to_string());
        }
    }
    key
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '、' | '。'
                | '，'
                | '；'
                | '：'
                | '？'
                | '！'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '（'
                | '）'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '「'
                | '」'
                | '『'
                | '』'
                | '·'
                | '・'
                | '…'
                | '—'
                | '–'
                | '～'
        )
}

/// Similarity of two keys: 1 − Levenshtein distance over the longer length,
/// counted in characters.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(a, b)
}

/// Whether two names carry the same numbers, in the same order (digits,
/// Chinese numerals, 甲乙丙丁, Roman numerals). Names that differ in a number name different
/// things however similar they look: 一寸照片/二寸照片, 一级资质/二级资质.
pub(crate) fn same_numbers(a: &str, b: &str) -> bool {
    fn numbers(s: &str) -> Vec<char> {
        s.chars()
            .filter(|c| {
                c.is_ascii_digit()
                    || "〇零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾甲乙丙丁ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ".contains(*c)
            })
            .collect()
    }
    numbers(a) == numbers(b)
}
