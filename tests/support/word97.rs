//! A small writer of Word 97 binary documents (.doc, .wps) in OLE compound files, written from
//! MS-CFB and MS-DOC for the tests: only what the reader looks at (the FIB's identifier, flags,
//! `ccpText`, `ccpHdd` and CLX location, the piece table in `1Table`, the text pieces).

/// Options of [`word97`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Word97 {
    /// Store runs of ASCII characters as "compressed" one-byte pieces, the rest as UTF-16LE.
    pub compress_ascii: bool,
    /// Set `fEncrypted` in the FIB.
    pub encrypted: bool,
    /// Point the last piece far beyond the end of the `WordDocument` stream.
    pub piece_beyond_stream: bool,
}

/// Layout facts of a written compound file, for tests that damage it on purpose.
pub const SECTOR: usize = 512;

/// A compound file (version 3, 512-byte sectors) holding `streams` at its root. Streams under
/// 4096 bytes go into the mini stream, as the format requires. Layout: the FAT sectors first,
/// then the directory, the mini FAT, the mini stream and each large stream in order.
pub fn compound_file(streams: &[(&str, &[u8])]) -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    let sectors_of = |len: usize| len.div_ceil(SECTOR);
    let mut mini_stream = Vec::new();
    let mut mini_fat: Vec<u32> = Vec::new();
    let mut mini_start = Vec::new();
    for (_, data) in streams {
        if data.len() < 4096 {
            let first = mini_fat.len() as u32;
            let count = data.len().div_ceil(64);
            for k in 0..count {
                let next = if k + 1 == count {
                    END
                } else {
                    first + k as u32 + 1
                };
                mini_fat.push(next);
            }
            mini_stream.extend_from_slice(data);
            mini_stream.resize(mini_fat.len() * 64, 0);
            mini_start.push(if count == 0 { END } else { first });
        } else {
            mini_start.push(END);
        }
    }
    let dir_sectors = sectors_of((streams.len() + 1) * 128);
    let mini_fat_sectors = sectors_of(mini_fat.len() * 4);
    let mini_stream_sectors = sectors_of(mini_stream.len());
    let big: usize = streams
        .iter()
        .filter(|(_, d)| d.len() >= 4096)
        .map(|(_, d)| sectors_of(d.len()))
        .sum();
    let rest = dir_sectors + mini_fat_sectors + mini_stream_sectors + big;
    let mut fat_sectors = 1;
    while (fat_sectors + rest).div_ceil(SECTOR / 4) > fat_sectors {
        fat_sectors += 1;
    }
    assert!(fat_sectors <= 109, "the test writer has no DIFAT sectors");
    let total = fat_sectors + rest;
    let mut fat = vec![FREE; fat_sectors * SECTOR / 4];
    for entry in fat.iter_mut().take(fat_sectors) {
        *entry = 0xFFFF_FFFD;
    }
    let mut next_sector = fat_sectors;
    let mut chain = |count: usize, fat: &mut Vec<u32>| -> u32 {
        if count == 0 {
            return END;
        }
        let first = next_sector;
        for k in 0..count {
            fat[first + k] = if k + 1 == count {
                END
            } else {
                (first + k + 1) as u32
            };
        }
        next_sector += count;
        first as u32
    };
    let dir_start = chain(dir_sectors, &mut fat);
    let mini_fat_start = chain(mini_fat_sectors, &mut fat);
    let mini_stream_start = chain(mini_stream_sectors, &mut fat);
    let big_starts: Vec<u32> = streams
        .iter()
        .map(|(_, d)| {
            if d.len() >= 4096 {
                chain(sectors_of(d.len()), &mut fat)
            } else {
                END
            }
        })
        .collect();

    let mut out = vec![0u8; SECTOR * (total + 1)];
    let put16 =
        |out: &mut Vec<u8>, at: usize, v: u16| out[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 =
        |out: &mut Vec<u8>, at: usize, v: u32| out[at..at + 4].copy_from_slice(&v.to_le_bytes());
    out[..8].copy_from_slice(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1");
    put16(&mut out, 24, 0x3E);
    put16(&mut out, 26, 3);
    put16(&mut out, 28, 0xFFFE);
    put16(&mut out, 30, 9);
    put16(&mut out, 32, 6);
    put32(&mut out, 44, fat_sectors as u32);
    put32(&mut out, 48, dir_start);
    put32(&mut out, 56, 4096);
    put32(&mut out, 60, mini_fat_start);
    put32(&mut out, 64, mini_fat_sectors as u32);
    put32(&mut out, 68, END);
    for i in 0..109 {
        let v = if i < fat_sectors { i as u32 } else { FREE };
        put32(&mut out, 76 + 4 * i, v);
    }
    let at = |sector: usize| SECTOR * (sector + 1);
    for (i, v) in fat.iter().enumerate() {
        put32(&mut out, at(0) + 4 * i, *v);
    }
    let entry = |out: &mut Vec<u8>,
                 index: usize,
                 name: &str,
                 kind: u8,
                 child: u32,
                 right: u32,
                 start: u32,
                 size: usize| {
        let base = at(dir_start as usize) + 128 * index;
        let units: Vec<u16> = name.encode_utf16().collect();
        for (k, u) in units.iter().enumerate() {
            put16(out, base + 2 * k, *u);
        }
        put16(out, base + 64, (2 * (units.len() + 1)) as u16);
        out[base + 66] = kind;
        out[base + 67] = 1; // black
        put32(out, base + 68, FREE);
        put32(out, base + 72, right);
        put32(out, base + 76, child);
        put32(out, base + 116, start);
        put32(out, base + 120, size as u32);
    };
    let root_start = if mini_stream.is_empty() {
        END
    } else {
        mini_stream_start
    };
    let first_child = if streams.is_empty() { FREE } else { 1 };
    entry(
        &mut out,
        0,
        "Root Entry",
        5,
        first_child,
        FREE,
        root_start,
        mini_stream.len(),
    );
    for (i, (name, data)) in streams.iter().enumerate() {
        let right = if i + 1 < streams.len() {
            i as u32 + 2
        } else {
            FREE
        };
        let start = if data.len() >= 4096 {
            big_starts[i]
        } else {
            mini_start[i]
        };
        entry(&mut out, i + 1, name, 2, FREE, right, start, data.len());
    }
    // Unused directory slots are empty entries with no siblings.
    for index in streams.len() + 1..dir_sectors * SECTOR / 128 {
        let base = at(dir_start as usize) + 128 * index;
        for field in [68, 72, 76] {
            put32(&mut out, base + field, FREE);
        }
    }
    for (i, v) in mini_fat.iter().enumerate() {
        put32(&mut out, at(mini_fat_start as usize) + 4 * i, *v);
    }
    let copy = |out: &mut Vec<u8>, start: u32, data: &[u8]| {
        let begin = at(start as usize);
        out[begin..begin + data.len()].copy_from_slice(data);
    };
    if !mini_stream.is_empty() {
        copy(&mut out, mini_stream_start, &mini_stream);
    }
    for (i, (_, data)) in streams.iter().enumerate() {
        if data.len() >= 4096 {
            copy(&mut out, big_starts[i], data);
        }
    }
    out
}

/// The `(start sector, size)` of the stream `name` in a compound file made by
/// [`compound_file`] (found through its directory, for tests that damage it).
pub fn stream_location(file: &[u8], name: &str) -> (u32, u64) {
    let u32_at = |at: usize| u32::from_le_bytes(file[at..at + 4].try_into().expect("4 bytes"));
    let dir = SECTOR * (u32_at(48) as usize + 1);
    for index in 0.. {
        let base = dir + 128 * index;
        let len = u16::from_le_bytes([file[base + 64], file[base + 65]]) as usize;
        let units: Vec<u16> = (0..len.saturating_sub(2) / 2)
            .map(|k| u16::from_le_bytes([file[base + 2 * k], file[base + 2 * k + 1]]))
            .collect();
        if String::from_utf16_lossy(&units) == name {
            return (u32_at(base + 116), u64::from(u32_at(base + 120)));
        }
    }
    unreachable!()
}

/// A Word 97 document whose main text is `main`, in Word's own characters (`\r` ends a
/// paragraph, `\u{7}` a cell and then a row, `\u{13}…\u{14}…\u{15}` a field), followed by a
/// header story that the reader must leave out.
pub fn word97(main: &str, options: Word97) -> Vec<u8> {
    const TEXT_AT: usize = 0x400;
    let header = "第 1 页 页眉文字\r";
    let all: Vec<char> = main.chars().chain(header.chars()).chain(['\r']).collect();
    let cp_count = |s: &str| s.encode_utf16().count();
    let (ccp_text, ccp_hdd) = (cp_count(main), cp_count(header));

    let mut word = vec![0u8; TEXT_AT];
    // Pieces: runs of ASCII (compressed when asked) and of other characters.
    let mut pieces: Vec<(u32, u32)> = Vec::new(); // (cp start, fc field)
    let mut cp = 0u32;
    let mut i = 0;
    while i < all.len() {
        let ascii = options.compress_ascii && all[i].is_ascii();
        let mut j = i;
        while j < all.len() && (options.compress_ascii && all[j].is_ascii()) == ascii {
            j += 1;
        }
        let run: String = all[i..j].iter().collect();
        let fc = if ascii {
            let fc = ((word.len() as u32) * 2) | 0x4000_0000;
            word.extend_from_slice(run.as_bytes());
            fc
        } else {
            let fc = word.len() as u32;
            word.extend(run.encode_utf16().flat_map(u16::to_le_bytes));
            fc
        };
        pieces.push((cp, fc));
        cp += cp_count(&run) as u32;
        i = j;
    }
    let put16 =
        |w: &mut Vec<u8>, at: usize, v: u16| w[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 =
        |w: &mut Vec<u8>, at: usize, v: u32| w[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut word, 0, 0xA5EC);
    put16(&mut word, 2, 0x00C1);
    let flags = 0x0200 | 0x0004 | if options.encrypted { 0x0100 } else { 0 };
    put16(&mut word, 10, flags);
    put16(&mut word, 32, 14);
    put16(&mut word, 62, 22);
    put32(&mut word, 0x4C, ccp_text as u32);
    put32(&mut word, 0x54, ccp_hdd as u32);
    put16(&mut word, 152, 0x5D);

    // The CLX: one property block (Prc) to skip, then the piece table (Pcdt).
    let mut clx = vec![0x01, 0x02, 0x00, 0x00, 0x00];
    let mut plc = Vec::new();
    for (start, _) in &pieces {
        plc.extend_from_slice(&start.to_le_bytes());
    }
    plc.extend_from_slice(&cp.to_le_bytes());
    if options.piece_beyond_stream {
        if let Some(last) = pieces.last_mut() {
            last.1 = 0x3FFF_0000;
        }
    }
    for (_, fc) in &pieces {
        plc.extend_from_slice(&0u16.to_le_bytes());
        plc.extend_from_slice(&fc.to_le_bytes());
        plc.extend_from_slice(&0u16.to_le_bytes());
    }
    clx.push(0x02);
    clx.extend_from_slice(&(plc.len() as u32).to_le_bytes());
    clx.extend_from_slice(&plc);
    let mut table = vec![0u8; 16];
    put32(&mut word, 0x1A2, table.len() as u32);
    put32(&mut word, 0x1A6, clx.len() as u32);
    table.extend_from_slice(&clx);
    compound_file(&[("1Table", &table), ("WordDocument", &word)])
}

/// A report's text as a Word 97 document: each line a paragraph, the first line inside a
/// hyperlink field (its instruction must not be read) and the last two non-empty lines as the
/// one-cell rows of a table, so that the text read back equals `text`'s lines.
pub fn doc(text: &str, options: Word97) -> Vec<u8> {
    let lines: Vec<&str> = text.lines().collect();
    let rows: Vec<usize> = lines
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(2)
        .map(|(i, _)| i)
        .filter(|&i| lines[i].trim() == lines[i] && !lines[i].contains('\t'))
        .collect();
    let rows_are_adjacent = rows.len() == 2 && rows[0] == rows[1] + 1;
    let mut main = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            main.push_str("\u{13} HYPERLINK \"http://www.example.gov.cn/\" \u{14}");
            main.push_str(line);
            main.push_str("\u{15}\r");
        } else if rows_are_adjacent && rows.contains(&i) {
            main.push_str(line);
            main.push_str("\u{7}\u{7}");
        } else {
            main.push_str(line);
            main.push('\r');
        }
    }
    word97(&main, options)
}
