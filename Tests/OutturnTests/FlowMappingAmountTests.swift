import Outturn
import Testing

/// `change: { amount: -50,000, note: "…" }`: amounts with thousands separators inside a YAML flow
/// mapping, as finance writes them (issue 9).
@Suite("Amounts in flow mappings")
struct FlowMappingAmountTests {
    static func scenario(_ airwave: String) throws -> Scenario {
        try Scenario(yaml: """
        ledger: ledger.csv
        target_year: 2022/23
        lines:
          Airwave:
            budget: £763,042
        \(airwave)
          DSD: 1,838,691   # { amount: 1,000 } in a comment is left alone
        """, fileName: "s.yaml")
    }

    static func error(_ airwave: String) -> InputError? {
        do { _ = try scenario(airwave); return nil } catch { return error as? InputError }
    }

    @Test("-50,000 in braces is minus fifty thousand pounds, and the note keeps its own commas")
    func separatorsKept() throws {
        let s = try Self.scenario("    change: { amount: -50,000, note: \"saves 1,000, says: 2,000, }\" }")
        let airwave = try #require(s.lines.first { $0.name == "Airwave" })
        #expect(airwave.change == Money(pence: -5_000_000))
        #expect(airwave.note == "saves 1,000, says: 2,000, }")
        #expect(s.lines.first { $0.name == "DSD" }?.budget == Money(pence: 183_869_100))
    }

    @Test("millions with pence, brackets for a negative, a suffix, and a value before the closing brace", arguments: [
        ("{ amount: 1,234,567.89 }", 123_456_789), ("{amount: (1,234)}", -123_400), ("{ amount: £2,500k, note: x }", 250_000_000),
        ("{ note: 'a', amount: -1,000 }", -100_000),
    ])
    func forms(written: String, pence: Int64) throws {
        let s = try Self.scenario("    change: \(written)")
        #expect(s.lines.first { $0.name == "Airwave" }?.change == Money(pence: pence))
    }

    @Test("the change's note is added to the line's note")
    func notesJoined() throws {
        let s = try Self.scenario("    note: contract ends\n    change: { amount: -50,000, note: renegotiated }")
        #expect(s.lines.first { $0.name == "Airwave" }?.note == "contract ends; renegotiated")
    }

    @Test("a bad amount, a missing amount or an unknown key in the braces is an error on its own line")
    func errors() throws {
        let garbled = try #require(Self.error("    change: { amount: -50,00x, note: x }"))
        #expect(garbled.line == 6)
        #expect(garbled.message.contains("'-50,00x' is not an amount"))
        let missing = try #require(Self.error("    change: { note: x }"))
        #expect(missing.line == 6)
        #expect(missing.message.contains("has no amount"))
        let unknown = try #require(Self.error("    change: { amount: 1,000, nte: x }"))
        #expect(unknown.hint == "did you mean 'note'?")
        // The quoting adds no line: an error after the braces still names its own line.
        let later = try #require(Self.error("    change: { amount: -50,000 }\n    growth: 5 apples"))
        #expect(later.line == 7)
    }
}
