//! The structure of the codes the catalog uses: 基本编码, 实施编码 and the
//! 统一社会信用代码 (GB 32100-2015) with its check digit.

/// Characters allowed in a unified social credit code (no I O Z S V).
pub(crate) const CREDIT_CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Why a credit code is malformed, in Chinese.
pub(crate) fn credit_code_problem(code: &str) -> Option<String> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Some(format!("统一社会信用代码应为 18 位，实为 {} 位", chars.len()));
    }
    if let Some((i, c)) = chars.iter().enumerate().find(|(_, c)| !CREDIT_CHARSET.contains(**c)) {
        return Some(format!(
            "第 {} 位字符“{c}”不在统一社会信用代码字符集中（数字和除 I、O、Z、S、V 外的大写字母）",
            i + 1
        ));
    }
    let expected = credit_check_char(&chars[..17]);
    if chars[17] != expected {
        return Some(format!(
            "校验码应为“{expected}”，实为“{}”（GB 32100-2015 第 18 位）",
            chars[17]
        ));
    }
    None
}

/// The 18th character of a credit code from its first 17 (GB 32100-2015:
/// weights 3^(i) mod 31, check = 31 − (Σ mod 31), 31 → 0).
pub(crate) fn credit_check_char(first17: &[char]) -> char {
    let charset: Vec<char> = CREDIT_CHARSET.chars().collect();
    let mut weight = 1u32;
    let mut sum = 0u32;
    for c in first17 {
        let v = charset.iter().position(|x| x == c).unwrap_or(0) as u32;
        sum += v * weight;
        weight = weight * 3 % 31;
    }
    let check = (31 - sum % 31) % 31;
    charset[check as usize]
}

/// The parts of a 12-digit 基本编码.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct BaseCode<'a> {
    pub(crate) area: &'a str,
    pub(crate) item_type: &'a str,
    pub(crate) department: &'a str,
    pub(crate) main: &'a str,
    pub(crate) sub: &'a str,
}

pub(crate) fn split_base_code(code: &str) -> Option<BaseCode<'_>> {
    if code.len() != 12 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(BaseCode {
        area: &code[0..2],
        item_type: &code[2..4],
        department: &code[4..6],
        main: &code[6..9],
        sub: &code[9..12],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Build a valid code from 17 characters.
    fn valid(first17: &str) -> String {
        let chars: Vec<char> = first17.chars().collect();
        format!("{first17}{}", credit_check_char(&chars))
    }

    #[test]
    fn check_digit_matches_the_standard_example() {
        // The sample code printed in GB 32100-2015 style guides.
        assert_eq!(credit_code_problem("91350100M000100Y43"), None);
        assert!(credit_code_problem("91350100M000100Y44").unwrap().contains("校验码"));
    }

    #[test]
    fn charset_and_length_are_checked() {
        assert!(credit_code_problem("1163000000000000I0").unwrap().contains("字符集"));
        assert!(credit_code_problem("116300").unwrap().contains("18 位"));
        assert_eq!(credit_code_problem(&valid("11630000MB1234567")), None);
    }

    #[test]
    fn base_code_parts() {
        let c = split_base_code("000744001000").unwrap();
        assert_eq!(
            (c.area, c.item_type, c.department, c.main, c.sub),
            ("00", "07", "44", "001", "000")
        );
        assert!(split_base_code("00074400100").is_none());
        assert!(split_base_code("00074400100A").is_none());
    }
}
