import Foundation
import Outturn
import Testing
import _TestSupport

@Suite("Income through the budgets file and hold_latest_budget")
struct IncomeBudgetsFileTests {
    static let ledger = "line,year,budget,actual\nStaff,2021/22,100000,100000\nFees,2021/22,-20000,-18000\nGrant,2021/22,-5000,-5000\n"

    @Test("a negative budget in the budgets file, or a negative latest budget held, is an income line")
    func negativeBudgetsAreIncome() throws {
        let ledger = try Ledger(csv: Self.ledger, fileName: "l.csv")
        var scenario = Scenario(fileName: "s.yaml", ledgerPath: "l.csv", targetYear: FiscalYear("2022/23")!, lines: [])
        scenario.unlistedLines = .holdLatestBudget
        let budgets = try CSVRowReader(text: "line,budget\nStaff,\"110,000\"\nFees,\"-21,000\"\n", fileName: "b.csv")
        let resolved = try ResolvedScenario(scenario: scenario, ledger: ledger, activity: [], budgets: budgets)
        #expect(resolved.scenario.lines.map(\.kind) == [.spending, .income, .income])
        #expect(resolved.scenario.lines.map(\.budget) == [110_000, -21_000, -5_000].map { Money(pounds: $0) })
    }

    @Test("income budgeted positive in the budgets file is an error at its row, with the negative amount as the hint")
    func signSlipInBudgetsFile() throws {
        let ledger = try Ledger(csv: Self.ledger, fileName: "l.csv")
        var scenario = Scenario(fileName: "s.yaml", ledgerPath: "l.csv", targetYear: FiscalYear("2022/23")!, lines: [])
        scenario.unlistedLines = .holdLatestBudget
        let budgets = try CSVRowReader(text: "line,budget\nStaff,\"110,000\"\nFees,\"21,000\"\n", fileName: "b.csv")
        do {
            _ = try ResolvedScenario(scenario: scenario, ledger: ledger, activity: [], budgets: budgets)
            Issue.record("a positive budget for an income line was accepted")
        } catch let error as InputError {
            #expect(error.file == "b.csv" && error.line == 3)
            #expect(error.message.contains("'Fees' is spending here") && error.hint == "income is written negative, as in the ledger: -21,000")
        }
    }
}
