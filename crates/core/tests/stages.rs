//! The modules of `crates/core/src` depend on one another without a cycle, the model (the JSON
//! contract) depends on no stage, and every module names only modules of the layers below it
//! ([`ORDER`]).
//!
//! The test reads every `.rs` file under `src`, and for each top-level module collects the other
//! top-level modules its code names: `crate::name…`, `use crate::{name, other::Item}` (the first
//! name of every path of a brace group, however deeply nested), and `super::…` paths of nested
//! modules that climb to the crate root. Comments, string and character literals, and
//! `#[cfg(test)]` items (inline test modules and `mod tests;` files) are left out: a stage's tests
//! run the whole pipeline, which is a test's right and not a dependency of the stage.
//!
//! `cargo test -p baogao-core --test stages -- --nocapture` prints the graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The modules the model may name: helpers that depend on nothing of the analysis.
const MODEL_MAY_USE: &[&str] = &["span"];

/// Every top-level module, bottom layer first: each may name only modules before it.
const ORDER: &[&str] = &[
    // Leaves: helpers that know nothing of the analysis.
    "span",
    "pattern",
    "numerals",
    "data",
    "traditional",
    // The JSON contract.
    "model",
    // Helpers that read a string into the model's terms, and dated knowledge.
    "dates",
    "genre",
    "marker",
    "knowledge",
    // The stages, in the order the pipeline runs them.
    "ingest",
    "clean",
    "metadata",
    "structure",
    "parts",
    "quantity",
    "indicators",
    "terms",
    "keywords",
    "checks",
    // The pipeline.
    "analysis",
    // Readers of finished analyses.
    "comparison",
    "export",
];

type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn the_stages_form_no_cycle() {
    let graph = crate_graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    for (module, uses) in &graph {
        let uses: Vec<&str> = uses.iter().map(String::as_str).collect();
        eprintln!("{module:>12} -> {}", uses.join(" "));
    }
    assert!(graph.contains_key("model") && graph.contains_key("analysis"));
    if let Some(cycle) = find_cycle(&graph) {
        panic!("the modules form a cycle: {}", cycle.join(" -> "));
    }
}

#[test]
fn the_model_uses_no_stage() {
    let graph = crate_graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let stages: Vec<&String> = graph["model"]
        .iter()
        .filter(|m| !MODEL_MAY_USE.contains(&m.as_str()))
        .collect();
    assert!(stages.is_empty(), "the model names {stages:?}");
}

#[test]
fn every_module_names_only_the_layers_below_it() {
    let graph = crate_graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let rank = |m: &str| ORDER.iter().position(|o| *o == m);
    let mut upward = Vec::new();
    for (module, uses) in &graph {
        let Some(at) = rank(module) else {
            panic!("`{module}` is not in ORDER: place it in its layer");
        };
        upward.extend(
            uses.iter()
                .filter(|u| rank(u).is_none_or(|r| r > at))
                .map(|u| format!("{module} -> {u}")),
        );
    }
    assert!(upward.is_empty(), "names a later module: {upward:?}");
    assert_eq!(
        graph.len(),
        ORDER.len(),
        "ORDER lists a module that is gone"
    );
}

// ---------------------------------------------------------------------------------------------
// The graph

