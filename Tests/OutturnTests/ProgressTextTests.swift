@testable import Outturn
import Testing

@Suite("The progress line's words")
struct ProgressTextTests {
    @Test("counts, percent done, rate and time left at that rate")
    func line() {
        // 40,960 of 1,000,000 in 1.5 s: 27,306.67 lines/s; 959,040 left → 35.12 s → about 36 s (rounded up).
        #expect(ProgressText.line(label: "forecast", done: 40_960, total: 1_000_000, unit: "lines", elapsed: 1.5)
                == "forecast: 40,960 of 1,000,000 lines (4%), 27,307 lines/s, about 36 s left")
        // Nothing done yet: no rate, no time left.
        #expect(ProgressText.line(label: "forecast", done: 0, total: 10, unit: "lines", elapsed: 2) == "forecast: 0 of 10 lines (0%)")
        // All done: no time left.
        #expect(ProgressText.line(label: "forecast", done: 10, total: 10, unit: "lines", elapsed: 2) == "forecast: 10 of 10 lines (100%), 5 lines/s")
    }

    @Test("durations in s, min and h; thousands separators")
    func durations() {
        #expect(ProgressText.duration(0.2) == "1 s")
        #expect(ProgressText.duration(59) == "59 s")
        #expect(ProgressText.duration(245) == "4 min 05 s")
        #expect(ProgressText.duration(3_720) == "1 h 02 min")
        #expect(ProgressText.seconds(36.64) == "36.6 s")
        #expect(ProgressText.grouped(999) == "999")
        #expect(ProgressText.grouped(1_000) == "1,000")
        #expect(ProgressText.grouped(1_234_567) == "1,234,567")
    }
}
