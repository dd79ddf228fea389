//! OLE compound files (MS-CFB), the container of `.doc` and `.wps`: a small file system of
//! sectors, read only as far as needed to fetch a top-level stream by name.
//!
//! Every index read from the file is checked before use: a sector outside the file, a chain
//! that loops or runs longer than the file has sectors, or a size larger than the file is an
//! error, never a panic or an unbounded allocation.

/// The first eight bytes of every compound file.
pub(crate) const SIGNATURE: &[u8; 8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;
const MAX_REGULAR: u32 = 0xFFFF_FFFA;
const NO_STREAM: u32 = 0xFFFF_FFFF;
const HEADER_DIFAT: usize = 109;

/// A compound file opened for reading: its sectors, FAT, mini FAT and directory.
pub(crate) struct Compound<'a> {
    bytes: &'a [u8],
    sector_shift: u32,
    fat: Vec<u32>,
    mini_fat: Vec<u32>,
    mini_stream: Vec<u8>,
    mini_cutoff: u64,
    entries: Vec<Entry>,
}

/// One directory entry.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    kind: u8,
    left: u32,
    right: u32,
    child: u32,
    start: u32,
    size: u64,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// A directory entry of 128 bytes; `size_mask` keeps the bits of its size the version uses.
fn entry(e: &[u8], size_mask: u64) -> Entry {
    let name_len = usize::from(u16_at(e, 64).unwrap_or(0)).min(64);
    let units: Vec<u16> = (0..name_len / 2)
        .filter_map(|i| u16_at(e, 2 * i))
        .take_while(|&u| u != 0)
        .collect();
    Entry {
        name: String::from_utf16_lossy(&units),
        kind: e[66],
        left: u32_at(e, 68).unwrap_or(NO_STREAM),
        right: u32_at(e, 72).unwrap_or(NO_STREAM),
        child: u32_at(e, 76).unwrap_or(NO_STREAM),
        start: u32_at(e, 116).unwrap_or(END_OF_CHAIN),
        size: u64_at(e, 120).unwrap_or(0) & size_mask,
    }
}

/// Why a compound file could not be read (in Chinese, for the user's message).
pub(crate) type Broken = String;

impl<'a> Compound<'a> {
    pub(crate) fn open(bytes: &'a [u8]) -> Result<Self, Broken> {
        if bytes.len() < 512 || !bytes.starts_with(SIGNATURE) {
            return Err("复合文档的文件头不完整".into());
        }
        let short = || Broken::from("复合文档的文件头不完整");
        let sector_shift = u32::from(u16_at(bytes, 30).ok_or_else(short)?);
        if sector_shift != 9 && sector_shift != 12 {
            return Err(format!("扇区大小无效（2^{sector_shift}）"));
        }
        let mini_shift = u16_at(bytes, 32).ok_or_else(short)?;
        if mini_shift != 6 {
            return Err(format!("迷你扇区大小无效（2^{mini_shift}）"));
        }
        let mut file = Self {
            bytes,
            sector_shift,
            fat: Vec::new(),
            mini_fat: Vec::new(),
            mini_stream: Vec::new(),
            mini_cutoff: u64::from(u32_at(bytes, 56).ok_or_else(short)?),
            entries: Vec::new(),
        };
        // Version 3 files keep only the low 32 bits of a stream's size.
        let size_mask = if u16_at(bytes, 26) == Some(3) {
            u64::from(u32::MAX)
        } else {
            u64::MAX
        };
        let fat_sectors = u32_at(bytes, 44).ok_or_else(short)? as usize;
        let first_dir = u32_at(bytes, 48).ok_or_else(short)?;
        let first_mini_fat = u32_at(bytes, 60).ok_or_else(short)?;
        let first_difat = u32_at(bytes, 68).ok_or_else(short)?;
        let difat_sectors = u32_at(bytes, 72).ok_or_else(short)? as usize;
        if fat_sectors > file.sector_count() {
            return Err(format!("声明的 FAT 扇区数（{fat_sectors}）超出文件大小"));
        }

        let fat_locations = file.fat_locations(fat_sectors, first_difat, difat_sectors)?;
        let per_sector = file.sector_size() / 4;
        let mut fat = Vec::with_capacity(fat_sectors * per_sector);
        for &at in &fat_locations {
            let sector = file.sector(at)?;
            fat.extend((0..per_sector).map(|i| u32_at(sector, 4 * i).unwrap_or(FREE)));
        }
        file.fat = fat;

        let directory = file.chain(first_dir, None)?;
        file.entries = directory
            .chunks_exact(128)
            .map(|e| entry(e, size_mask))
            .collect();
        let root = match file.entries.first() {
            Some(root) if root.kind == 5 => root.clone(),
            _ => return Err("复合文档缺少根目录项".into()),
        };
        if root.size > 0 && root.start <= MAX_REGULAR {
            file.mini_stream = file.chain(root.start, Some(root.size))?;
            let mini_fat = file.chain(first_mini_fat, None)?;
            file.mini_fat = mini_fat
                .chunks_exact(4)
                .filter_map(|c| u32_at(c, 0))
                .collect();
        }
        Ok(file)
    }

