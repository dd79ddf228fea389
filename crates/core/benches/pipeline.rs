//! Throughput of the whole pipeline and of its stages over the corpus reports (or the built-in
//! sample report when `../shared/corpus` is absent). Run with `cargo bench -p baogao-core`.

use std::hint::black_box;
use std::path::Path;

use baogao_core::analysis::analyze_document;
use baogao_core::{analyze, clean, ingest, keywords, metadata, structure, Options};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn reports() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        texts.push(include_str!("../../../web/sample-report.txt").to_owned());
    }
    texts
}

fn bench(c: &mut Criterion) {
    let texts = reports();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("analyze", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(analyze(black_box(t), &Options::default()));
            }
        })
    });
    group.bench_function("ingest_gb18030", |b| {
        let encoded: Vec<Vec<u8>> = texts
            .iter()
            .map(|t| encoding_rs::GB18030.encode(t).0.into_owned())
            .collect();
        b.iter(|| {
            for e in &encoded {
                black_box(ingest("r.txt", black_box(e)).ok());
            }
        })
    });
    group.bench_function("clean", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(clean::clean(black_box(t)));
            }
        })
    });
    group.bench_function("metadata_and_structure", |b| {
        let cleaned: Vec<_> = texts.iter().map(|t| clean::clean(t)).collect();
        b.iter(|| {
            for (t, c) in texts.iter().zip(&cleaned) {
                let mut c = c.clone();
                let (_, _, frame_lines) = black_box(metadata::read(t, &c));
                metadata::mark(&mut c, &frame_lines);
                black_box(structure::sections(t, &c.lines));
            }
        })
    });
    group.bench_function("keywords", |b| {
        let prepared: Vec<_> = texts
            .iter()
            .map(|t| {
                let mut c = clean::clean(t);
                let (m, _, frame_lines) = metadata::read(t, &c);
                metadata::mark(&mut c, &frame_lines);
                let s = structure::sections(t, &c.lines);
                (t, c, m, s)
            })
            .collect();
        keywords::warm_up();
        b.iter(|| {
            for (t, c, m, s) in &prepared {
                let places: Vec<&str> = m.region.iter().map(String::as_str).collect();
                black_box(keywords::keywords(t, &c.lines, s, &places, &[]));
            }
        })
    });
    group.finish();

    // Building the segmenter: lexicon and policy terms, once per process (or page).
    c.bench_function("segmenter_init", |b| {
        b.iter(|| black_box(keywords::segmenter(black_box(&keywords::LEXICON))))
    });

    // Each check over the analysed reports.
    let analysed: Vec<_> = texts
        .iter()
        .map(|t| (t, analyze_document(t, &Options::default())))
        .collect();
    let mut group = c.benchmark_group("checks");
    group.throughput(Throughput::Bytes(bytes));
    for check in baogao_core::checks::ALL {
        group.bench_function(check.meta().code, |b| {
            b.iter(|| {
                for (t, a) in &analysed {
                    let doc = a.document(t, &[]);
                    let mut out = Vec::new();
                    check.run(&doc, &mut out);
                    black_box(out);
                }
            })
        });
    }
    group.finish();

    // Extraction must stay linear whatever the numbers look like: 1 MB of very long numbers.
    let mut long = String::new();
    let mut k = 0usize;
    while long.len() < 1024 * 1024 {
        k += 1;
        long.push_str(&format!(
            "共办理{}件，增长{}.{}%，金额{}万元，{}余人次，{}-{}年，",
            "9".repeat(40 + k % 200),
            "1".repeat(30),
            "2".repeat(30),
            "3".repeat(60),
            "一二三四五六七八九十百千万亿".repeat(3 + k % 10),
            "2".repeat(120),
            "8".repeat(120)
        ));
        if k % 20 == 0 {
            long.push('\n');
        }
    }
    // One paragraph of 2 MB with a rate and its counts in every sentence: relations stay linear.
    let paragraph = format!(
        "一、主要成效\n{}",
        "全年办理行政复议案件219件，其中纠错51件，纠错率为23.29%。".repeat(20_000)
    );
    let mut group = c.benchmark_group("quantities");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(paragraph.len() as u64));
    group.bench_function("one_paragraph_of_rates_2mb", |b| {
        b.iter(|| {
            black_box(
                analyze(black_box(&paragraph), &Options::default())
                    .relations
                    .len(),
            )
        })
    });
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("one_megabyte_of_long_numbers", |b| {
        b.iter(|| {
            black_box(
                analyze(black_box(&long), &Options::default())
                    .quantities
                    .len(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
