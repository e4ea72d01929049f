import Outturn
import Testing
import _TestSupport

@Suite("Bundled data")
struct BundledDataTests {
    @Test("the embedded text equals datasets/gwent-ict byte for byte (rerun scripts/embed-datasets.sh if not)",
          arguments: [("scenario-2022-23.yaml", BundledData.scenario), ("scenario-2022-23-reset.yaml", BundledData.resetScenario),
                      ("ledger.csv", BundledData.ledger),
                      ("activity.csv", BundledData.activity),
                      ("actuals-2022-23-month6.csv", BundledData.actualsToDate)])
    func embeddedMatchesFiles(name: String, embedded: String) throws {
        let file = try Datasets.text("gwent-ict/" + name)
        #expect(Array(embedded.utf8) == Array(file.utf8))
    }

    @Test("activity: channels add up to the report's total calls (19,094; 19,480; 20,846)")
    func activityTotals() throws {
        let series = try ActivitySeries.read(csv: BundledData.activity, fileName: "activity.csv")
        let telephone = series.first { $0.name == "Telephone" }!.values
        let selfService = series.first { $0.name == "Self Service" }!.values
        #expect(zip(telephone, selfService).map { $0 + $1 } == [19_094, 19_480, 20_846])
    }
}

@Suite("CSV output safety")
struct CSVOutputSafetyTests {
    @Test("text cells that a spreadsheet would run as formulas get a leading quote",
          arguments: [("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+44 1633", "'+44 1633"), ("-Contingency", "'-Contingency"),
                      ("@cmd", "'@cmd"), ("Airwave", "Airwave"), ("", "")])
    func neutralised(text: String, expected: String) {
        #expect(CSVEscaping.neutralised(text) == expected)
        #expect(ReportCell.text(text).csv == CSVEscaping.field(expected))
    }

    @Test("numbers stay numbers in CSV: negative amounts are not neutralised")
    func numbersUntouched() {
        #expect(ReportCell.money(Money(pounds: -79_880)).csv == "-79880")
        #expect(ReportCell.percent(-0.8178).csv == "-0.82")
    }
}