    /// DIFAT: the locations of the FAT's `fat_sectors` sectors, 109 in the header and the rest
    /// chained from `first_difat` over at most `difat_sectors` sectors.
    fn fat_locations(
        &self,
        fat_sectors: usize,
        first_difat: u32,
        difat_sectors: usize,
    ) -> Result<Vec<u32>, Broken> {
        let mut fat_locations: Vec<u32> = (0..HEADER_DIFAT)
            .filter_map(|i| u32_at(self.bytes, 76 + 4 * i))
            .take(fat_sectors)
            .collect();
        let per_sector = self.sector_size() / 4;
        let mut next = first_difat;
        let mut seen = 0usize;
        while fat_locations.len() < fat_sectors && next <= MAX_REGULAR {
            seen += 1;
            if seen > difat_sectors.max(1) || seen > self.sector_count() {
                return Err("DIFAT 链循环或过长".into());
            }
            let sector = self.sector(next)?;
            for i in 0..per_sector - 1 {
                if fat_locations.len() < fat_sectors {
                    fat_locations.push(u32_at(sector, 4 * i).unwrap_or(FREE));
                }
            }
            next = u32_at(sector, 4 * (per_sector - 1)).unwrap_or(END_OF_CHAIN);
        }
        if fat_locations.len() < fat_sectors {
            return Err("DIFAT 中缺少 FAT 扇区的位置".into());
        }
        Ok(fat_locations)
    }

    fn sector_size(&self) -> usize {
        1 << self.sector_shift
    }

    /// Whole sectors after the header.
    fn sector_count(&self) -> usize {
        (self.bytes.len() >> self.sector_shift).saturating_sub(1)
    }

    fn sector(&self, index: u32) -> Result<&'a [u8], Broken> {
        let start = (index as usize + 1) << self.sector_shift;
        let bytes: &'a [u8] = self.bytes;
        bytes
            .get(start..start + self.sector_size())
            .ok_or_else(|| format!("扇区 {index} 超出文件范围"))
    }

    /// The bytes of the chain of regular sectors starting at `start`, cut to `size` if given.
    fn chain(&self, start: u32, size: Option<u64>) -> Result<Vec<u8>, Broken> {
        if let Some(size) = size {
            if size > self.bytes.len() as u64 {
                return Err(format!("声明的流长度（{size} 字节）超过文件本身"));
            }
        }
        let mut out = Vec::new();
        let mut next = start;
        let mut seen = vec![false; self.sector_count()];
        while next != END_OF_CHAIN {
            if size.is_some_and(|s| out.len() as u64 >= s) {
                break;
            }
            if next > MAX_REGULAR {
                return Err(format!("扇区链中有无效的扇区号 {next:#x}"));
            }
            match seen.get_mut(next as usize) {
                Some(true) => return Err("扇区链循环".into()),
                Some(visited) => *visited = true,
                None => return Err(format!("扇区 {next} 超出文件范围")),
            }
            out.extend_from_slice(self.sector(next)?);
            next = *self
                .fat
                .get(next as usize)
                .ok_or_else(|| format!("扇区 {next} 不在 FAT 中"))?;
        }
        match size {
            Some(size) if (out.len() as u64) < size => Err("流比声明的长度短".into()),
            Some(size) => {
                out.truncate(size as usize);
                Ok(out)
            }
            None => Ok(out),
        }
    }

    /// The bytes of the chain of mini sectors starting at `start`, cut to `size`.
    fn mini_chain(&self, start: u32, size: u64) -> Result<Vec<u8>, Broken> {
        if size > self.mini_stream.len() as u64 {
            return Err("小流超出迷你流的范围".into());
        }
        let mut out = Vec::new();
        let mut next = start;
        let mut seen = vec![false; self.mini_fat.len()];
        while (out.len() as u64) < size {
            match seen.get_mut(next as usize) {
                Some(true) => return Err("迷你扇区链循环".into()),
                Some(visited) => *visited = true,
                None => return Err(format!("迷你扇区 {next} 不在迷你 FAT 中")),
            }
            let at = next as usize * 64;
            let sector = self
                .mini_stream
                .get(at..at + 64)
                .ok_or_else(|| format!("迷你扇区 {next} 超出迷你流"))?;
            out.extend_from_slice(sector);
            next = *self
                .mini_fat
                .get(next as usize)
                .ok_or_else(|| format!("迷你扇区 {next} 不在迷你 FAT 中"))?;
        }
        out.truncate(size as usize);
        Ok(out)
    }

    /// Whether the root storage holds a stream named `name` (compared without case).
    pub(crate) fn has_stream(&self, name: &str) -> bool {
        self.top_level()
            .iter()
            .any(|e| e.kind == 2 && e.name.eq_ignore_ascii_case(name))
    }

    /// The top-level stream named `name` (compared without case), `Ok(None)` if there is none.
    pub(crate) fn stream(&self, name: &str) -> Result<Option<Vec<u8>>, Broken> {
        let Some(entry) = self
            .top_level()
            .into_iter()
            .find(|e| e.kind == 2 && e.name.eq_ignore_ascii_case(name))
        else {
            return Ok(None);
        };
        let data = if entry.size < self.mini_cutoff {
            self.mini_chain(entry.start, entry.size)?
        } else {
            self.chain(entry.start, Some(entry.size))?
        };
        Ok(Some(data))
    }

    /// The children of the root storage: its red-black tree walked through the siblings, each
    /// entry visited at most once.
    fn top_level(&self) -> Vec<&Entry> {
        let mut out = Vec::new();
        let mut seen = vec![false; self.entries.len()];
        let mut stack = vec![self.entries.first().map_or(NO_STREAM, |r| r.child)];
        while let Some(id) = stack.pop() {
            let Some(entry) = self.entries.get(id as usize) else {
                continue;
            };
            if std::mem::replace(&mut seen[id as usize], true) {
                continue;
            }
            out.push(entry);
            stack.push(entry.left);
            stack.push(entry.right);
        }
        out
    }
}