/// For each top-level module under `src`, the other top-level modules it names.
fn crate_graph(src: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: Vec<(Vec<String>, String)> = files
        .iter()
        .filter_map(|f| {
            let path = module_path(src, f)?;
            let code = std::fs::read_to_string(f).expect("a source file reads");
            Some((path, code))
        })
        .collect();
    let mut test_only: Vec<Vec<String>> = Vec::new();
    let mut found: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for (path, code) in &modules {
        let (names, tests) = references(code, path.len());
        test_only.extend(tests.into_iter().map(|t| [path.clone(), vec![t]].concat()));
        found.push((path.clone(), names));
    }
    let top: BTreeSet<String> = modules.iter().map(|(p, _)| p[0].clone()).collect();
    let mut graph = Graph::new();
    for (path, names) in found {
        if test_only.iter().any(|t| path.starts_with(t)) {
            continue;
        }
        let uses = graph.entry(path[0].clone()).or_default();
        for name in names {
            assert!(
                top.contains(&name),
                "{}: `crate::{name}` is not a module (name the module that defines it)",
                path.join("::")
            );
            if name != path[0] {
                uses.insert(name);
            }
        }
    }
    graph
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src reads")
        .map(|e| e.expect("an entry reads").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `checks/a001_rate_mismatch.rs` → `[checks, a001_rate_mismatch]`, `checks/mod.rs` →
/// `[checks]`; `None` for `lib.rs`, the root.
fn module_path(src: &Path, file: &Path) -> Option<Vec<String>> {
    let relative = file.strip_prefix(src).ok()?.with_extension("");
    let mut path: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if path.last().is_some_and(|l| l == "mod") {
        path.pop();
    }
    (path != ["lib"]).then_some(path)
}

/// A cycle of `graph`, as the modules around it with the first repeated at the end.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            return Some([&stack[at..], &[node.to_owned()]].concat());
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

// ---------------------------------------------------------------------------------------------
// Reading the source

/// The top-level modules `code` names (a file `depth` modules below the root), and the names of
/// the `#[cfg(test)] mod name;` files it declares.
fn references(code: &str, depth: usize) -> (Vec<String>, Vec<String>) {
    let (tokens, test_files) = without_test_items(&tokens(&strip(code)));
    let mut names = Vec::new();
    // Each open brace, and whether it opened an inline module.
    let mut braces: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].as_str();
        match t {
            "{" => braces.push(i >= 2 && tokens[i - 2] == "mod"),
            "}" => {
                braces.pop();
            }
            "crate" if tokens.get(i + 1).is_some_and(|n| n == "::") => {
                i = root_path(&tokens, i + 2, &mut names);
                continue;
            }
            "super" if tokens.get(i + 1).is_some_and(|n| n == "::") => {
                let here = depth + braces.iter().filter(|m| **m).count();
                let mut up = 0;
                let mut j = i;
                while tokens.get(j).is_some_and(|t| t == "super")
                    && tokens.get(j + 1).is_some_and(|t| t == "::")
                {
                    up += 1;
                    j += 2;
                }
                i = if up >= here {
                    root_path(&tokens, j, &mut names)
                } else {
                    j
                };
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    (names, test_files)
}

/// Read the path after `crate::` starting at `tokens[i]`: a name, or a brace group whose every
/// path's first name counts. Returns the index after what was read.
fn root_path(tokens: &[String], i: usize, names: &mut Vec<String>) -> usize {
    let Some(first) = tokens.get(i) else {
        return i;
    };
    if first != "{" {
        if is_ident(first) && first != "self" {
            names.push(first.clone());
        }
        return i + 1;
    }
    let mut depth = 0;
    let mut path_start = true;
    let mut j = i;
    while let Some(t) = tokens.get(j) {
        match t.as_str() {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if depth == 0 {
                    return j + 1;
                }
            }
            "," if depth == 1 => path_start = true,
            t if depth == 1 && path_start => {
                if is_ident(t) && t != "self" {
                    names.push(t.to_owned());
                }
                path_start = false;
            }
            _ => {}
        }
        j += 1;
    }
    j
}

fn is_ident(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// The tokens without the items marked `#[cfg(test)]`, and the names of the test modules declared
/// as files (`#[cfg(test)] mod tests;`).
fn without_test_items(tokens: &[String]) -> (Vec<String>, Vec<String>) {
    const CFG_TEST: [&str; 7] = ["#", "[", "cfg", "(", "test", ")", "]"];
    let mut out = Vec::new();
    let mut files = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i..].starts_with(&CFG_TEST.map(String::from)) {
            out.push(tokens[i].clone());
            i += 1;
            continue;
        }
        // The item runs to its `;` or to the brace that closes its body.
        let mut j = i + CFG_TEST.len();
        let mut depth = 0;
        while let Some(t) = tokens.get(j) {
            match t.as_str() {
                "[" | "(" => depth += 1,
                "]" | ")" => depth -= 1,
                ";" if depth == 0 => break,
                "{" if depth == 0 => {
                    j = closing_brace(tokens, j);
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        if tokens.get(j).is_some_and(|t| t == ";") && j >= 2 && tokens[j - 2] == "mod" {
            files.push(tokens[j - 1].clone());
        }
        i = j + 1;
    }
    (out, files)
}

/// The index of the `}` that closes the `{` at `open`.
fn closing_brace(tokens: &[String], open: usize) -> usize {
    let mut depth = 0;
    for (k, t) in tokens.iter().enumerate().skip(open) {
        match t.as_str() {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

/// Identifiers, `::` and single punctuation characters.
fn tokens(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push("::".to_owned());
            i += 2;
        } else {
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
            i += 1;
        }
    }
    out
}

/// `code` with comments, string literals and character literals blanked out (a lifetime stays).
fn strip(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let skip = if rest.starts_with(&['/', '/']) {
            rest.iter().position(|c| *c == '\n').unwrap_or(rest.len())
        } else if rest.starts_with(&['/', '*']) {
            block_comment(rest)
        } else if rest[0] == '"' || raw_string_start(rest).is_some() {
            string_literal(rest)
        } else if rest[0] == '\'' {
            char_literal(rest)
        } else {
            0
        };
        if skip == 0 {
            out.push(chars[i]);
            i += 1;
        } else {
            out.push(' ');
            i += skip;
        }
    }
    out
}

/// The length of the (possibly nested) block comment at the start of `s`.
fn block_comment(s: &[char]) -> usize {
    let mut depth = 0;
    let mut i = 0;
    while i < s.len() {
        if s[i..].starts_with(&['/', '*']) {
            depth += 1;
            i += 2;
        } else if s[i..].starts_with(&['*', '/']) {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    s.len()
}

/// How many `#` a raw string starting at `s` (`r"`, `r#"`, `br"`) has.
fn raw_string_start(s: &[char]) -> Option<usize> {
    let s = s.strip_prefix(&['b']).unwrap_or(s);
    let s = s.strip_prefix(&['r'])?;
    let hashes = s.iter().take_while(|c| **c == '#').count();
    (s.get(hashes) == Some(&'"')).then_some(hashes)
}

/// The length of the string literal at the start of `s`, plain or raw.
fn string_literal(s: &[char]) -> usize {
    if let Some(hashes) = raw_string_start(s) {
        let open = s.iter().position(|c| *c == '"').unwrap_or(0) + 1;
        let close: Vec<char> = std::iter::once('"')
            .chain(std::iter::repeat_n('#', hashes))
            .collect();
        return (open..s.len())
            .find(|&k| s[k..].starts_with(&close))
            .map_or(s.len(), |k| k + close.len());
    }
    let mut i = 1;
    while i < s.len() {
        match s[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    s.len()
}

/// The length of the character literal at the start of `s`, or 0 for a lifetime (`'a`).
fn char_literal(s: &[char]) -> usize {
    if s.get(1) == Some(&'\\') {
        return s
            .iter()
            .skip(2)
            .position(|c| *c == '\'')
            .map_or(0, |k| k + 3);
    }
    if s.get(2) == Some(&'\'') {
        return 3;
    }
    0
}

// ---------------------------------------------------------------------------------------------
// The reader on small invented inputs

fn names_in(code: &str, depth: usize) -> Vec<String> {
    let mut names = references(code, depth).0;
    names.sort();
    names.dedup();
    names
}

#[test]
fn reads_crate_paths_and_nested_brace_groups() {
    let code = "use crate::span::Span;\n\
                use crate::{clean::{self, Line}, model::{Analysis, Section}, numerals};\n\
                fn f() { crate::pattern::regex(\"x\"); }";
    assert_eq!(
        names_in(code, 1),
        ["clean", "model", "numerals", "pattern", "span"]
    );
    assert_eq!(names_in("use crate::{self, a::b};", 1), ["a"]);
    assert_eq!(names_in("pub(crate) fn f() {}", 1), Vec::<String>::new());
}

#[test]
fn reads_super_paths_that_reach_the_root() {
    // In `checks/a001.rs` (depth 2): `super::` is `checks`, `super::super::` the root.
    assert_eq!(
        names_in("use super::{Check, Finding};", 2),
        Vec::<String>::new()
    );
    assert_eq!(
        names_in("use super::super::quantity::Kind;", 2),
        ["quantity"]
    );
    assert_eq!(
        names_in("use super::super::{dates, span::Span};", 2),
        ["dates", "span"]
    );
    // An inline module is one level deeper.
    assert_eq!(
        names_in("mod inner { use super::super::clean; }", 1),
        ["clean"]
    );
    assert_eq!(
        names_in("mod inner { use super::Thing; }", 1),
        Vec::<String>::new()
    );
}

#[test]
fn leaves_out_comments_strings_and_test_items() {
    let code = "//! See [`crate::analysis`].\n\
                /* crate::checks /* nested */ crate::keywords */\n\
                const S: &str = \"crate::metadata\";\n\
                const R: &str = r#\"crate::parts\"#;\n\
                const C: char = '\"'; fn f<'a>(x: &'a str) { crate::span::is_han('x'); }\n\
                #[cfg(test)]\n\
                mod tests { use crate::analysis::analyze; }\n\
                #[cfg(test)]\n\
                mod number_cases;\n\
                use crate::clean::Line;";
    assert_eq!(names_in(code, 1), ["clean", "span"]);
    assert_eq!(references(code, 1).1, ["number_cases"]);
}

#[test]
fn finds_a_cycle_and_only_a_cycle() {
    let graph = |edges: &[(&str, &str)]| {
        let mut g = Graph::new();
        for (a, b) in edges {
            g.entry((*a).to_owned())
                .or_default()
                .insert((*b).to_owned());
            g.entry((*b).to_owned()).or_default();
        }
        g
    };
    let layered = graph(&[
        ("analysis", "checks"),
        ("checks", "model"),
        ("analysis", "model"),
    ]);
    assert_eq!(find_cycle(&layered), None);
    let cyclic = graph(&[
        ("analysis", "checks"),
        ("checks", "knowledge"),
        ("knowledge", "checks"),
    ]);
    assert_eq!(
        find_cycle(&cyclic),
        Some(vec!["checks".into(), "knowledge".into(), "checks".into()])
    );
}

#[test]
fn a_file_of_a_test_module_is_left_out() {
    let dir = std::env::temp_dir().join(format!("baogao-stages-{}", std::process::id()));
    let write = |path: &str, code: &str| {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().expect("a parent")).expect("a directory");
        std::fs::write(file, code).expect("a file");
    };
    write("lib.rs", "pub mod a;\npub mod b;\n");
    write("a/mod.rs", "use crate::b::X;\n#[cfg(test)]\nmod tests;\n");
    write("a/tests.rs", "use crate::b::run;\n");
    write(
        "b.rs",
        "pub struct X;\n#[cfg(test)]\nmod tests { use crate::a; }\n",
    );
    let graph = crate_graph(&dir);
    std::fs::remove_dir_all(&dir).expect("cleaned up");
    assert_eq!(graph["a"], BTreeSet::from(["b".to_owned()]));
    assert!(graph["b"].is_empty());
    assert_eq!(find_cycle(&graph), None);
}
