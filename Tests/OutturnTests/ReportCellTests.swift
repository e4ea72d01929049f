import Testing
@testable import Outturn

@Suite("Report cells")
struct ReportCellTests {
    @Test("a probability that is not certain never shows as 0% or 100%")
    func probabilitiesNearCertaintyAreNotRoundedToIt() {
        #expect(ReportCell.probability(0.9984).display == ">99%")
        #expect(ReportCell.probability(0.00053).display == "<1%")
        #expect(ReportCell.probability(1).display == "100%")
        #expect(ReportCell.probability(0).display == "0%")
        #expect(ReportCell.probability(0.994).display == "99%")
        #expect(ReportCell.probability(0.372).display == "37%")
        #expect(ReportCell.probability(0.9984).csv == "0.9984")
    }
}
