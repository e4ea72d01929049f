import Testing
@testable import Outturn

@Suite("Fiscal years")
struct FiscalYearTests {
    @Test("parses the report's spelling and round-trips it")
    func parsesAndPrints() {
        #expect(FiscalYear("2021/22")?.startYear == 2021)
        #expect(FiscalYear("2021-22")?.description == "2021/22")
        #expect(FiscalYear("1999/2000")?.description == "1999/00")
        #expect(FiscalYear("2021/22")?.next.description == "2022/23")
    }

    @Test("rejects years whose halves do not follow")
    func rejectsNonConsecutive() {
        #expect(FiscalYear("2021/23") == nil)
        #expect(FiscalYear("21/22") == nil)
        #expect(FiscalYear("2021") == nil)
        #expect(FiscalYear("abcd/ef") == nil)
    }
}
