//! Decoding bytes of unknown encoding: BOM first, then strict UTF-8, then detection.

use std::sync::LazyLock;

use super::charset::{decode_legacy, decode_utf16, decode_windows_1252, Legacy, Utf16};

/// Decode `bytes` and name the encoding used. A BOM wins; valid UTF-8 (or UTF-8 with a few
/// malformed sequences) is UTF-8; anything else is one of the legacy encodings Chinese files are
/// written in ([`legacy_encoding`]), which for government files means GBK/GB18030 in practice.
/// Malformed sequences become U+FFFD rather than an error: the user still sees the text. Fails
/// only on GB18030 or Big5 in a build that has no decoder for them.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, &'static str), Legacy> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok((String::from_utf8_lossy(rest).into_owned(), "UTF-8"));
    }
    for (bom, order) in [(b"\xFF\xFE", Utf16::Le), (b"\xFE\xFF", Utf16::Be)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return Ok((decode_utf16(rest, order), order.name()));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), "UTF-8"));
    }
    if let Some(order) = utf16_without_bom(bytes) {
        return Ok((decode_utf16(bytes, order), order.name()));
    }
    if mostly_utf8(bytes) {
        return Ok((String::from_utf8_lossy(bytes).into_owned(), "UTF-8"));
    }
    match legacy_encoding(bytes) {
        None => Ok((decode_windows_1252(bytes), "windows-1252")),
        Some(legacy) => match decode_legacy(legacy, bytes) {
            Some(text) => Ok((text, legacy.name())),
            None => Err(legacy),
        },
    }
}

/// The first 32 KB tell the encoding as well as the whole file does, at a fraction of the cost.
const SAMPLE_BYTES: usize = 32 * 1024;

/// Characters that make up most of any Chinese text, in simplified and traditional forms: a
/// sample decoded with the right encoding is full of them, one decoded with the wrong one is not.
const COMMON: &str = "的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着著等部度家电電力里裏如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内內数數正心反你明看原又么麼利比或但质質气氣第向道命此变變条條只没沒结結解问問意建月公无無系军軍很情者最立代想已通并並提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別她手角期根论論运運农農指几幾九区區强強放决決西被干做必战戰先回则則任取据據处處队隊南给給色光门門即保治北造百规規热熱领領七海口东東导導器压壓志世金增争爭济濟阶階油思术術极極交受联聯什认認六共权權收证證改清己美再采转轉更单單风風切打白教速花带帶安场場身车車例真务務具万萬每目至达達走积積示议議声聲报報斗完类類八离離华華名确確才科张張信马馬节節话話米整空元况今集温传傳土许許步群广廣石记記需段研界拉林律叫且究观觀越织織装裝影算低持音众眾书書布复復容儿兒须須际際商非验驗连連断斷深难難近矿礦千周委素技备備半办辦青省列习習响響约約支般史感劳勞便团團往酸历歷市克何除消构構府称稱太准精值号號率族维維划选選标標写寫存候毛亲親快效院查江型眼王按格养養易置派层層片始却专專状狀育厂廠京识識适適属屬圆圓包火住调調满滿县縣局照参參红紅细細引听聽该該铁鐵价價严嚴龙龍飞飛依建设設报告工作推进進全面加强強落实實情况況年度";

/// The legacy encoding of `bytes` that is neither UTF-8 nor UTF-16: GB18030 (which reads GBK and
/// GB2312), Big5, or, for a text with few bytes above ASCII that neither reads as Chinese, the
/// Western code page windows-1252 (`None`). Each Chinese candidate decodes the first 32 KB; the
/// one whose text has more of the [`COMMON`] characters and fewer malformed sequences wins,
/// GB18030 on a tie. Without a decoder for them, GB18030 is assumed.
pub(crate) fn legacy_encoding(bytes: &[u8]) -> Option<Legacy> {
    static SORTED: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut chars: Vec<char> = COMMON.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    });
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    // A sample cut inside a character ends in one malformed sequence whichever the encoding:
    // it counts against none.
    let score = |legacy: Legacy| -> Option<i64> {
        let text = decode_legacy(legacy, sample)?;
        let text = text.trim_end_matches('\u{FFFD}');
        Some(text.chars().fold(0, |s, c| match c {
            '\u{FFFD}' => s - 8,
            c if c.is_ascii() => s,
            c if SORTED.binary_search(&c).is_ok() => s + 2,
            _ => s - 1,
        }))
    };
    let (Some(gb), Some(big5)) = (score(Legacy::Gb18030), score(Legacy::Big5)) else {
        return Some(Legacy::Gb18030);
    };
    if gb <= 0 && big5 <= 0 {
        None
    } else if big5 > gb {
        Some(Legacy::Big5)
    } else {
        Some(Legacy::Gb18030)
    }
}

