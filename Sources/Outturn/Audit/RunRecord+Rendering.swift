/// The run record in every report format (docs/planner.md, *Audit trail*): one function per kind of
/// output, shared by every report (forecast, variance, compare, evaluate, monitor), so that the
/// record reads the same wherever it appears.
///
/// - table and Markdown: a short footer (``footerLines``): the planner, command, run date and seed,
///   each input with the first 12 hex digits of its SHA-256, and the assumptions;
/// - HTML and the workbook: ``auditTrailTable`` (every digest in full), as the page's "Audit trail"
///   section (``PageSection/auditTrail(_:)``) and the workbook's "Run" sheet (``Workbook/Sheet/run(_:)``);
/// - JSON: ``json`` as the report's last key, `run`; CSV: the `FILE.run.json` sidecar only.
extension RunRecord {
    /// Hex digits of a SHA-256 shown in a footer: enough to tell files apart at a glance (the
    /// JSON, the sidecar, the page and the workbook carry all 64).
    package static let footerDigestLength = 12

    /// The footer's parts: the `Run:` headline (`planner 0.1.0 forecast, 2026-11-30T00:00:00Z, seed 20220401`),
    /// then `Inputs:` (`ledger ledger.csv sha256 1a2b3c4d5e6f…`, one item per file) and `Assumptions:`
    /// (`name value`, one item each), each left out when it has no items. Text is escaped for display.
    var footerParts: [(label: String, items: [String])] {
        var parts = [(label: "Run", items: ["planner \(plannerVersion) \(command), \(runDate)" + (seed.map { ", seed \($0)" } ?? "")])]
        if !inputs.isEmpty {
            parts.append(("Inputs", inputs.map {
                "\($0.role) \(RunRecord.shownPath($0.path)) sha256 \($0.sha256.prefix(RunRecord.footerDigestLength))…"
            }))
        }
        if !assumptions.isEmpty { parts.append(("Assumptions", footerAssumptions)) }
        return parts.map { ($0.label, $0.items.map(DisplayText.escaped)) }
    }

    /// The assumptions as footer items, `name value`; a comparison's pair `a.X` and `b.X` is said once,
    /// `X value` when A and B agree, else `X value (A), value (B)`, so that a reader sees what differs.
    var footerAssumptions: [String] {
        let values = Dictionary(assumptions.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        var items: [String] = []
        for assumption in assumptions {
            let name = assumption.name
            if name.hasPrefix("a."), let b = values["b." + name.dropFirst(2)] {
                let key = name.dropFirst(2)
                items.append(b == assumption.value ? "\(key) \(b)" : "\(key) \(assumption.value) (A), \(b) (B)")
            } else if name.hasPrefix("b."), values["a." + name.dropFirst(2)] != nil {
                continue  // said with its A
            } else {
                items.append("\(name) \(assumption.value)")
            }
        }
        return items
    }

    /// The footer as lines, unwrapped: `Run: …`, `Inputs: a; b; …`, `Assumptions: a; b; …`.
    package var footerLines: [String] { footerParts.map { "\($0.label): " + $0.items.joined(separator: "; ") } }

    /// A bundled input as a reader knows it: `bundled:ledger.csv (bundled)` → `ledger.csv (bundled)`.
    static func shownPath(_ path: String) -> String {
        path.hasPrefix("bundled:") && path.hasSuffix(" (bundled)") ? String(path.dropFirst("bundled:".count)) : path
    }

    /// The footer under a text table: a blank line, then each of ``footerLines`` broken between its
    /// items (never inside one, unless one alone is wider) into lines of at most `width` characters,
    /// continuation lines indented by two spaces; ends with a newline.
    package func textFooter(width: Int = 100) -> String {
        var out = "\n"
        for part in footerParts {
            var line = part.label + ":"
            for (index, item) in part.items.enumerated() {
                let piece = item + (index + 1 < part.items.count ? ";" : "")
                if line.count + 1 + piece.count > width, line != part.label + ":" {
                    out += line + "\n"
                    line = "  " + piece
                } else {
                    line += " " + piece
                }
            }
            out += line + "\n"
        }
        return out
    }

    /// The footer under a Markdown report: a blank line, the `Run:` line as a paragraph, then the
    /// inputs and assumptions as a list (one item each, so a renderer wraps them); ends with a newline.
    package var markdownFooter: String {
        let lines = footerLines
        return "\n" + lines[0] + "\n" + (lines.count > 1 ? "\n" + lines.dropFirst().map { "- " + $0 + "\n" }.joined() : "")
    }

    /// The record as a table of items and values, every digest in full: `Produced by` (planner,
    /// version, command), `Run date`, `Scenario`, one row per input (`Input: ledger` → path, bytes,
    /// SHA-256), one per assumption (its scenario key), and `Seed`. The HTML page's "Audit trail"
    /// and the workbook's "Run" sheet are this table.
    package var auditTrailTable: DocumentTable {
        var rows: [[DocumentCell]] = [[.text("Produced by"), .text("Outturn planner \(plannerVersion) \(command)")],
                                      [.text("Run date"), .text(runDate)]]
        if let scenarioFile { rows.append([.text("Scenario"), .text(scenarioFile)]) }
        for input in inputs {
            rows.append([.text("Input: \(input.role)"),
                         .text("\(input.path), \(Money.grouped(UInt64(input.bytes))) bytes, SHA-256 \(input.sha256)")])
        }
        rows += assumptions.map { [.text($0.name), .text($0.value)] }
        if let seed { rows.append([.text("Seed"), .text(String(seed))]) }
        return DocumentTable(title: "Run", columns: ["Item", "Value"], rows: rows)
    }
}

extension PageSection {
    /// The page's "Audit trail": the facts of ``RunRecord/auditTrailTable``.
    package static func auditTrail(_ run: RunRecord) -> PageSection {
        PageSection(heading: "Audit trail", content: .facts(run.auditTrailTable.rows.map {
            .init(name: $0[0].display, value: $0[1].display)
        }))
    }
}

extension Workbook.Sheet {
    /// The workbook's "Run" sheet: ``RunRecord/auditTrailTable``.
    package static func run(_ run: RunRecord) -> Workbook.Sheet {
        Workbook.Sheet(name: "Run", table: run.auditTrailTable)
    }
}
