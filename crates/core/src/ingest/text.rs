//! Decoding bytes of unknown encoding: BOM first, then strict UTF-8, then detection.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Decode `bytes` and name the encoding used. A BOM wins; valid UTF-8 is UTF-8; anything else is
/// detected (chardetng), which for Chinese government files means GBK/GB18030 in practice.
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
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // The first 32 KB tell the encoding as well as the whole file does, at a fraction of the cost.
    detector.feed(&bytes[..bytes.len().min(32 * 1024)], true);
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
    fn binary_is_not_text() {
        assert!(looks_binary("\u{0}\u{1}\u{2}abc\u{3}"));
        assert!(!looks_binary("正文\n\t第二行\r\n"));
        assert!(!looks_binary(""));
    }
}
