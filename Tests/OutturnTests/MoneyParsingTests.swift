import Outturn
import Testing
import _TestSupport

@Suite("Money parsing and formatting")
struct MoneyParsingTests {
    @Test("finance formats parse to exact pence", arguments: [
        ("4625473", 462_547_300), ("£4,625,473", 462_547_300), ("-1,234", -123_400), ("- 1,234", -123_400),
        ("(1,234)", -123_400), ("-£1,234", -123_400), ("£-1,234", -123_400), ("  12.5 ", 1_250), ("0.07", 7),
        ("1,234.56", 123_456), ("- 1,065,190", -106_519_000), ("0", 0),
    ] as [(String, Int64)])
    func parses(text: String, pence: Int64) {
        #expect(Money(parsing: text)?.pence == pence)
    }

    @Test("scenario suffixes: 4.7m, 763k, £1.25k", arguments: [
        ("£4.7m", 470_000_000), ("4.7M", 470_000_000), ("763k", 76_300_000), ("£1.25k", 125_000),
        ("-250,000", -25_000_000), ("1.234567m", 123_456_700),
    ] as [(String, Int64)])
    func parsesSuffixes(text: String, pence: Int64) {
        #expect(Money(parsing: text, allowingSuffixes: true)?.pence == pence)
    }

    @Test("garbled amounts are rejected", arguments: [
        "76304O", "1,23", "12,3456", "1.234", "--5", "(-5)", "", "£", "1.2.3", "abc", "1 234", "4.7m", "1e5",
        "99999999999999999999",
    ])
    func rejects(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    @Test("suffix amounts finer than a penny are rejected")
    func rejectsSubPennySuffix() {
        #expect(Money(parsing: "1.234567891m", allowingSuffixes: true) == nil)
    }

    @Test("formatting groups thousands and shows negatives with a leading minus")
    func formats() {
        #expect(Money(pounds: 1_234_567).formatted() == "£1,234,567")
        #expect(Money(pounds: -79_880).formatted() == "-£79,880")
        #expect(Money(pence: 123_456).formatted(pence: true) == "£1,234.56")
        #expect(Money(pence: -5).formatted(pence: true) == "-£0.05")
        #expect(Money(pence: 150).formatted() == "£2")
        #expect(Money(pence: -7).plainPounds == "-0.07")
        #expect(Money(pence: 0).formatted() == "£0")
    }

    @Test("parsing what formatting writes gives the same amount back (seeded)")
    func roundTrip() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let pence = Int64(bitPattern: generator.next()) % 100_000_000_000
            let money = Money(pence: pence)
            #expect(Money(parsing: money.formatted(pence: true))?.pence == pence, "seed 7, pence \(pence)")
        }
    }

    @Test("sums that leave the Int64 range throw instead of wrapping")
    func overflowThrows() {
        let big = Money(pence: Int64.max - 10)
        #expect(throws: MoneyOverflow.self) { try Money.sum([big, Money(pence: 11)]) }
    }
}
