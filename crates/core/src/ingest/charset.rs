//! The character encodings files come in, decoded: UTF-16 and windows-1252 here, GB18030 and
//! Big5 by [`encoding_rs`] when the `encoding_rs` feature is on (the native builds) or else by
//! the decoder a host registers with [`set_legacy_decoder`]. The browser builds register the
//! browser's own `TextDecoder`, which holds the GB18030 and Big5 tables already: compiled into
//! the wasm they would weigh about 120 KB gzip, an eighth of a first visit. Both follow the
//! WHATWG Encoding Standard, so a file decodes the same in the CLI and in the browser.

use std::sync::OnceLock;

/// The two encodings of Chinese files that need large tables to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// GB18030, which reads GBK and GB2312 too.
    Gb18030,
    /// Big5, as Taiwanese and Hong Kong pages and some portals' traditional gateways write.
    Big5,
}

impl Legacy {
    /// The WHATWG label, as `TextDecoder` takes it.
    pub fn label(self) -> &'static str {
        match self {
            Legacy::Gb18030 => "gb18030",
            Legacy::Big5 => "big5",
        }
    }

    /// The name users know it by, as `source.encoding` reports it.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Gb18030 => "GB18030",
            Legacy::Big5 => "Big5",
        }
    }
}

/// A host's decoder: the text of `bytes` in the encoding, malformed sequences as U+FFFD;
/// `None` when it cannot decode.
pub type LegacyDecoder = fn(Legacy, &[u8]) -> Option<String>;

static HOST_DECODER: OnceLock<LegacyDecoder> = OnceLock::new();

/// Register the decoder of GB18030 and Big5 for a build without the `encoding_rs` feature.
/// The first registration stands; calling again does nothing.
pub fn set_legacy_decoder(decoder: LegacyDecoder) {
    let _ = HOST_DECODER.set(decoder);
}

/// `bytes` decoded as `legacy`, or `None` when this build has no decoder for it.
pub(crate) fn decode_legacy(legacy: Legacy, bytes: &[u8]) -> Option<String> {
    #[cfg(feature = "encoding_rs")]
    {
        let encoding = match legacy {
            Legacy::Gb18030 => encoding_rs::GB18030,
            Legacy::Big5 => encoding_rs::BIG5,
        };
        Some(encoding.decode_without_bom_handling(bytes).0.into_owned())
    }
    #[cfg(not(feature = "encoding_rs"))]
    {
        HOST_DECODER.get().and_then(|decode| decode(legacy, bytes))
    }
}

/// The byte order of UTF-16.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Utf16 {
    Le,
    Be,
}

impl Utf16 {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Utf16::Le => "UTF-16LE",
            Utf16::Be => "UTF-16BE",
        }
    }
}

/// UTF-16 text: unpaired surrogates and an odd last byte become U+FFFD. As the Encoding
/// Standard says, a lead surrogate and an odd byte left at the end make one U+FFFD together.
pub(crate) fn decode_utf16(bytes: &[u8], order: Utf16) -> String {
    let mut units = bytes.chunks_exact(2).map(|b| match order {
        Utf16::Le => u16::from_le_bytes([b[0], b[1]]),
        Utf16::Be => u16::from_be_bytes([b[0], b[1]]),
    });
    let mut text: String = char::decode_utf16(units.clone())
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let ends_in_lead = units
        .next_back()
        .is_some_and(|u| (0xD800..=0xDBFF).contains(&u));
    if bytes.len() % 2 == 1 && !ends_in_lead {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// What windows-1252 puts at 0x80–0x9F (the WHATWG index; the five unassigned bytes read as
/// the C1 controls of the same number). Every other byte is the code point of its value.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// windows-1252 text (also what Word's "compressed" text pieces are).
pub(crate) fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(all(test, feature = "encoding_rs"))]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_reads_every_byte_as_the_standard_says() {
        let all: Vec<u8> = (0..=255).collect();
        let (want, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&all);
        assert_eq!(decode_windows_1252(&all), want);
    }

    #[test]
    fn utf16_reads_as_the_standard_says_surrogates_and_odd_bytes_included() {
        let text = "法治𠀀政府 report";
        for (order, encoding) in [
            (Utf16::Le, encoding_rs::UTF_16LE),
            (Utf16::Be, encoding_rs::UTF_16BE),
        ] {
            let mut bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| match order {
                    Utf16::Le => u.to_le_bytes(),
                    Utf16::Be => u.to_be_bytes(),
                })
                .collect();
            assert_eq!(decode_utf16(&bytes, order), text);
            // A lone surrogate, then an odd last byte.
            bytes.extend_from_slice(match order {
                Utf16::Le => &[0x00, 0xD8, 0x41],
                Utf16::Be => &[0xD8, 0x00, 0x41],
            });
            let (want, _) = encoding.decode_without_bom_handling(&bytes);
            assert_eq!(decode_utf16(&bytes, order), want);
        }
    }

    proptest::proptest! {
        #[test]
        fn utf16_of_any_bytes_reads_as_encoding_rs_reads_it(bytes in proptest::collection::vec(
            proptest::prop_oneof![proptest::num::u8::ANY, 0xD8u8..0xE0],
            0..64,
        )) {
            for (order, encoding) in [
                (Utf16::Le, encoding_rs::UTF_16LE),
                (Utf16::Be, encoding_rs::UTF_16BE),
            ] {
                let (want, _) = encoding.decode_without_bom_handling(&bytes);
                proptest::prop_assert_eq!(decode_utf16(&bytes, order), want);
            }
        }
    }
}

/// The build the browser gets: no tables of its own, only what a host registers
/// (`cargo test -p baogao-core --no-default-features --lib charset`, run by `scripts/test`).
#[cfg(all(test, not(feature = "encoding_rs")))]
mod without_tables {
    use super::*;
    use crate::ingest::{ingest, IngestErrorKind};

    const GBK: [u8; 8] = [0xd2, 0xbb, 0xa1, 0xa2, 0xb3, 0xc9, 0xd0, 0xa7]; // 一、成效

    #[test]
    fn gbk_without_a_decoder_is_refused_then_read_by_the_one_registered() {
        let refused = ingest("旧稿.txt", &GBK).expect_err("no decoder yet");
        assert_eq!(refused.kind, IngestErrorKind::NoDecoder(Legacy::Gb18030));
        assert!(refused.to_string().contains("UTF-8"), "{refused}");
        // UTF-8, UTF-16 and windows-1252 need no host.
        assert!(ingest("新稿.txt", "一、成效".as_bytes()).is_ok());
        // A stand-in for TextDecoder that knows these four characters.
        set_legacy_decoder(|legacy, bytes| {
            (legacy == Legacy::Gb18030 && bytes == GBK).then(|| "一、成效".to_owned())
        });
        let read = ingest("旧稿.txt", &GBK).expect("decoded by the host");
        assert_eq!(read.text, "一、成效");
        assert_eq!(read.source.encoding, "GB18030");
    }
}
