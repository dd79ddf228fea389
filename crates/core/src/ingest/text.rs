//! Decoding bytes of unknown encoding: BOM first, then strict UTF-8, then detection.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Decode `bytes` and name the encoding used. A BOM wins; valid UTF-8 (or UTF-8 with a few
/// malformed sequences) is UTF-8; anything else is detected (chardetng), which for Chinese
/// government files means GBK/GB18030 in practice.
/// Malformed sequences become U+FFFD rather than an error: the user still sees the text.
pub(crate) fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), label(encoding));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), UTF_8.name());
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return (text.into_owned(), label(encoding));
    }
    if mostly_utf8(bytes) {
        return (String::from_utf8_lossy(bytes).into_owned(), UTF_8.name());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // The first 32 KB tell the encoding as well as the whole file does, at a fraction of the cost.
    // Not fed as the end of the stream: the sample may stop inside a character (the 32 KB cut,
    // or a file cut off), and chardetng would take that as evidence against a GBK file.
    detector.feed(&bytes[..bytes.len().min(32 * 1024)], false);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // The WHATWG GBK decoder is the GB18030 decoder; name it by the superset so that four-byte
    // sequences (rare characters in names) are understood as what they are.
    let encoding = if guess == encoding_rs::GBK {
        GB18030
    } else {
        guess
    };
    let (text, _, _) = encoding.decode(bytes);
    (text.into_owned(), label(encoding))
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

/// The name users know an encoding by.
fn label(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// UTF-16 saved without a BOM shows up as every other byte being zero in ASCII-heavy text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
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
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 > pairs * 3 && odd == 0 {
        Some(encoding_rs::UTF_16BE)
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn binary_is_not_text() {
        assert!(looks_binary("\u{0}\u{1}\u{2}abc\u{3}"));
        assert!(!looks_binary("正文\n\t第二行\r\n"));
        assert!(!looks_binary(""));
    }
}
