import Foundation
@testable import Outturn
import Testing

@Suite("The run record in every format: footer, audit trail, Run sheet")
struct RunRecordRenderingTests {
    static let digest = String(repeating: "0123456789abcdef", count: 4)

    static func record(assumptions: [(String, String)], seed: UInt64? = 7) -> RunRecord {
        RunRecord(plannerVersion: "9.9", command: "compare", scenarioFile: "a.yaml",
                  inputs: [.init(role: "a.ledger", path: "bundled:ledger.csv (bundled)", bytes: 1_234, sha256: digest),
                           .init(role: "b.ledger", path: "dir/ledger b.csv", bytes: 5, sha256: digest)],
                  assumptions: assumptions.map { .init(name: $0.0, value: $0.1) }, seed: seed, runDate: "2026-11-30T00:00:00Z")
    }

    @Test("the text footer breaks between items, never inside one; lines fit the width; continuations are indented")
    func wrapsBetweenItems() {
        let items = (1...30).map { ("setting.number\($0)", "\($0 * 7)%") }
        let record = Self.record(assumptions: items)
        let footer = record.textFooter(width: 60)
        let lines = footer.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast().map(String.init)
        #expect(footer.hasPrefix("\n") && footer.hasSuffix("\n"))
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines)")
        #expect(lines[0] == "Run: planner 9.9 compare, 2026-11-30T00:00:00Z, seed 7")
        // Joining the lines back gives the unwrapped footer: nothing lost, no item split.
        let assumptionLines = lines.drop { !$0.hasPrefix("Assumptions: ") }
        let rejoined = assumptionLines.map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : $0 }.joined(separator: " ")
        #expect(rejoined == record.footerLines.last)
        for line in assumptionLines.dropFirst() { #expect(line.hasPrefix("  setting.number")) }
    }

    @Test("the footer shows 12 hex digits of each digest and a bundled input by its name; the table keeps all 64")
    func digests() {
        let record = Self.record(assumptions: [])
        #expect(record.footerLines == ["Run: planner 9.9 compare, 2026-11-30T00:00:00Z, seed 7",
                                       "Inputs: a.ledger ledger.csv (bundled) sha256 0123456789ab…; b.ledger dir/ledger b.csv sha256 0123456789ab…"])
        let rows = record.auditTrailTable.rows.map { $0.map(\.display) }
        #expect(rows.contains(["Input: a.ledger", "bundled:ledger.csv (bundled), 1,234 bytes, SHA-256 \(Self.digest)"]))
        #expect(rows.first == ["Produced by", "Outturn planner 9.9 compare"])
        #expect(rows.last == ["Seed", "7"])
    }

    @Test("a comparison's A and B assumptions are said once when they agree, side by side when they differ")
    func comparisonAssumptions() {
        let record = Self.record(assumptions: [("a.inflation", "3%"), ("a.seed", "1"), ("b.inflation", "3%"), ("b.seed", "2"),
                                               ("lines", "5")])
        #expect(record.footerAssumptions == ["inflation 3%", "seed 1 (A), 2 (B)", "lines 5"])
        // The JSON and the table keep every name as recorded.
        #expect(record.auditTrailTable.rows.filter { $0[0].display.hasPrefix("b.") }.count == 2)
    }

    @Test("the page's audit trail and the workbook's Run sheet are the same rows")
    func oneTableForPageAndWorkbook() {
        let record = Self.record(assumptions: [("inflation", "3%")], seed: nil)
        guard case .facts(let facts) = PageSection.auditTrail(record).content else { Issue.record("not facts"); return }
        let sheet = Workbook.Sheet.run(record)
        #expect(sheet.name == "Run")
        #expect(facts.map { [$0.name, $0.value] } == sheet.table.rows.map { $0.map(\.display) })
        #expect(!facts.contains { $0.name == "Seed" })
    }

    @Test("the Markdown footer: the Run line, then the inputs and assumptions as list items")
    func markdown() {
        let record = Self.record(assumptions: [("inflation", "3%")])
        #expect(record.markdownFooter == "\nRun: planner 9.9 compare, 2026-11-30T00:00:00Z, seed 7\n\n"
                + "- Inputs: a.ledger ledger.csv (bundled) sha256 0123456789ab…; b.ledger dir/ledger b.csv sha256 0123456789ab…\n"
                + "- Assumptions: inflation 3%\n")
    }
}