/// UTF-8 with a few malformed sequences: a file cut off inside a character, or a stray byte.
/// Detection would read all of it as some legacy encoding; in GBK, Big5 or a Latin code page
/// the sequences that happen to be valid UTF-8 are far fewer than the malformed ones.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut malformed) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        malformed += usize::from(!chunk.invalid().is_empty());
    }
    malformed * 10 <= valid
}

/// UTF-16 saved without a BOM shows up as every other byte being zero in ASCII-heavy text.
fn utf16_without_bom(bytes: &[u8]) -> Option<Utf16> {
    if bytes.len() < 8 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let pairs = sample.len() / 2;
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 > pairs * 3 && even == 0 {
        Some(Utf16::Le)
    } else if even * 10 > pairs * 3 && odd == 0 {
        Some(Utf16::Be)
    } else {
        None
    }
}

/// Decoded text that is mostly control characters or replacement characters is not text.
pub(crate) fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars().take(8192) {
        total += 1;
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
            odd += 1;
        }
    }
    total > 0 && odd * 10 > total
}

#[cfg(all(test, feature = "encoding_rs"))]
mod tests {
    use super::*;
    use encoding_rs::GB18030;

    fn decode(bytes: &[u8]) -> (String, &'static str) {
        super::decode(bytes).expect("this build decodes every encoding")
    }

    const SAMPLE: &str = "东方市人民政府关于2020年度法治政府建设工作情况的报告\n一、聚焦重点举措。";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(SAMPLE.as_bytes()), (SAMPLE.to_owned(), "UTF-8"));
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&bom), (SAMPLE.to_owned(), "UTF-8"));
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_stays_utf8() {
        // Cut off inside the last character, and a stray byte in the middle.
        let mut cut = SAMPLE.as_bytes().to_vec();
        cut.extend_from_slice(&"报".as_bytes()[..2]);
        assert_eq!(decode(&cut), (format!("{SAMPLE}\u{FFFD}"), "UTF-8"));
        let mut stray = SAMPLE.as_bytes().to_vec();
        stray.insert(3, 0xff);
        assert_eq!(decode(&stray).0, SAMPLE.replacen("方", "\u{FFFD}方", 1));
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le), (SAMPLE.to_owned(), "UTF-16LE"));
        assert_eq!(decode(&be), (SAMPLE.to_owned(), "UTF-16BE"));
    }

    #[test]
    fn gbk_and_gb18030_are_detected() {
        let (bytes, _, _) = GB18030.encode(SAMPLE);
        assert_eq!(decode(&bytes), (SAMPLE.to_owned(), "GB18030"));
        // A character outside GBK needs GB18030's four-byte form.
        let rare = "𠀀字在名中，2021年报告。".repeat(4);
        let (bytes, _, _) = GB18030.encode(&rare);
        assert_eq!(decode(&bytes).0, rare);
    }

    #[test]
    fn gbk_cut_inside_a_character_is_still_gbk() {
        // Two-byte characters from an odd offset: the 32 KB sample ends inside one.
        let long = format!("a{}", "人民政府关于法治政府建设情况的报告。".repeat(1000));
        let (bytes, _, _) = GB18030.encode(&long);
        assert!(bytes.len() > 32 * 1024);
        assert_eq!(decode(&bytes), (long, "GB18030"));
        // So does a file cut off.
        let mut cut = GB18030.encode(SAMPLE).0.into_owned();
        cut.push(0x81);
        assert_eq!(decode(&cut), (format!("{SAMPLE}\u{FFFD}"), "GB18030"));
    }

    #[test]
    fn big5_and_western_files_are_told_from_gbk() {
        let traditional =
            "臺北市政府關於推進依法行政工作情況的報告：本年度共辦理行政復議案件三十件。";
        let (bytes, _, _) = encoding_rs::BIG5.encode(traditional);
        assert_eq!(decode(&bytes), (traditional.to_owned(), "Big5"));
        let western = "Annual report — café, naïve, résumé: 30 cases";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(western);
        assert_eq!(decode(&bytes), (western.to_owned(), "windows-1252"));
        // Short GBK texts, the common case, stay GBK.
        for text in ["报告", "一、主要成效", "县司法局"] {
            let (bytes, _, _) = GB18030.encode(text);
            assert_eq!(decode(&bytes), (text.to_owned(), "GB18030"), "{text}");
        }
    }

    #[test]
    fn binary_is_not_text() {
        assert!(looks_binary("\u{0}\u{1}\u{2}abc\u{3}"));
        assert!(!looks_binary("正文\n\t第二行\r\n"));
        assert!(!looks_binary(""));
    }
}
